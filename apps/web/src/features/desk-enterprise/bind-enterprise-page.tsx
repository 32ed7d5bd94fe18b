import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input, Segmented } from "antd";
import { useLocale, useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { meQuery } from "../../app/session";
import { useRules } from "../../app/validation";
import { PhoneCodeField } from "../accounts/phone-code-field";
import { myDeskEnterprisesQuery, requestEnterpriseContactMutation } from "./desk-enterprise.documents";
import { deskMessages, requestStatusLabels } from "./desk-enterprise.messages";
import "./desk-enterprise.css";

interface BindValues {
  creditCode: string;
  phone?: string;
  phoneCode?: string;
}

type Way = "code" | "staff";

/**
 * 绑定企业 (/me/desk/bind): become an enterprise's contact by its credit code, at once with a code
 * sent to the enterprise's registered mobile, or by a request that staff confirm.
 */
export function BindEnterprisePage(): ReactNode {
  const t = useT(deskMessages);
  const locale = useLocale();
  const rules = useRules();
  const [way, setWay] = useState<Way>("code");
  const [form] = Form.useForm<BindValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  // A confirmed request gives the account the contact's role: the session (and the portal's tabs) read it again.
  const [request] = useMutation(requestEnterpriseContactMutation, {
    refetchQueries: [myDeskEnterprisesQuery, meQuery],
  });
  const { data } = useQuery(myDeskEnterprisesQuery, { fetchPolicy: "cache-and-network" });
  const [done, setDone] = useState<string | null>(null);

  const onFinish = async (values: BindValues) => {
    setDone(null);
    let message: string | null = null;
    const ok = await submit(async () => {
      const { data: result } = await request({
        variables: {
          input: {
            creditCode: values.creditCode.trim().toUpperCase(),
            ...(way === "code" ? { phone: values.phone?.trim(), phoneCode: values.phoneCode?.trim() } : {}),
          },
        },
      });
      const r = result?.requestEnterpriseContact.request;
      if (r) message = t(r.status === "CONFIRMED" ? "bound" : "requested", { name: r.enterprise.name });
      return result?.requestEnterpriseContact.userErrors ?? [];
    });
    if (ok) {
      form.resetFields();
      setDone(message);
    }
  };

  const enterprises = data?.myDeskEnterprises ?? [];
  const requests = (data?.myContactRequests ?? []).filter((r) => r.status !== "CONFIRMED");
  return (
    <>
      <section className="panel desk-form" aria-labelledby="bind-title">
        <h1 id="bind-title" className="page-title">
          {t("bindTitle")}
        </h1>
        <p className="muted">{t("bindIntro")}</p>
        {done && <Alert type="success" showIcon role="status" title={done} className="form-errors" />}
        {errorsAlert}
        <Form<BindValues> form={form} layout="vertical" requiredMark={false} onFinish={onFinish}>
          <Form.Item
            name="creditCode"
            label={t("creditCode")}
            rules={[rules.required("creditCode"), rules.creditCode()]}
          >
            <Input maxLength={18} placeholder={t("creditCodePlaceholder")} autoCapitalize="characters" />
          </Form.Item>
          <Segmented<Way>
            block
            aria-label={t("way")}
            value={way}
            onChange={setWay}
            options={[
              { value: "code", label: t("byCode") },
              { value: "staff", label: t("byStaff") },
            ]}
            style={{ marginBottom: 16 }}
          />
          {way === "code" && (
            <>
              <Form.Item name="phone" label={t("enterprisePhone")} rules={[rules.required("phone"), rules.phone()]}>
                <Input inputMode="tel" autoComplete="off" maxLength={20} />
              </Form.Item>
              <PhoneCodeField form={form} purpose="BIND_ENTERPRISE" />
            </>
          )}
          <Button type="primary" htmlType="submit" block loading={submitting}>
            {way === "code" ? t("submitBind") : t("submitRequest")}
          </Button>
        </Form>
      </section>
      <section className="panel" aria-labelledby="my-enterprises">
        <h2 id="my-enterprises">{t("myEnterprises")}</h2>
        {enterprises.length ? (
          <ul>
            {enterprises.map((e) => (
              <li key={e.id}>
                {e.name} <span className="muted">{e.creditCode}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t("none")}</p>
        )}
        {requests.length > 0 && (
          <>
            <h2>{t("myRequests")}</h2>
            <ul>
              {requests.map((r) => (
                <li key={r.id}>
                  {r.enterprise.name} <span className="request-status">{requestStatusLabels[locale][r.status]}</span>
                  {r.decisionNote && <span className="muted">{r.decisionNote}</span>}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
