import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Form, Input, Modal } from "antd";
import { BulkOutcomeModal } from "../../app/bulk-outcome-modal";
import { errorText } from "../../app/error-text";
import { useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { useRules } from "../../app/validation";
import type { EnrollmentRowFragment, ReviewDecision } from "../../gql/graphql";
import { reviewEnrollmentsMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

interface Outcome {
  decided: number;
  refused: { name: string; message: string }[];
  problem?: string;
}

/**
 * Approve or reject the selected enrollments in one go: the dialog first names them (and asks for
 * the reason to reject), then reports how many went through and why each of the others did not.
 */
export function BulkReviewModal({
  decision,
  rows,
  onClose,
}: {
  decision: ReviewDecision;
  rows: EnrollmentRowFragment[];
  onClose: (decided: boolean) => void;
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const tApp = useT(appMessages);
  const rules = useRules();
  const [form] = Form.useForm<{ reason: string }>();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [review, { loading }] = useMutation(reviewEnrollmentsMutation, {
    refetchQueries: ["CohortEnrollments", "ConsoleCohort"],
  });
  const approving = decision === "APPROVE";

  const send = async () => {
    const { reason } = approving ? { reason: undefined } : await form.validateFields();
    try {
      const { data } = await review({
        variables: { input: { enrollmentIds: rows.map((r) => r.id), decision, reason: reason?.trim() } },
      });
      const result = data?.reviewEnrollments;
      const refused = (result?.userErrors ?? []).map((e) => {
        const index = e.field?.[0] === "input" && e.field[1] === "enrollmentIds" ? Number(e.field[2]) : NaN;
        return { name: rows[index]?.trainee.name ?? "", message: e.message };
      });
      setOutcome({ decided: result?.enrollments?.length ?? 0, refused });
    } catch (error) {
      setOutcome({ decided: 0, refused: [], problem: errorText(error, tApp) });
    }
  };

  const title = t(approving ? "bulkApproveTitle" : "bulkRejectTitle", { count: rows.length });
  if (outcome) {
    return (
      <BulkOutcomeModal title={title} closeText={t("close")} changed={outcome.decided > 0} onClose={onClose}>
        {outcome.problem ? (
          <Alert type="error" showIcon title={outcome.problem} />
        ) : (
          <Alert
            type={outcome.refused.length ? "warning" : "success"}
            showIcon
            title={t(approving ? "bulkApproved" : "bulkRejected", { count: outcome.decided })}
            description={
              outcome.refused.length ? (
                <>
                  <p>{t("bulkRefused", { count: outcome.refused.length })}</p>
                  <ul>
                    {outcome.refused.map((r, i) => (
                      <li key={i}>
                        {r.name ? `${r.name}：` : ""}
                        {r.message}
                      </li>
                    ))}
                  </ul>
                </>
              ) : undefined
            }
          />
        )}
      </BulkOutcomeModal>
    );
  }
  return (
    <Modal
      open
      title={title}
      okText={t(approving ? "approve" : "reject")}
      okButtonProps={{ danger: !approving, loading }}
      cancelText={t("keep")}
      onOk={() => void send()}
      onCancel={() => onClose(false)}
    >
      <p>{t(approving ? "bulkApproveConfirm" : "bulkRejectConfirm", { count: rows.length })}</p>
      <ul className="bulk-names">
        {rows.map((r) => (
          <li key={r.id}>
            {r.trainee.name}
            {r.trainee.enterprise ? ` · ${r.trainee.enterprise.name}` : ""}
          </li>
        ))}
      </ul>
      {!approving && (
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t("rejectReason")}
            extra={t("rejectReasonHint")}
            rules={[rules.required("reason"), rules.maxLength("reason", 500)]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
