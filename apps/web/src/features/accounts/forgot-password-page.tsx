import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form, Input } from "antd";
import { Link, Navigate } from "react-router";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { homePathFor } from "../../app/roles";
import { useSession } from "../../app/session";
import { useRules } from "../../app/validation";
import { resetPasswordMutation } from "./accounts.documents";
import { accountMessages } from "./accounts.messages";
import { NewPasswordFields } from "./new-password-fields";
import { PhoneCodeField } from "./phone-code-field";

interface ResetValues {
  phone: string;
  phoneCode: string;
  newPassword: string;
  confirmNewPassword: string;
}

/** Forgotten password (找回密码): a code to the registered phone, a new password, signed in. */
export function ForgotPasswordPage(): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  const [form] = Form.useForm<ResetValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [resetPassword] = useMutation(resetPasswordMutation);
  const { viewer, signIn } = useSession();

  if (viewer) return <Navigate to={homePathFor(viewer.roles)} replace />;

  const onFinish = (values: ResetValues) =>
    submit(async () => {
      const { data } = await resetPassword({
        variables: {
          input: { phone: values.phone.trim(), phoneCode: values.phoneCode.trim(), newPassword: values.newPassword },
        },
      });
      const payload = data?.resetPassword;
      if (payload?.token && payload.user && !payload.userErrors.length) await signIn(payload.token, payload.user);
      return payload?.userErrors ?? [];
    });

  return (
    <section className="panel auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title" className="page-title">
        {t("forgotTitle")}
      </h1>
      <p className="muted">{t("forgotIntro")}</p>
      {errorsAlert}
      <Form<ResetValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="phone" label={t("phone")} rules={[rules.required("phone"), rules.phone()]}>
          <Input inputMode="tel" autoComplete="username" placeholder={t("phonePlaceholder")} maxLength={20} />
        </Form.Item>
        <PhoneCodeField form={form} purpose="RESET_PASSWORD" />
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("submitReset")}
        </Button>
      </Form>
      <p className="muted" style={{ marginTop: 16, marginBottom: 0 }}>
        <Link to="/login">{t("loginLink")}</Link>
      </p>
    </section>
  );
}
