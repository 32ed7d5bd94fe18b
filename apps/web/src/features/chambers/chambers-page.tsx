import { useState, type ReactNode } from "react";
import { Button, Select, Space } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { CHAMBER_REGION_KINDS } from "@zuofu/shared";
import { ButtonLink } from "../../app/button-link";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import { SearchBox } from "../../app/search-box";
import type { ChamberFieldsFragment, ChamberRegionKind } from "../../gql/graphql";
import { chambersQuery } from "./chambers.documents";
import { regionLabels } from "./chambers.labels";
import { chamberMessages } from "./chambers.messages";

const ChamberFormModal = lazyDialog(() => import("./chamber-form-modal"), "ChamberFormModal");

/** Admin: the partner chambers of commerce, at home, in Hong Kong, Macao and Taiwan, and along the Belt and Road. */
export function ChambersPage(): ReactNode {
  const t = useT(chamberMessages);
  const locale = useLocale();
  const [search, setSearch] = useState("");
  const [regionKind, setRegionKind] = useState<ChamberRegionKind | null>(null);
  const editor = useDialog<{ chamber: ChamberFieldsFragment | null }>();
  const paged = usePagedQuery(chambersQuery, {
    variables: { filter: filterOf({ search, regionKind }) },
    select: (data) => data.chambers,
  });
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <div className="page-toolbar">
        <SearchBox
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          onSearch={setSearch}
          style={{ maxWidth: 300 }}
        />
        <Select<ChamberRegionKind>
          aria-label={t("region")}
          placeholder={t("anyRegion")}
          allowClear
          value={regionKind ?? undefined}
          onChange={(value) => setRegionKind(value ?? null)}
          options={CHAMBER_REGION_KINDS.map((k) => ({ value: k, label: regionLabels[locale][k] }))}
          style={{ minWidth: 160 }}
        />
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show({ chamber: null })}>
          {t("create")}
        </Button>
      </div>
      <PagedTable<ChamberFieldsFragment>
        paged={paged}
        columns={[
          {
            title: t("name"),
            dataIndex: "name",
            fixed: "left",
            render: (name: string, c) => (
              <ButtonLink type="link" to={`/console/chambers/${encodeURIComponent(c.id)}`} style={{ padding: 0 }}>
                {name}
              </ButtonLink>
            ),
          },
          { title: t("city"), dataIndex: "city" },
          {
            title: t("region"),
            dataIndex: "regionKind",
            render: (k: ChamberRegionKind) => regionLabels[locale][k],
          },
          { title: t("partnerSince"), dataIndex: "partnerSince" },
          { title: t("members"), dataIndex: "memberCount" },
          { title: t("contact"), dataIndex: "contact" },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, chamber) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => editor.show({ chamber })}>
                  {t("edit")}
                </Button>
                <ButtonLink type="link" to={`/console/chambers/${encodeURIComponent(chamber.id)}`}>
                  {t("open")}
                </ButtonLink>
              </Space>
            ),
          },
        ]}
      />
      {editor.value && (
        <ChamberFormModal dialog={editor.props} chamber={editor.value.chamber} onSaved={paged.refetch} />
      )}
    </>
  );
}
