import { Suspense, type ReactNode } from "react";
import { Outlet } from "react-router";
import { useT } from "../i18n";
import { appMessages } from "../messages";
import { PageLoading } from "../page-state";
import { AppHeader } from "./app-header";

export function AppFooter(): ReactNode {
  const t = useT(appMessages);
  return <footer className="app-footer">{t("footer")}</footer>;
}

/** Home, login and registration: header, one column, footer. */
export function PublicLayout(): ReactNode {
  return (
    <div className="app-shell">
      <AppHeader />
      <main id="main" className="app-main" tabIndex={-1}>
        <Suspense fallback={<PageLoading />}>
          <Outlet />
        </Suspense>
      </main>
      <AppFooter />
    </div>
  );
}
