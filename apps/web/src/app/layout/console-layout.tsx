import { Suspense, useState, type ReactNode } from "react";
import { App as AntApp, Button, Layout, Menu, type MenuProps } from "antd";
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CloudUploadOutlined,
  CalendarOutlined,
  CoffeeOutlined,
  DashboardOutlined,
  EnvironmentOutlined,
  IdcardOutlined,
  GlobalOutlined,
  MailOutlined,
  MenuFoldOutlined,
  MenuOutlined,
  SafetyCertificateOutlined,
  SolutionOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserSwitchOutlined,
} from "@ant-design/icons";
import { Outlet, useLocation, useNavigate } from "react-router";
import { RequireAuth } from "../guards";
import { useT } from "../i18n";
import { appMessages } from "../messages";
import { PageLoading } from "../page-state";
import { CONSOLE_ROLES } from "../roles";
import { useSession } from "../session";
import { AppHeader } from "./app-header";

/** The staff console (/console): a side menu by role, the page beside it. */
export function ConsoleLayout(): ReactNode {
  const t = useT(appMessages);
  const { viewer } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(false);
  const isAdmin = viewer?.roles.includes("ADMIN") ?? false;
  const items: MenuProps["items"] = [
    { key: "/console/dashboard", icon: <DashboardOutlined />, label: t("dashboard") },
    { key: "/console/cohorts", icon: <CalendarOutlined />, label: t("cohorts") },
    { key: "/console/courses", icon: <BookOutlined />, label: t("courses") },
    { key: "/console/certificates", icon: <SafetyCertificateOutlined />, label: t("certificates") },
    { key: "/console/events", icon: <CoffeeOutlined />, label: t("events") },
    { key: "/console/awards", icon: <TrophyOutlined />, label: t("awards") },
    { key: "/console/judges", icon: <SolutionOutlined />, label: t("judges") },
    { key: "/console/enterprises", icon: <BankOutlined />, label: t("enterprises") },
    { key: "/console/trainees", icon: <TeamOutlined />, label: t("trainees") },
    { key: "/console/claims", icon: <SafetyCertificateOutlined />, label: t("claims") },
    { key: "/console/enterprise-links", icon: <AuditOutlined />, label: t("enterpriseLinks") },
    { key: "/console/enterprise-contacts", icon: <AuditOutlined />, label: t("enterpriseContacts") },
    { key: "/console/imports", icon: <CloudUploadOutlined />, label: t("imports") },
    { key: "/console/delivery-failures", icon: <MailOutlined />, label: t("deliveryFailures") },
    { key: "/console/desk/coverage", icon: <EnvironmentOutlined />, label: t("deskCoverage") },
    { key: "/console/desk/commissioners", icon: <IdcardOutlined />, label: t("commissioners") },
    { key: "/console/desk/departments", icon: <ApartmentOutlined />, label: t("deskDepartments") },
    ...(isAdmin
      ? [
          { key: "/console/chambers", icon: <GlobalOutlined />, label: t("chambers") },
          { key: "/console/users", icon: <UserSwitchOutlined />, label: t("users") },
          { key: "/console/audit", icon: <AuditOutlined />, label: t("audit") },
        ]
      : []),
  ];
  const selected = items.map((i) => String(i?.key)).filter((key) => pathname.startsWith(key));
  return (
    <div className="app-shell">
      <AppHeader />
      <RequireAuth roles={CONSOLE_ROLES}>
        {/* message/modal hooks for the console's pages; the trainee portal does without them. */}
        <AntApp component={false}>
          <Layout className="console-layout" hasSider>
            <Layout.Sider
              breakpoint="md"
              collapsedWidth={0}
              collapsed={collapsed}
              onCollapse={setCollapsed}
              trigger={null}
              theme="light"
              width={200}
              className="console-sider"
            >
              <nav aria-label={t("console")} id="console-menu">
                <Menu
                  mode="inline"
                  items={items}
                  selectedKeys={selected}
                  onClick={({ key }) => {
                    navigate(key);
                    if (window.matchMedia("(max-width: 767px)").matches) setCollapsed(true);
                  }}
                />
              </nav>
            </Layout.Sider>
            {/* antd's Content is the page's one <main>. */}
            <Layout.Content className="console-content">
              {/* On a phone the menu folds away; its button sits in a bar of its own, above the page's title. */}
              <div className="console-menu-bar">
                <Button
                  icon={collapsed ? <MenuOutlined aria-hidden /> : <MenuFoldOutlined aria-hidden />}
                  aria-expanded={!collapsed}
                  aria-controls="console-menu"
                  onClick={() => setCollapsed(!collapsed)}
                >
                  {t("menu")}
                </Button>
              </div>
              <div id="main" className="app-main console-main" tabIndex={-1}>
                <Suspense fallback={<PageLoading />}>
                  <Outlet />
                </Suspense>
              </div>
            </Layout.Content>
          </Layout>
        </AntApp>
      </RequireAuth>
    </div>
  );
}
