import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Form, Input, InputNumber, Radio, Select } from "antd";
import { DayPicker, InstantPicker } from "../../app/date-fields";
import { admissionLabels, enumValues } from "../../app/enum-labels";
import { byPinyin } from "../../app/format";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { AdmissionMode, CohortFieldsFragment } from "../../gql/graphql";
import { courseOptionsQuery, createCohortMutation, updateCohortMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

interface CohortValues {
  courseId: string;
  number?: number | null;
  startsOn: string;
  endsOn: string;
  venue?: string | null;
  capacity: number;
  admission: AdmissionMode;
  enrollmentOpensAt?: string | null;
  enrollmentClosesAt?: string | null;
  completionThreshold: number;
}

function initialValues(cohort: CohortFieldsFragment | null, courseId: string | null): Partial<CohortValues> {
  if (!cohort) return { courseId: courseId ?? undefined, admission: "AUTO", capacity: 60, completionThreshold: 80 };
  return {
    courseId: cohort.course.id,
    number: cohort.number,
    startsOn: cohort.startsOn,
    endsOn: cohort.endsOn,
    venue: cohort.venue,
    capacity: cohort.capacity,
    admission: cohort.admission,
    enrollmentOpensAt: cohort.enrollmentOpensAt,
    enrollmentClosesAt: cohort.enrollmentClosesAt,
    completionThreshold: cohort.completionThreshold,
  };
}

/** Creates a cohort of a course (it starts as a draft) or edits one. */
export function CohortFormModal({
  dialog,
  cohort,
  courseId,
  onSaved,
}: {
  dialog: DialogProps;
  cohort: CohortFieldsFragment | null;
  /** The course a new cohort belongs to, when the list is filtered by one. */
  courseId: string | null;
  /** After a save; an edited cohort also updates itself in the cache. */
  onSaved?: (cohort: CohortFieldsFragment) => void;
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const locale = useLocale();
  const rules = useRules();
  const courses = useQuery(courseOptionsQuery, { skip: Boolean(cohort) });
  const [create] = useMutation(createCohortMutation);
  const [update] = useMutation(updateCohortMutation);

  const onSubmit = async (values: CohortValues) => {
    const fields = {
      number: values.number ?? null,
      startsOn: values.startsOn,
      endsOn: values.endsOn,
      venue: values.venue?.trim() || null,
      capacity: values.capacity,
      admission: values.admission,
      enrollmentOpensAt: values.enrollmentOpensAt ?? null,
      enrollmentClosesAt: values.enrollmentClosesAt ?? null,
      completionThreshold: values.completionThreshold,
    };
    const payload = cohort
      ? (await update({ variables: { input: { cohortId: cohort.id, ...fields } } })).data?.updateCohort
      : (await create({ variables: { input: { courseId: values.courseId, ...fields } } })).data?.createCohort;
    if (payload?.cohort && !payload.userErrors.length) onSaved?.(payload.cohort);
    return payload?.userErrors ?? [];
  };

  return (
    <FormModal<CohortValues>
      dialog={dialog}
      title={cohort ? t("editCohortTitle", { title: cohort.title }) : t("createCohort")}
      initialValues={initialValues(cohort, courseId)}
      onSubmit={onSubmit}
    >
      {!cohort && (
        <Form.Item name="courseId" label={t("course")} rules={[rules.requiredValue("courseId")]}>
          <Select
            loading={courses.loading}
            showSearch={{ optionFilterProp: "label" }}
            options={courses.data?.courses.edges
              .map(({ node }) => ({ value: node.id, label: node.title }))
              .sort((a, b) => byPinyin(a.label, b.label))}
          />
        </Form.Item>
      )}
      <Form.Item name="number" label={t("number")} extra={cohort ? undefined : t("numberHint")}>
        <InputNumber min={1} max={100000} precision={0} style={{ width: "100%" }} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="startsOn" label={t("startsOn")} rules={[rules.requiredValue("startsOn")]}>
          <DayPicker />
        </Form.Item>
        <Form.Item name="endsOn" label={t("endsOn")} rules={[rules.requiredValue("endsOn")]}>
          <DayPicker />
        </Form.Item>
      </div>
      <Form.Item name="venue" label={t("venue")} rules={[rules.maxLength("venue", 200)]}>
        <Input maxLength={200} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="capacity" label={t("capacity")} rules={[rules.requiredValue("capacity")]}>
          <InputNumber min={1} max={10000} precision={0} style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item
          name="completionThreshold"
          label={t("completionThreshold")}
          rules={[rules.requiredValue("completionThreshold")]}
        >
          <InputNumber min={0} max={100} precision={0} style={{ width: "100%" }} />
        </Form.Item>
      </div>
      <Form.Item name="admission" label={t("admission")}>
        <Radio.Group
          aria-label={t("admission")}
          options={enumValues(admissionLabels).map((mode) => ({ value: mode, label: admissionLabels[locale][mode] }))}
        />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="enrollmentOpensAt" label={t("enrollmentOpensAt")} extra={t("windowHint")}>
          <InstantPicker />
        </Form.Item>
        <Form.Item name="enrollmentClosesAt" label={t("enrollmentClosesAt")}>
          <InstantPicker />
        </Form.Item>
      </div>
    </FormModal>
  );
}
