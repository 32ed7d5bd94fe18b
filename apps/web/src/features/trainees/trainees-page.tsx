import { useState, type ReactNode } from "react";
import { useLazyQuery } from "@apollo/client/react";
import { Button, Popconfirm, Space } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { genderLabels } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { formatDate } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { errorText } from "../../app/error-text";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import { useSession } from "../../app/session";
import type { Gender, TraineeFieldsFragment } from "../../gql/graphql";
import { EnterprisePicker } from "../enterprises/enterprise-picker";
import { traineeIdCardQuery, traineesQuery } from "./trainees.documents";
import { traineeMessages } from "./trainees.messages";
import { toast } from "../../app/toast";
import { SearchBox } from "../../app/search-box";

const TraineeFormModal = lazyDialog(() => import("./trainee-form-modal"), "TraineeFormModal");

/** Staff console: find trainees by name, phone, ID number or enterprise; add and edit them. */
export function TraineesPage(): ReactNode {
  const t = useT(traineeMessages);
  const locale = useLocale();
  const { viewer } = useSession();
  const [search, setSearch] = useState("");
  const [enterpriseId, setEnterpriseId] = useState<string | null>(null);
  const editor = useDialog<{ trainee: TraineeFieldsFragment | null }>();

  const paged = usePagedQuery(traineesQuery, {
    variables: { filter: filterOf({ search, enterpriseId }) },
    select: (data) => data.trainees,
  });
  const isAdmin = viewer?.roles.includes("ADMIN") ?? false;

  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <div className="page-toolbar">
        <SearchBox
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          onSearch={setSearch}
          style={{ maxWidth: 360 }}
        />
        <div style={{ minWidth: 240 }}>
          <EnterprisePicker
            loadOnFocus
            value={enterpriseId}
            onChange={setEnterpriseId}
            aria-label={t("enterpriseFilter")}
            placeholder={t("enterpriseFilter")}
          />
        </div>
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show({ trainee: null })}>
          {t("create")}
        </Button>
      </div>
      <PagedTable<TraineeFieldsFragment>
        paged={paged}
        columns={[
          { title: t("name"), dataIndex: "name", fixed: "left" },
          {
            title: t("gender"),
            dataIndex: "gender",
            render: (gender: Gender | null) => (gender ? genderLabels[locale][gender] : null),
          },
          { title: t("phone"), dataIndex: "phone" },
          { title: t("enterprise"), key: "enterprise", render: (_, trainee) => trainee.enterprise?.name },
          { title: t("position"), dataIndex: "position" },
          {
            title: t("idCardNumber"),
            key: "idCardNumber",
            render: (_, trainee) =>
              trainee.idCardNumber ? (
                <Space size={4}>
                  <code>{trainee.idCardNumber}</code>
                  {isAdmin && <RevealIdCard traineeId={trainee.id} />}
                </Space>
              ) : null,
          },
          {
            title: t("createdAt"),
            dataIndex: "createdAt",
            render: (createdAt: string) => formatDate(createdAt, locale),
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, trainee) => (
              <Button type="link" onClick={() => editor.show({ trainee })}>
                {t("edit")}
              </Button>
            ),
          },
        ]}
      />
      {editor.value && (
        <TraineeFormModal dialog={editor.props} trainee={editor.value.trainee} onSaved={paged.refetch} />
      )}
    </>
  );
}

/** An admin may read the whole number; the API records each read in the audit log. */
function RevealIdCard({ traineeId }: { traineeId: string }): ReactNode {
  const t = useT(traineeMessages);
  const common = useT(appMessages);
  const [load, { loading }] = useLazyQuery(traineeIdCardQuery, { fetchPolicy: "network-only" });
  const reveal = async () => {
    try {
      const { data } = await load({ variables: { id: traineeId } });
      const node = data?.node;
      const number = node && "idCardNumber" in node ? node.idCardNumber : null;
      if (!number) return;
      // The dialog's code loads with the first number read, not with the list.
      const { default: Modal } = await import("antd/es/modal");
      Modal.info({ title: t("idCardNumber"), content: <code style={{ fontSize: 16 }}>{number}</code> });
    } catch (error) {
      toast.error(errorText(error, common));
    }
  };
  return (
    <Popconfirm title={t("revealConfirm")} okText={t("revealOk")} cancelText={t("cancel")} onConfirm={reveal}>
      <Button type="link" size="small" loading={loading}>
        {t("reveal")}
      </Button>
    </Popconfirm>
  );
}
