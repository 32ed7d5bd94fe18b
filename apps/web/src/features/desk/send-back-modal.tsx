import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { StaffProblemRowFragment } from "../../gql/graphql";
import { sendProblemBackMutation } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";

/** Sends an escalated problem back down with instructions (the leaders' escalation board). */
export function SendBackModal({
  dialog,
  problem,
}: {
  dialog: DialogProps;
  problem: StaffProblemRowFragment;
}): ReactNode {
  const t = useT(deskStaffMessages);
  const rules = useRules();
  const [sendBack] = useMutation(sendProblemBackMutation, { refetchQueries: ["DeskProblems"] });
  return (
    <FormModal<{ instructions: string }>
      dialog={dialog}
      title={t("sendBackTitle", { title: problem.title })}
      okText={t("actionSEND_BACK")}
      cancelText={t("notNow")}
      saved={t("doneSEND_BACK")}
      onSubmit={async ({ instructions }) =>
        (await sendBack({ variables: { input: { problemId: problem.id, instructions } } })).data?.sendProblemBack
          .userErrors ?? []
      }
    >
      <Form.Item
        name="instructions"
        label={t("instructions")}
        extra={t("instructionsHint")}
        rules={[rules.required("instructions"), rules.maxLength("instructions", 1000)]}
      >
        <Input.TextArea rows={4} maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}
