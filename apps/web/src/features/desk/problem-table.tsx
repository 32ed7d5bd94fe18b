import type { ReactNode } from "react";
import { Link } from "react-router";
import { Tag } from "antd";
import type { DataColumn, DataTableProps } from "../../app/data-table";
import { problemCategoryLabels, problemLevelLabels, problemStatusLabels } from "../../app/enum-labels";
import { formatDate, formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PagedTable } from "../../app/paged-table";
import type { Paged } from "../../app/paged-query";
import type { ProblemStatus, StaffProblemRowFragment } from "../../gql/graphql";
import { deskStaffMessages } from "./desk-staff.messages";

const STATUS_COLORS: Record<ProblemStatus, string> = {
  REPORTED: "blue",
  TRIAGED: "geekblue",
  ASSIGNED: "gold",
  IN_PROGRESS: "orange",
  ANSWERED: "cyan",
  CLOSED: "green",
  REOPENED: "volcano",
};

export function ProblemStatusTag({ status }: { status: ProblemStatus }): ReactNode {
  const locale = useLocale();
  return <Tag color={STATUS_COLORS[status]}>{problemStatusLabels[locale][status]}</Tag>;
}

/** The due date, with 逾期 beside it once it has passed on an open problem. */
export function DueDate({ problem }: { problem: Pick<StaffProblemRowFragment, "dueAt" | "overdue"> }): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  if (!problem.dueAt) return <span className="muted">—</span>;
  return (
    <span>
      {formatDate(problem.dueAt, locale)}
      {problem.overdue && (
        <Tag color="red" style={{ marginInlineStart: 8 }}>
          {t("overdue")}
        </Tag>
      )}
    </span>
  );
}

export const problemPath = (id: string) => `/console/desk/problems/${encodeURIComponent(id)}`;

/** A page of problems: the queue, an inbox, a board; `extra` adds columns (the board's send back). */
export function ProblemTable({
  paged,
  empty,
  rowSelection,
  extra = [],
}: {
  paged: Paged<StaffProblemRowFragment>;
  empty: string;
  rowSelection?: DataTableProps<StaffProblemRowFragment>["rowSelection"];
  extra?: DataColumn<StaffProblemRowFragment>[];
}): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  return (
    <PagedTable<StaffProblemRowFragment>
      paged={paged}
      rowSelection={rowSelection}
      locale={{ emptyText: empty }}
      columns={[
        {
          title: t("problemTitle"),
          key: "title",
          render: (_, p) => <Link to={problemPath(p.id)}>{p.title}</Link>,
        },
        { title: t("enterprise"), key: "enterprise", render: (_, p) => p.enterprise.name },
        { title: t("category"), key: "category", render: (_, p) => problemCategoryLabels[locale][p.category] },
        { title: t("status"), key: "status", render: (_, p) => <ProblemStatusTag status={p.status} /> },
        { title: t("level"), key: "level", render: (_, p) => problemLevelLabels[locale][p.level] },
        { title: t("department"), key: "department", render: (_, p) => p.department?.name ?? "—" },
        { title: t("dueAt"), key: "dueAt", render: (_, p) => <DueDate problem={p} /> },
        { title: t("reportedAt"), key: "createdAt", render: (_, p) => formatDateTime(p.createdAt, locale) },
        ...extra,
      ]}
    />
  );
}
