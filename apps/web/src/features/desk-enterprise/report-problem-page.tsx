import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input, Radio } from "antd";
import { useNavigate } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { useLocale, useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { PageError, PageLoading } from "../../app/page-state";
import { useRules } from "../../app/validation";
import type { ProblemCategory } from "../../gql/graphql";
import { AttachmentField, attachmentRule, uploads, type ChosenFile } from "./attachment-field";
import { myDeskEnterprisesQuery, reportProblemMutation } from "./desk-enterprise.documents";
import { problemCategoryLabels as categoryLabels } from "../../app/enum-labels";
import { deskMessages } from "./desk-enterprise.messages";
import "./desk-enterprise.css";

interface ReportValues {
  enterpriseId: string;
  category: ProblemCategory;
  title: string;
  description: string;
  attachments?: ChosenFile[];
}

const CATEGORIES: ProblemCategory[] = [
  "ADMINISTRATION",
  "FINANCING",
  "EMPLOYMENT",
  "LAND",
  "TRANSFORMATION",
  "POLICY",
  "OTHER",
];

/** 我要反映 (/me/desk/report): an enterprise's contact reports a difficulty, with files, on a phone. */
export function ReportProblemPage(): ReactNode {
  const t = useT(deskMessages);
  const locale = useLocale();
  const rules = useRules();
  const navigate = useNavigate();
  const [form] = Form.useForm<ReportValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [report] = useMutation(reportProblemMutation);
  const {
    data,
    loading,
    error: loadError,
    refetch,
  } = useQuery(myDeskEnterprisesQuery, {
    fetchPolicy: "cache-and-network",
  });

  if (loading && !data) return <PageLoading />;
  if (loadError && !data) return <PageError error={loadError} onRetry={() => void refetch()} />;
  const enterprises = data?.myDeskEnterprises ?? [];

  const onFinish = async (values: ReportValues) => {
    let id: string | null = null;
    const ok = await submit(async () => {
      const { data: result } = await report({
        variables: {
          input: {
            enterpriseId: values.enterpriseId,
            category: values.category,
            title: values.title.trim(),
            description: values.description.trim(),
            attachments: uploads(values.attachments),
          },
        },
      });
      id = result?.reportProblem.problem?.id ?? null;
      return result?.reportProblem.userErrors ?? [];
    });
    if (ok && id) navigate(`/me/desk/problems/${encodeURIComponent(id)}`, { state: { reported: true } });
  };

  return (
    <section className="panel desk-form" aria-labelledby="report-title">
      <h1 id="report-title" className="page-title">
        {t("reportTitle")}
      </h1>
      <p className="muted">{t("reportIntro")}</p>
      {enterprises.length === 0 ? (
        <Alert
          type="info"
          showIcon
          title={t("notContact")}
          action={
            <ButtonLink type="primary" to="/me/desk/bind">
              {t("bindFirst")}
            </ButtonLink>
          }
        />
      ) : (
        <>
          {errorsAlert}
          <Form<ReportValues>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={onFinish}
            initialValues={{ enterpriseId: enterprises.length === 1 ? enterprises[0].id : undefined }}
          >
            {/* Radio buttons rather than drop-downs: one tap each on a phone, and a lighter first load. */}
            <Form.Item name="enterpriseId" label={t("enterprise")} rules={[rules.requiredValue(t("enterprise"))]}>
              <Radio.Group
                aria-label={t("enterprise")}
                className="desk-choices vertical"
                options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
              />
            </Form.Item>
            <Form.Item name="category" label={t("category")} rules={[rules.requiredValue(t("category"))]}>
              <Radio.Group
                aria-label={t("category")}
                className="desk-choices"
                optionType="button"
                options={CATEGORIES.map((c) => ({ value: c, label: categoryLabels[locale][c] }))}
              />
            </Form.Item>
            <Form.Item
              name="title"
              label={t("problemTitle")}
              rules={[rules.required(t("problemTitle")), rules.maxLength(t("problemTitle"), 100)]}
            >
              <Input maxLength={100} placeholder={t("titlePlaceholder")} />
            </Form.Item>
            <Form.Item
              name="description"
              label={t("description")}
              rules={[rules.required(t("description")), rules.maxLength(t("description"), 5000)]}
            >
              <Input.TextArea rows={5} maxLength={5000} showCount placeholder={t("descriptionPlaceholder")} />
            </Form.Item>
            <Form.Item name="attachments" label={t("attachments")} rules={[attachmentRule(t)]}>
              <AttachmentField />
            </Form.Item>
            <Button type="primary" htmlType="submit" block loading={submitting}>
              {t("submitReport")}
            </Button>
          </Form>
        </>
      )}
    </section>
  );
}
