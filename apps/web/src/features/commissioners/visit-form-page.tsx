import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Form, Input } from "antd";
import { useNavigate, useSearchParams } from "react-router";
import { beijingDay } from "../../app/format";
import { useT } from "../../app/i18n";
import { keepEnterInField, useMutationForm } from "../../app/mutation-form";
import { toast } from "../../app/toast";
import { useRules } from "../../app/validation";
import { logVisitMutation, myEnterprisesQuery } from "./commissioners.documents";
import { commissionerMessages } from "./commissioners.messages";

export interface VisitValues {
  enterpriseId: string;
  visitedOn: string;
  met: string;
  findings: string;
}

/**
 * A visit form (/commissioner/visits/new): which enterprise, the day (Beijing, not after today), whom, what.
 * The enterprise and the day are the phone's own select and date fields: antd's Select and picker
 * would take this first page past the 300 KB budget.
 */
export function VisitFormPage(): ReactNode {
  const t = useT(commissionerMessages);
  const rules = useRules();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm<VisitValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [logVisit] = useMutation(logVisitMutation);
  const { data } = useQuery(myEnterprisesQuery, { variables: { first: 100 } });
  const today = beijingDay();
  const enterprises = (data?.commissionerAssignments.edges ?? []).map((e) => e.node.enterprise);
  const onFinish = async (values: VisitValues) => {
    const ok = await submit(async () => {
      const { data: answer } = await logVisit({
        variables: { input: values },
        refetchQueries: ["MyCommissionedEnterprises", "CommissionerVisits"],
        awaitRefetchQueries: true,
      });
      return answer?.logVisit.userErrors ?? [];
    });
    if (!ok) return;
    toast.success(t("visitSaved"));
    navigate(`/commissioner/visits?enterprise=${encodeURIComponent(values.enterpriseId)}`);
  };
  return (
    <section className="panel" aria-labelledby="visit-form-title">
      <h1 id="visit-form-title" className="page-title">
        {t("logVisit")}
      </h1>
      {errorsAlert}
      <Form<VisitValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onKeyDown={keepEnterInField}
        initialValues={{ enterpriseId: params.get("enterprise") ?? "", visitedOn: today }}
      >
        <Form.Item name="enterpriseId" label={t("enterprise")} rules={[rules.requiredValue("enterpriseId")]}>
          <select className="native-select">
            <option value="" disabled>
              {t("pickEnterprise")}
            </option>
            {enterprises.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </Form.Item>
        <Form.Item
          name="visitedOn"
          label={t("visitedOn")}
          rules={[
            rules.requiredValue("visitedOn"),
            {
              validator: (_, value?: string) =>
                !value || value <= today ? Promise.resolve() : Promise.reject(new Error(t("futureDate"))),
            },
          ]}
        >
          <input type="date" className="native-field" style={{ width: "100%" }} max={today} />
        </Form.Item>
        <Form.Item name="met" label={t("met")} rules={[rules.required("met"), rules.maxLength("met", 200)]}>
          <Input placeholder={t("metPlaceholder")} maxLength={200} />
        </Form.Item>
        <Form.Item
          name="findings"
          label={t("findings")}
          rules={[rules.required("findings"), rules.maxLength("findings", 2000)]}
        >
          <Input.TextArea placeholder={t("findingsPlaceholder")} rows={5} maxLength={2000} showCount />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("saveVisit")}
        </Button>
      </Form>
    </section>
  );
}
