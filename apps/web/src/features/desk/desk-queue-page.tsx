import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button } from "antd";
import { beijingInstant } from "../../app/dayjs";
import { lazyDialog } from "../../app/dialog";
import { enumValues, problemCategoryLabels, problemLevelLabels, problemStatusLabels } from "../../app/enum-labels";
import { byPinyin, dayAfter } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, usePagedQuery } from "../../app/paged-table";
import type {
  ProblemCategory,
  ProblemFilter,
  ProblemLevel,
  ProblemStatus,
  StaffProblemRowFragment,
} from "../../gql/graphql";
import type { BulkStep } from "./bulk-desk-modal";
import { deskDepartmentsQuery, deskProblemsQuery } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";
import { ProblemTable } from "./problem-table";

/** The bulk dialogs (antd Form, the department's select, the due-date picker) load when one opens. */
const BulkDeskModal = lazyDialog(() => import("./bulk-desk-modal"), "BulkDeskModal");

/** The filter bar's fields as typed: "" where nothing is chosen; days as YYYY-MM-DD (Beijing). */
interface FilterValues {
  status?: ProblemStatus | "";
  category?: ProblemCategory | "";
  departmentId?: string;
  level?: ProblemLevel | "";
  overdue?: boolean;
  reportedFrom?: string;
  reportedTo?: string;
  search?: string;
}

/** The form's values as the API's filter: report days are whole Beijing days, the end included. */
export function toProblemFilter(values: FilterValues): ProblemFilter {
  return filterOf({
    status: values.status || undefined,
    category: values.category || undefined,
    departmentId: values.departmentId || undefined,
    level: values.level || undefined,
    overdue: values.overdue || undefined,
    reportedFrom: values.reportedFrom ? beijingInstant(values.reportedFrom, "00:00") : undefined,
    reportedTo: values.reportedTo ? beijingInstant(dayAfter(values.reportedTo), "00:00") : undefined,
    search: values.search?.trim().slice(0, 100),
  });
}

/**
 * Desk staff: every problem, filtered; the selected ones triaged or assigned (交办) in one go. The
 * filter is the browser's own fields (antd's Form, Select and range picker would take the page past
 * the first-load budget); Enter in the search field applies it, as the button does.
 */
export function DeskQueuePage(): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const [values, setValues] = useState<FilterValues>({});
  const set = (next: Partial<FilterValues>) => setValues((v) => ({ ...v, ...next }));
  const [filter, setFilter] = useState<ProblemFilter>({});
  const [selected, setSelected] = useState<StaffProblemRowFragment[]>([]);
  const [bulk, setBulk] = useState<BulkStep | null>(null);
  const departments = useQuery(deskDepartmentsQuery);
  const paged = usePagedQuery(deskProblemsQuery, {
    variables: { filter, orderBy: "NEWEST" },
    select: (data) => data.problems,
  });
  const any = t("any");
  const choices = <K extends string>(labels: Record<"zh-CN" | "en", Record<K, string>>) =>
    enumValues(labels).map((value) => (
      <option key={value} value={value}>
        {labels[locale][value]}
      </option>
    ));

  return (
    <>
      <h1 className="page-title">{t("queueTitle")}</h1>
      <p className="muted">{t("queueIntro")}</p>
      <form
        className="filter-bar"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter(toProblemFilter(values));
          setSelected([]);
        }}
      >
        <label className="filter-field" style={{ minWidth: 220 }}>
          <span>{t("search")}</span>
          <input
            type="search"
            className="native-field"
            placeholder={t("searchPlaceholder")}
            maxLength={100}
            value={values.search ?? ""}
            onChange={(event) => set({ search: event.target.value })}
          />
        </label>
        <label className="filter-field">
          <span>{t("status")}</span>
          <select
            value={values.status ?? ""}
            onChange={(event) => set({ status: event.target.value as ProblemStatus })}
          >
            <option value="">{any}</option>
            {choices(problemStatusLabels)}
          </select>
        </label>
        <label className="filter-field">
          <span>{t("category")}</span>
          <select
            value={values.category ?? ""}
            onChange={(event) => set({ category: event.target.value as ProblemCategory })}
          >
            <option value="">{any}</option>
            {choices(problemCategoryLabels)}
          </select>
        </label>
        <label className="filter-field">
          <span>{t("department")}</span>
          <select value={values.departmentId ?? ""} onChange={(event) => set({ departmentId: event.target.value })}>
            <option value="">{any}</option>
            {[...(departments.data?.departments ?? [])]
              .sort((a, b) => byPinyin(a.name, b.name))
              .map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
          </select>
        </label>
        <label className="filter-field">
          <span>{t("level")}</span>
          <select value={values.level ?? ""} onChange={(event) => set({ level: event.target.value as ProblemLevel })}>
            <option value="">{any}</option>
            {choices(problemLevelLabels)}
          </select>
        </label>
        <label className="filter-field">
          <span>{t("reportedFrom")}</span>
          <input
            type="date"
            className="native-field"
            value={values.reportedFrom ?? ""}
            max={values.reportedTo || undefined}
            onChange={(event) => set({ reportedFrom: event.target.value })}
          />
        </label>
        <label className="filter-field">
          <span>{t("reportedTo")}</span>
          <input
            type="date"
            className="native-field"
            value={values.reportedTo ?? ""}
            min={values.reportedFrom || undefined}
            onChange={(event) => set({ reportedTo: event.target.value })}
          />
        </label>
        <label className="filter-field">
          <span>{t("overdueOnly")}</span>
          <span>
            <input
              type="checkbox"
              checked={values.overdue ?? false}
              onChange={(event) => set({ overdue: event.target.checked })}
            />{" "}
            {t("overdueOnlyBox")}
          </span>
        </label>
        <div className="filter-field">
          <span aria-hidden> </span>
          <span>
            <Button type="primary" htmlType="submit">
              {t("apply")}
            </Button>{" "}
            <Button
              onClick={() => {
                setValues({});
                setFilter({});
                setSelected([]);
              }}
            >
              {t("reset")}
            </Button>
          </span>
        </div>
      </form>
      <div className="page-toolbar">
        <span className="muted" aria-live="polite">
          {selected.length ? t("selectedCount", { count: selected.length }) : t("selectHint")}
        </span>
        <Button type="link" disabled={!paged.nodes.length} onClick={() => setSelected(paged.nodes)}>
          {t("selectPage")}
        </Button>
        <span className="grow" />
        <Button disabled={!selected.length} onClick={() => setBulk("TRIAGE")}>
          {t("bulkTriage")}
        </Button>
        <Button type="primary" disabled={!selected.length} onClick={() => setBulk("ASSIGN")}>
          {t("bulkAssign")}
        </Button>
      </div>
      <ProblemTable
        paged={paged}
        empty={t("noProblems")}
        rowSelection={{
          selectedRowKeys: selected.map((p) => p.id),
          onChange: (_, rows) => setSelected(rows),
          getCheckboxProps: (p) => ({ "aria-label": t("selectProblem", { title: p.title }) }),
        }}
      />
      {bulk && (
        <BulkDeskModal
          step={bulk}
          rows={selected}
          onClose={(changed) => {
            setBulk(null);
            if (changed) setSelected([]);
          }}
        />
      )}
    </>
  );
}
