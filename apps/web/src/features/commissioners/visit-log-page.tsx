import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input, Select, Tag } from "antd";
import { Link, useSearchParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { enumValues, problemCategoryLabels, problemStatusLabels } from "../../app/enum-labels";
import { keepEnterInField } from "../../app/mutation-form";
import { formatDay } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { useMutationForm } from "../../app/mutation-form";
import { PagedList } from "../../app/paged-list";
import { usePagedQuery } from "../../app/paged-query";
import { useRules } from "../../app/validation";
import type { CommissionerVisitsQuery, ProblemCategory } from "../../gql/graphql";
import { raiseProblemMutation, visitsQuery } from "./commissioners.documents";
import { commissionerMessages } from "./commissioners.messages";

type Visit = CommissionerVisitsQuery["visits"]["edges"][number]["node"];

/** 走访记录 (/commissioner/visits, ?enterprise= for one enterprise): latest first, problems raised from each. */
export function VisitLogPage(): ReactNode {
  const t = useT(commissionerMessages);
  const [params] = useSearchParams();
  const enterpriseId = params.get("enterprise");
  const paged = usePagedQuery(visitsQuery, {
    variables: { filter: enterpriseId ? { enterpriseId } : null },
    select: (data) => data.visits,
    pageSize: 20,
  });
  const name = enterpriseId ? paged.nodes[0]?.enterprise.name : undefined;
  return (
    <>
      <h1 className="page-title">{name ? t("visitsOf", { name }) : t("visitLog")}</h1>
      <p className="muted">{t("visitLogIntro")}</p>
      <p className="page-toolbar">
        <ButtonLink
          type="primary"
          to={`/commissioner/visits/new${enterpriseId ? `?enterprise=${encodeURIComponent(enterpriseId)}` : ""}`}
        >
          {t("logVisit")}
        </ButtonLink>
        {enterpriseId ? <Link to="/commissioner/visits">{t("allVisits")}</Link> : null}
      </p>
      <PagedList
        paged={paged}
        label={t("visitLog")}
        empty={t("noVisits")}
        renderItem={(visit) => <VisitCard visit={visit} />}
      />
    </>
  );
}

function VisitCard({ visit }: { visit: Visit }): ReactNode {
  const t = useT(commissionerMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const [raising, setRaising] = useState(false);
  return (
    <article className="card" aria-labelledby={`visit-${visit.id}`}>
      <div className="card-head">
        <h2 id={`visit-${visit.id}`} className="card-title">
          {visit.enterprise.name}
        </h2>
        <span className="muted">{formatDay(visit.visitedOn, locale)}</span>
      </div>
      <p>{app("labelled", { label: t("met"), value: visit.met })}</p>
      <p style={{ whiteSpace: "pre-wrap" }}>{visit.findings}</p>
      {visit.problems.length > 0 && (
        <section aria-label={t("raised")}>
          <h3>{t("raised")}</h3>
          <ul className="plain-list">
            {visit.problems.map((p) => (
              <li key={p.id}>
                <Tag>{problemCategoryLabels[locale][p.category]}</Tag>
                {p.title} <Tag color="blue">{problemStatusLabels[locale][p.status]}</Tag>
              </li>
            ))}
          </ul>
        </section>
      )}
      {raising ? (
        <RaiseProblemForm visit={visit} onClose={() => setRaising(false)} />
      ) : (
        <Button onClick={() => setRaising(true)}>{t("raiseProblem")}</Button>
      )}
    </article>
  );
}

interface ProblemValues {
  category: ProblemCategory;
  title: string;
  description: string;
}

/** Sends a problem found on the visit to the service desk, through the desk's own reportProblem. */
export function RaiseProblemForm({ visit, onClose }: { visit: Visit; onClose: () => void }): ReactNode {
  const t = useT(commissionerMessages);
  const rules = useRules();
  const locale = useLocale();
  const [form] = Form.useForm<ProblemValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [sent, setSent] = useState(false);
  const [raise] = useMutation(raiseProblemMutation);
  const onFinish = async (values: ProblemValues) => {
    setSent(false);
    const ok = await submit(async () => {
      const { data } = await raise({
        variables: { input: { ...values, enterpriseId: visit.enterprise.id, visitId: visit.id } },
        refetchQueries: ["CommissionerVisits"],
        awaitRefetchQueries: true,
      });
      return data?.reportProblem.userErrors ?? [];
    });
    if (!ok) return;
    form.resetFields();
    setSent(true);
  };
  return (
    <section className="raise-problem" aria-label={t("raiseProblem")}>
      {sent && <Alert type="success" showIcon role="status" title={t("problemSent")} className="form-errors" />}
      {errorsAlert}
      <Form<ProblemValues> form={form} layout="vertical" onFinish={onFinish} onKeyDown={keepEnterInField}>
        <Form.Item name="category" label={t("category")} rules={[rules.requiredValue(t("category"))]}>
          <Select
            aria-label={t("category")}
            options={enumValues(problemCategoryLabels).map((c) => ({
              value: c,
              label: problemCategoryLabels[locale][c],
            }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t("title")}
          rules={[rules.required(t("title")), rules.maxLength(t("title"), 100)]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t("description")}
          rules={[rules.required(t("description")), rules.maxLength(t("description"), 5000)]}
          initialValue={visit.findings}
        >
          <Input.TextArea rows={4} maxLength={5000} />
        </Form.Item>
        <div className="page-toolbar">
          <Button type="primary" htmlType="submit" loading={submitting}>
            {t("sendProblem")}
          </Button>
          <Button onClick={onClose}>{t("closeForm")}</Button>
        </div>
      </Form>
    </section>
  );
}
