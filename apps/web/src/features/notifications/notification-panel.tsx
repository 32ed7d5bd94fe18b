import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Switch } from "antd";
import { Link } from "react-router";
import { errorText } from "../../app/error-text";
import { formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { PageError } from "../../app/page-state";
import type { UserErrorLike } from "../../app/user-errors";
import {
  markNotificationsReadMutation,
  myNotificationsQuery,
  unreadNotificationCountQuery,
} from "./notifications.documents";
import { notificationMessages } from "./notifications.messages";

/** The latest notifications under the bell (a lazy chunk): read state, mark one or all read. */
export function NotificationPanel({ onNavigate }: { onNavigate: () => void }): ReactNode {
  const t = useT(notificationMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(myNotificationsQuery, {
    variables: { first: 20, unreadOnly },
    fetchPolicy: "cache-and-network",
  });
  const [mark, { loading: marking }] = useMutation(markNotificationsReadMutation, {
    // The bell's count and the list both change.
    refetchQueries: [unreadNotificationCountQuery, myNotificationsQuery],
    awaitRefetchQueries: true,
  });

  const send = async (input: { ids?: string[]; all?: boolean }) => {
    setFailure(null);
    try {
      const { data: result } = await mark({ variables: { input } });
      const userErrors: readonly UserErrorLike[] = result?.markNotificationsRead.userErrors ?? [];
      if (userErrors.length) setFailure(userErrors.map((e) => e.message).join(app("listSeparator")));
    } catch (caught) {
      setFailure(errorText(caught, app));
    }
  };

  const { data: counted } = useQuery(unreadNotificationCountQuery);
  const nodes = data?.myNotifications.edges.map((edge) => edge.node) ?? [];
  const anyUnread = (counted?.unreadNotificationCount ?? 0) > 0 || nodes.some((n) => !n.readAt);
  return (
    <>
      <div className="notification-panel-head">
        <h2>{t("panelTitle")}</h2>
        <label>
          <Switch size="small" checked={unreadOnly} onChange={setUnreadOnly} /> {t("unreadOnly")}
        </label>
      </div>
      {failure && (
        <p role="alert" className="notification-error">
          {failure}
        </p>
      )}
      {error && !data ? (
        <PageError error={error} onRetry={() => void refetch()} />
      ) : loading && !data ? (
        <p className="muted" role="status">
          {app("loading")}
        </p>
      ) : nodes.length === 0 ? (
        <p className="muted notification-empty">{unreadOnly ? t("emptyUnread") : t("empty")}</p>
      ) : (
        <ul className="notification-list" aria-busy={loading || marking}>
          {nodes.map((n) => (
            <li key={n.id} className={n.readAt ? "is-read" : "is-unread"}>
              <p className="notification-message">
                {!n.readAt && <span className="unread-dot" aria-hidden="true" />}
                {n.message}
              </p>
              <div className="notification-meta">
                <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale)}</time>
                <span>· {n.readAt ? t("read") : t("unread")}</span>
                <span className="grow" />
                {!n.readAt && (
                  <Button size="small" type="link" disabled={marking} onClick={() => void send({ ids: [n.id] })}>
                    {t("markRead")}
                  </Button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="notification-panel-foot">
        <Link to="/me/notifications" onClick={onNavigate}>
          {t("settings")}
        </Link>
        <Button
          size="small"
          disabled={!anyUnread || marking}
          loading={marking}
          onClick={() => void send({ all: true })}
        >
          {t("markAllRead")}
        </Button>
      </div>
    </>
  );
}
