import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input } from "antd";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { useRules } from "../../app/validation";
import { changePhoneMutation } from "./accounts.documents";
import { accountMessages } from "./accounts.messages";
import { PhoneCodeField } from "./phone-code-field";

interface ChangePhoneValues {
  phone: string;
  phoneCode: string;
  password: string;
}

/** The signed-in user moves the account to a new number, proven by a code sent there. */
export function ChangePhonePage(): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  const [changedTo, setChangedTo] = useState<string | null>(null);
  const [form] = Form.useForm<ChangePhoneValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [changePhone] = useMutation(changePhoneMutation);

  const onFinish = async (values: ChangePhoneValues) => {
    setChangedTo(null);
    let phone: string | null = null;
    const ok = await submit(async () => {
      const { data } = await changePhone({
        variables: {
          input: { phone: values.phone.trim(), phoneCode: values.phoneCode.trim(), password: values.password },
        },
      });
      phone = data?.changePhone.user?.phone ?? null;
      return data?.changePhone.userErrors ?? [];
    });
    if (ok) {
      form.resetFields();
      setChangedTo(phone);
    }
  };

  return (
    <section className="panel auth-card" aria-labelledby="auth-title">
      <h1 id="auth-title" className="page-title">
        {t("changePhoneTitle")}
      </h1>
      <p className="muted">{t("changePhoneIntro")}</p>
      {changedTo && (
        <Alert
          type="success"
          showIcon
          role="status"
          title={t("phoneChanged", { phone: changedTo })}
          className="form-errors"
        />
      )}
      {errorsAlert}
      <Form<ChangePhoneValues> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="phone" label={t("newPhone")} rules={[rules.required("phone"), rules.phone()]}>
          <Input inputMode="tel" autoComplete="tel" placeholder={t("phonePlaceholder")} maxLength={20} />
        </Form.Item>
        <PhoneCodeField form={form} purpose="CHANGE_PHONE" />
        <Form.Item name="password" label={t("currentPassword")} rules={[rules.required("password")]}>
          <Input.Password autoComplete="current-password" maxLength={128} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={submitting}>
          {t("submitChangePhone")}
        </Button>
      </Form>
    </section>
  );
}
