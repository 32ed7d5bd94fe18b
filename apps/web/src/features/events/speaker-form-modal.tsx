import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { SpeakerFieldsFragment } from "../../gql/graphql";
import { EnterpriseSelect } from "../enterprises/enterprise-select";
import { createSpeakerMutation, updateSpeakerMutation } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";

interface SpeakerValues {
  name: string;
  title?: string | null;
  organization?: string | null;
  bio?: string | null;
  photoUrl?: string | null;
  enterpriseId?: string | null;
}

const blankToNull = (value?: string | null) => value?.trim() || null;

export function SpeakerFormModal({
  dialog,
  speaker,
  onSaved,
}: {
  dialog: DialogProps;
  speaker: SpeakerFieldsFragment | null;
  onSaved: () => void;
}): ReactNode {
  const t = useT(eventConsoleMessages);
  const rules = useRules();
  const [create] = useMutation(createSpeakerMutation);
  const [update] = useMutation(updateSpeakerMutation);
  const onSubmit = async (values: SpeakerValues) => {
    const fields = {
      name: values.name.trim(),
      title: blankToNull(values.title),
      organization: blankToNull(values.organization),
      bio: blankToNull(values.bio),
      photoUrl: blankToNull(values.photoUrl),
      enterpriseId: values.enterpriseId ?? null,
    };
    const userErrors = speaker
      ? (await update({ variables: { input: { speakerId: speaker.id, ...fields } } })).data?.updateSpeaker.userErrors
      : (await create({ variables: { input: fields } })).data?.createSpeaker.userErrors;
    if (userErrors && !userErrors.length) onSaved();
    return userErrors ?? [];
  };
  return (
    <FormModal<SpeakerValues>
      dialog={dialog}
      title={speaker ? t("editSpeakerTitle", { name: speaker.name }) : t("createSpeaker")}
      initialValues={speaker ? { ...speaker, enterpriseId: speaker.enterprise?.id ?? null } : {}}
      onSubmit={onSubmit}
    >
      <Form.Item name="name" label={t("name")} rules={[rules.required("name"), rules.maxLength("name", 64)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="organization" label={t("organization")} rules={[rules.maxLength("organization", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="title" label={t("speakerTitle")} rules={[rules.maxLength("title", 64)]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item name="enterpriseId" label={t("enterprise")}>
        <EnterpriseSelect current={speaker?.enterprise} />
      </Form.Item>
      <Form.Item name="bio" label={t("bio")} rules={[rules.maxLength("bio", 2000)]}>
        <Input.TextArea rows={4} maxLength={2000} />
      </Form.Item>
      <Form.Item name="photoUrl" label={t("photoUrl")} rules={[rules.maxLength("photoUrl", 500)]}>
        <Input maxLength={500} inputMode="url" />
      </Form.Item>
    </FormModal>
  );
}
