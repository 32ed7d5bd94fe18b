import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Descriptions, Form, Input, Select, Space, Timeline } from "antd";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import {
  enumValues,
  problemCategoryLabels,
  problemEventKindLabels,
  problemLevelLabels,
  problemRatingLabels,
  problemReporterKindLabels,
} from "../../app/enum-labels";
import { formatDateTime } from "../../app/format";
import { useDialog } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { hasAnyRole } from "../../app/roles";
import { useSession } from "../../app/session";
import type { UserErrorLike } from "../../app/user-errors";
import { useRules } from "../../app/validation";
import type { DeskProblemQuery, ProblemCategory, ProblemStatus } from "../../gql/graphql";
import { AssignFields, type AssignValues } from "./assign-fields";
import {
  answerProblemMutation,
  assignProblemsMutation,
  deskProblemQuery,
  escalateProblemMutation,
  sendProblemBackMutation,
  triageProblemMutation,
  workOnProblemMutation,
} from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";
import { DueDate, ProblemStatusTag } from "./problem-table";

type Problem = Extract<NonNullable<DeskProblemQuery["node"]>, { __typename: "Problem" }>;

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

interface ActionValues extends Partial<AssignValues> {
  category?: ProblemCategory;
  note?: string;
  answer?: string;
  instructions?: string;
}

/** One step's form; the API's user errors land beside the field they name. */
function ActionModal({
  action,
  problem,
  dialog,
}: {
  action: ProblemAction;
  problem: Problem;
  dialog: ReturnType<typeof useDialog<ProblemAction>>["props"];
}): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const rules = useRules();
  const refetchQueries = ["DeskProblem"];
  const [triage] = useMutation(triageProblemMutation, { refetchQueries });
  const [assign] = useMutation(assignProblemsMutation, { refetchQueries });
  const [work] = useMutation(workOnProblemMutation, { refetchQueries });
  const [answer] = useMutation(answerProblemMutation, { refetchQueries });
  const [escalate] = useMutation(escalateProblemMutation, { refetchQueries });
  const [sendBack] = useMutation(sendProblemBackMutation, { refetchQueries });
  const problemId = problem.id;
  const note = (v: ActionValues) => v.note?.trim() || null;

  const send = async (v: ActionValues): Promise<readonly UserErrorLike[]> => {
    switch (action) {
      case "TRIAGE":
        return (
          (await triage({ variables: { input: { problemId, category: v.category, note: note(v) } } })).data
            ?.triageProblem.userErrors ?? []
        );
      case "ASSIGN":
      case "TRANSFER":
        return (
          (
            await assign({
              variables: {
                input: {
                  problemIds: [problemId],
                  departmentId: v.departmentId!,
                  dueOn: v.dueOn || null,
                  note: note(v),
                },
              },
            })
          ).data?.assignProblems.userErrors ?? []
        );
      case "START":
      case "NOTE":
        return (
          (await work({ variables: { input: { problemId, note: note(v) } } })).data?.workOnProblem.userErrors ?? []
        );
      case "ANSWER":
        return (
          (await answer({ variables: { input: { problemId, answer: v.answer ?? "" } } })).data?.answerProblem
            .userErrors ?? []
        );
      case "ESCALATE":
        return (
          (await escalate({ variables: { input: { problemId, note: note(v) } } })).data?.escalateProblem.userErrors ??
          []
        );
      case "SEND_BACK":
        return (
          (await sendBack({ variables: { input: { problemId, instructions: v.instructions ?? "" } } })).data
            ?.sendProblemBack.userErrors ?? []
        );
    }
  };

  const noteField = (required: boolean) => (
    <Form.Item
      name="note"
      label={t(required ? "progressNote" : "note")}
      rules={[...(required ? [rules.required("note")] : []), rules.maxLength("note", 2000)]}
    >
      <Input.TextArea rows={3} maxLength={2000} />
    </Form.Item>
  );

  return (
    <FormModal<ActionValues>
      dialog={dialog}
      title={t(`action${action}`)}
      okText={t(`action${action}`)}
      cancelText={t("notNow")}
      saved={t(`done${action}`)}
      initialValues={{ category: problem.category }}
      onSubmit={send}
    >
      {action === "TRIAGE" && (
        <>
          <Form.Item name="category" label={t("category")} extra={t("categoryHint")}>
            <Select
              options={enumValues(problemCategoryLabels).map((value) => ({
                value,
                label: problemCategoryLabels[locale][value],
              }))}
            />
          </Form.Item>
          {noteField(false)}
        </>
      )}
      {(action === "ASSIGN" || action === "TRANSFER") && <AssignFields />}
      {(action === "START" || action === "ESCALATE") && noteField(false)}
      {action === "NOTE" && noteField(true)}
      {action === "ANSWER" && (
        <Form.Item
          name="answer"
          label={t("answer")}
          rules={[rules.required("answer"), rules.maxLength("answer", 5000)]}
        >
          <Input.TextArea rows={6} maxLength={5000} />
        </Form.Item>
      )}
      {action === "SEND_BACK" && (
        <Form.Item
          name="instructions"
          label={t("instructions")}
          extra={t("instructionsHint")}
          rules={[rules.required("instructions"), rules.maxLength("instructions", 1000)]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      )}
    </FormModal>
  );
}
