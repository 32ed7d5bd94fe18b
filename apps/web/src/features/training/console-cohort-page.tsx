import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Descriptions, Popconfirm } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { admissionLabels, cohortStatusLabels } from "../../app/enum-labels";
import { formatDays, formatWindow } from "../../app/format";
import { lazyDialog, useDialog } from "../../app/dialog";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { PageError, PageLoading } from "../../app/page-state";
import { Tabs } from "../../app/tabs";
import type { CohortFieldsFragment, CohortStatus } from "../../gql/graphql";
import { ExportButton } from "../exports/export-button";
import { CohortFeedback } from "./cohort-feedback";
import { CohortSessions } from "./cohort-sessions";
import { EnrollmentQueue } from "./enrollment-queue";
import { CohortStatusTag } from "./status-tags";
import { changeCohortStatusMutation, consoleCohortQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";
import "./training.css";

const CancelCohortModal = lazyDialog(() => import("./cancel-cohort-modal"), "CancelCohortModal");

const CohortFormModal = lazyDialog(() => import("./cohort-form-modal"), "CohortFormModal");
const CompleteCohortModal = lazyDialog(() => import("./complete-cohort-modal"), "CompleteCohortModal");

/** Where staff may move a cohort from each status (the API's rule); cancelling asks for a reason. */
const NEXT: Record<CohortStatus, CohortStatus[]> = {
  DRAFT: ["OPEN", "CANCELLED"],
  OPEN: ["IN_PROGRESS", "DRAFT", "CANCELLED"],
  IN_PROGRESS: ["COMPLETED", "CANCELLED"],
  COMPLETED: [],
  CANCELLED: [],
};

const EDITABLE = new Set<CohortStatus>(["DRAFT", "OPEN", "IN_PROGRESS"]);

/** Staff console: one cohort (/console/cohorts/:cohortId): facts, status, sessions, review queue, feedback. */
export function ConsoleCohortPage(): ReactNode {
  const t = useT(trainingConsoleMessages);
  const locale = useLocale();
  const { cohortId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(consoleCohortQuery, { variables: { id: cohortId } });
  const editor = useDialog<true>();
  const canceller = useDialog<true>();
  const [tab, setTab] = useState("sessions");

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const cohort = data?.node?.__typename === "Cohort" ? data.node : null;
  if (!cohort) return <NotFound />;

  return (
    <>
      <p className="breadcrumb">
        <ButtonLink type="link" to="/console/cohorts" style={{ padding: 0 }}>
          {t("backToCohorts")}
        </ButtonLink>
      </p>
      <div className="page-toolbar">
        <h1 className="page-title" style={{ margin: 0 }}>
          {cohort.title}
        </h1>
        <CohortStatusTag status={cohort.status} />
        <span className="grow" />
        <ExportButton kind="COHORT_ROSTER" target={{ cohortId: cohort.id }} />
        <ExportButton kind="ATTENDANCE_SHEET" target={{ cohortId: cohort.id }} />
        {cohort.status === "COMPLETED" && (
          <ButtonLink to={`/console/certificates?cohortId=${encodeURIComponent(cohort.id)}`}>
            {t("viewCertificates")}
          </ButtonLink>
        )}
        {EDITABLE.has(cohort.status) && (
          <Button icon={<EditOutlined />} onClick={() => editor.show(true)}>
            {t("edit")}
          </Button>
        )}
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          {
            key: "course",
            label: t("course"),
            children: cohort.course.title,
          },
          { key: "dates", label: t("dates"), children: formatDays(cohort.startsOn, cohort.endsOn, locale) },
          { key: "venue", label: t("venue"), children: cohort.venue ?? "—" },
          { key: "seats", label: t("seats"), children: `${cohort.seatsTaken} / ${cohort.capacity}` },
          { key: "waitlist", label: t("waitlist"), children: cohort.waitlistLength },
          { key: "admission", label: t("admission"), children: admissionLabels[locale][cohort.admission] },
          {
            key: "window",
            label: `${t("enrollmentOpensAt")} – ${t("enrollmentClosesAt")}`,
            children: formatWindow(cohort.enrollmentOpensAt, cohort.enrollmentClosesAt, locale),
          },
          { key: "threshold", label: t("completionThreshold"), children: `${cohort.completionThreshold}%` },
        ]}
      />
      <StatusActions cohort={cohort} onCancel={() => canceller.show(true)} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: "sessions",
            label: t("sessionsTab", { count: cohort.sessions.length }),
            children: <CohortSessions cohort={cohort} sessions={cohort.sessions} />,
          },
          {
            key: "enrollments",
            label: `${t("enrollmentsTab")}${cohort.pending.totalCount ? ` · ${t("pendingCount", { count: cohort.pending.totalCount })}` : ""}`,
            children: <EnrollmentQueue cohortId={cohort.id} />,
          },
          {
            key: "feedback",
            label: t("feedbackTab"),
            children: (
              <>
                <div className="page-toolbar">
                  <ExportButton kind="FEEDBACK" target={{ cohortId: cohort.id }} />
                </div>
                <CohortFeedback cohortId={cohort.id} />
              </>
            ),
          },
        ]}
      />
      {editor.value && <CohortFormModal dialog={editor.props} cohort={cohort} courseId={null} />}
      {canceller.value && <CancelCohortModal cohort={cohort} dialog={canceller.props} />}
    </>
  );
}

function StatusActions({ cohort, onCancel }: { cohort: CohortFieldsFragment; onCancel: () => void }): ReactNode {
  const t = useT(trainingConsoleMessages);
  const locale = useLocale();
  const run = useMutationAction();
  const [change, changing] = useMutation(changeCohortStatusMutation, { refetchQueries: ["ConsoleCohort"] });
  const [completing, setCompleting] = useState(false);
  const moves = NEXT[cohort.status];
  if (!moves.length) return null;
  return (
    <div className="page-toolbar status-actions" role="group" aria-label={t("statusActions")} style={{ marginTop: 16 }}>
      {completing && <CompleteCohortModal cohortId={cohort.id} onClose={() => setCompleting(false)} />}
      {moves.map((to) =>
        to === "CANCELLED" ? (
          <Button key={to} danger onClick={onCancel}>
            {t("toCANCELLED")}
          </Button>
        ) : to === "COMPLETED" ? (
          <Button key={to} type="primary" onClick={() => setCompleting(true)}>
            {t("toCOMPLETED")}
          </Button>
        ) : (
          <Popconfirm
            key={to}
            title={t(`to${to}`)}
            description={t(`confirm${to}`)}
            okText={t("confirm")}
            cancelText={t("keep")}
            onConfirm={() =>
              run(
                async () =>
                  (await change({ variables: { input: { cohortId: cohort.id, status: to } } })).data?.changeCohortStatus
                    .userErrors,
                t("statusChanged", { status: cohortStatusLabels[locale][to] }),
              )
            }
          >
            <Button type={to === "DRAFT" ? "default" : "primary"} loading={changing.loading}>
              {t(`to${to}`)}
            </Button>
          </Popconfirm>
        ),
      )}
    </div>
  );
}
