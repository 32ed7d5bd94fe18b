import { useState, type ReactNode } from "react";
import type { OperationVariables, TypedDocumentNode } from "@apollo/client";
import { useQuery } from "@apollo/client/react";
import { Button } from "antd";
import { useT } from "./i18n";
import { appMessages } from "./messages";

/** The Relay connection every growing list in the schema returns. */
export interface Connection<N> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: ReadonlyArray<{ node: N }>;
}

export interface PageVariables {
  first?: number | null;
  after?: string | null;
}

/**
 * A filter with its empty fields left out. The API reads an explicit null on an ID filter
 * (actorId, subjectId, enterpriseId) as "matches nothing", so "no filter" must be an absent field.
 */
export function filterOf<T extends object>(fields: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(fields).filter(([, value]) => value !== null && value !== undefined && value !== ""),
  ) as Partial<T>;
}

/** 100 is the API's largest page. */
export const PAGE_SIZES = [20, 50, 100];

export interface Paged<N> {
  nodes: N[];
  totalCount: number | undefined;
  /** 1-based number of the page shown. */
  page: number;
  pageSize: number;
  hasNext: boolean;
  loading: boolean;
  error: unknown;
  next: () => void;
  previous: () => void;
  setPageSize: (size: number) => void;
  refetch: () => void;
}

interface PageState {
  key: string;
  size: number;
  /** `after` of each page reached so far; the first page has none. */
  cursors: (string | null)[];
}

/**
 * Pages through a connection query with `first`/`after`. A change of `variables` (the filter)
 * starts again at the first page; "previous" walks back the cursors already seen.
 */
export function usePagedQuery<TData, TVariables extends PageVariables, N>(
  document: TypedDocumentNode<TData, TVariables>,
  options: {
    variables: Omit<TVariables, "first" | "after">;
    select: (data: TData) => Connection<N>;
    pageSize?: number;
    /** Waits (no request) until what the variables depend on is known. */
    skip?: boolean;
  },
): Paged<N> {
  const key = JSON.stringify(options.variables);
  const [state, setState] = useState<PageState>({ key, size: options.pageSize ?? PAGE_SIZES[0], cursors: [null] });
  const current: PageState = state.key === key ? state : { key, size: state.size, cursors: [null] };
  const after = current.cursors[current.cursors.length - 1];
  const result = useQuery(document as unknown as TypedDocumentNode<TData, OperationVariables>, {
    variables: { ...options.variables, first: current.size, after },
    fetchPolicy: "cache-and-network",
    notifyOnNetworkStatusChange: true,
    skip: options.skip,
  });
  const shown = (result.data ?? result.previousData) as TData | undefined;
  const connection = shown ? options.select(shown) : undefined;
  const endCursor = connection?.pageInfo.endCursor ?? null;
  return {
    nodes: connection?.edges.map((edge) => edge.node) ?? [],
    totalCount: connection?.totalCount,
    page: current.cursors.length,
    pageSize: current.size,
    hasNext: Boolean(connection?.pageInfo.hasNextPage && endCursor),
    loading: result.loading,
    error: result.error,
    next: () => {
      if (endCursor) setState({ ...current, cursors: [...current.cursors, endCursor] });
    },
    previous: () =>
      setState({ ...current, cursors: current.cursors.slice(0, Math.max(1, current.cursors.length - 1)) }),
    setPageSize: (size) => setState({ key, size, cursors: [null] }),
    refetch: () => void result.refetch(),
  };
}

/** Previous, "page n / m", next: below a paged table or list. */
export function PageButtons({ paged }: { paged: Paged<unknown> }): ReactNode {
  const t = useT(appMessages);
  const pages = paged.totalCount === undefined ? undefined : Math.max(1, Math.ceil(paged.totalCount / paged.pageSize));
  return (
    <>
      <Button onClick={paged.previous} disabled={paged.page <= 1 || paged.loading}>
        {t("previous")}
      </Button>
      <span>
        {t("page", { page: paged.page })}
        {pages ? ` / ${pages}` : ""}
      </span>
      <Button onClick={paged.next} disabled={!paged.hasNext || paged.loading}>
        {t("next")}
      </Button>
    </>
  );
}
