import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import { beijingInstant } from "../../app/dayjs";
import { InstantPicker } from "../../app/date-fields";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { CohortFieldsFragment, SessionFieldsFragment } from "../../gql/graphql";
import { createSessionMutation, updateSessionMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

export interface SessionValues {
  topic: string;
  lecturer?: string | null;
  startsAt: string;
  endsAt: string;
  venue?: string | null;
}

export function SessionFormModal({
  dialog,
  cohort,
  session,
}: {
  dialog: DialogProps;
  cohort: CohortFieldsFragment;
  session: SessionFieldsFragment | null;
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const rules = useRules();
  // A new session is listed by refetching its cohort; an edited one updates itself in the cache.
  const [create] = useMutation(createSessionMutation, { refetchQueries: ["ConsoleCohort"] });
  const [update] = useMutation(updateSessionMutation);

  const onSubmit = async (values: SessionValues) => {
    const fields = {
      topic: values.topic.trim(),
      lecturer: values.lecturer?.trim() || null,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      venue: values.venue?.trim() || null,
    };
    const payload = session
      ? (await update({ variables: { input: { sessionId: session.id, ...fields } } })).data?.updateClassSession
      : (await create({ variables: { input: { cohortId: cohort.id, ...fields } } })).data?.createClassSession;
    return payload?.userErrors ?? [];
  };

  return (
    <FormModal<SessionValues>
      dialog={dialog}
      title={session ? t("editSessionTitle") : t("createSession")}
      initialValues={
        session
          ? session
          : {
              venue: cohort.venue,
              startsAt: beijingInstant(cohort.startsOn, "09:00"),
              endsAt: beijingInstant(cohort.startsOn, "12:00"),
            }
      }
      onSubmit={onSubmit}
    >
      <Form.Item name="topic" label={t("topic")} rules={[rules.required("topic"), rules.maxLength("topic", 200)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="lecturer" label={t("lecturer")} rules={[rules.maxLength("lecturer", 100)]}>
        <Input maxLength={100} />
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
    </FormModal>
  );
}
