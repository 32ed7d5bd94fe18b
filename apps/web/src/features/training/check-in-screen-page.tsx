import { useEffect, useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button } from "antd";
import { FullscreenOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatTimeRange } from "../../app/format";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { QrCode } from "../../app/qr-code";
import { checkInScreenQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";
import "./training.css";

/** Codes rotate every minute and the previous one is still taken: asking every 50 s keeps the screen valid. */
const REFRESH_MS = 50_000;

/** Where the trainee's phone lands when it scans the screen. */
export function checkInUrl(code: string): string {
  return `${window.location.origin}/me/check-in?code=${encodeURIComponent(code)}`;
}

/** The classroom's big screen (/console/sessions/:sessionId/screen): the rotating QR code and who has checked in. */
export function CheckInScreenPage(): ReactNode {
  const t = useT(trainingConsoleMessages);
  const locale = useLocale();
  const { sessionId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(checkInScreenQuery, {
    variables: { sessionId },
    pollInterval: REFRESH_MS,
    fetchPolicy: "network-only",
    notifyOnNetworkStatusChange: false,
  });
  const size = useQrSize();

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const session = data?.node?.__typename === "ClassSession" ? data.node : null;
  const code = data?.sessionCheckInCode;
  if (!session || !code) return <NotFound />;
  const present = session.attendances.filter((a) => a.present).length;

  return (
    <main id="main" className="check-in-screen" tabIndex={-1}>
      <header>
        <p className="screen-cohort">{session.cohort.title}</p>
        <h1>{session.topic}</h1>
        <p>
          {formatTimeRange(session.startsAt, session.endsAt, locale)}
          {session.venue ? ` · ${session.venue}` : ""}
        </p>
      </header>
      <div className="screen-qr">
        <QrCode value={checkInUrl(code.code)} size={size} label={t("qrLabel")} />
      </div>
      <p className="screen-hint">{t("screenHint")}</p>
      <p className="screen-count" aria-live="polite">
        {t("screenCheckedIn", { count: present, total: session.cohort.seatsTaken })}
      </p>
      <p className="screen-small">
        {t("screenRefresh")} · {t("screenCode", { code: code.code })}
      </p>
      <nav className="screen-tools">
        <Button
          icon={<FullscreenOutlined />}
          onClick={() => void document.documentElement.requestFullscreen?.().catch(() => undefined)}
        >
          {t("fullscreen")}
        </Button>
        <ButtonLink to={`/console/sessions/${encodeURIComponent(session.id)}/attendance`}>{t("exitScreen")}</ButtonLink>
      </nav>
    </main>
  );
}

/** As big as the screen allows, leaving room for the heading and the count. */
function useQrSize(): number {
  const measure = () => Math.max(200, Math.min(window.innerWidth - 48, window.innerHeight - 320, 720));
  const [size, setSize] = useState(measure);
  useEffect(() => {
    const onResize = () => setSize(measure());
    window.addEventListener("resize", onResize);
    return () => window.removeEventListener("resize", onResize);
  }, []);
  return size;
}
