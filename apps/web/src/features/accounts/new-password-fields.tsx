import type { ReactNode } from "react";
import { Form, Input } from "antd";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import { accountMessages } from "./accounts.messages";

/** A new password and its confirmation (`newPassword`, `confirmNewPassword`), checked as the API checks it. */
export function NewPasswordFields(): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  return (
    <>
      <Form.Item
        name="newPassword"
        label={t("newPassword")}
        extra={t("passwordHint")}
        rules={[rules.required("newPassword"), rules.password()]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item
        name="confirmNewPassword"
        label={t("confirmNewPassword")}
        dependencies={["newPassword"]}
        rules={[
          rules.required("newPassword"),
          ({ getFieldValue }) => ({
            validator: (_, value?: string) =>
              !value || value === getFieldValue("newPassword")
                ? Promise.resolve()
                : Promise.reject(new Error(t("passwordMismatch"))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
    </>
  );
}
