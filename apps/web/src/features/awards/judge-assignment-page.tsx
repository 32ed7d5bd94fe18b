import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input, Tag, type FormRule } from "antd";
import { translate } from "@zuofu/shared";
import { Link, useParams } from "react-router";
import { lazyDialog, useDialog } from "../../app/dialog";
import { formatNumber } from "../../app/format";
import { NotFound } from "../../app/guards";
import { useLocale, useT } from "../../app/i18n";
import { keepEnterInField, useMutationForm } from "../../app/mutation-form";
import { PageError, PageLoading } from "../../app/page-state";
import { useRules } from "../../app/validation";
import type { AwardAssignmentQuery } from "../../gql/graphql";
import { assignmentQuery, submitScoresMutation } from "./awards.documents";
import { conflictKindLabels, nomineeKindLabels } from "./awards.labels";
import { awardMessages } from "./awards.messages";
import { DossierView } from "./dossier-view";
import { canScore, judgingState, judgingStateColors, judgingStateLabels, judgingStateHints } from "./judging-state";
import "./awards.css";

const ConflictModal = lazyDialog(() => import("./conflict-modal"), "ConflictModal");

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
  const state = judgingState(assignment);
  const judging = canScore(state);

  return (
    <article aria-labelledby="nominee-title">
      <p className="breadcrumb">
        <Link to="/judge">{t("backToAssignments")}</Link>
      </p>
      <h1 id="nominee-title" className="page-title">
        {assignment.nomineeName}
      </h1>
      <p className="card-sub">
        <Tag color={judgingStateColors[state]}>{judgingStateLabels[locale][state]}</Tag>
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
            <NominationSummary nomination={nomination} />
            <ScoreSheet assignment={assignment} nomination={nomination} />
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
        <dt>{t("eligibilityResult")}</dt>
        <dd className={nomination.eligible ? "rule-met" : "rule-not-met"}>
          {nomination.eligible ? t("eligible") : t("notEligible")}
        </dd>
      </dl>
      <DossierView dossier={nomination.dossier} />
    </section>
  );
}

type SheetValues = Record<string, number | string | null | undefined>;

/** A whole number from 0 to 10, refused (not rounded nor clamped) otherwise, with the API's own words. */
function scoreRule(locale: "zh-CN" | "en", field: string): FormRule {
  return {
    validator: (_, value: number | null | undefined) => {
      if (value === null || value === undefined) return Promise.resolve();
      const params = { field, min: 0, max: 10 };
      if (!Number.isInteger(value)) return Promise.reject(new Error(translate("NOT_WHOLE_NUMBER", locale, params)));
      if (value < 0 || value > 10) return Promise.reject(new Error(translate("OUT_OF_RANGE", locale, params)));
      return Promise.resolve();
    },
  };
}

/** One score (0–10) and comment per criterion; saved together, any time until judging ends. */
function ScoreSheet({ assignment, nomination }: { assignment: Assignment; nomination: Nomination }): ReactNode {
  const t = useT(awardMessages);
  const locale = useLocale();
  const rules = useRules();
  const state = judgingState(assignment);
  const editable = canScore(state);
  const [form] = Form.useForm<SheetValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [save] = useMutation(submitScoresMutation);
  const [saved, setSaved] = useState(false);
  const criteria = [...assignment.cycle.criteria].sort((a, b) => a.position - b.position);
  const values = Form.useWatch([], form) as SheetValues | undefined;
  const points = criteria.reduce((sum, c) => {
    const v = values?.[`score-${c.id}`];
    return sum + (typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 10 ? v : 0);
  }, 0);
  const given = new Map(assignment.scores.map((s) => [s.criterion.id, s]));
  const initial: SheetValues = {};
  for (const c of criteria) {
    initial[`score-${c.id}`] = given.get(c.id)?.score ?? null;
    initial[`comment-${c.id}`] = given.get(c.id)?.comment ?? "";
  }

  return (
    <section className="panel" aria-labelledby="sheet-title">
      <h2 id="sheet-title">{t("scoreSheet")}</h2>
      <p className="muted">{judgingStateHints[locale][state]}</p>
      {errorsAlert}
      <Form<SheetValues>
        form={form}
        layout="vertical"
        initialValues={initial}
        disabled={!editable}
        onKeyDown={keepEnterInField}
        onValuesChange={() => setSaved(false)}
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
            // The API names a score by its place in the list; the form, by its criterion.
            return (data?.submitScores.userErrors ?? []).map((e) =>
              e.field?.[1] === "scores" && e.field[3] === "score"
                ? { ...e, field: ["input", `score-${scores[Number(e.field[2])].criterionId}`] }
                : e,
            );
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
                rules={[rules.requiredValue(t("score")), scoreRule(locale, t("score"))]}
                normalize={(typed: string) => (typed === "" ? null : Number(typed))}
              >
                {/* The browser's number field (no min, max or step: the rule above explains a wrong score,
                    as typed); antd's InputNumber kept the judge's page over the first-load budget. */}
                <input type="number" inputMode="numeric" className="native-field" style={{ width: "100%" }} />
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
        <p className="score-total" aria-live="polite">
          {t("pointsTotal", { points, max: criteria.length * 10 })}
          {assignment.weightedScore !== null && assignment.weightedScore !== undefined && (
            <> · {t("weightedScore", { score: formatNumber(assignment.weightedScore, locale) })}</>
          )}
        </p>
        {editable && (
          <Button type="primary" htmlType="submit" loading={submitting} block>
            {t("saveScores")}
          </Button>
        )}
        {/* Beside the button that was pressed, so a phone shows it without scrolling. */}
        {saved && <Alert type="success" showIcon role="status" title={t("scoresSaved")} className="form-saved" />}
      </Form>
    </section>
  );
}
