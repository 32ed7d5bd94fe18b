import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Select } from "antd";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { CourseFieldsFragment } from "../../gql/graphql";
import { createCourseMutation, updateCourseMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

interface CourseValues {
  title: string;
  category?: string | null;
  summary?: string | null;
  organizers?: string[];
}

/** The Institute, as the API fills it in when a course names no organizer. */
const DEFAULT_ORGANIZERS = ["中国（卢作孚）民营经济学院"];

/** Creates a course (`course` null) or edits one. */
export function CourseFormModal({
  dialog,
  course,
  onSaved,
}: {
  dialog: DialogProps;
  course: CourseFieldsFragment | null;
  onSaved: () => void;
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const rules = useRules();
  const [create] = useMutation(createCourseMutation);
  const [update] = useMutation(updateCourseMutation);

  const onSubmit = async (values: CourseValues) => {
    const fields = {
      title: values.title.trim(),
      category: values.category?.trim() || null,
      summary: values.summary?.trim() || null,
      organizers: values.organizers ?? [],
    };
    const userErrors = course
      ? (await update({ variables: { input: { courseId: course.id, ...fields } } })).data?.updateCourse.userErrors
      : (await create({ variables: { input: fields } })).data?.createCourse.userErrors;
    if (userErrors && !userErrors.length) onSaved();
    return userErrors ?? [];
  };

  return (
    <FormModal<CourseValues>
      dialog={dialog}
      title={course ? t("editCourseTitle", { title: course.title }) : t("createCourse")}
      initialValues={course ?? { organizers: DEFAULT_ORGANIZERS }}
      onSubmit={onSubmit}
    >
      <Form.Item name="title" label={t("title")} rules={[rules.required("title"), rules.maxLength("title", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="category" label={t("category")} rules={[rules.maxLength("category", 32)]}>
        <Input maxLength={32} placeholder={t("categoryPlaceholder")} />
      </Form.Item>
      <Form.Item name="summary" label={t("summary")} rules={[rules.maxLength("summary", 5000)]}>
        <Input.TextArea rows={4} maxLength={5000} />
      </Form.Item>
      <Form.Item name="organizers" label={t("organizers")} extra={t("organizersHint")}>
        <Select mode="tags" open={false} suffixIcon={null} aria-label={t("organizers")} />
      </Form.Item>
    </FormModal>
  );
}
