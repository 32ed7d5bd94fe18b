import { useState, type ReactNode } from "react";
import { Button, Select, Space, Tag } from "antd";
import { useSearchParams } from "react-router";
import { formatDateTime } from "../../app/format";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import { useSession } from "../../app/session";
import { SearchBox } from "../../app/search-box";
import type { CertificateRowFragment, CertificateStatus } from "../../gql/graphql";
import { CertificateDownload } from "../training/certificate-download";
import { certificatesQuery } from "./certificates.documents";
import { certificateMessages } from "./certificates.messages";

const RevokeModal = lazyDialog(() => import("./certificate-modals"), "RevokeModal");
const ReissueModal = lazyDialog(() => import("./certificate-modals"), "ReissueModal");

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
        <SearchBox
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          onSearch={setSearch}
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
