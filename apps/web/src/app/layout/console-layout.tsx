import { Suspense, useEffect, useState, type KeyboardEvent, type ReactNode } from "react";
import { Button } from "antd";
import {
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  InboxOutlined,
  RiseOutlined,
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
import { Link, Outlet, useLocation } from "react-router";
import { RequireAuth } from "../guards";
import { useT } from "../i18n";
import { appMessages } from "../messages";
import { PageLoading } from "../page-state";
import { ANY_CONSOLE_ROLES, CONSOLE_ROLES, hasAnyRole } from "../roles";
import { useSession } from "../session";
import { AppHeader } from "./app-header";

/** The staff console (/console): a side menu by role, the page beside it. */
export function ConsoleLayout(): ReactNode {
  const t = useT(appMessages);
  const { viewer } = useSession();
  const { pathname } = useLocation();
  const [collapsed, setCollapsed] = useState(narrow);
  // Folds on its own when the window narrows past the breakpoint, opens when it widens.
  useEffect(() => {
    const query = window.matchMedia("(max-width: 767px)");
    const follow = () => setCollapsed(query.matches);
    query.addEventListener("change", follow);
    return () => query.removeEventListener("change", follow);
  }, []);
  const roles = viewer?.roles ?? [];
  const isAdmin = roles.includes("ADMIN");
  const isStaff = hasAnyRole(roles, CONSOLE_ROLES);
  const leads = hasAnyRole(roles, ["LEADER_IN_CHARGE", "DISTRICT_HEAD"]);
  // The service desk (直通车): the queue for staff, the inbox for a department, the board and figures for leaders.
  const desk: MenuItem[] = [
    ...(isStaff ? [{ key: "/console/desk", icon: <InboxOutlined />, label: t("deskQueue") }] : []),
    ...(roles.includes("DEPARTMENT_HANDLER")
      ? [{ key: "/console/desk/inbox", icon: <InboxOutlined />, label: t("deskInbox") }]
      : []),
    ...(leads || isStaff ? [{ key: "/console/desk/board", icon: <RiseOutlined />, label: t("deskBoard") }] : []),
    ...(leads || isStaff
      ? [{ key: "/console/desk/figures", icon: <BarChartOutlined />, label: t("deskFigures") }]
      : []),
  ];
  const staffItems: MenuItem[] = [
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
  const items = [...(isStaff ? staffItems : []), ...desk];
  // The longest key that starts the path: /console/desk/board alone, not /console/desk with it.
  const selected = items
    .map((item) => item.key)
    .filter((key) => pathname === key || pathname.startsWith(`${key}/`))
    .sort((a, b) => b.length - a.length)[0];
  return (
    <div className="app-shell">
      <AppHeader />
      <RequireAuth roles={ANY_CONSOLE_ROLES}>
        <div className="console-layout">
          <nav aria-label={t("console")} id="console-menu" className="console-sider" hidden={collapsed}>
            <ConsoleMenu items={items} selected={selected} onPick={() => narrow() && setCollapsed(true)} />
          </nav>
          {/* The page's one <main>. */}
          <main className="console-content">
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
          </main>
        </div>
      </RequireAuth>
    </div>
  );
}

interface MenuItem {
  key: string;
  icon: ReactNode;
  label: string;
}

/** Below antd's md breakpoint the menu is folded away until its button opens it. */
const narrow = () => window.matchMedia("(max-width: 767px)").matches;

/**
 * The side menu: real links (open in a new tab works), the current page marked, Up and Down move
 * between entries as in antd's menu, whose weight (and its tooltips and overflow) it leaves out.
 */
function ConsoleMenu({ items, selected, onPick }: { items: MenuItem[]; selected?: string; onPick: () => void }) {
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    const links = [...event.currentTarget.querySelectorAll<HTMLAnchorElement>("a")];
    const at = links.indexOf(document.activeElement as HTMLAnchorElement);
    const next = links[(at + (event.key === "ArrowDown" ? 1 : links.length - 1)) % links.length];
    event.preventDefault();
    next?.focus();
  };
  return (
    <ul className="console-menu" role="menu" onKeyDown={onKeyDown}>
      {items.map((item) => (
        <li key={item.key} role="none">
          <Link
            to={item.key}
            role="menuitem"
            className={item.key === selected ? "console-menu-item selected" : "console-menu-item"}
            aria-current={item.key === selected ? "page" : undefined}
            onClick={onPick}
          >
            <span className="console-menu-icon" aria-hidden>
              {item.icon}
            </span>
            {item.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}
