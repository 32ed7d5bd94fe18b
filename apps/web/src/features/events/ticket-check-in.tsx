import { lazy, Suspense, useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input } from "antd";
import { CameraOutlined } from "@ant-design/icons";
import { formatTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { useMutationForm } from "../../app/mutation-form";
import { PageLoading } from "../../app/page-state";
import { useRules } from "../../app/validation";
import { checkInTicketMutation } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";

// The camera reader (jsQR) loads only when the desk opens the camera.
const QrScanner = lazy(() => import("../../app/qr-scanner").then((m) => ({ default: m.QrScanner })));

/**
 * The check-in desk: a scanner types the code and Enter, or the device's camera reads the ticket's
 * QR code; the field empties for the next ticket.
 */
export function TicketCheckIn({ eventId }: { eventId: string }): ReactNode {
  const t = useT(eventConsoleMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const rules = useRules();
  const [form] = Form.useForm<{ code: string }>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [checkIn] = useMutation(checkInTicketMutation);
  const [result, setResult] = useState<{ text: string; repeat: boolean } | null>(null);
  const [camera, setCamera] = useState(false);

  const checkInCode = async (code: string) => {
    setResult(null);
    const ok = await submit(async () => {
      const { data } = await checkIn({ variables: { input: { eventId, code: code.trim() } } });
      const payload = data?.checkInTicket;
      const name = payload?.registration?.trainee.name ?? "";
      if (payload?.registration)
        setResult(
          payload.alreadyCheckedInAt
            ? {
                text: t("alreadyCheckedIn", {
                  name,
                  time: formatTime(payload.alreadyCheckedInAt, locale, { seconds: true }),
                }),
                repeat: true,
              }
            : { text: t("checkedIn", { name }), repeat: false },
        );
      return payload?.userErrors ?? [];
    });
    if (ok) form.resetFields();
    if (!camera) form.focusField("code");
  };

  return (
    <section className="panel" aria-labelledby="door-title" style={{ marginBottom: 16 }}>
      <h2 id="door-title">{t("checkInTitle")}</h2>
      {result && (
        <Alert
          type={result.repeat ? "warning" : "success"}
          showIcon
          role="status"
          title={result.text}
          className="form-errors"
        />
      )}
      {errorsAlert}
      <Form<{ code: string }> form={form} layout="inline" onFinish={(values) => checkInCode(values.code)}>
        <Form.Item
          name="code"
          label={t("ticketCode")}
          extra={t("checkInHint")}
          rules={[rules.required(t("ticketCode"))]}
        >
          <Input
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={64}
            style={{ width: 260 }}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting}>
          {t("checkIn")}
        </Button>
        {!camera && (
          <Button icon={<CameraOutlined />} onClick={() => setCamera(true)}>
            {app("scanWithCamera")}
          </Button>
        )}
      </Form>
      {camera && (
        <Suspense fallback={<PageLoading />}>
          <QrScanner
            onCode={(code) => {
              // One ticket at a time; one held in view is read again a moment later.
              if (submitting) return;
              // What the camera read is what a scanner would have typed: shown in the field, then checked.
              form.setFieldsValue({ code });
              void checkInCode(code);
            }}
            onClose={() => setCamera(false)}
          />
        </Suspense>
      )}
    </section>
  );
}
