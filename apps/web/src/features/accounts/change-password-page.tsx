import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input } from "antd";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { useRules } from "../../app/validation";
import { changePasswordMutation } from "./accounts.documents";
import { accountMessages } from "./accounts.messages";
import { NewPasswordFields } from "./new-password-fields";

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmNewPassword: string;
}

export function ChangePasswordPage(): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  const [changed, setChanged] = useState(false);
  const [form] = Form.useForm<ChangePasswordValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [changePassword] = useMutation(changePasswordMutation);

  const onFinish = async (values: ChangePasswordValues) => {
    setChanged(false);
    const ok = await submit(async () => {
      const { data } = await changePassword({
        variables: { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } },
      });
      return data?.changePassword.userErrors ?? [];
    });
    if (ok) {
      form.resetFields();
      setChanged(true);
    }
  };

  return (
    <section className="panel auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title" className="page-title">
        {t("changePasswordTitle")}
      </h1>
      <p className="muted">{t("changePasswordIntro")}</p>
      {changed && <Alert type="success" showIcon role="status" title={t("passwordChanged")} className="form-errors" />}
      {errorsAlert}
      <Form<ChangePasswordValues> form={form} layout="vertical" onFinish={onFinish}>
        <Form.Item name="currentPassword" label={t("currentPassword")} rules={[rules.required("currentPassword")]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <NewPasswordFields />
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("submitChangePassword")}
        </Button>
      </Form>
    </section>
  );
}
