import { useRef, useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Rate } from "antd";
import { FormModal } from "../../app/form-modal";
import { formatTimeRange } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import { submitFeedbackMutation } from "./training.documents";
import { trainingMessages } from "./training.messages";

interface FeedbackValues {
  sessionId: string;
  rating: number;
  comment?: string;
}

/** The value of the "whole cohort" choice; the API rates the cohort when sessionId is left out. */
const WHOLE_COHORT = "";

/** A completed trainee rates the cohort, or one of its class days, once each. */
export function FeedbackFormModal({
  cohortId,
  cohortTitle,
  sessions,
  onClose,
}: {
  cohortId: string;
  cohortTitle: string;
  sessions: readonly { id: string; topic: string; startsAt: string; endsAt: string }[];
  /** After the dialog has closed; `submitted` when the feedback was taken. */
  onClose: (submitted: boolean) => void;
}): ReactNode {
  const t = useT(trainingMessages);
  const locale = useLocale();
  const rules = useRules();
  const [open, setOpen] = useState(true);
  const submitted = useRef(false);
  const [submit] = useMutation(submitFeedbackMutation);

  const onSubmit = async (values: FeedbackValues) => {
    const { data } = await submit({
      variables: {
        input: {
          cohortId,
          rating: values.rating,
          comment: values.comment?.trim() || null,
          ...(values.sessionId === WHOLE_COHORT ? {} : { sessionId: values.sessionId }),
        },
      },
    });
    const userErrors = data?.submitFeedback.userErrors ?? [];
    submitted.current = userErrors.length === 0;
    return userErrors;
  };

  return (
    <FormModal<FeedbackValues>
      dialog={{ open, onClose: () => setOpen(false), afterClose: () => onClose(submitted.current) }}
      title={t("feedbackTitle", { title: cohortTitle })}
      okText={t("submitFeedback")}
      initialValues={{ sessionId: WHOLE_COHORT }}
      onSubmit={onSubmit}
    >
      <Form.Item name="sessionId" label={t("feedbackTarget")}>
        <select className="native-select">
          <option value={WHOLE_COHORT}>{t("wholeCohort")}</option>
          {sessions.map((s) => (
            <option key={s.id} value={s.id}>
              {s.topic}（{formatTimeRange(s.startsAt, s.endsAt, locale)}）
            </option>
          ))}
        </select>
      </Form.Item>
      <Form.Item name="rating" label={t("rating")} rules={[rules.requiredValue("rating")]}>
        <Rate />
      </Form.Item>
      <Form.Item name="comment" label={t("comment")} rules={[rules.maxLength("comment", 1000)]}>
        <Input.TextArea rows={4} maxLength={1000} showCount />
      </Form.Item>
    </FormModal>
  );
}
