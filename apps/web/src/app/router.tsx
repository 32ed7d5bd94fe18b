import { lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { Navigate, useLocation, useRoutes, type RouteObject } from "react-router";
import { ErrorBoundary } from "./error-boundary";
import { NotFound, RequireAuth } from "./guards";
import { PortalLayout } from "./layout/portal-layout";
import { PublicLayout } from "./layout/public-layout";
import { PageLoading } from "./page-state";
import { SessionProvider, useSession } from "./session";

/** One chunk per page: a visitor or a trainee never downloads the console. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

const HomePage = page(() => import("../features/home/home-page"), "HomePage");
const LoginPage = page(() => import("../features/accounts/login-page"), "LoginPage");
const RegisterPage = page(() => import("../features/accounts/register-page"), "RegisterPage");
const ChangePasswordPage = page(() => import("../features/accounts/change-password-page"), "ChangePasswordPage");
const ProfilePage = page(() => import("../features/profile/profile-page"), "ProfilePage");
const ConsoleLayout = page(() => import("./layout/console-layout"), "ConsoleLayout");
const EnterprisesPage = page(() => import("../features/enterprises/enterprises-page"), "EnterprisesPage");
const TraineesPage = page(() => import("../features/trainees/trainees-page"), "TraineesPage");
const UsersPage = page(() => import("../features/users/users-page"), "UsersPage");
const AuditPage = page(() => import("../features/audit/audit-page"), "AuditPage");

/** /me: the profile for trainees; other signed-in users only have their password here. */
function PortalIndex(): ReactNode {
  const { viewer } = useSession();
  return <Navigate to={viewer?.roles.includes("TRAINEE") ? "/me/profile" : "/me/password"} replace />;
}

export const routes: RouteObject[] = [
  {
    element: <PublicLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: "login", element: <LoginPage /> },
      { path: "register", element: <RegisterPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
  {
    path: "me",
    element: <PortalLayout />,
    children: [
      { index: true, element: <PortalIndex /> },
      {
        path: "profile",
        element: (
          <RequireAuth roles={["TRAINEE"]}>
            <ProfilePage />
          </RequireAuth>
        ),
      },
      { path: "password", element: <ChangePasswordPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
  {
    path: "console",
    element: <ConsoleLayout />,
    children: [
      { index: true, element: <Navigate to="/console/enterprises" replace /> },
      { path: "enterprises", element: <EnterprisesPage /> },
      { path: "trainees", element: <TraineesPage /> },
      {
        path: "users",
        element: (
          <RequireAuth roles={["ADMIN"]}>
            <UsersPage />
          </RequireAuth>
        ),
      },
      {
        path: "audit",
        element: (
          <RequireAuth roles={["ADMIN"]}>
            <AuditPage />
          </RequireAuth>
        ),
      },
      { path: "password", element: <ChangePasswordPage /> },
      { path: "*", element: <NotFound /> },
    ],
  },
];

/**
 * The whole app inside a router. Declarative routes (not a data router): the pages load their
 * own data with Apollo, and the data router's loader machinery would only add weight.
 */
export function AppRoutes(): ReactNode {
  const { pathname } = useLocation();
  return (
    <SessionProvider>
      <ErrorBoundary resetKey={pathname}>
        <Suspense fallback={<PageLoading />}>{useRoutes(routes)}</Suspense>
      </ErrorBoundary>
    </SessionProvider>
  );
}
