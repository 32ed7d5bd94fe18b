import { useEffect, useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form, Input, Space, type FormInstance } from "antd";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { PhoneCodePurpose } from "../../gql/graphql";
import { requestPhoneCodeMutation } from "./accounts.documents";
import { accountMessages } from "./accounts.messages";

/**
 * The six-digit code field with its "get code" button (获取验证码): the button checks the phone
 * field, asks the API to send a code for `purpose`, then counts down the seconds before another
 * may be asked for. A refusal (a flood, the gateway down) shows under the phone field.
 */
export function PhoneCodeField({
  form,
  purpose,
  phoneField = "phone",
}: {
  form: FormInstance;
  purpose: PhoneCodePurpose;
  phoneField?: string;
}): ReactNode {
  const t = useT(accountMessages);
  const rules = useRules();
  const [request, { loading }] = useMutation(requestPhoneCodeMutation);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [sentTo, setSentTo] = useState<string | null>(null);

  useEffect(() => {
    if (secondsLeft <= 0) return;
    const timer = setTimeout(() => setSecondsLeft((s) => s - 1), 1000);
    return () => clearTimeout(timer);
  }, [secondsLeft]);

  const send = async () => {
    try {
      await form.validateFields([phoneField]);
    } catch {
      return; // the phone field shows what is wrong
    }
    const phone = String(form.getFieldValue(phoneField) ?? "").trim();
    try {
      const { data } = await request({ variables: { input: { phone, purpose } } });
      const payload = data?.requestPhoneCode;
      if (!payload) return;
      if (payload.userErrors.length) {
        form.setFields([{ name: phoneField, errors: payload.userErrors.map((e) => e.message) }]);
        return;
      }
      setSentTo(payload.sentTo ?? phone);
      setSecondsLeft(payload.resendAfterSeconds ?? 60);
      form.getFieldInstance("phoneCode")?.focus?.();
    } catch {
      form.setFields([{ name: phoneField, errors: [t("codeNotSent")] }]);
    }
  };

  return (
    <Form.Item
      label={t("phoneCode")}
      htmlFor="phoneCode"
      required
      extra={sentTo ? t("codeSent", { phone: sentTo }) : t("codeHint")}
    >
      <Space.Compact style={{ width: "100%" }}>
        <Form.Item
          name="phoneCode"
          noStyle
          rules={[rules.required("phoneCode"), { pattern: /^\d{6}$/, message: t("codeFormat") }]}
        >
          <Input id="phoneCode" inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
        </Form.Item>
        <Button onClick={() => void send()} loading={loading} disabled={secondsLeft > 0}>
          {secondsLeft > 0 ? t("resendIn", { seconds: secondsLeft }) : sentTo ? t("resendCode") : t("sendCode")}
        </Button>
      </Space.Compact>
    </Form.Item>
  );
}
