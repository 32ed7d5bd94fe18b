import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import { declareConflictMutation } from "./awards.documents";
import { awardMessages } from "./awards.messages";

/** A judge declares a conflict of interest; the nomination's dossier is hidden from them afterwards. */
export function ConflictModal({ dialog, nominationId }: { dialog: DialogProps; nominationId: string }): ReactNode {
  const t = useT(awardMessages);
  const rules = useRules();
  const [declare] = useMutation(declareConflictMutation, { refetchQueries: ["MyAwardAssignments"] });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("conflictTitle")}
      okText={t("declareConflict")}
      onSubmit={async (values) =>
        (await declare({ variables: { input: { nominationId, reason: values.reason.trim() } } })).data?.declareConflict
          .userErrors ?? []
      }
    >
      <p className="muted">{t("conflictHint")}</p>
      <Form.Item
        name="reason"
        label={t("conflictReason")}
        rules={[rules.required(t("conflictReason")), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
