import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button } from "antd";
import { DesktopOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { attendanceStatusLabels, checkInMethodLabels } from "../../app/enum-labels";
import { formatTime, formatTimeRange } from "../../app/format";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { useMutationAction } from "../../app/mutation-action";
import { PageError, PageLoading } from "../../app/page-state";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { AttendanceStatus } from "../../gql/graphql";
import { attendanceRosterQuery, markAttendanceMutation, sessionHeaderQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";
import "./training.css";

const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] };
const STATUSES: AttendanceStatus[] = ["PRESENT", "LATE", "LEAVE", "ABSENT"];
/** Check-in opens this long before a session (the API's rule): before that only leave can be recorded. */
const EARLY_MS = 30 * 60_000;

/**
 * The roster of one session (/console/sessions/:sessionId/attendance): present, late, excused leave
 * or absent per enrolled trainee, from what is recorded (QR or staff); a page of marks is saved in
 * one request. Before the session only leave can be recorded, and the page says so.
 */
export function AttendancePage(): ReactNode {
  const t = useT(trainingConsoleMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const { sessionId = "" } = useParams();
  const header = useQuery(sessionHeaderQuery, { variables: { id: sessionId }, fetchPolicy: "cache-and-network" });
  const session = header.data?.node?.__typename === "ClassSession" ? header.data.node : null;
  // Trainees of a completed cohort have completed; otherwise the roster is the enrolled.
  const status = session?.cohort.status === "COMPLETED" ? "COMPLETED" : "ENROLLED";
  const paged = usePagedQuery(attendanceRosterQuery, {
    variables: { id: sessionId, status },
    select: (data) => (data.node?.__typename === "ClassSession" ? data.node.cohort.enrollments : EMPTY),
    pageSize: 100,
    // The roster's status comes with the session: asked before, a completed cohort's roster was fetched twice.
    skip: !session,
  });
  const [draft, setDraft] = useState<Map<string, AttendanceStatus>>(new Map());
  const [mark, marking] = useMutation(markAttendanceMutation);
  const run = useMutationAction();

  if (header.loading && !header.data) return <PageLoading />;
  if (header.error && !header.data) return <PageError error={header.error} onRetry={() => void header.refetch()} />;
  if (!session) return <NotFound />;

  const recorded = new Map(session.attendances.map((a) => [a.enrollmentId, a]));
  const future = Date.now() < Date.parse(session.startsAt) - EARLY_MS;
  const statusOf = (id: string): AttendanceStatus | undefined => draft.get(id) ?? recorded.get(id)?.status;
  const setAll = (status: AttendanceStatus) => setDraft(new Map(paged.nodes.map((e) => [e.id, status])));
  const changes = [...draft].filter(([id, status]) => recorded.get(id)?.status !== status).length;
  // Before the session, only the leave marked (or changed) is sent: the rest cannot be known yet.
  const toSave = paged.nodes.filter((e) => (future ? draft.get(e.id) === "LEAVE" : true));

  const save = () =>
    run(
      async () => {
        const entries = toSave.map((e) => ({ enrollmentId: e.id, status: statusOf(e.id) ?? "ABSENT" }));
        const { data } = await mark({ variables: { input: { sessionId: session.id, entries } } });
        const userErrors = data?.markAttendance.userErrors ?? [];
        if (!userErrors.length) setDraft(new Map());
        return userErrors;
      },
      t("attendanceSaved", { count: toSave.length }),
    );

  return (
    <>
      <p className="breadcrumb">
        <ButtonLink type="link" to={`/console/cohorts/${encodeURIComponent(session.cohort.id)}`} style={{ padding: 0 }}>
          {app("labelled", { label: t("backToCohort"), value: session.cohort.title })}
        </ButtonLink>
      </p>
      <h1 className="page-title">{t("rosterTitle", { topic: session.topic })}</h1>
      <p className="muted">
        {formatTimeRange(session.startsAt, session.endsAt, locale)}
        {session.venue ? ` · ${session.venue}` : ""}
        {session.lecturer ? ` · ${session.lecturer}` : ""}
      </p>
      <div className="page-toolbar">
        <Button onClick={() => setAll("PRESENT")} disabled={!paged.nodes.length || future}>
          {t("markAllPresent")}
        </Button>
        <Button onClick={() => setAll("ABSENT")} disabled={!paged.nodes.length || future}>
          {t("markAllAbsent")}
        </Button>
        <Button type="primary" onClick={save} loading={marking.loading} disabled={!toSave.length}>
          {t("saveAttendance")}
        </Button>
        {changes > 0 && (
          <span className="muted" aria-live="polite">
            {t("unsaved", { count: changes })}
          </span>
        )}
        <span className="grow" />
        {/* The big screen opens in its own tab, to drag onto the classroom's display. */}
        <Button
          icon={<DesktopOutlined />}
          href={`/console/sessions/${encodeURIComponent(session.id)}/screen`}
          target="_blank"
        >
          {t("qrScreen")}
        </Button>
      </div>
      {future && <Alert type="warning" showIcon title={t("futureSession")} style={{ marginBottom: 12 }} />}
      {paged.totalCount === 0 && !paged.loading && <Alert type="info" showIcon title={t("noRoster")} />}
      <PagedTable
        paged={paged}
        columns={[
          {
            title: t("attendanceStatus"),
            key: "status",
            // A native select per row: 81 rows of four antd radio buttons took most of the page's render time.
            render: (_, e) => (
              <select
                className={`attendance-select is-${(statusOf(e.id) ?? "none").toLowerCase()}`}
                aria-label={app("labelled", { label: t("attendanceStatus"), value: e.trainee.name })}
                value={statusOf(e.id) ?? ""}
                onChange={(event) => setDraft(new Map(draft).set(e.id, event.target.value as AttendanceStatus))}
              >
                <option value="" disabled>
                  {t("notRecorded")}
                </option>
                {STATUSES.map((status) => (
                  <option key={status} value={status} disabled={future && status !== "LEAVE"}>
                    {attendanceStatusLabels[locale][status]}
                  </option>
                ))}
              </select>
            ),
          },
          { title: t("trainee"), key: "trainee", render: (_, e) => e.trainee.name },
          { title: t("enterprise"), key: "enterprise", render: (_, e) => e.trainee.enterprise?.name },
          { title: t("phone"), key: "phone", render: (_, e) => e.trainee.phone },
          {
            title: t("recorded"),
            key: "recorded",
            render: (_, e) => {
              const mark = recorded.get(e.id);
              if (!mark) return <span className="muted">{t("notRecorded")}</span>;
              return `${checkInMethodLabels[locale][mark.method]} · ${formatTime(mark.recordedAt, locale)}`;
            },
          },
        ]}
      />
    </>
  );
}
