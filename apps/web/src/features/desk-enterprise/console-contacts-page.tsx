import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Popconfirm, Segmented, Space, Tag } from "antd";
import { formatDateTime } from "../../app/format";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import type { ContactRequestStatus, EnterpriseContactRequestsQuery } from "../../gql/graphql";
import {
  contactRequestsQuery,
  decideEnterpriseContactMutation,
  enterpriseContactsQuery,
  removeEnterpriseContactMutation,
} from "./desk-enterprise.documents";
import { deskMessages, requestStatusLabels } from "./desk-enterprise.messages";

type Request = EnterpriseContactRequestsQuery["enterpriseContactRequests"]["edges"][number]["node"];
type Tab = ContactRequestStatus | "CONTACTS";
/** The refusal's form loads when it opens, not with the page. */
const RejectModal = lazyDialog(() => import("./reject-contact-modal"), "RejectModal");

/** Staff (/console/enterprise-contacts): requests to become an enterprise's contact, and the contacts. */
export function ConsoleContactsPage(): ReactNode {
  const t = useT(deskMessages);
  const locale = useLocale();
  const [tab, setTab] = useState<Tab>("PENDING");
  return (
    <>
      <h1 className="page-title">{t("contactsTitle")}</h1>
      <p className="muted">{t("contactsIntro")}</p>
      <div className="page-toolbar">
        <Segmented<Tab>
          aria-label={t("statusFilter")}
          value={tab}
          onChange={setTab}
          options={[
            ...(["PENDING", "CONFIRMED", "REJECTED"] as ContactRequestStatus[]).map((s) => ({
              value: s,
              label: `${t("requests")} · ${requestStatusLabels[locale][s]}`,
            })),
            { value: "CONTACTS" as const, label: t("contacts") },
          ]}
        />
      </div>
      {tab === "CONTACTS" ? <ContactsTable /> : <RequestsTable status={tab} />}
    </>
  );
}

function RequestsTable({ status }: { status: ContactRequestStatus }): ReactNode {
  const t = useT(deskMessages);
  const locale = useLocale();
  const rejecter = useDialog<Request>();
  const paged = usePagedQuery(contactRequestsQuery, {
    variables: { filter: filterOf({ status }) },
    select: (data) => data.enterpriseContactRequests,
  });
  return (
    <>
      <PagedTable<Request>
        paged={paged}
        columns={[
          {
            title: t("enterprise"),
            key: "enterprise",
            render: (_, r) => (
              <>
                <div>{r.enterprise.name}</div>
                <div className="muted">{r.enterprise.creditCode}</div>
              </>
            ),
          },
          { title: t("account"), key: "account", render: (_, r) => r.user && `${r.user.name} ${r.user.phone}` },
          {
            title: t("createdAt"),
            dataIndex: "createdAt",
            render: (createdAt: string) => formatDateTime(createdAt, locale),
          },
          status === "PENDING"
            ? {
                title: t("actions"),
                key: "actions",
                fixed: "right",
                render: (_, r) => (
                  <Space size={0} wrap>
                    <ConfirmButton request={r} onDone={paged.refetch} />
                    <Button type="link" danger onClick={() => rejecter.show(r)}>
                      {t("reject")}
                    </Button>
                  </Space>
                ),
              }
            : {
                title: t("decisionNote"),
                key: "decision",
                render: (_, r) => (r.byPhoneCode ? <Tag color="green">{t("byCode")}</Tag> : r.decisionNote),
              },
        ]}
      />
      {rejecter.value && <RejectModal dialog={rejecter.props} request={rejecter.value} onDone={paged.refetch} />}
    </>
  );
}

function ConfirmButton({ request, onDone }: { request: Request; onDone: () => void }): ReactNode {
  const t = useT(deskMessages);
  const run = useMutationAction();
  const [decide, { loading }] = useMutation(decideEnterpriseContactMutation);
  const confirm = async () => {
    const ok = await run(
      async () =>
        (await decide({ variables: { input: { requestId: request.id, confirm: true } } })).data?.decideEnterpriseContact
          .userErrors,
      t("confirmed"),
    );
    if (ok) onDone();
  };
  return (
    <Popconfirm title={t("confirmQuestion")} okText={t("ok")} cancelText={t("cancel")} onConfirm={confirm}>
      <Button type="link" loading={loading}>
        {t("confirm")}
      </Button>
    </Popconfirm>
  );
}

function ContactsTable(): ReactNode {
  const t = useT(deskMessages);
  const run = useMutationAction();
  const [remove] = useMutation(removeEnterpriseContactMutation);
  const paged = usePagedQuery(enterpriseContactsQuery, { variables: {}, select: (data) => data.enterpriseContacts });
  return (
    <PagedTable
      paged={paged}
      columns={[
        {
          title: t("enterprise"),
          key: "enterprise",
          render: (_, c) => (
            <>
              <div>{c.enterprise.name}</div>
              <div className="muted">{c.enterprise.creditCode}</div>
            </>
          ),
        },
        { title: t("person"), key: "person", render: (_, c) => c.user && `${c.user.name} ${c.user.phone}` },
        {
          title: t("actions"),
          key: "actions",
          render: (_, c) => (
            <Popconfirm
              title={t("removeQuestion")}
              okText={t("ok")}
              cancelText={t("cancel")}
              onConfirm={async () => {
                const ok = await run(
                  async () =>
                    (await remove({ variables: { input: { contactId: c.id } } })).data?.removeEnterpriseContact
                      .userErrors,
                  t("removed"),
                );
                if (ok) paged.refetch();
              }}
            >
              <Button type="link" danger>
                {t("remove")}
              </Button>
            </Popconfirm>
          ),
        },
      ]}
    />
  );
}
