import { useEffect, useRef, useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Form, Input } from "antd";
import { useSearchParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatTimeRange } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { useRules } from "../../app/validation";
import type { CheckInMutation } from "../../gql/graphql";
import { checkInMutation } from "./training.documents";
import { trainingMessages } from "./training.messages";
import "./training.css";

type Attendance = NonNullable<CheckInMutation["checkIn"]["attendance"]>;

/**
 * QR self check-in (/me/check-in?code=…): the staff screen's QR code opens this page, which checks
 * in at once; a code can also be pasted by hand.
 */
export function CheckInPage(): ReactNode {
  const t = useT(trainingMessages);
  const locale = useLocale();
  const rules = useRules();
  const [params] = useSearchParams();
  const scanned = params.get("code")?.trim() ?? "";
  const [form] = Form.useForm<{ code: string }>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [checkIn] = useMutation(checkInMutation);
  const [done, setDone] = useState<Attendance | null>(null);
  const sent = useRef<string | null>(null);

  const send = (code: string) =>
    submit(async () => {
      const { data } = await checkIn({ variables: { input: { code } } });
      if (data?.checkIn.attendance) setDone(data.checkIn.attendance);
      return data?.checkIn.userErrors ?? [];
    });

  // A scanned code is sent once, as soon as the page opens (StrictMode renders effects twice).
  useEffect(() => {
    if (!scanned || sent.current === scanned) return;
    sent.current = scanned;
    form.setFieldValue("code", scanned);
    void send(scanned);
  }, [scanned]);

  if (done) {
    const session = done.session;
    return (
      <section className="panel check-in-done" aria-labelledby="check-in-title">
        <Alert type="success" showIcon role="status" title={<span id="check-in-title">{t("checkedIn")}</span>} />
        <dl className="facts" style={{ marginTop: 16 }}>
          <dt>{t("cohort")}</dt>
          <dd>{session.cohort.title}</dd>
          <dt>{t("session")}</dt>
          <dd>{session.topic}</dd>
          <dt>{t("time")}</dt>
          <dd>{formatTimeRange(session.startsAt, session.endsAt, locale)}</dd>
        </dl>
        <ButtonLink type="primary" block to="/me/cohorts" style={{ marginTop: 16 }}>
          {t("myCohortsTitle")}
        </ButtonLink>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="check-in-title">
      <h1 id="check-in-title" className="page-title">
        {t("checkInTitle")}
      </h1>
      <p className="muted">{t("checkInIntro")}</p>
      {errorsAlert}
      <Form<{ code: string }> form={form} layout="vertical" onFinish={(values) => send(values.code.trim())}>
        <Form.Item name="code" label={t("checkInCode")} rules={[rules.required("code")]} extra={t("checkInCodeHint")}>
          <Input autoComplete="off" autoCapitalize="off" spellCheck={false} maxLength={64} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block size="large" loading={submitting}>
          {t("checkInSubmit")}
        </Button>
      </Form>
    </section>
  );
}
