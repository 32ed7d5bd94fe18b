import type { ReactNode } from "react";
import { Select, Table, type TableProps } from "antd";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { PageError } from "./page-state";
import { PAGE_SIZES, PageButtons, type Paged } from "./paged-query";

export { filterOf, usePagedQuery } from "./paged-query";

/** An antd Table over a paged query, with the total, previous/next and page size below it. */
export function PagedTable<N extends { id: string }>({
  paged,
  ...table
}: { paged: Paged<N> } & Omit<TableProps<N>, "dataSource" | "pagination" | "loading">): ReactNode {
  const t = useT(appMessages);
  return (
    <div className="paged-table">
      {paged.error ? <PageError error={paged.error} onRetry={paged.refetch} /> : null}
      <Table<N>
        rowKey="id"
        size="middle"
        scroll={{ x: "max-content" }}
        {...table}
        dataSource={paged.nodes}
        loading={paged.loading}
        pagination={false}
      />
      <div className="paged-footer">
        <span aria-live="polite">{paged.totalCount === undefined ? "" : t("total", { count: paged.totalCount })}</span>
        <div className="page-toolbar" style={{ marginBottom: 0 }}>
          <PageButtons paged={paged} />
          <Select
            aria-label={t("pageSize")}
            value={paged.pageSize}
            onChange={paged.setPageSize}
            options={PAGE_SIZES.map((size) => ({ value: size, label: t("perPage", { size }) }))}
            style={{ width: 110 }}
          />
        </div>
      </div>
    </div>
  );
}
