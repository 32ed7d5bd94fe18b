import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input, InputNumber } from "antd";
import { Link, useParams } from "react-router";
import { FormModal, useDialog, type DialogProps } from "../../app/form-modal";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { PageError, PageLoading } from "../../app/page-state";
import { useRules } from "../../app/validation";
import type { AwardAssignmentQuery } from "../../gql/graphql";
import { assignmentQuery, declareConflictMutation, submitScoresMutation } from "./awards.documents";
import { conflictKindLabels, nomineeKindLabels } from "./awards.labels";
import { awardMessages } from "./awards.messages";
import { DossierView } from "./dossier-view";
import "./awards.css";

type Assignment = Extract<NonNullable<AwardAssignmentQuery["node"]>, { __typename: "AwardJudgeAssignment" }>;
type Nomination = NonNullable<Assignment["nomination"]>;

/** One assigned nomination (/judge/assignments/:assignmentId): the dossier, the score sheet, the conflict declaration. */
export function JudgeAssignmentPage(): ReactNode {
  const t = useT(awardMessages);
  const locale = useLocale();
  const { assignmentId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(assignmentQuery, { variables: { id: assignmentId } });
  const conflictDialog = useDialog<true>();

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const assignment = data?.node?.__typename === "AwardJudgeAssignment" ? data.node : null;
  if (!assignment) return <NotFound />;
  const nomination = assignment.nomination;
  const judging = assignment.cycle.phase === "JUDGING";

  return (
    <article aria-labelledby="nominee-title">
      <p className="breadcrumb">
        <Link to="/judge">{t("backToAssignments")}</Link>
      </p>
      <h1 id="nominee-title" className="page-title">
        {assignment.nomineeName}
      </h1>
      <p className="card-sub">
        {assignment.cycle.title}
        {nomination ? ` · ${nomineeKindLabels[locale][nomination.nomineeKind]}` : ""}
      </p>
      {assignment.conflict ? (
        <Alert
          type="info"
          showIcon
          title={
            assignment.conflict === "DECLARED"
              ? t("conflictDeclared", { reason: assignment.conflictReason ?? "" })
              : t("conflictFound", { kind: conflictKindLabels[locale][assignment.conflict] })
          }
        />
      ) : (
        nomination && (
          <>
            {!judging && <Alert type="info" showIcon title={t("notJudging")} className="form-errors" />}
            <NominationSummary nomination={nomination} />
            <ScoreSheet assignment={assignment} nomination={nomination} editable={judging} />
            {judging && (
              <section className="panel" aria-labelledby="conflict-title">
                <h2 id="conflict-title">{t("conflictTitle")}</h2>
                <p className="muted">{t("conflictHint")}</p>
                <Button danger onClick={() => conflictDialog.show(true)}>
                  {t("declareConflict")}
                </Button>
              </section>
            )}
          </>
        )
      )}
      {conflictDialog.value && nomination && (
        <ConflictModal dialog={conflictDialog.props} nominationId={nomination.id} />
      )}
    </article>
  );
}

function NominationSummary({ nomination }: { nomination: Nomination }): ReactNode {
  const t = useT(awardMessages);
  const enterprise = nomination.enterprise?.name ?? nomination.trainee?.enterprise?.name;
  return (
    <section className="panel" aria-labelledby="dossier-title">
      <h2 id="dossier-title">{t("dossier")}</h2>
      <dl className="facts">
        <dt>{t("nominee")}</dt>
        <dd>
          {nomination.nomineeName}
          {nomination.trainee?.position ? ` · ${nomination.trainee.position}` : ""}
          {enterprise && enterprise !== nomination.nomineeName ? ` · ${enterprise}` : ""}
        </dd>
        <dt>{t("justification")}</dt>
        <dd style={{ whiteSpace: "pre-line" }}>{nomination.justification}</dd>
        <dt>{t("eligibility")}</dt>
        <dd className={nomination.eligible ? "rule-met" : "rule-not-met"}>
          {nomination.eligible ? t("eligible") : t("notEligible")}
        </dd>
      </dl>
      <DossierView dossier={nomination.dossier} />
    </section>
  );
}

type SheetValues = Record<string, number | string | null | undefined>;

/** One score (0–10) and comment per criterion; saved together, any time until judging ends. */
function ScoreSheet({
  assignment,
  nomination,
  editable,
}: {
  assignment: Assignment;
  nomination: Nomination;
  editable: boolean;
}): ReactNode {
  const t = useT(awardMessages);
  const rules = useRules();
  const [form] = Form.useForm<SheetValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [save] = useMutation(submitScoresMutation);
  const [saved, setSaved] = useState(false);
  const criteria = [...assignment.cycle.criteria].sort((a, b) => a.position - b.position);
  const given = new Map(assignment.scores.map((s) => [s.criterion.id, s]));
  const initial: SheetValues = {};
  for (const c of criteria) {
    initial[`score-${c.id}`] = given.get(c.id)?.score ?? null;
    initial[`comment-${c.id}`] = given.get(c.id)?.comment ?? "";
  }

  return (
    <section className="panel" aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t("scoreSheet")}</h2>
      <p className="muted">{editable ? t("scoreHint") : t("judgingClosed")}</p>
      {saved && <Alert type="success" showIcon role="status" title={t("scoresSaved")} className="form-errors" />}
      {errorsAlert}
      <Form<SheetValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={!editable}
        onFinish={async (values) => {
          setSaved(false);
          const ok = await submit(async () => {
            const scores = criteria
              .filter((c) => typeof values[`score-${c.id}`] === "number")
              .map((c) => ({
                criterionId: c.id,
                score: values[`score-${c.id}`] as number,
                comment: String(values[`comment-${c.id}`] ?? "").trim() || null,
              }));
            const { data } = await save({ variables: { input: { nominationId: nomination.id, scores } } });
            return data?.submitScores.userErrors ?? [];
          });
          setSaved(ok);
        }}
      >
        {criteria.map((c) => (
          <div key={c.id} className="criterion" role="group" aria-labelledby={`criterion-${c.id}`}>
            <div className="criterion-head">
              <strong id={`criterion-${c.id}`}>{c.name}</strong>
              <span className="muted">（{t("weight", { weight: c.weight })}）</span>
            </div>
            {c.description && (
              <p className="muted" style={{ margin: "2px 0 8px" }}>
                {c.description}
              </p>
            )}
            <div className="form-row">
              <Form.Item
                name={`score-${c.id}`}
                label={`${c.name} · ${t("score")}`}
                rules={[rules.requiredValue(t("score"))]}
              >
                <InputNumber min={0} max={10} precision={0} inputMode="numeric" style={{ width: "100%" }} />
              </Form.Item>
              <Form.Item
                name={`comment-${c.id}`}
                label={`${c.name} · ${t("comment")}`}
                rules={[rules.maxLength("comment", 1000)]}
              >
                <Input.TextArea rows={1} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
              </Form.Item>
            </div>
          </div>
        ))}
        {editable && (
          <Button type="primary" htmlType="submit" loading={submitting} block>
            {t("saveScores")}
          </Button>
        )}
      </Form>
    </section>
  );
}

/** A judge declares a conflict of interest; the nomination's dossier is hidden from them afterwards. */
function ConflictModal({ dialog, nominationId }: { dialog: DialogProps; nominationId: string }): ReactNode {
  const t = useT(awardMessages);
  const rules = useRules();
  const [declare] = useMutation(declareConflictMutation, { refetchQueries: ["MyAwardAssignments"] });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("conflictTitle")}
      okText={t("declareConflict")}
      onSubmit={async (values) =>
        (await declare({ variables: { input: { nominationId, reason: values.reason.trim() } } })).data?.declareConflict
          .userErrors ?? []
      }
    >
      <p className="muted">{t("conflictHint")}</p>
      <Form.Item
        name="reason"
        label={t("conflictReason")}
        rules={[rules.required(t("conflictReason")), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
