import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Checkbox } from "antd";
import { DesktopOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { checkInMethodLabels } from "../../app/enum-labels";
import { formatTime, formatTimeRange } from "../../app/format";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { useMutationAction } from "../../app/mutation-action";
import { PageError, PageLoading } from "../../app/page-state";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import { attendanceRosterQuery, markAttendanceMutation, sessionHeaderQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";
import "./training.css";

const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] };

/**
 * The roster of one session (/console/sessions/:sessionId/attendance): a box per enrolled trainee,
 * ticked from what is recorded (QR or staff); a page of marks is saved in one request.
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
  });
  const [draft, setDraft] = useState<Map<string, boolean>>(new Map());
  const [mark, marking] = useMutation(markAttendanceMutation);
  const run = useMutationAction();

  if (header.loading && !header.data) return <PageLoading />;
  if (header.error && !header.data) return <PageError error={header.error} onRetry={() => void header.refetch()} />;
  if (!session) return <NotFound />;

  const recorded = new Map(session.attendances.map((a) => [a.enrollmentId, a]));
  const isPresent = (id: string) => draft.get(id) ?? recorded.get(id)?.present ?? false;
  const setAll = (present: boolean) => setDraft(new Map(paged.nodes.map((e) => [e.id, present])));
  const changes = [...draft].filter(([id, present]) => (recorded.get(id)?.present ?? false) !== present).length;

  const save = () =>
    run(
      async () => {
        const entries = paged.nodes.map((e) => ({ enrollmentId: e.id, present: isPresent(e.id) }));
        const { data } = await mark({ variables: { input: { sessionId: session.id, entries } } });
        const userErrors = data?.markAttendance.userErrors ?? [];
        if (!userErrors.length) setDraft(new Map());
        return userErrors;
      },
      t("attendanceSaved", { count: paged.nodes.length }),
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
        <Button onClick={() => setAll(true)} disabled={!paged.nodes.length}>
          {t("markAllPresent")}
        </Button>
        <Button onClick={() => setAll(false)} disabled={!paged.nodes.length}>
          {t("markAllAbsent")}
        </Button>
        <Button type="primary" onClick={save} loading={marking.loading} disabled={!paged.nodes.length}>
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
      {paged.totalCount === 0 && !paged.loading && <Alert type="info" showIcon title={t("noRoster")} />}
      <PagedTable
        paged={paged}
        columns={[
          {
            title: t("present"),
            key: "present",
            width: 80,
            render: (_, e) => (
              <Checkbox
                checked={isPresent(e.id)}
                aria-label={app("labelled", { label: t("present"), value: e.trainee.name })}
                onChange={(event) => setDraft(new Map(draft).set(e.id, event.target.checked))}
              />
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
