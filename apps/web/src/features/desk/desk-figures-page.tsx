import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Statistic } from "antd";
import { BarLineChart } from "../../app/bar-line-chart";
import { DataTable } from "../../app/data-table";
import { beijingInstant } from "../../app/dayjs";
import { problemCategoryLabels, problemLevelLabels } from "../../app/enum-labels";
import { dayAfter, formatNumber } from "../../app/format";
import { useLocale, useT, type Locale } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { hasAnyRole } from "../../app/roles";
import { useSession } from "../../app/session";
import { Tabs } from "../../app/tabs";
import type { DeskFigureRowFieldsFragment, DeskFiguresRange, ProblemCategory, ProblemLevel } from "../../gql/graphql";
import { ExportButton } from "../exports/export-button";
import { deskFiguresQuery } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";

type Row = DeskFigureRowFieldsFragment;
type Dimension = "department" | "category" | "level" | "month";

const percent = (rate: number | null | undefined, locale: Locale) =>
  rate === null || rate === undefined ? "—" : `${formatNumber(Math.round(rate * 1000) / 10, locale)}%`;

/** A group's name as people read it: the department's, the category's or level's label, the month. */
function groupLabel(dimension: Dimension, row: Row, locale: Locale, none: string): string {
  if (dimension === "department") return row.label ?? none;
  if (dimension === "category") return problemCategoryLabels[locale][row.key as ProblemCategory] ?? row.key;
  if (dimension === "level") return problemLevelLabels[locale][row.key as ProblemLevel] ?? row.key;
  const [year, month] = row.key.split("-").map(Number);
  // A calendar month, not an instant: formatted as UTC so that no zone moves it.
  return new Intl.DateTimeFormat(locale, { year: "numeric", month: "short", timeZone: "UTC" }).format(
    Date.UTC(year, month - 1, 1),
  );
}

/**
 * Open, overdue, on-time and satisfaction figures of the desk by department, category, level and month.
 * The period is the browser's own date fields, the tables DataTable and the tabs the app's: antd's
 * range picker, Table and Tabs would take the page past the first-load budget.
 */
export function DeskFiguresPage(): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const { viewer } = useSession();
  const [period, setPeriod] = useState<{ from: string; to: string }>({ from: "", to: "" });
  const [range, setRange] = useState<DeskFiguresRange>({});
  const { data, loading, error, refetch } = useQuery(deskFiguresQuery, { variables: { range } });
  const staff = hasAnyRole(viewer?.roles ?? [], ["STAFF", "ADMIN"]);
  const figures = data?.deskFigures;
  const none = t("notAssignedYet");

  const table = (dimension: Dimension, rows: readonly Row[]) => (
    <DataTable<Row>
      rowKey="key"
      size="small"
      dataSource={rows}
      columns={[
        { title: t(`dimension_${dimension}`), key: "group", render: (_, r) => groupLabel(dimension, r, locale, none) },
        { title: t("problems"), dataIndex: "total", align: "right", render: (n: number) => formatNumber(n, locale) },
        { title: t("open"), dataIndex: "open", align: "right", render: (n: number) => formatNumber(n, locale) },
        { title: t("overdue"), dataIndex: "overdue", align: "right", render: (n: number) => formatNumber(n, locale) },
        { title: t("closed"), dataIndex: "closed", align: "right", render: (n: number) => formatNumber(n, locale) },
        { title: t("onTimeRate"), key: "onTime", align: "right", render: (_, r) => percent(r.onTimeRate, locale) },
        {
          title: t("satisfactionRate"),
          key: "satisfaction",
          align: "right",
          render: (_, r) => percent(r.satisfactionRate, locale),
        },
      ]}
    />
  );

  const chart = (dimension: Dimension, rows: readonly Row[]) =>
    rows.length > 0 && (
      <BarLineChart
        caption={t(`chart_${dimension}`)}
        tableLabel={t("chartTable")}
        groupName={t(`dimension_${dimension}`)}
        barName={t("problems")}
        lineName={t("satisfactionRate")}
        lineMax={1}
        formatLine={(v) => percent(v, locale)}
        points={rows.map((r) => ({
          key: r.key,
          label: groupLabel(dimension, r, locale, none),
          bar: r.total,
          line: r.satisfactionRate ?? null,
        }))}
      />
    );

  return (
    <>
      <h1 className="page-title">{t("figuresTitle")}</h1>
      <form
        className="filter-bar"
        onSubmit={(event) => {
          event.preventDefault();
          setRange({
            from: period.from ? beijingInstant(period.from, "00:00") : null,
            to: period.to ? beijingInstant(dayAfter(period.to), "00:00") : null,
          });
        }}
      >
        <label className="filter-field">
          <span>{t("reportedFrom")}</span>
          <input
            type="date"
            className="native-field"
            value={period.from}
            max={period.to || undefined}
            onChange={(event) => setPeriod((p) => ({ ...p, from: event.target.value }))}
          />
        </label>
        <label className="filter-field">
          <span>{t("reportedTo")}</span>
          <input
            type="date"
            className="native-field"
            value={period.to}
            min={period.from || undefined}
            onChange={(event) => setPeriod((p) => ({ ...p, to: event.target.value }))}
          />
        </label>
        <div className="filter-field">
          <span aria-hidden> </span>
          <span>
            <Button type="primary" htmlType="submit">
              {t("apply")}
            </Button>{" "}
            {staff && <ExportButton kind="DESK_FIGURES" target={{ from: range.from, to: range.to }} />}
          </span>
        </div>
      </form>
      {loading && !data ? (
        <PageLoading />
      ) : error && !data ? (
        <PageError error={error} onRetry={() => void refetch()} />
      ) : figures ? (
        <>
          <div className="figure-cards" role="group" aria-label={t("summary")}>
            <Statistic title={t("handledTotal")} value={formatNumber(figures.handledTotal, locale)} />
            <Statistic title={t("problems")} value={formatNumber(figures.total.total, locale)} />
            <Statistic title={t("open")} value={formatNumber(figures.total.open, locale)} />
            <Statistic title={t("overdue")} value={formatNumber(figures.total.overdue, locale)} />
            <Statistic title={t("onTimeRate")} value={percent(figures.total.onTimeRate, locale)} />
            <Statistic title={t("satisfactionRate")} value={percent(figures.total.satisfactionRate, locale)} />
          </div>
          <Tabs
            items={[
              {
                key: "month",
                label: t("dimension_month"),
                children: (
                  <>
                    {chart("month", figures.byMonth)}
                    {table("month", figures.byMonth)}
                  </>
                ),
              },
              {
                key: "department",
                label: t("dimension_department"),
                children: table("department", figures.byDepartment),
              },
              {
                key: "category",
                label: t("dimension_category"),
                children: (
                  <>
                    {chart("category", figures.byCategory)}
                    {table("category", figures.byCategory)}
                  </>
                ),
              },
              {
                key: "level",
                label: t("dimension_level"),
                children: (
                  <>
                    {chart("level", figures.byLevel)}
                    {table("level", figures.byLevel)}
                  </>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
