import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form, Input } from "antd";
import { Link, Navigate } from "react-router";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { useSession } from "../../app/session";
import { useRules } from "../../app/validation";
import { EnterprisePicker } from "../enterprises/enterprise-picker";
import { registerTraineeMutation } from "./accounts.documents";
import { accountMessages } from "./accounts.messages";
import { PhoneCodeField } from "./phone-code-field";

interface RegisterValues {
  name: string;
  phone: string;
  password: string;
  confirmPassword: string;
  phoneCode: string;
  idCardNumber?: string;
  enterpriseId?: string | null;
}

export function RegisterPage(): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  const [form] = Form.useForm<RegisterValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [register] = useMutation(registerTraineeMutation);
  const { viewer, signIn } = useSession();

  if (viewer) return <Navigate to={viewer.roles.includes("TRAINEE") ? "/me/profile" : "/"} replace />;

  const onFinish = (values: RegisterValues) =>
    submit(async () => {
      const { data } = await register({
        variables: {
          input: {
            name: values.name.trim(),
            phone: values.phone.trim(),
            password: values.password,
            phoneCode: values.phoneCode.trim(),
            idCardNumber: values.idCardNumber?.trim() || undefined,
            enterpriseId: values.enterpriseId || undefined,
          },
        },
      });
      const payload = data?.registerTrainee;
      if (payload?.token && payload.user && !payload.userErrors.length) await signIn(payload.token, payload.user);
      return payload?.userErrors ?? [];
    });

  return (
    <section className="panel auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title" className="page-title">
        {t("registerTitle")}
      </h1>
      <p className="muted">{t("registerIntro")}</p>
      {errorsAlert}
      <Form<RegisterValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="name" label={t("name")} rules={[rules.required("name"), rules.maxLength("name", 64)]}>
          <Input autoComplete="name" maxLength={64} />
        </Form.Item>
        <Form.Item name="phone" label={t("phone")} rules={[rules.required("phone"), rules.phone()]}>
          <Input inputMode="tel" autoComplete="tel" placeholder={t("phonePlaceholder")} maxLength={20} />
        </Form.Item>
        <PhoneCodeField form={form} purpose="REGISTER" />
        <Form.Item
          name="password"
          label={t("password")}
          extra={t("passwordHint")}
          rules={[rules.required("password"), rules.password()]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t("confirmPassword")}
          dependencies={["password"]}
          rules={[
            rules.required("password"),
            ({ getFieldValue }) => ({
              validator: (_, value?: string) =>
                !value || value === getFieldValue("password")
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("passwordMismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" maxLength={128} />
        </Form.Item>
        <Form.Item name="idCardNumber" label={t("idCardNumber")} extra={t("idCardHint")} rules={[rules.idCard()]}>
          <Input autoComplete="off" maxLength={18} />
        </Form.Item>
        <Form.Item name="enterpriseId" label={t("enterprise")} extra={t("enterpriseHint")}>
          <EnterprisePicker />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("submitRegister")}
        </Button>
      </Form>
      <p className="muted" style={{ marginTop: 16, marginBottom: 0 }}>
        {t("haveAccount")} <Link to="/login">{t("loginLink")}</Link>
      </p>
    </section>
  );
}
