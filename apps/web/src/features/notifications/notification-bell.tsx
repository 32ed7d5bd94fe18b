import { lazy, Suspense, useEffect, useRef, useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button } from "antd";
import { useT } from "../../app/i18n";
import { unreadNotificationCountQuery } from "./notifications.documents";
import { notificationMessages } from "./notifications.messages";

/** How often the bell asks for the unread count. */
export const BELL_POLL_MS = 60_000;

// The list is loaded on the first click: the bell itself stays in the first-load chunk, light.
const NotificationPanel = lazy(() =>
  import("./notification-panel").then((module) => ({ default: module.NotificationPanel })),
);

/** The bell drawn inline: the icon package stays out of this component's tests. */
function BellIcon(): ReactNode {
  return (
    <svg
      viewBox="0 0 24 24"
      width="1.1em"
      height="1.1em"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M18 8a6 6 0 0 0-12 0c0 7-3 9-3 9h18s-3-2-3-9" />
      <path d="M13.73 21a2 2 0 0 1-3.46 0" />
    </svg>
  );
}

/** "99+" past 99, nothing at 0. */
export function unreadBadge(count: number | undefined): string | null {
  if (!count || count <= 0) return null;
  return count > 99 ? "99+" : String(count);
}

/** The header's bell for every signed-in user: the unread count, and the list on click. */
export function NotificationBell(): ReactNode {
  const t = useT(notificationMessages);
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const { data } = useQuery(unreadNotificationCountQuery, {
    pollInterval: BELL_POLL_MS,
    fetchPolicy: "cache-and-network",
  });
  const count = data?.unreadNotificationCount ?? 0;
  const badge = unreadBadge(count);

  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div className="notification-bell" ref={root}>
      <Button
        ref={button}
        type="text"
        className="bell-button"
        aria-label={badge ? t("bellUnread", { count: badge }) : t("bell")}
        aria-expanded={open}
        aria-controls="notification-panel"
        onClick={() => setOpen(!open)}
      >
        <BellIcon />
        {badge && (
          <span className="bell-count" data-testid="bell-count" aria-hidden="true">
            {badge}
          </span>
        )}
      </Button>
      {open && (
        <div id="notification-panel" className="notification-panel" role="region" aria-label={t("panelTitle")}>
          <Suspense fallback={<p className="muted notification-panel-loading">…</p>}>
            <NotificationPanel onNavigate={() => setOpen(false)} />
          </Suspense>
        </div>
      )}
    </div>
  );
}
