import type { ReactNode } from "react";
import { Alert, Button } from "antd";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { errorText } from "./error-text";

export function PageLoading(): ReactNode {
  const t = useT(appMessages);
  return (
    <div className="page-state" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{t("loading")}</span>
    </div>
  );
}

export function PageError({ error, onRetry }: { error: unknown; onRetry?: () => void }): ReactNode {
  const t = useT(appMessages);
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="page-error"
      title={t("loadError")}
      description={errorText(error, t)}
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t("retry")}
          </Button>
        ) : undefined
      }
    />
  );
}

/** A whole-page message (no access, not found) with one way out. */
export function PageNotice({ title, text, action }: { title: string; text: string; action?: ReactNode }): ReactNode {
  return (
    <section className="page-notice" aria-labelledby="page-notice-title">
      <h1 id="page-notice-title">{title}</h1>
      <p>{text}</p>
      {action}
    </section>
  );
}
