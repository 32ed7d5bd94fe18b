import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { CertificateRowFragment } from "../../gql/graphql";
import { reissueCertificateMutation, revokeCertificateMutation } from "./certificates.documents";
import { certificateMessages } from "./certificates.messages";
import { toast } from "../../app/toast";

export function RevokeModal({
  dialog,
  certificate,
}: {
  dialog: DialogProps;
  certificate: CertificateRowFragment;
}): ReactNode {
  const t = useT(certificateMessages);
  const rules = useRules();
  const [revoke] = useMutation(revokeCertificateMutation, { refetchQueries: ["Certificates"] });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("revokeTitle", { serial: certificate.serial })}
      okText={t("revoke")}
      onSubmit={async (values) => {
        const { data } = await revoke({
          variables: { input: { certificateId: certificate.id, reason: values.reason.trim() } },
        });
        const userErrors = data?.revokeCertificate.userErrors ?? [];
        if (!userErrors.length) toast.success(t("revokedDone", { serial: certificate.serial }));
        return userErrors;
      }}
    >
      <p>
        {certificate.holderName} · {certificate.title}
      </p>
      <p className="muted">{t("revokeWarning")}</p>
      <Form.Item
        name="reason"
        label={t("revokeReasonLabel")}
        extra={t("revokeReasonHint")}
        rules={[rules.required("reason"), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

export function ReissueModal({
  dialog,
  certificate,
}: {
  dialog: DialogProps;
  certificate: CertificateRowFragment;
}): ReactNode {
  const t = useT(certificateMessages);
  const rules = useRules();
  const [reissue] = useMutation(reissueCertificateMutation, { refetchQueries: ["Certificates"] });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("reissueTitle", { serial: certificate.serial })}
      okText={t("reissue")}
      onSubmit={async (values) => {
        const { data } = await reissue({
          variables: { input: { certificateId: certificate.id, reason: values.reason.trim() } },
        });
        const userErrors = data?.reissueCertificate.userErrors ?? [];
        if (!userErrors.length) toast.success(t("reissuedDone", { serial: certificate.serial }));
        return userErrors;
      }}
    >
      <p>
        {certificate.holderName} · {certificate.title}
      </p>
      <p className="muted">{t("reissueWarning")}</p>
      <Form.Item
        name="reason"
        label={t("reissueReasonLabel")}
        extra={t("reissueReasonHint")}
        rules={[rules.required("reason"), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
