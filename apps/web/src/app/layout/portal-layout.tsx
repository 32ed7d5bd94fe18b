import { Suspense, type ReactNode } from "react";
import { NavLink, Outlet } from "react-router";
import { RequireAuth } from "../guards";
import { useT } from "../i18n";
import { appMessages } from "../messages";
import { PageLoading } from "../page-state";
import { useSession } from "../session";
import { AppHeader } from "./app-header";
import { AppFooter } from "./public-layout";

/** The trainee portal (/me), the judge's workspace (/judge) and the commissioner's (/commissioner): a phone-first single column with tabs by role. */
export function PortalLayout(): ReactNode {
  return (
    <div className="app-shell">
      <AppHeader />
      <RequireAuth>
        <PortalNav />
        <main id="main" className="app-main portal-main" tabIndex={-1}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
      </RequireAuth>
      <AppFooter />
    </div>
  );
}

function PortalNav(): ReactNode {
  const t = useT(appMessages);
  const { viewer } = useSession();
  return (
    <nav className="portal-nav" aria-label={t("portal")}>
      {viewer?.roles.includes("TRAINEE") && (
        <>
          <NavLink to="/me/cohorts">{t("myCohorts")}</NavLink>
          <NavLink to="/me/events">{t("myEvents")}</NavLink>
          <NavLink to="/me/check-in">{t("checkIn")}</NavLink>
          <NavLink to="/me/calendar">{t("myCalendar")}</NavLink>
          <NavLink to="/me/profile">{t("profile")}</NavLink>
        </>
      )}
      {viewer?.roles.includes("ENTERPRISE_CONTACT") && (
        <>
          <NavLink to="/me/desk/report">{t("deskReport")}</NavLink>
          <NavLink to="/me/desk/problems">{t("deskProblems")}</NavLink>
        </>
      )}
      <NavLink to="/me/desk/bind">{t("deskBind")}</NavLink>
      {viewer?.roles.includes("JUDGE") && (
        <NavLink to="/judge" end>
          {t("judging")}
        </NavLink>
      )}
      {viewer?.roles.includes("COMMISSIONER") && (
        <>
          <NavLink to="/commissioner" end>
            {t("myEnterprises")}
          </NavLink>
          <NavLink to="/commissioner/visits">{t("visitLog")}</NavLink>
        </>
      )}
      <NavLink to="/me/notifications">{t("notificationSettings")}</NavLink>
      <NavLink to="/me/password">{t("changePassword")}</NavLink>
      <NavLink to="/me/phone">{t("changePhone")}</NavLink>
    </nav>
  );
}
