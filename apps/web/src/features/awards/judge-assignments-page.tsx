import type { ReactNode } from "react";
import { Tag } from "antd";
import { Link } from "react-router";
import { formatDateTime, formatNumber } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { usePagedQuery } from "../../app/paged-query";
import type { MyAwardAssignmentsQuery } from "../../gql/graphql";
import { myAssignmentsQuery } from "./awards.documents";
import { awardMessages } from "./awards.messages";
import { isCurrent, judgingState, judgingStateColors, judgingStateLabels } from "./judging-state";
import "./awards.css";

type Assignment = MyAwardAssignmentsQuery["myAwardAssignments"]["edges"][number]["node"];

/**
 * The judge's workspace (/judge): the nominations of cycles not yet judged to the end first,
 * each with its state and points; finished cycles below, folded.
 */
export function JudgeAssignmentsPage(): ReactNode {
  const t = useT(awardMessages);
  const paged = usePagedQuery(myAssignmentsQuery, {
    variables: {},
    select: (data) => data.myAwardAssignments,
    pageSize: 100,
  });
  const current = paged.nodes.filter((a) => isCurrent(judgingState(a)));
  const past = paged.nodes.filter((a) => !isCurrent(judgingState(a)));
  const scoring = current.filter((a) => a.cycle.phase === "JUDGING");
  const done = scoring.filter((a) => a.complete).length;
  return (
    <>
      <h1 className="page-title">{t("judgeTitle")}</h1>
      <p className="muted">{t("judgeIntro")}</p>
      <section aria-labelledby="current-tasks">
        <h2 id="current-tasks" className="section-title">
          {t("currentTasks")}
        </h2>
        {scoring.length > 0 && (
          <p aria-live="polite">
            <strong>{t("progress", { done, total: scoring.length })}</strong>
          </p>
        )}
        <PagedList
          paged={{ ...paged, nodes: current }}
          label={t("currentTasks")}
          empty={paged.nodes.length ? t("noCurrent") : t("noAssignments")}
          renderItem={(a) => <AssignmentCard assignment={a} />}
        />
      </section>
      {past.length > 0 && (
        <details className="past-tasks">
          <summary>
            <h2 className="section-title">{t("pastTasks", { count: past.length })}</h2>
          </summary>
          <ul className="card-list" aria-label={t("pastTasks", { count: past.length })}>
            {past.map((a) => (
              <li key={a.id}>
                <AssignmentCard assignment={a} />
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

function AssignmentCard({ assignment: a }: { assignment: Assignment }): ReactNode {
  const t = useT(awardMessages);
  const locale = useLocale();
  const state = judgingState(a);
  const points = a.scores.reduce((sum, s) => sum + s.score, 0);
  return (
    <article className="card" aria-labelledby={`assignment-${a.id}`}>
      <div className="card-head">
        <h3 id={`assignment-${a.id}`}>
          <Link to={`/judge/assignments/${encodeURIComponent(a.id)}`}>{a.nomineeName}</Link>
        </h3>
        <Tag color={judgingStateColors[state]}>{judgingStateLabels[locale][state]}</Tag>
      </div>
      <p className="card-sub">{a.cycle.title}</p>
      {state !== "ENDED" && state !== "CONFLICT" && a.cycle.judgingEndsAt && (
        <p className="muted">{t("judgingEnds", { date: formatDateTime(a.cycle.judgingEndsAt, locale) })}</p>
      )}
      {state !== "CONFLICT" && state !== "NOT_STARTED" && (
        <p className="muted">
          {t("pointsTotal", { points, max: a.cycle.criteria.length * 10 })}
          {a.weightedScore !== null && a.weightedScore !== undefined
            ? ` · ${t("weightedScore", { score: formatNumber(a.weightedScore, locale) })}`
            : ""}
        </p>
      )}
    </article>
  );
}
