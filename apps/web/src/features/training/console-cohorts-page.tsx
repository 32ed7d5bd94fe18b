import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Select } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useNavigate, useSearchParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { admissionLabels, cohortStatusLabels, enumValues } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { byPinyin } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import type { CohortFieldsFragment, CohortStatus } from "../../gql/graphql";
import { CohortStatusTag } from "./status-tags";
import { consoleCohortsQuery, courseOptionsQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

const CohortFormModal = lazyDialog(() => import("./cohort-form-modal"), "CohortFormModal");

const FIRST_YEAR = 2018;

/** Staff console: every cohort, drafts included, by course, status and year. */
export function ConsoleCohortsPage(): ReactNode {
  const t = useT(trainingConsoleMessages);
  const locale = useLocale();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const courseId = params.get("course");
  const [status, setStatus] = useState<CohortStatus | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const creator = useDialog<true>();
  const courses = useQuery(courseOptionsQuery);
  const years = Array.from({ length: new Date().getFullYear() + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i).reverse();

  const paged = usePagedQuery(consoleCohortsQuery, {
    variables: { filter: filterOf({ courseId, status, year }) },
    select: (data) => data.cohorts,
  });

  return (
    <>
      <h1 className="page-title">{t("cohortsTitle")}</h1>
      <div className="page-toolbar">
        <Select<string>
          aria-label={t("course")}
          placeholder={t("allCourses")}
          allowClear
          value={courseId ?? undefined}
          loading={courses.loading}
          onChange={(value) => setParams(value ? { course: value } : {}, { replace: true })}
          options={courses.data?.courses.edges
            .map(({ node }) => ({ value: node.id, label: node.title }))
            .sort((a, b) => byPinyin(a.label, b.label))}
          style={{ minWidth: 260 }}
        />
        <Select<CohortStatus>
          aria-label={t("status")}
          placeholder={t("anyStatus")}
          allowClear
          value={status ?? undefined}
          onChange={(value) => setStatus(value ?? null)}
          options={enumValues(cohortStatusLabels).map((s) => ({ value: s, label: cohortStatusLabels[locale][s] }))}
          style={{ minWidth: 140 }}
        />
        <Select<number>
          aria-label={t("year")}
          placeholder={t("anyYear")}
          allowClear
          value={year ?? undefined}
          onChange={(value) => setYear(value ?? null)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ minWidth: 120 }}
        />
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => creator.show(true)}>
          {t("createCohort")}
        </Button>
      </div>
      <PagedTable<CohortFieldsFragment>
        paged={paged}
        columns={[
          {
            title: t("title"),
            dataIndex: "title",
            fixed: "left",
            render: (title: string, cohort) => (
              <ButtonLink type="link" to={`/console/cohorts/${encodeURIComponent(cohort.id)}`} style={{ padding: 0 }}>
                {title}
              </ButtonLink>
            ),
          },
          { title: t("course"), key: "course", render: (_, cohort) => cohort.course.title },
          { title: t("number"), dataIndex: "number", render: (number: number) => t("numbered", { number }) },
          { title: t("dates"), key: "dates", render: (_, c) => `${c.startsOn} – ${c.endsOn}` },
          { title: t("status"), dataIndex: "status", render: (s: CohortStatus) => <CohortStatusTag status={s} /> },
          { title: t("seats"), key: "seats", render: (_, c) => `${c.seatsTaken} / ${c.capacity}` },
          { title: t("waitlist"), dataIndex: "waitlistLength" },
          {
            title: t("admission"),
            dataIndex: "admission",
            render: (mode: CohortFieldsFragment["admission"]) => admissionLabels[locale][mode],
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, cohort) => (
              <ButtonLink type="link" to={`/console/cohorts/${encodeURIComponent(cohort.id)}`}>
                {t("open")}
              </ButtonLink>
            ),
          },
        ]}
      />
      {creator.value && (
        <CohortFormModal
          dialog={creator.props}
          cohort={null}
          courseId={courseId}
          onSaved={(cohort) => navigate(`/console/cohorts/${encodeURIComponent(cohort.id)}`)}
        />
      )}
    </>
  );
}
