import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Alert, Button, Descriptions, Space, Timeline } from "antd";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import {
  problemCategoryLabels,
  problemEventKindLabels,
  problemLevelLabels,
  problemRatingLabels,
  problemReporterKindLabels,
} from "../../app/enum-labels";
import { formatDateTime } from "../../app/format";
import { lazyDialog, useDialog } from "../../app/dialog";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { hasAnyRole } from "../../app/roles";
import { useSession } from "../../app/session";
import type { DeskProblemQuery, ProblemStatus } from "../../gql/graphql";
import { AttachmentList } from "../desk-enterprise/attachment-list";
import { deskProblemQuery } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";
import { DueDate, ProblemStatusTag } from "./problem-table";

export type Problem = Extract<NonNullable<DeskProblemQuery["node"]>, { __typename: "Problem" }>;

/** A step's form (antd Form, selects, the due-date picker) loads when its button opens it. */
const ActionModal = lazyDialog(() => import("./problem-action-modal"), "ActionModal");

/** What a caller may do to a problem: desk staff move it through the desk, the level holding it works on it. */
export type ProblemAction = "TRIAGE" | "ASSIGN" | "TRANSFER" | "START" | "NOTE" | "ANSWER" | "ESCALATE" | "SEND_BACK";

const OPEN: ProblemStatus[] = ["ASSIGNED", "IN_PROGRESS", "REOPENED"];

/** The same rules as the API's (problem.service.ts): a button is shown only where the step can succeed. */
export function actionsFor(
  problem: Pick<Problem, "status" | "level" | "heldByViewer">,
  staff: boolean,
): ProblemAction[] {
  const open = OPEN.includes(problem.status);
  const held = problem.heldByViewer;
  const actions: ProblemAction[] = [];
  if (staff && problem.status === "REPORTED") actions.push("TRIAGE");
  if (staff && problem.status === "TRIAGED") actions.push("ASSIGN");
  if (held && (problem.status === "ASSIGNED" || problem.status === "REOPENED")) actions.push("START");
  if (held && problem.status === "IN_PROGRESS") actions.push("NOTE");
  if (held && open) actions.push("ANSWER");
  if (staff && open && problem.level === "DEPARTMENT") actions.push("TRANSFER");
  if ((held || staff) && open && problem.level !== "DISTRICT_HEAD") actions.push("ESCALATE");
  if (held && open && problem.level !== "DEPARTMENT") actions.push("SEND_BACK");
  return actions;
}

/** A problem for the desk, a department or a leader: its details, its whole timeline, and the steps the caller may take. */
export function ConsoleProblemPage(): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const { viewer } = useSession();
  const { problemId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(deskProblemQuery, { variables: { id: problemId } });
  const dialog = useDialog<ProblemAction>();
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const problem = data?.node?.__typename === "Problem" ? data.node : null;
  if (!problem) return <NotFound />;
  const staff = hasAnyRole(viewer?.roles ?? [], ["STAFF", "ADMIN"]);
  const actions = actionsFor(problem, staff);
  return (
    <>
      <h1 className="page-title">{problem.title}</h1>
      <Space wrap style={{ marginBottom: 16 }} role="group" aria-label={t("actions")}>
        {actions.map((action) => (
          <Button
            key={action}
            type={action === "ANSWER" || action === "ASSIGN" ? "primary" : "default"}
            onClick={() => dialog.show(action)}
          >
            {t(`action${action}`)}
          </Button>
        ))}
        {!actions.length && <span className="muted">{t("noActions")}</span>}
      </Space>
      {problem.instructions && OPEN.includes(problem.status) && (
        <Alert
          type="info"
          showIcon
          title={t("instructionsFromAbove")}
          description={problem.instructions}
          style={{ marginBottom: 16 }}
        />
      )}
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: "enterprise", label: t("enterprise"), children: problem.enterprise.name },
          { key: "category", label: t("category"), children: problemCategoryLabels[locale][problem.category] },
          { key: "status", label: t("status"), children: <ProblemStatusTag status={problem.status} /> },
          { key: "level", label: t("level"), children: problemLevelLabels[locale][problem.level] },
          { key: "department", label: t("department"), children: problem.department?.name ?? "—" },
          { key: "due", label: t("dueAt"), children: <DueDate problem={problem} /> },
          { key: "reporter", label: t("reporter"), children: problemReporterKindLabels[locale][problem.reporterKind] },
          { key: "reported", label: t("reportedAt"), children: formatDateTime(problem.createdAt, locale) },
          { key: "escalations", label: t("escalations"), children: problem.escalations },
          {
            key: "rating",
            label: t("rating"),
            children: problem.rating ? problemRatingLabels[locale][problem.rating] : "—",
          },
          {
            key: "description",
            label: t("description"),
            span: "filled",
            children: <p className="pre-line">{problem.description}</p>,
          },
          ...(problem.answer
            ? [
                {
                  key: "answer",
                  label: t("answer"),
                  span: "filled" as const,
                  children: <p className="pre-line">{problem.answer}</p>,
                },
              ]
            : []),
        ]}
      />
      <h2 className="desk-section-title">{t("timeline")}</h2>
      <Timeline
        items={problem.timeline.map((event) => ({
          key: event.id,
          title: formatDateTime(event.createdAt, locale),
          content: (
            <>
              <strong>{problemEventKindLabels[locale][event.kind]}</strong>
              <span className="muted">
                {" · "}
                {problemLevelLabels[locale][event.level]}
                {event.department ? ` · ${event.department.name}` : ""}
              </span>
              {event.note && <p className="pre-line">{event.note}</p>}
              <AttachmentList attachments={event.attachments} />
            </>
          ),
        }))}
      />
      <p>
        <ButtonLink type="link" to={staff ? "/console/desk" : "/console"} style={{ padding: 0 }}>
          {t("back")}
        </ButtonLink>
      </p>
      {dialog.value && <ActionModal action={dialog.value} problem={problem} dialog={dialog.props} />}
    </>
  );
}
