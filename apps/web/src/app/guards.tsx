import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import type { Role } from "../gql/graphql";
import { ButtonLink } from "./button-link";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { PageError, PageLoading, PageNotice } from "./page-state";
import { hasAnyRole } from "./roles";
import { loginPath, useSession } from "./session";

/** Lets signed-in users with one of `roles` (any role when omitted) through; visitors go to /login. */
export function RequireAuth({ roles, children }: { roles?: Role[]; children: ReactNode }): ReactNode {
  const { viewer, expired, loading, error, retry } = useSession();
  const location = useLocation();
  if (loading) return <PageLoading />;
  if (!viewer && error) return <PageError error={error} onRetry={retry} />;
  if (!viewer) return <Navigate to={loginPath(location.pathname + location.search, expired)} replace />;
  if (roles && !hasAnyRole(viewer.roles, roles)) return <Forbidden />;
  return children;
}

export function Forbidden(): ReactNode {
  const t = useT(appMessages);
  return (
    <PageNotice
      title={t("forbidden")}
      text={t("forbiddenText")}
      action={
        <ButtonLink type="primary" to="/">
          {t("backHome")}
        </ButtonLink>
      }
    />
  );
}

export function NotFound(): ReactNode {
  const t = useT(appMessages);
  return (
    <PageNotice
      title={t("notFound")}
      text={t("notFoundText")}
      action={
        <ButtonLink type="primary" to="/">
          {t("backHome")}
        </ButtonLink>
      }
    />
  );
}
