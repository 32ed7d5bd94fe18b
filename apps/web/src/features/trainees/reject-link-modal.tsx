import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import { rejectTraineeEnterpriseLinkMutation } from "./trainees.documents";
import { traineeMessages } from "./trainees.messages";
import { REFETCH, type Link } from "./enterprise-links-page";

export function RejectModal({ dialog, link }: { dialog: DialogProps; link: Link }): ReactNode {
  const t = useT(traineeMessages);
  const rules = useRules();
  const [reject] = useMutation(rejectTraineeEnterpriseLinkMutation, { refetchQueries: REFETCH });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("rejectTitle", { name: link.trainee.name })}
      okText={t("reject")}
      onSubmit={async (values) =>
        (await reject({ variables: { input: { linkId: link.id, reason: values.reason.trim() } } })).data
          ?.rejectTraineeEnterpriseLink.userErrors ?? []
      }
    >
      <Form.Item
        name="reason"
        label={t("rejectReason")}
        rules={[rules.required("reason"), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
