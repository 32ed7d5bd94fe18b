import { Suspense, type ReactNode } from "react";
import { NavLink, Outlet } from "react-router";
import { useT } from "../i18n";
import { appMessages } from "../messages";
import { PageLoading } from "../page-state";
import { AppHeader } from "./app-header";

export function AppFooter(): ReactNode {
  const t = useT(appMessages);
  return <footer className="app-footer">{t("footer")}</footer>;
}

/** What a visitor can read without an account; a strip that scrolls sideways on a phone. */
function SiteNav(): ReactNode {
  const t = useT(appMessages);
  return (
    <nav className="portal-nav" aria-label={t("siteNav")}>
      <NavLink to="/" end>
        {t("home")}
      </NavLink>
      <NavLink to="/courses">{t("courses")}</NavLink>
      <NavLink to="/cohorts">{t("cohorts")}</NavLink>
      <NavLink to="/events">{t("events")}</NavLink>
      <NavLink to="/honor-roll">{t("honorRoll")}</NavLink>
      <NavLink to="/verify">{t("verify")}</NavLink>
    </nav>
  );
}

/** The public pages, login and registration: header, site links, one column, footer. */
export function PublicLayout(): ReactNode {
  return (
    <div className="app-shell">
      <AppHeader />
      <SiteNav />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <AppFooter />
    </div>
  );
}
