import { useState, type CSSProperties, type InputHTMLAttributes, type Key, type ReactNode } from "react";
import { useT } from "./i18n";
import { appMessages } from "./messages";

/** A column, in the shape of antd's: `render(value, record, index)` draws the cell. */
export interface DataColumn<R> {
  title?: ReactNode;
  /** The record's field (or path) shown, and handed to `render`. */
  dataIndex?: string | readonly string[];
  key?: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the field's type is the caller's to name, as in antd
  render?: (value: any, record: R, index: number) => ReactNode;
  /** Stays in view while the table scrolls sideways (the first or last column). */
  fixed?: "left" | "right";
  width?: number | string;
  align?: "left" | "center" | "right";
}

export interface DataTableProps<R> {
  columns: DataColumn<R>[];
  dataSource: readonly R[];
  rowKey: keyof R | ((record: R) => Key);
  loading?: boolean;
  size?: "small" | "middle";
  locale?: { emptyText?: ReactNode };
  /** A checkbox per row and one for the page in the header. */
  rowSelection?: {
    selectedRowKeys: readonly Key[];
    onChange: (keys: Key[], rows: R[]) => void;
    getCheckboxProps?: (record: R) => InputHTMLAttributes<HTMLInputElement> & { "aria-label"?: string };
  };
  /** A row that unfolds below its record (a show/hide button in the first column). */
  expandable?: { expandedRowRender: (record: R) => ReactNode };
  className?: string;
  style?: CSSProperties;
}

function cellValue<R>(record: R, dataIndex: DataColumn<R>["dataIndex"]): unknown {
  if (dataIndex === undefined) return undefined;
  const path = typeof dataIndex === "string" ? [dataIndex] : dataIndex;
  return path.reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], record);
}

const cellClass = (column: { fixed?: string; align?: string }) =>
  [column.fixed && `fixed-${column.fixed}`, column.align && `align-${column.align}`].filter(Boolean).join(" ") ||
  undefined;

/**
 * A plain HTML table with the part of antd's Table the app uses (columns with `render`, fixed
 * first and last columns, row selection, expandable rows, an empty text, a busy state): a page
 * with a list loads a few kilobytes instead of antd's table with its filters, sorters, tree,
 * pagination and virtual list (about 90 KB gzipped), which kept console pages over the first-load budget.
 */
export function DataTable<R>({
  columns,
  dataSource,
  rowKey,
  loading = false,
  size = "middle",
  locale,
  rowSelection,
  expandable,
  className,
  style,
}: DataTableProps<R>): ReactNode {
  const t = useT(appMessages);
  const [expanded, setExpanded] = useState<ReadonlySet<Key>>(new Set());
  const keyOf = (record: R): Key => (typeof rowKey === "function" ? rowKey(record) : (record[rowKey] as Key));
  const selected = new Set(rowSelection?.selectedRowKeys ?? []);
  const allSelected = dataSource.length > 0 && dataSource.every((r) => selected.has(keyOf(r)));
  const someSelected = !allSelected && dataSource.some((r) => selected.has(keyOf(r)));
  const select = (rows: R[]) =>
    rowSelection?.onChange(
      rows.map((r) => keyOf(r)),
      rows,
    );
  const toggle = (key: Key) =>
    setExpanded((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const width = columns.length + (rowSelection ? 1 : 0) + (expandable ? 1 : 0);
  return (
    <div
      className={["data-table-wrap", `data-table-${size}`, loading && "data-table-loading", className]
        .filter(Boolean)
        .join(" ")}
      style={style}
      aria-busy={loading}
    >
      <table className="data-table">
        <thead>
          <tr>
            {expandable && (
              <th className="data-table-control">
                <span className="visually-hidden">{t("expandRow")}</span>
              </th>
            )}
            {rowSelection && (
              <th className="data-table-control data-table-selection">
                <input
                  type="checkbox"
                  aria-label={t("selectAll")}
                  checked={allSelected}
                  ref={(input) => {
                    if (input) input.indeterminate = someSelected;
                  }}
                  disabled={dataSource.length === 0}
                  onChange={() => select(allSelected ? [] : [...dataSource])}
                />
              </th>
            )}
            {columns.map((column, i) => (
              <th
                key={column.key ?? String(column.dataIndex ?? i)}
                className={cellClass(column)}
                style={column.width === undefined ? undefined : { width: column.width }}
              >
                {column.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dataSource.length === 0 ? (
            <tr className="data-table-empty">
              <td colSpan={width}>{loading ? t("loading") : (locale?.emptyText ?? t("noData"))}</td>
            </tr>
          ) : (
            dataSource.map((record, index) => {
              const key = keyOf(record);
              const open = expanded.has(key);
              return [
                <tr key={key} className={selected.has(key) ? "data-row selected" : "data-row"}>
                  {expandable && (
                    <td className="data-table-control">
                      <button
                        type="button"
                        className="data-table-expand"
                        aria-expanded={open}
                        aria-label={t(open ? "collapseRow" : "expandRow")}
                        onClick={() => toggle(key)}
                      >
                        {open ? "−" : "+"}
                      </button>
                    </td>
                  )}
                  {rowSelection && (
                    <td className="data-table-control data-table-selection">
                      <input
                        type="checkbox"
                        {...rowSelection.getCheckboxProps?.(record)}
                        checked={selected.has(key)}
                        onChange={() =>
                          select(
                            dataSource.filter((r) => (keyOf(r) === key ? !selected.has(key) : selected.has(keyOf(r)))),
                          )
                        }
                      />
                    </td>
                  )}
                  {columns.map((column, i) => {
                    const value = cellValue(record, column.dataIndex);
                    return (
                      <td key={column.key ?? String(column.dataIndex ?? i)} className={cellClass(column)}>
                        {column.render ? column.render(value, record, index) : (value as ReactNode)}
                      </td>
                    );
                  })}
                </tr>,
                open && expandable ? (
                  <tr key={`${key}-expanded`} className="data-row-expanded">
                    <td colSpan={width}>{expandable.expandedRowRender(record)}</td>
                  </tr>
                ) : null,
              ];
            })
          )}
        </tbody>
      </table>
    </div>
  );
}
