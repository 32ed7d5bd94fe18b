import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Card, Col, Row, Statistic, Tag } from "antd";
import { DesktopOutlined } from "@ant-design/icons";
import { ButtonLink } from "../../app/button-link";
import { beijingDay, formatTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { ExportButton } from "../exports/export-button";
import { dashboardQuery } from "./dashboard.documents";
import { dashboardMessages } from "./dashboard.messages";

const FIGURES = ["cohorts", "traineeAttendances", "uniqueTrainees"] as const;

/** Staff console home (/console/dashboard): what needs doing today. */
export function DashboardPage(): ReactNode {
  const t = useT(dashboardMessages);
  const locale = useLocale();
  const { data, loading, error, refetch } = useQuery(dashboardQuery, { fetchPolicy: "cache-and-network" });
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  if (!data) return null;

  const today = beijingDay();
  const sessions = data.running.edges
    .flatMap(({ node: cohort }) => cohort.sessions.map((session) => ({ ...session, cohort })))
    .filter((s) => beijingDay(s.startsAt) === today)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const open = data.open.edges.map((e) => e.node).sort((a, b) => b.pending.totalCount - a.pending.totalCount);

  return (
    <>
      <div className="page-toolbar">
        <h1 className="page-title" style={{ margin: 0 }}>
          {t("title")}
        </h1>
        <span className="grow" />
        <ExportButton kind="STATISTICS" />
      </div>
      <section aria-label={t("figures")}>
        <Row gutter={[12, 12]}>
          {FIGURES.map((figure) => (
            <Col key={figure} xs={24} sm={8}>
              <Card size="small">
                <Statistic title={t(figure)} value={data.statistics[figure]} />
              </Card>
            </Col>
          ))}
        </Row>
      </section>
      <Row gutter={[16, 16]} style={{ marginTop: 16 }}>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{t("todayTitle")}</h2>} size="small">
            {sessions.length === 0 ? (
              <p className="muted">{t("noSessionsToday")}</p>
            ) : (
              <ul className="plain-list">
                {sessions.map((s) => (
                  <li key={s.id} className="dashboard-item">
                    <div>
                      <strong>
                        {formatTime(s.startsAt, locale)}–{formatTime(s.endsAt, locale)} {s.topic}
                      </strong>
                      <div className="muted">
                        {s.cohort.title}
                        {s.venue ? ` · ${s.venue}` : ""}
                      </div>
                    </div>
                    <span>
                      <ButtonLink type="link" to={`/console/sessions/${encodeURIComponent(s.id)}/attendance`}>
                        {t("attendance")}
                      </ButtonLink>
                      <Button
                        type="link"
                        icon={<DesktopOutlined />}
                        href={`/console/sessions/${encodeURIComponent(s.id)}/screen`}
                        target="_blank"
                      >
                        {t("qrScreen")}
                      </Button>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card title={<h2 className="card-title">{t("openTitle")}</h2>} size="small">
            {open.length === 0 ? (
              <p className="muted">{t("noOpen")}</p>
            ) : (
              <ul className="plain-list">
                {open.map((c) => (
                  <li key={c.id} className="dashboard-item">
                    <div>
                      <strong>{c.title}</strong>
                      <div className="muted">
                        {t("startsOn", { date: c.startsOn })} ·{" "}
                        {t("seats", { taken: c.seatsTaken, capacity: c.capacity })}
                        {c.waitlistLength ? ` · ${t("waitlist", { count: c.waitlistLength })}` : ""}
                      </div>
                    </div>
                    <span>
                      {c.pending.totalCount > 0 && (
                        <Tag color="gold">{t("pending", { count: c.pending.totalCount })}</Tag>
                      )}
                      <ButtonLink type="link" to={`/console/cohorts/${encodeURIComponent(c.id)}`}>
                        {c.pending.totalCount > 0 ? t("review") : t("manage")}
                      </ButtonLink>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
