import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, InputNumber, Radio } from "antd";
import { InstantPicker } from "../../app/date-fields";
import { enumValues } from "../../app/enum-labels";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { EventFieldsFragment, EventKind } from "../../gql/graphql";
import { createEventMutation, updateEventMutation } from "./events-console.documents";
import { eventKindLabels } from "./events.labels";
import { eventConsoleMessages } from "./events-console.messages";

interface EventValues {
  kind: EventKind;
  number?: number | null;
  title: string;
  summary?: string | null;
  startsAt: string;
  endsAt: string;
  venue?: string | null;
  onlineUrl?: string | null;
  capacity: number;
  registrationOpensAt?: string | null;
  registrationClosesAt?: string | null;
}

/** Creates an event (a draft until published) or edits one. */
export function EventFormModal({
  dialog,
  event,
  onSaved,
}: {
  dialog: DialogProps;
  event: EventFieldsFragment | null;
  onSaved?: (event: EventFieldsFragment) => void;
}): ReactNode {
  const t = useT(eventConsoleMessages);
  const locale = useLocale();
  const rules = useRules();
  const [create] = useMutation(createEventMutation);
  const [update] = useMutation(updateEventMutation);

  const onSubmit = async (values: EventValues) => {
    const fields = {
      number: values.number ?? null,
      title: values.title.trim(),
      summary: values.summary?.trim() || null,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      venue: values.venue?.trim() || null,
      onlineUrl: values.onlineUrl?.trim() || null,
      capacity: values.capacity,
      registrationOpensAt: values.registrationOpensAt ?? null,
      registrationClosesAt: values.registrationClosesAt ?? null,
    };
    const payload = event
      ? (await update({ variables: { input: { eventId: event.id, ...fields } } })).data?.updateEvent
      : (await create({ variables: { input: { kind: values.kind, ...fields } } })).data?.createEvent;
    if (payload?.event && !payload.userErrors.length) onSaved?.(payload.event);
    return payload?.userErrors ?? [];
  };

  const initial: Partial<EventValues> = event
    ? {
        ...event,
      }
    : { kind: "SALON", capacity: 50 };

  return (
    <FormModal<EventValues>
      dialog={dialog}
      title={event ? t("editEventTitle", { title: event.title }) : t("createEvent")}
      initialValues={initial}
      onSubmit={onSubmit}
    >
      {!event && (
        <Form.Item name="kind" label={t("kind")} rules={[rules.requiredValue("kind")]}>
          <Radio.Group
            aria-label={t("kind")}
            options={enumValues(eventKindLabels).map((k) => ({ value: k, label: eventKindLabels[locale][k] }))}
          />
        </Form.Item>
      )}
      <Form.Item name="title" label={t("title")} rules={[rules.required("title"), rules.maxLength("title", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="number" label={t("number")} extra={event ? undefined : t("numberHint")}>
        <InputNumber min={1} max={100000} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="startsAt" label={t("startsAt")} rules={[rules.requiredValue("startsAt")]}>
          <InstantPicker />
        </Form.Item>
        <Form.Item name="endsAt" label={t("endsAt")} rules={[rules.requiredValue("endsAt")]}>
          <InstantPicker />
        </Form.Item>
      </div>
      <Form.Item name="venue" label={t("venue")} rules={[rules.maxLength("venue", 200)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="onlineUrl" label={t("onlineUrl")} rules={[rules.maxLength("onlineUrl", 500)]}>
        <Input maxLength={500} inputMode="url" />
      </Form.Item>
      <Form.Item name="capacity" label={t("capacity")} rules={[rules.requiredValue("capacity")]}>
        <InputNumber min={1} max={100000} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="registrationOpensAt" label={t("registrationOpensAt")} extra={t("windowHint")}>
          <InstantPicker />
        </Form.Item>
        <Form.Item name="registrationClosesAt" label={t("registrationClosesAt")}>
          <InstantPicker />
        </Form.Item>
      </div>
      <Form.Item name="summary" label={t("summary")} rules={[rules.maxLength("summary", 5000)]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
