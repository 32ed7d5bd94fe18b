import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input, Switch } from "antd";
import { useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { PageError, PageLoading } from "../../app/page-state";
import { useRules } from "../../app/validation";
import type { MyNotificationChannelsQuery } from "../../gql/graphql";
import { myNotificationChannelsQuery, setNotificationChannelsMutation } from "./notifications.documents";
import { notificationMessages } from "./notifications.messages";

interface ChannelValues {
  email: boolean;
  emailAddress?: string | null;
  sms: boolean;
}

/** /me/notifications: e-mail and SMS besides the in-app list, for every signed-in user. */
export function NotificationSettingsPage(): ReactNode {
  const t = useT(notificationMessages);
  const { data, loading, error, refetch } = useQuery(myNotificationChannelsQuery, { fetchPolicy: "cache-and-network" });
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  return (
    <>
      <h1 className="page-title">{t("settingsTitle")}</h1>
      <p className="muted">{t("settingsIntro")}</p>
      {data && <ChannelsForm channels={data.myNotificationChannels} />}
    </>
  );
}

function ChannelsForm({ channels }: { channels: MyNotificationChannelsQuery["myNotificationChannels"] }): ReactNode {
  const t = useT(notificationMessages);
  const rules = useRules();
  const [form] = Form.useForm<ChannelValues>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [save] = useMutation(setNotificationChannelsMutation);
  const [saved, setSaved] = useState(false);
  const email = Form.useWatch("email", form) ?? channels.email;

  const onFinish = async (values: ChannelValues) => {
    setSaved(false);
    const address = values.emailAddress?.trim();
    const ok = await submit(async () => {
      const { data } = await save({
        variables: {
          input: { email: values.email, sms: values.sms, ...(address ? { emailAddress: address } : {}) },
        },
      });
      return data?.setNotificationChannels.userErrors ?? [];
    });
    setSaved(ok);
  };

  return (
    <section className="panel" aria-labelledby="channels-title">
      <h2 id="channels-title">{t("settingsTitle")}</h2>
      {saved && <Alert type="success" showIcon role="status" title={t("saved")} className="form-errors" />}
      {errorsAlert}
      <Form<ChannelValues>
        form={form}
        layout="vertical"
        onFinish={onFinish}
        onValuesChange={() => setSaved(false)}
        initialValues={{ email: channels.email, emailAddress: channels.emailAddress, sms: channels.sms }}
      >
        <Form.Item name="email" label={t("emailChannel")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Form.Item
          name="emailAddress"
          label={t("emailAddress")}
          extra={t("emailAddressHint")}
          rules={[
            ...(email ? [rules.required("emailAddress")] : []),
            { type: "email", message: t("invalidEmail") },
            rules.maxLength("emailAddress", 254),
          ]}
        >
          <Input type="email" inputMode="email" autoComplete="email" maxLength={254} />
        </Form.Item>
        <Form.Item name="sms" label={t("smsChannel")} valuePropName="checked">
          <Switch />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={submitting} disabled={submitting} block>
          {t("save")}
        </Button>
      </Form>
    </section>
  );
}
