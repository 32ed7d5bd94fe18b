import { useState, type ReactNode } from "react";
import { Button, Select, Space, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { HONOR_KINDS } from "@zuofu/shared";
import { honorKindLabels, sizeLabels } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import { SearchBox } from "../../app/search-box";
import type { EnterpriseFieldsFragment, HonorKind } from "../../gql/graphql";
import { enterprisesQuery } from "./enterprises.documents";
import { enterpriseMessages } from "./enterprises.messages";

const EnterpriseDetailDrawer = lazyDialog(() => import("./enterprise-detail-drawer"), "EnterpriseDetailDrawer");
const EnterpriseFormModal = lazyDialog(() => import("./enterprise-form-modal"), "EnterpriseFormModal");

/** Staff console: find enterprises, edit them, keep their honors and social-responsibility records. */
export function EnterprisesPage(): ReactNode {
  const t = useT(enterpriseMessages);
  const locale = useLocale();
  const [search, setSearch] = useState("");
  const [honorKind, setHonorKind] = useState<HonorKind | null>(null);
  const [detailId, setDetailId] = useState<string | null>(null);
  const editor = useDialog<{ enterprise: EnterpriseFieldsFragment | null }>();

  const paged = usePagedQuery(enterprisesQuery, {
    variables: { filter: filterOf({ search, honorKind }) },
    select: (data) => data.enterprises,
  });
  // The drawer shows the row from the list, which every honor/record mutation refreshes in the cache.
  const detail = paged.nodes.find((e) => e.id === detailId) ?? null;

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
        <Select<HonorKind>
          aria-label={t("honorFilter")}
          placeholder={t("anyHonor")}
          allowClear
          value={honorKind ?? undefined}
          onChange={(value) => setHonorKind(value ?? null)}
          options={HONOR_KINDS.map((kind) => ({ value: kind, label: honorKindLabels[locale][kind] }))}
          style={{ minWidth: 180 }}
        />
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show({ enterprise: null })}>
          {t("create")}
        </Button>
      </div>
      <PagedTable<EnterpriseFieldsFragment>
        paged={paged}
        columns={[
          { title: t("name"), dataIndex: "name", fixed: "left" },
          {
            title: t("creditCode"),
            dataIndex: "creditCode",
            render: (code: string) => <code>{code}</code>,
          },
          { title: t("town"), dataIndex: "town" },
          { title: t("industry"), dataIndex: "industry" },
          {
            title: t("size"),
            dataIndex: "size",
            render: (size: EnterpriseFieldsFragment["size"]) => (size ? sizeLabels[locale][size] : null),
          },
          {
            title: t("listed"),
            key: "listed",
            render: (_, e) => (e.listed ? <Tag color="blue">{e.stockCode || t("listedYes")}</Tag> : null),
          },
          {
            title: t("honors"),
            key: "honors",
            width: 260,
            render: (_, e) => (
              <Space size={[4, 4]} wrap>
                {[...new Set(e.honors.map((h) => h.kind))].map((kind) => (
                  <Tag key={kind} color="red">
                    {honorKindLabels[locale][kind]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, e) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => editor.show({ enterprise: e })}>
                  {t("edit")}
                </Button>
                <Button type="link" onClick={() => setDetailId(e.id)}>
                  {t("details")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {editor.value && (
        <EnterpriseFormModal dialog={editor.props} enterprise={editor.value.enterprise} onSaved={paged.refetch} />
      )}
      {detail && <EnterpriseDetailDrawer enterprise={detail} open onClose={() => setDetailId(null)} />}
    </>
  );
}
