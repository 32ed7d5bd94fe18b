import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input, Segmented } from "antd";
import { Link, Navigate, useSearchParams } from "react-router";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { homePathFor, safeNextPath } from "../../app/roles";
import { useSession } from "../../app/session";
import { useRules } from "../../app/validation";
import { loginMutation, loginWithCodeMutation } from "./accounts.documents";
import { accountMessages } from "./accounts.messages";
import { PhoneCodeField } from "./phone-code-field";

interface LoginValues {
  phone: string;
  password?: string;
  phoneCode?: string;
}

type Method = "password" | "code";

export function LoginPage(): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  const [method, setMethod] = useState<Method>("password");
  const [form] = Form.useForm<LoginValues>();
  const { submit, submitting, errorsAlert, reset } = useMutationForm(form);
  const [login] = useMutation(loginMutation);
  const [loginWithCode] = useMutation(loginWithCodeMutation);
  const { viewer, signIn } = useSession();
  const [params] = useSearchParams();

  // Signed in (now, or already): on to where the user was going, or to their home.
  if (viewer) return <Navigate to={safeNextPath(params.get("next")) ?? homePathFor(viewer.roles)} replace />;

  const onFinish = (values: LoginValues) =>
    submit(async () => {
      const phone = values.phone.trim();
      const payload =
        method === "password"
          ? (await login({ variables: { input: { phone, password: values.password ?? "" } } })).data?.login
          : (await loginWithCode({ variables: { input: { phone, phoneCode: (values.phoneCode ?? "").trim() } } })).data
              ?.loginWithCode;
      if (payload?.token && payload.user && !payload.userErrors.length) await signIn(payload.token, payload.user);
      return payload?.userErrors ?? [];
    });

  return (
    <section className="panel auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title" className="page-title">
        {t("loginTitle")}
      </h1>
      <p className="muted">{t("loginIntro")}</p>
      {params.get("expired") === "1" && <Alert type="warning" showIcon title={t("expired")} className="form-errors" />}
      <Segmented<Method>
        block
        value={method}
        onChange={(next) => {
          setMethod(next);
          reset();
        }}
        options={[
          { value: "password", label: t("byPassword") },
          { value: "code", label: t("byCode") },
        ]}
        style={{ marginBottom: 16 }}
      />
      {errorsAlert}
      <Form<LoginValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="phone" label={t("phone")} rules={[rules.required("phone"), rules.phone()]}>
          <Input inputMode="tel" autoComplete="username" placeholder={t("phonePlaceholder")} maxLength={20} />
        </Form.Item>
        {method === "password" ? (
          <Form.Item name="password" label={t("password")} rules={[rules.required("password")]}>
            <Input.Password autoComplete="current-password" maxLength={128} />
          </Form.Item>
        ) : (
          <PhoneCodeField form={form} purpose="LOGIN" />
        )}
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("submitLogin")}
        </Button>
      </Form>
      <p className="muted" style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/forgot-password">{t("forgotPassword")}</Link>
        {" · "}
        {t("noAccount")} <Link to="/register">{t("registerLink")}</Link>
      </p>
    </section>
  );
}
