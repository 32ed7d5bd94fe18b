import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { EnrollmentRowFragment } from "../../gql/graphql";
import { reviewEnrollmentMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

export function RejectModal({
  dialog,
  enrollment,
}: {
  dialog: DialogProps;
  enrollment: EnrollmentRowFragment;
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const rules = useRules();
  const [review] = useMutation(reviewEnrollmentMutation, { refetchQueries: ["CohortEnrollments", "ConsoleCohort"] });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("rejectTitle", { name: enrollment.trainee.name })}
      okText={t("reject")}
      onSubmit={async (values) =>
        (
          await review({
            variables: { input: { enrollmentId: enrollment.id, decision: "REJECT", reason: values.reason.trim() } },
          })
        ).data?.reviewEnrollment.userErrors ?? []
      }
    >
      <Form.Item
        name="reason"
        label={t("rejectReason")}
        extra={t("rejectReasonHint")}
        rules={[rules.required("reason"), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
