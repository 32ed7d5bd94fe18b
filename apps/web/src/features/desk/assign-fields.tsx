import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Form, Input, Select, type FormRule } from "antd";
import { translate } from "@zuofu/shared";
import { DayPicker } from "../../app/date-fields";
import { beijingDay, byPinyin, formatDay } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import { deskDepartmentsQuery } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";

export interface AssignValues {
  departmentId: string;
  dueOn?: string | null;
  note?: string;
}

const DAY = 86_400_000;
/** The API's window for a typed due date: tomorrow to a year ahead (Beijing days). */
const DUE_MAX_DAYS = 365;

/** A due date from tomorrow to a year ahead, with the API's own message. */
function dueOnRule(locale: "zh-CN" | "en"): FormRule {
  return {
    validator: (_, value?: string | null) => {
      if (!value) return Promise.resolve();
      const min = beijingDay(new Date(Date.now() + DAY));
      const max = beijingDay(new Date(Date.now() + DUE_MAX_DAYS * DAY));
      if (value >= min && value <= max) return Promise.resolve();
      const [from, to] = [formatDay(min, locale), formatDay(max, locale)];
      return Promise.reject(new Error(translate("OUT_OF_RANGE", locale, { field: "dueOn", min: from, max: to })));
    },
  };
}

/** 交办: the department, an optional due date (by category when left empty) and a note. */
export function AssignFields(): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const rules = useRules();
  const { data, loading } = useQuery(deskDepartmentsQuery);
  const options = [...(data?.departments ?? [])]
    .sort((a, b) => byPinyin(a.name, b.name))
    .map((d) => ({ value: d.id, label: d.name }));
  return (
    <>
      <Form.Item name="departmentId" label={t("department")} rules={[rules.requiredValue("departmentId")]}>
        <Select
          showSearch={{ optionFilterProp: "label" }}
          loading={loading}
          options={options}
          placeholder={t("pickDepartment")}
        />
      </Form.Item>
      <Form.Item name="dueOn" label={t("dueOn")} extra={t("dueOnHint")} rules={[dueOnRule(locale)]}>
        <DayPicker />
      </Form.Item>
      <Form.Item name="note" label={t("note")} rules={[rules.maxLength("note", 2000)]}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
    </>
  );
}
