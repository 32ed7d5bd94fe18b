import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form, Input, message, Select, Space, Tag } from "antd";
import { useSearchParams } from "react-router";
import { formatDateTime } from "../../app/format";
import { useDialog, type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import { useSession } from "../../app/session";
import { useRules } from "../../app/validation";
import type { CertificateRowFragment, CertificateStatus } from "../../gql/graphql";
import { CertificateDownload } from "../training/certificate-download";
import { certificatesQuery, reissueCertificateMutation, revokeCertificateMutation } from "./certificates.documents";
import { certificateMessages } from "./certificates.messages";

const STATUSES: CertificateStatus[] = ["VALID", "REVOKED"];

/**
 * Staff: the certificates issued (/console/certificates, `?cohortId=` for one cohort's), searched
 * by holder or serial; each one's PDF, and for admins revocation with a reason.
 */
export function ConsoleCertificatesPage(): ReactNode {
  const t = useT(certificateMessages);
  const locale = useLocale();
  const { viewer } = useSession();
  const isAdmin = viewer?.roles.includes("ADMIN") ?? false;
  const [params, setParams] = useSearchParams();
  const cohortId = params.get("cohortId");
  const [search, setSearch] = useState("");
  const [status, setStatus] = useState<CertificateStatus | null>(null);
  const revoking = useDialog<CertificateRowFragment>();
  const reissuing = useDialog<CertificateRowFragment>();
  const paged = usePagedQuery(certificatesQuery, {
    variables: { filter: filterOf({ search, status, cohortId }) },
    select: (data) => data.certificates,
  });
  return (
    <>
      <h1 className="page-title">{t("consoleTitle")}</h1>
      <div className="page-toolbar">
        <Input.Search
          aria-label={t("search")}
          placeholder={t("searchPlaceholder")}
          allowClear
          enterButton
          onSearch={(value) => setSearch(value.trim())}
          style={{ maxWidth: 300 }}
        />
        <Select<CertificateStatus>
          aria-label={t("status")}
          placeholder={t("anyStatus")}
          allowClear
          value={status ?? undefined}
          onChange={(value) => setStatus(value ?? null)}
          options={STATUSES.map((s) => ({ value: s, label: t(s) }))}
          style={{ minWidth: 140 }}
        />
        {cohortId && (
          <Tag closable onClose={() => setParams({})} closeIcon={<span aria-label={t("showAll")}>×</span>}>
            {t("cohortFilter")}
          </Tag>
        )}
      </div>
      <PagedTable<CertificateRowFragment>
        paged={paged}
        locale={{ emptyText: t("noCertificates") }}
        columns={[
          { title: t("serial"), dataIndex: "serial", fixed: "left", render: (serial: string) => <code>{serial}</code> },
          { title: t("holder"), dataIndex: "holderName" },
          { title: t("title_"), dataIndex: "title" },
          { title: t("issuedAt"), dataIndex: "issuedAt", render: (at: string) => formatDateTime(at, locale) },
          {
            title: t("status"),
            key: "status",
            render: (_, c) =>
              c.status === "REVOKED" ? (
                <>
                  <Tag color="red">{t("REVOKED")}</Tag>
                  {c.revokeReason}
                </>
              ) : (
                <Tag color="green">{t("VALID")}</Tag>
              ),
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, c) => (
              <Space size="small" wrap>
                <CertificateDownload certificateId={c.id} />
                {c.verificationCode && (
                  <Button
                    size="small"
                    type="link"
                    href={`/verify/${encodeURIComponent(c.verificationCode)}`}
                    target="_blank"
                    rel="noopener"
                  >
                    {t("verifyLink")}
                  </Button>
                )}
                {isAdmin && c.status === "VALID" && (
                  <Button size="small" danger onClick={() => revoking.show(c)}>
                    {t("revoke")}
                  </Button>
                )}
                {isAdmin && (
                  <Button size="small" onClick={() => reissuing.show(c)}>
                    {t("reissue")}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {revoking.value && <RevokeModal dialog={revoking.props} certificate={revoking.value} />}
      {reissuing.value && <ReissueModal dialog={reissuing.props} certificate={reissuing.value} />}
    </>
  );
}

function RevokeModal({ dialog, certificate }: { dialog: DialogProps; certificate: CertificateRowFragment }): ReactNode {
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
        if (!userErrors.length) message.success(t("revokedDone", { serial: certificate.serial }));
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

function ReissueModal({
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
        if (!userErrors.length) message.success(t("reissuedDone", { serial: certificate.serial }));
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
