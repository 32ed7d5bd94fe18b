import { useRef, useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Rate } from "antd";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import { submitEventSurveyMutation } from "./events.documents";
import { eventMessages } from "./events.messages";

interface SurveyValues {
  rating: number;
  comment?: string;
}

/** A participant's survey of an event, once; the lists that show it are read again afterwards. */
export function SurveyFormModal({
  eventId,
  title,
  onClose,
}: {
  eventId: string;
  title: string;
  onClose: (submitted: boolean) => void;
}): ReactNode {
  const t = useT(eventMessages);
  const rules = useRules();
  const [open, setOpen] = useState(true);
  const submitted = useRef(false);
  const [submit] = useMutation(submitEventSurveyMutation, { refetchQueries: ["Event", "MyEvents"] });
  return (
    <FormModal<SurveyValues>
      dialog={{ open, onClose: () => setOpen(false), afterClose: () => onClose(submitted.current) }}
      title={t("surveyTitle", { title })}
      okText={t("submitSurvey")}
      onSubmit={async (values) => {
        const { data } = await submit({
          variables: { input: { eventId, rating: values.rating, comment: values.comment?.trim() || null } },
        });
        const userErrors = data?.submitEventSurvey.userErrors ?? [];
        submitted.current = userErrors.length === 0;
        return userErrors;
      }}
    >
      <Form.Item name="rating" label={t("rating")} rules={[rules.requiredValue("rating")]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label={t("comment")} rules={[rules.maxLength("comment", 1000)]}>
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
