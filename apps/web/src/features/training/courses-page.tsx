import { useMemo, type ReactNode } from "react";
import { Link } from "react-router";
import { byPinyin, formatDays } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { usePagedQuery } from "../../app/paged-query";
import type { CoursesQuery } from "../../gql/graphql";
import { CohortStatusTag } from "./status-tags";
import { coursesQuery } from "./training.documents";
import { trainingMessages } from "./training.messages";
import "./training.css";

type Course = CoursesQuery["courses"]["edges"][number]["node"];

/** How many of a course's cohorts its card lists, newest first. */
const RECENT_COHORTS = 3;

/** The public course catalog (/courses), each course with its latest cohorts. */
export function CoursesPage(): ReactNode {
  const t = useT(trainingMessages);
  // The whole catalog (a few dozen courses) in one page, so pinyin order holds across it.
  const paged = usePagedQuery(coursesQuery, { variables: {}, select: (data) => data.courses, pageSize: 100 });
  const sorted = useMemo(() => [...paged.nodes].sort((a, b) => byPinyin(a.title, b.title)), [paged.nodes]);
  return (
    <>
      <h1 className="page-title">{t("catalogTitle")}</h1>
      <p className="muted">{t("catalogIntro")}</p>
      <PagedList
        paged={{ ...paged, nodes: sorted }}
        label={t("catalogTitle")}
        empty={t("noCourses")}
        renderItem={(course) => <CourseCard course={course} />}
      />
    </>
  );
}

function CourseCard({ course }: { course: Course }): ReactNode {
  const t = useT(trainingMessages);
  const locale = useLocale();
  const recent = [...course.cohorts].sort((a, b) => b.startsOn.localeCompare(a.startsOn)).slice(0, RECENT_COHORTS);
  const openCount = course.cohorts.filter((c) => c.openForEnrollment).length;
  return (
    <article className="card" aria-labelledby={`course-${course.id}`}>
      <div className="card-head">
        <h2 id={`course-${course.id}`}>{course.title}</h2>
        {course.category && <span className="chip">{course.category}</span>}
      </div>
      {course.summary && <p>{course.summary}</p>}
      {course.organizers.length > 0 && (
        <p className="card-sub">{t("organizers", { names: course.organizers.join(t("listSeparator")) })}</p>
      )}
      {recent.length > 0 && (
        <ul className="plain-list">
          {recent.map((cohort) => (
            <li key={cohort.id}>
              <Link to={`/cohorts/${encodeURIComponent(cohort.id)}`}>
                {t("cohortNumber", { number: cohort.number })}
              </Link>{" "}
              <span className="muted">{formatDays(cohort.startsOn, cohort.endsOn, locale)}</span>{" "}
              <CohortStatusTag status={cohort.status} />
            </li>
          ))}
        </ul>
      )}
      <p className="card-actions">
        <Link to={`/cohorts?course=${encodeURIComponent(course.id)}`}>
          {t("allCohortsOf", { count: course.cohorts.length })}
        </Link>
        {openCount > 0 && <strong className="seat-note">{t("openCohorts", { count: openCount })}</strong>}
      </p>
    </article>
  );
}
