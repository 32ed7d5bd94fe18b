import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Form, Input, InputNumber, Select, Space } from "antd";
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { HONOR_KINDS } from "@zuofu/shared";
import { InstantPicker } from "../../app/date-fields";
import { enumValues, honorKindLabels } from "../../app/enum-labels";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { ConsoleAwardCycleQuery, CycleRowFragment, EligibilityRuleType, HonorKind } from "../../gql/graphql";
import { createCycleMutation, updateCycleMutation } from "./awards-console.documents";
import { awardProgramsQuery } from "./awards.documents";
import { eligibilityRuleLabels } from "./awards.labels";
import { awardConsoleMessages } from "./awards-console.messages";

type Cycle = Extract<NonNullable<ConsoleAwardCycleQuery["node"]>, { __typename: "AwardCycle" }>;

interface CycleValues {
  programId: string;
  year: number;
  quota: number;
  nominationsCloseAt?: string | null;
  judgingEndsAt?: string | null;
  criteria: { name: string; weight: number; description?: string | null }[];
  eligibilityRules: { type: EligibilityRuleType; honorKind?: HonorKind | null; years?: number | null }[];
}

/** A year's cycle of an award: winners to select, deadlines, what judges score and who is eligible. */
export function CycleFormModal({
  dialog,
  cycle,
  onSaved,
}: {
  dialog: DialogProps;
  cycle: Cycle | null;
  onSaved?: (cycle: CycleRowFragment) => void;
}): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  const rules = useRules();
  const programs = useQuery(awardProgramsQuery, { skip: Boolean(cycle) });
  const [create] = useMutation(createCycleMutation);
  const [update] = useMutation(updateCycleMutation);
  const draft = !cycle || cycle.phase === "DRAFT";

  const onSubmit = async (values: CycleValues) => {
    const common = {
      quota: values.quota,
      nominationsCloseAt: values.nominationsCloseAt ?? null,
      judgingEndsAt: values.judgingEndsAt ?? null,
      ...(draft
        ? {
            criteria: values.criteria.map((c) => ({
              name: c.name.trim(),
              weight: c.weight,
              description: c.description?.trim() || null,
            })),
            eligibilityRules: values.eligibilityRules.map((r) => ({
              type: r.type,
              honorKind: r.type === "HOLDS_HONOR" ? (r.honorKind ?? null) : null,
              years:
                r.type === "NOT_RECENT_WINNER" || r.type === "SOCIAL_RECORD_WITHIN_YEARS" ? (r.years ?? null) : null,
            })),
          }
        : {}),
    };
    const payload = cycle
      ? (await update({ variables: { input: { cycleId: cycle.id, ...common } } })).data?.updateAwardCycle
      : (await create({ variables: { input: { programId: values.programId, year: values.year, ...common } } })).data
          ?.createAwardCycle;
    if (payload?.cycle && !payload.userErrors.length) onSaved?.(payload.cycle);
    return payload?.userErrors ?? [];
  };

  const initial: Partial<CycleValues> = cycle
    ? {
        quota: cycle.quota,
        nominationsCloseAt: cycle.nominationsCloseAt,
        judgingEndsAt: cycle.judgingEndsAt,
        criteria: [...cycle.criteria]
          .sort((a, b) => a.position - b.position)
          .map((c) => ({ name: c.name, weight: c.weight, description: c.description })),
        eligibilityRules: cycle.eligibilityRules.map((r) => ({ type: r.type, honorKind: r.honorKind, years: r.years })),
      }
    : { year: new Date().getFullYear(), quota: 10, criteria: [{ name: "", weight: 100 }], eligibilityRules: [] };

  return (
    <FormModal<CycleValues>
      dialog={dialog}
      title={cycle ? t("editCycleTitle", { title: cycle.title }) : t("createCycle")}
      initialValues={initial}
      onSubmit={onSubmit}
    >
      {!cycle && (
        <div className="form-row">
          <Form.Item name="programId" label={t("program")} rules={[rules.requiredValue(t("program"))]}>
            <Select
              loading={programs.loading}
              options={programs.data?.awardPrograms.edges.map(({ node }) => ({ value: node.id, label: node.name }))}
            />
          </Form.Item>
          <Form.Item name="year" label={t("year")} rules={[rules.requiredValue("year")]}>
            <InputNumber min={2000} max={2100} precision={0} style={{ width: "100%" }} />
          </Form.Item>
        </div>
      )}
      <Form.Item name="quota" label={t("quota")} rules={[rules.requiredValue(t("quota"))]}>
        <InputNumber min={1} max={1000} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="nominationsCloseAt" label={t("nominationsCloseAt")}>
          <InstantPicker />
        </Form.Item>
        <Form.Item name="judgingEndsAt" label={t("judgingEndsAt")}>
          <InstantPicker />
        </Form.Item>
      </div>
      {!draft && <p className="muted">{t("draftOnly")}</p>}
      <fieldset className="form-fieldset" disabled={!draft}>
        <legend>{t("criteria")}</legend>
        <Form.List name="criteria">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item
                    name={[field.name, "name"]}
                    label={`${t("criterionName")} ${index + 1}`}
                    rules={[rules.required(t("criterionName")), rules.maxLength(t("criterionName"), 64)]}
                  >
                    <Input maxLength={64} disabled={!draft} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, "weight"]}
                    label={`${t("weight")} ${index + 1}`}
                    rules={[rules.requiredValue(t("weight"))]}
                  >
                    <InputNumber min={1} max={100} precision={0} disabled={!draft} />
                  </Form.Item>
                  {draft && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`${t("remove")} ${index + 1}`}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  )}
                </Space>
              ))}
              {draft && (
                <Button icon={<PlusOutlined />} onClick={() => add({ name: "", weight: 10 })}>
                  {t("addCriterion")}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </fieldset>
      <fieldset className="form-fieldset" disabled={!draft}>
        <legend>{t("rules")}</legend>
        <Form.List name="eligibilityRules">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} align="start" wrap>
                  <Form.Item name={[field.name, "type"]} label={`${t("ruleType")} ${index + 1}`}>
                    <Select<EligibilityRuleType>
                      disabled={!draft}
                      style={{ minWidth: 220 }}
                      options={enumValues(eligibilityRuleLabels).map((type) => ({
                        value: type,
                        label: eligibilityRuleLabels[locale][type]
                          .replace(/[：:]?\s*\{honor\}/, "")
                          .replace("{years}", "N"),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item noStyle dependencies={[["eligibilityRules", field.name, "type"]]}>
                    {({ getFieldValue }) => {
                      const type = getFieldValue(["eligibilityRules", field.name, "type"]) as EligibilityRuleType;
                      if (type === "HOLDS_HONOR")
                        return (
                          <Form.Item name={[field.name, "honorKind"]} label={t("honorKind")}>
                            <Select<HonorKind>
                              disabled={!draft}
                              style={{ minWidth: 160 }}
                              options={HONOR_KINDS.map((k) => ({ value: k, label: honorKindLabels[locale][k] }))}
                            />
                          </Form.Item>
                        );
                      if (type === "NOT_RECENT_WINNER" || type === "SOCIAL_RECORD_WITHIN_YEARS")
                        return (
                          <Form.Item name={[field.name, "years"]} label={t("years")}>
                            <InputNumber min={1} max={20} precision={0} disabled={!draft} />
                          </Form.Item>
                        );
                      return null;
                    }}
                  </Form.Item>
                  {draft && (
                    <Button
                      icon={<DeleteOutlined />}
                      aria-label={`${t("remove")} ${index + 1}`}
                      onClick={() => remove(field.name)}
                      style={{ marginTop: 30 }}
                    />
                  )}
                </Space>
              ))}
              {draft && (
                <Button icon={<PlusOutlined />} onClick={() => add({ type: "COMPLETED_COHORT" })}>
                  {t("addRule")}
                </Button>
              )}
            </>
          )}
        </Form.List>
      </fieldset>
    </FormModal>
  );
}
