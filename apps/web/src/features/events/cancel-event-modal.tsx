import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { EventFieldsFragment } from "../../gql/graphql";
import { changeEventStatusMutation } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";

export function CancelEventModal({ dialog, event }: { dialog: DialogProps; event: EventFieldsFragment }): ReactNode {
  const t = useT(eventConsoleMessages);
  const rules = useRules();
  const [change] = useMutation(changeEventStatusMutation, { refetchQueries: ["EventRegistrations"] });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("cancelTitle", { title: event.title })}
      okText={t("cancelEvent")}
      cancelText={t("keepEvent")}
      onSubmit={async (values) =>
        (
          await change({
            variables: { input: { eventId: event.id, status: "CANCELLED", reason: values.reason.trim() } },
          })
        ).data?.changeEventStatus.userErrors ?? []
      }
    >
      <Form.Item
        name="reason"
        label={t("cancelReason")}
        extra={t("cancelReasonHint")}
        rules={[rules.required("reason"), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
