import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Radio } from "antd";
import { Link, useLocation, useParams } from "react-router";
import { formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { PageError, PageLoading, PageNotice } from "../../app/page-state";
import { useRules } from "../../app/validation";
import type { ProblemDetailFieldsFragment, ProblemRating } from "../../gql/graphql";
import { AttachmentField, attachmentRule, uploads, type ChosenFile } from "./attachment-field";
import { AttachmentList } from "./attachment-list";
import { problemQuery, rateProblemMutation, supplementProblemMutation } from "./desk-enterprise.documents";
import {
  problemCategoryLabels as categoryLabels,
  problemLevelLabels as levelLabels,
  problemRatingLabels as ratingLabels,
} from "../../app/enum-labels";
import { deskMessages, eventLabels } from "./desk-enterprise.messages";
import { StatusTag } from "./status-tag";
import "./desk-enterprise.css";

/**
 * A problem as the enterprise sees it (/me/desk/problems/:problemId): its steps, the answer, the rating.
 * Its forms' text fields are the browser's own: antd's Input family would take the page past the budget.
 */
export function ProblemPage(): ReactNode {
  const t = useT(deskMessages);
  const { problemId = "" } = useParams();
  const location = useLocation();
  const [rated, setRated] = useState<string | null>(null);
  const { data, loading, error, refetch } = useQuery(problemQuery, {
    variables: { id: problemId },
    fetchPolicy: "cache-and-network",
  });
  const problem = data?.node?.__typename === "Problem" ? data.node : null;

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  if (!problem) return <PageNotice title={t("myProblemsTitle")} text={t("noProblems")} />;
  const reported = (location.state as { reported?: boolean } | null)?.reported;
  return (
    <>
      <p>
        <Link to="/me/desk/problems">← {t("back")}</Link>
      </p>
      {reported && <Alert type="success" showIcon role="status" title={t("reported")} className="form-errors" />}
      {rated && <Alert type="success" showIcon role="status" title={rated} className="form-errors" />}
      <ProblemView problem={problem} />
      {problem.status === "ANSWERED" && <RateForm problem={problem} onRated={setRated} />}
      {problem.status !== "CLOSED" && <SupplementForm problem={problem} />}
    </>
  );
}

function ProblemView({ problem }: { problem: ProblemDetailFieldsFragment }): ReactNode {
  const t = useT(deskMessages);
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="problem-title">
      <h1 id="problem-title" className="page-title">
        {problem.title}
      </h1>
      <p>
        <StatusTag status={problem.status} /> {problem.enterprise.name} · {categoryLabels[locale][problem.category]}
      </p>
      <p className="desk-answer">{problem.description}</p>
      <dl className="facts">
        {problem.department && (
          <>
            <dt>{t("department")}</dt>
            <dd>
              {problem.department.name}
              {problem.level !== "DEPARTMENT" && ` · ${levelLabels[locale][problem.level]}`}
            </dd>
          </>
        )}
        {problem.dueAt && problem.status !== "CLOSED" && (
          <>
            <dt>{t("dueAt")}</dt>
            <dd>{formatDateTime(problem.dueAt, locale)}</dd>
          </>
        )}
        {problem.rating && (
          <>
            <dt>{t("rating")}</dt>
            <dd>{ratingLabels[locale][problem.rating]}</dd>
          </>
        )}
      </dl>
      {problem.answer && (
        <>
          <h2>{t("answer")}</h2>
          <p className="desk-answer">{problem.answer}</p>
        </>
      )}
      <h2>{t("timeline")}</h2>
      <ol className="desk-timeline" aria-label={t("timeline")}>
        {problem.timeline.map((e) => (
          <li key={e.id} className={e.byEnterprise ? "by-enterprise" : undefined}>
            <strong>{eventLabels[locale][e.kind]}</strong>
            {e.department && e.kind !== "REPORTED" && <span className="muted"> · {e.department.name}</span>}
            <div className="when muted">{formatDateTime(e.createdAt, locale)}</div>
            {e.note && <p className="note">{e.note}</p>}
            <AttachmentList attachments={e.attachments} />
          </li>
        ))}
      </ol>
    </section>
  );
}

