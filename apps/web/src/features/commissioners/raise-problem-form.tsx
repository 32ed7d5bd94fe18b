import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input, Select } from "antd";
import { enumValues, problemCategoryLabels } from "../../app/enum-labels";
import { useLocale, useT } from "../../app/i18n";
import { keepEnterInField, useMutationForm } from "../../app/mutation-form";
import { useRules } from "../../app/validation";
import type { CommissionerVisitsQuery, ProblemCategory } from "../../gql/graphql";
import { raiseProblemMutation } from "./commissioners.documents";
import { commissionerMessages } from "./commissioners.messages";

type Visit = CommissionerVisitsQuery["visits"]["edges"][number]["node"];

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
