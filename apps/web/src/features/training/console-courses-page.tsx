import { useMemo, type ReactNode } from "react";
import { Button, Space } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { ButtonLink } from "../../app/button-link";
import { lazyDialog, useDialog } from "../../app/dialog";
import { byPinyin } from "../../app/format";
import { useT } from "../../app/i18n";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { ConsoleCoursesQuery } from "../../gql/graphql";
import { consoleCoursesQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

const CourseFormModal = lazyDialog(() => import("./course-form-modal"), "CourseFormModal");

type Course = ConsoleCoursesQuery["courses"]["edges"][number]["node"];

/** Staff console: the course catalog; each course runs as numbered cohorts. */
export function ConsoleCoursesPage(): ReactNode {
  const t = useT(trainingConsoleMessages);
  const editor = useDialog<{ course: Course | null }>();
  const paged = usePagedQuery(consoleCoursesQuery, { variables: {}, select: (data) => data.courses, pageSize: 100 });
  const sorted = useMemo(() => [...paged.nodes].sort((a, b) => byPinyin(a.title, b.title)), [paged.nodes]);

  return (
    <>
      <h1 className="page-title">{t("coursesTitle")}</h1>
      <div className="page-toolbar">
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show({ course: null })}>
          {t("createCourse")}
        </Button>
      </div>
      <PagedTable<Course>
        paged={{ ...paged, nodes: sorted }}
        columns={[
          { title: t("title"), dataIndex: "title", fixed: "left" },
          { title: t("category"), dataIndex: "category" },
          {
            title: t("organizers"),
            dataIndex: "organizers",
            render: (organizers: string[]) => organizers.join("、"),
          },
          { title: t("cohortCount"), key: "cohorts", render: (_, course) => course.cohorts.length },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, course) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => editor.show({ course })}>
                  {t("edit")}
                </Button>
                <ButtonLink type="link" to={`/console/cohorts?course=${encodeURIComponent(course.id)}`}>
                  {t("viewCohorts")}
                </ButtonLink>
              </Space>
            ),
          },
        ]}
      />
      {editor.value && <CourseFormModal dialog={editor.props} course={editor.value.course} onSaved={paged.refetch} />}
    </>
  );
}