interface RateValues {
  rating: ProblemRating;
  comment?: string;
}

/** 满意/基本满意/不满意 with a comment; the answer's rating is said above the problem, as the form goes. */
function RateForm({
  problem,
  onRated,
}: {
  problem: ProblemDetailFieldsFragment;
  onRated: (message: string) => void;
}): ReactNode {
  const t = useT(deskMessages);
  const locale = useLocale();
  const rules = useRules();
  const [form] = Form.useForm<RateValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [rate] = useMutation(rateProblemMutation);
  const onFinish = async (values: RateValues) => {
    const ok = await submit(async () => {
      const { data } = await rate({
        variables: { input: { problemId: problem.id, rating: values.rating, comment: values.comment?.trim() || null } },
      });
      return data?.rateProblem.userErrors ?? [];
    });
    if (ok) onRated(values.rating === "NOT_SATISFIED" ? t("ratedNotSatisfied") : t("rated"));
  };
  return (
    <section className="panel desk-form" aria-labelledby="rate-title">
      <h2 id="rate-title">{t("rateTitle")}</h2>
      {errorsAlert}
      <Form<RateValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{ comment: "" }}
      >
        <Form.Item name="rating" label={t("rating")} rules={[rules.requiredValue("rating")]}>
          <Radio.Group
            aria-label={t("rating")}
            optionType="button"
            options={(["SATISFIED", "BASICALLY_SATISFIED", "NOT_SATISFIED"] as ProblemRating[]).map((r) => ({
              value: r,
              label: ratingLabels[locale][r],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="comment"
          label={t("comment")}
          dependencies={["rating"]}
          rules={[
            rules.maxLength("comment", 2000),
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                getFieldValue("rating") === "NOT_SATISFIED" && !value?.trim()
                  ? Promise.reject(new Error(t("commentRequired")))
                  : Promise.resolve(),
            }),
          ]}
        >
          <textarea className="native-field" rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("submitRating")}
        </Button>
      </Form>
    </section>
  );
}

interface SupplementValues {
  note?: string;
  attachments?: ChosenFile[];
}

function SupplementForm({ problem }: { problem: ProblemDetailFieldsFragment }): ReactNode {
  const t = useT(deskMessages);
  const rules = useRules();
  const [form] = Form.useForm<SupplementValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [supplement] = useMutation(supplementProblemMutation);
  const [done, setDone] = useState(false);
  const already = problem.timeline.reduce((n, e) => n + e.attachments.length, 0);
  const onFinish = async (values: SupplementValues) => {
    setDone(false);
    if (!values.note?.trim() && !values.attachments?.length) {
      form.setFields([{ name: "note", errors: [t("noteOrFile")] }]);
      return;
    }
    const ok = await submit(async () => {
      const { data } = await supplement({
        variables: {
          input: { problemId: problem.id, note: values.note?.trim() || null, attachments: uploads(values.attachments) },
        },
      });
      return data?.supplementProblem.userErrors ?? [];
    });
    if (ok) {
      form.resetFields();
      setDone(true);
    }
  };
  return (
    <section className="panel desk-form" aria-labelledby="supplement-title">
      <h2 id="supplement-title">{t("supplementTitle")}</h2>
      {done && <Alert type="success" showIcon role="status" title={t("supplemented")} className="form-errors" />}
      {errorsAlert}
      <Form<SupplementValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        initialValues={{ note: "" }}
      >
        <Form.Item name="note" label={t("note")} rules={[rules.maxLength("note", 2000)]}>
          <textarea className="native-field" rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="attachments" label={t("attachments")} rules={[attachmentRule(t, already)]}>
          <AttachmentField />
        </Form.Item>
        <Button htmlType="submit" block loading={submitting}>
          {t("submitSupplement")}
        </Button>
      </Form>
    </section>
  );
}
