import type { ReactNode } from "react";
import { DataTable, type DataTableProps } from "./data-table";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { PageError } from "./page-state";
import { PAGE_SIZES, PageButtons, type Paged } from "./paged-query";

export { filterOf, usePagedQuery } from "./paged-query";

/** A table over a paged query, with the total, previous/next and page size below it. */
export function PagedTable<N extends { id: string }>({
  paged,
  ...table
}: { paged: Paged<N> } & Omit<DataTableProps<N>, "dataSource" | "loading" | "rowKey">): ReactNode {
  const t = useT(appMessages);
  return (
    <div className="paged-table">
      {paged.error ? <PageError error={paged.error} onRetry={paged.refetch} /> : null}
      <DataTable<N> rowKey="id" {...table} dataSource={paged.nodes} loading={paged.loading} />
      <div className="paged-footer">
        <span aria-live="polite">{paged.totalCount === undefined ? "" : t("total", { count: paged.totalCount })}</span>
        <div className="page-toolbar" style={{ marginBottom: 0 }}>
          <PageButtons paged={paged} />
          {/* The browser's own select: antd's would bring its virtual list and form context to every list page. */}
          <select
            className="native-field"
            aria-label={t("pageSize")}
            value={paged.pageSize}
            onChange={(event) => paged.setPageSize(Number(event.target.value))}
          >
            {PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {t("perPage", { size })}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
