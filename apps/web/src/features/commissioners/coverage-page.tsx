import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Select, Statistic, Tag } from "antd";
import { formatDay, formatNumber } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PageError } from "../../app/page-state";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import { DataTable } from "../../app/data-table";
import type { ConsoleCommissionerAssignmentsQuery, DeskCoverageQuery } from "../../gql/graphql";
import { assignmentsQuery, deskCoverageQuery, smallWithoutContactQuery } from "./commissioners.documents";
import { coverageMessages } from "./commissioners.messages";

type Town = DeskCoverageQuery["deskCoverage"]["byTown"][number];
type Assignment = ConsoleCommissionerAssignmentsQuery["commissionerAssignments"]["edges"][number]["node"];

/** Console (/console/desk/coverage): key enterprises due for a visit, by town; towns' small enterprises without a contact. */
export function CoveragePage(): ReactNode {
  const t = useT(coverageMessages);
  const locale = useLocale();
  const [town, setTown] = useState<string | null>(null);
  const [uncontacted, setUncontacted] = useState<string | null | undefined>(undefined);
  const { data, error, refetch } = useQuery(deskCoverageQuery, { fetchPolicy: "cache-and-network" });
  const coverage = data?.deskCoverage;
  const overdue = usePagedQuery(assignmentsQuery, {
    variables: { filter: { overdue: true, town } },
    select: (d) => d.commissionerAssignments,
  });
  const townName = (name: string | null) => name ?? t("noTown");
  return (
    <>
      <h1 className="page-title">{t("coverage")}</h1>
      {error && <PageError error={error} onRetry={() => void refetch()} />}
      {coverage && (
        <>
          <p className="muted">
            {t("coverageIntro", { days: coverage.overdueDays, since: formatDay(coverage.visitedSince, locale) })}
          </p>
          <div className="page-toolbar">
            <Statistic title={t("keyEnterprises")} value={formatNumber(coverage.keyEnterprises, locale)} />
            <Statistic title={t("overdueEnterprises")} value={formatNumber(coverage.overdueEnterprises, locale)} />
          </div>
          <DataTable<Town>
            rowKey={(r) => r.town ?? ""}
            size="small"
            dataSource={coverage.byTown}
            columns={[
              { title: t("town"), key: "town", render: (_, r) => townName(r.town) },
              { title: t("keyEnterprises"), dataIndex: "keyEnterprises", align: "right" },
              {
                title: t("overdue"),
                key: "overdue",
                align: "right",
                render: (_, r) => (r.overdue ? <Tag color="red">{r.overdue}</Tag> : 0),
              },
              { title: t("smallEnterprises"), dataIndex: "smallEnterprises", align: "right" },
              {
                title: t("smallWithoutContact"),
                key: "uncontacted",
                align: "right",
                render: (_, r) =>
                  r.smallWithoutContact ? (
                    <Button
                      type="link"
                      size="small"
                      aria-label={t("withName", {
                        action: String(r.smallWithoutContact),
                        name: t("uncontactedOf", { town: townName(r.town) }),
                      })}
                      onClick={() => setUncontacted(r.town)}
                    >
                      {r.smallWithoutContact}
                    </Button>
                  ) : (
                    0
                  ),
              },
            ]}
          />
        </>
      )}
      {uncontacted !== undefined && (
        <Uncontacted town={uncontacted} title={t("uncontactedOf", { town: townName(uncontacted) })} />
      )}
      <h2>{t("overdueList")}</h2>
      <div className="page-toolbar">
        <Select<string | null>
          aria-label={t("town")}
          value={town}
          onChange={setTown}
          style={{ width: 200 }}
          options={[
            { value: null, label: t("allTowns") },
            ...(coverage?.byTown ?? [])
              .filter((r) => r.town && r.keyEnterprises)
              .map((r) => ({ value: r.town, label: r.town })),
          ]}
        />
      </div>
      <PagedTable<Assignment>
        paged={overdue}
        columns={[
          { title: t("keyEnterprises"), key: "name", render: (_, a) => a.enterprise.name },
          { title: t("town"), key: "town", render: (_, a) => townName(a.enterprise.town) },
          { title: t("commissioner"), key: "commissioner", render: (_, a) => a.commissioner?.name ?? "" },
          {
            title: t("lastVisit"),
            key: "last",
            render: (_, a) => (a.lastVisitOn ? formatDay(a.lastVisitOn, locale) : <Tag>{t("neverVisited")}</Tag>),
          },
        ]}
      />
    </>
  );
}

function Uncontacted({ town, title }: { town: string | null; title: string }): ReactNode {
  const t = useT(coverageMessages);
  const paged = usePagedQuery(smallWithoutContactQuery, {
    variables: { town },
    select: (d) => d.deskCoverage.smallWithoutContact,
  });
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <PagedTable
        paged={paged}
        columns={[
          { title: t("smallEnterprises"), dataIndex: "name", key: "name" },
          { title: t("creditCode"), dataIndex: "creditCode", key: "creditCode" },
        ]}
      />
    </section>
  );
}
