import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input } from "antd";
import { Link, Navigate, useSearchParams } from "react-router";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { homePathFor, safeNextPath } from "../../app/roles";
import { useSession } from "../../app/session";
import { useRules } from "../../app/validation";
import { loginMutation } from "./accounts.documents";
import { accountMessages } from "./accounts.messages";

interface LoginValues {
  phone: string;
  password: string;
}

export function LoginPage(): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  const [form] = Form.useForm<LoginValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [login] = useMutation(loginMutation);
  const { viewer, signIn } = useSession();
  const [params] = useSearchParams();

  // Signed in (now, or already): on to where the user was going, or to their home.
  if (viewer) return <Navigate to={safeNextPath(params.get("next")) ?? homePathFor(viewer.roles)} replace />;

  const onFinish = (values: LoginValues) =>
    submit(async () => {
      const { data } = await login({ variables: { input: { phone: values.phone.trim(), password: values.password } } });
      const payload = data?.login;
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
      {errorsAlert}
      <Form<LoginValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="phone" label={t("phone")} rules={[rules.required("phone"), rules.phone()]}>
          <Input inputMode="tel" autoComplete="username" placeholder={t("phonePlaceholder")} maxLength={20} />
        </Form.Item>
        <Form.Item name="password" label={t("password")} rules={[rules.required("password")]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("submitLogin")}
        </Button>
      </Form>
      <p className="muted" style={{ marginTop: 16, marginBottom: 0 }}>
        {t("noAccount")} <Link to="/register">{t("registerLink")}</Link>
      </p>
    </section>
  );
}
