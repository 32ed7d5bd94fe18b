import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { TraineeClaimFieldsFragment } from "../../gql/graphql";
import { decideTraineeClaimMutation } from "./trainee-claims.documents";
import { claimMessages } from "./trainee-claims.messages";

export function RejectModal({
  dialog,
  claim,
  onDone,
}: {
  dialog: DialogProps;
  claim: TraineeClaimFieldsFragment;
  onDone: () => void;
}): ReactNode {
  const t = useT(claimMessages);
  const rules = useRules();
  const [decide] = useMutation(decideTraineeClaimMutation);
  return (
    <FormModal<{ note: string }>
      dialog={dialog}
      title={t("rejectTitle")}
      okText={t("reject")}
      onSubmit={async (values) => {
        const { data } = await decide({
          variables: { input: { claimId: claim.id, approve: false, note: values.note.trim() } },
        });
        const errors = data?.decideTraineeClaim.userErrors ?? [];
        if (!errors.length) onDone();
        return errors;
      }}
    >
      <Form.Item name="note" label={t("note")} rules={[rules.required("note"), rules.maxLength("note", 200)]}>
        <Input.TextArea rows={3} maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
