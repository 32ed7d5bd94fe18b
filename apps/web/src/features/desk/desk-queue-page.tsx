import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Checkbox, DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { beijingInstant } from "../../app/dayjs";
import { enumValues, problemCategoryLabels, problemLevelLabels, problemStatusLabels } from "../../app/enum-labels";
import { byPinyin } from "../../app/format";
import { keepEnterInField } from "../../app/mutation-form";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, usePagedQuery } from "../../app/paged-table";
import { useRules } from "../../app/validation";
import type {
  ProblemCategory,
  ProblemFilter,
  ProblemLevel,
  ProblemStatus,
  StaffProblemRowFragment,
} from "../../gql/graphql";
import { BulkDeskModal, type BulkStep } from "./bulk-desk-modal";
import { deskDepartmentsQuery, deskProblemsQuery } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";
import { ProblemTable } from "./problem-table";

interface FilterValues {
  status?: ProblemStatus;
  category?: ProblemCategory;
  departmentId?: string;
  level?: ProblemLevel;
  overdue?: boolean;
  reported?: [Dayjs | null, Dayjs | null] | null;
  search?: string;
}

/** The form's values as the API's filter: report days are whole Beijing days, the end included. */
export function toProblemFilter(values: FilterValues): ProblemFilter {
  const [from, to] = values.reported ?? [];
  return filterOf({
    status: values.status,
    category: values.category,
    departmentId: values.departmentId,
    level: values.level,
    overdue: values.overdue || undefined,
    reportedFrom: from ? beijingInstant(from.format("YYYY-MM-DD"), "00:00") : undefined,
    reportedTo: to ? beijingInstant(to.add(1, "day").format("YYYY-MM-DD"), "00:00") : undefined,
    search: values.search?.trim(),
  });
}

/** Desk staff: every problem, filtered; the selected ones triaged or assigned (交办) in one go. */
export function DeskQueuePage(): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const rules = useRules();
  const [form] = Form.useForm<FilterValues>();
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
    enumValues(labels).map((value) => ({ value, label: labels[locale][value] }));

  return (
    <>
      <h1 className="page-title">{t("queueTitle")}</h1>
      <p className="muted">{t("queueIntro")}</p>
      <Form<FilterValues>
        form={form}
        // Field ids are prefixed by the form's name: the bulk dialog's fields have the same names.
        name="problemFilter"
        layout="vertical"
        className="filter-form"
        onKeyDown={keepEnterInField}
        onFinish={(values) => {
          setFilter(toProblemFilter(values));
          setSelected([]);
        }}
      >
        <Form.Item name="search" label={t("search")} rules={[rules.maxLength("search", 100)]}>
          <Input allowClear placeholder={t("searchPlaceholder")} maxLength={100} />
        </Form.Item>
        <Form.Item name="status" label={t("status")}>
          <Select allowClear placeholder={any} options={choices(problemStatusLabels)} style={{ minWidth: 120 }} />
        </Form.Item>
        <Form.Item name="category" label={t("category")}>
          <Select allowClear placeholder={any} options={choices(problemCategoryLabels)} style={{ minWidth: 120 }} />
        </Form.Item>
        <Form.Item name="departmentId" label={t("department")}>
          <Select
            allowClear
            placeholder={any}
            showSearch={{ optionFilterProp: "label" }}
            loading={departments.loading}
            style={{ minWidth: 200 }}
            options={[...(departments.data?.departments ?? [])]
              .sort((a, b) => byPinyin(a.name, b.name))
              .map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
        <Form.Item name="level" label={t("level")}>
          <Select allowClear placeholder={any} options={choices(problemLevelLabels)} style={{ minWidth: 130 }} />
        </Form.Item>
        <Form.Item name="reported" label={t("reportedBetween")}>
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked" label={t("overdueOnly")}>
          <Checkbox>{t("overdueOnlyBox")}</Checkbox>
        </Form.Item>
        <Form.Item label=" ">
          <Button type="primary" htmlType="submit">
            {t("apply")}
          </Button>{" "}
          <Button
            onClick={() => {
              form.resetFields();
              setFilter({});
              setSelected([]);
            }}
          >
            {t("reset")}
          </Button>
        </Form.Item>
      </Form>
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
