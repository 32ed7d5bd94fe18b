import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { CohortFieldsFragment } from "../../gql/graphql";
import { changeCohortStatusMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

export function CancelCohortModal({
  cohort,
  dialog,
}: {
  cohort: CohortFieldsFragment;
  dialog: DialogProps;
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const rules = useRules();
  const [change] = useMutation(changeCohortStatusMutation, { refetchQueries: ["ConsoleCohort"] });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("cancelTitle", { title: cohort.title })}
      okText={t("cancelCohort")}
      cancelText={t("keepCohort")}
      onSubmit={async (values) =>
        (
          await change({
            variables: { input: { cohortId: cohort.id, status: "CANCELLED", reason: values.reason.trim() } },
          })
        ).data?.changeCohortStatus.userErrors ?? []
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
