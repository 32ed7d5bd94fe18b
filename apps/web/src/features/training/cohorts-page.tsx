import type { ReactNode } from "react";
import { Checkbox } from "antd";
import { useSearchParams } from "react-router";
import { cohortStatusLabels, enumValues } from "../../app/enum-labels";
import { useLocale, useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { filterOf, usePagedQuery } from "../../app/paged-query";
import type { CohortStatus } from "../../gql/graphql";
import { CohortCard } from "./cohort-card";
import { cohortsQuery } from "./training.documents";
import { trainingMessages } from "./training.messages";
import "./training.css";

/** Drafts are the staff's business; visitors filter by what they can see. */
const PUBLIC_STATUSES = enumValues(cohortStatusLabels).filter((s) => s !== "DRAFT");
const FIRST_YEAR = 2018;

/** The public schedule (/cohorts): filters live in the address, so a filtered list can be shared. */
export function CohortsPage(): ReactNode {
  const t = useT(trainingMessages);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const status = PUBLIC_STATUSES.find((s) => s === params.get("status")) ?? null;
  const year = Number(params.get("year")) || null;
  const open = params.get("open") === "1";
  const courseId = params.get("course");
  const years = Array.from({ length: new Date().getFullYear() + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i).reverse();

  const paged = usePagedQuery(cohortsQuery, {
    variables: { filter: filterOf({ status, year, courseId, openForEnrollment: open || null }) },
    select: (data) => data.cohorts,
  });

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <h1 className="page-title">{t("scheduleTitle")}</h1>
      <p className="muted">{t("scheduleIntro")}</p>
      <form className="filter-bar" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
        <label className="filter-field">
          <span>{t("status")}</span>
          <select value={status ?? ""} onChange={(e) => setParam("status", e.target.value || null)}>
            <option value="">{t("anyStatus")}</option>
            {PUBLIC_STATUSES.map((s: CohortStatus) => (
              <option key={s} value={s}>
                {cohortStatusLabels[locale][s]}
              </option>
            ))}
          </select>
        </label>
        <label className="filter-field">
          <span>{t("year")}</span>
          <select value={year ?? ""} onChange={(e) => setParam("year", e.target.value || null)}>
            <option value="">{t("anyYear")}</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <Checkbox checked={open} onChange={(e) => setParam("open", e.target.checked ? "1" : null)}>
          {t("openOnly")}
        </Checkbox>
        {courseId && (
          <button type="button" className="link-button" onClick={() => setParam("course", null)}>
            {t("allCourses")}
          </button>
        )}
      </form>
      <PagedList
        paged={paged}
        label={t("scheduleTitle")}
        empty={t("noCohorts")}
        renderItem={(cohort) => <CohortCard cohort={cohort} />}
      />
    </>
  );
}
