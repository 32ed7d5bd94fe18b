import type { ReactNode } from "react";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { PageError, PageLoading } from "./page-state";
import { PageButtons, type Paged } from "./paged-query";

/**
 * A paged query as a list of cards, for the public pages and the portal: lighter than a table
 * on a phone, with the same previous/next below it.
 */
export function PagedList<N extends { id: string }>({
  paged,
  label,
  empty,
  renderItem,
}: {
  paged: Paged<N>;
  label: string;
  empty: ReactNode;
  renderItem: (node: N) => ReactNode;
}): ReactNode {
  const t = useT(appMessages);
  const nothing = paged.nodes.length === 0;
  return (
    <div className="paged-list" aria-busy={paged.loading}>
      {paged.error ? <PageError error={paged.error} onRetry={paged.refetch} /> : null}
      {nothing && paged.loading && <PageLoading />}
      {nothing && !paged.loading && !paged.error && <p className="empty-state">{empty}</p>}
      {!nothing && (
        <ul className="card-list" aria-label={label}>
          {paged.nodes.map((node) => (
            <li key={node.id}>{renderItem(node)}</li>
          ))}
        </ul>
      )}
      {(paged.page > 1 || paged.hasNext) && (
        <div className="paged-footer">
          <span aria-live="polite">
            {paged.totalCount === undefined ? "" : t("total", { count: paged.totalCount })}
          </span>
          <div className="page-toolbar" style={{ marginBottom: 0 }}>
            <PageButtons paged={paged} />
          </div>
        </div>
      )}
    </div>
  );
}
