import type { ReactNode } from "react";
import { Tag } from "antd";
import { Link } from "react-router";
import { formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { usePagedQuery } from "../../app/paged-query";
import type { MyAwardAssignmentsQuery } from "../../gql/graphql";
import { myAssignmentsQuery } from "./awards.documents";
import { cyclePhaseLabels } from "./awards.labels";
import { awardMessages } from "./awards.messages";
import "./awards.css";

type Assignment = MyAwardAssignmentsQuery["myAwardAssignments"]["edges"][number]["node"];

function state(a: Assignment): "statusConflict" | "statusComplete" | "statusPartial" | "statusTodo" {
  if (a.conflict) return "statusConflict";
  if (a.complete) return "statusComplete";
  return a.scores.length ? "statusPartial" : "statusTodo";
}

const COLORS = { statusConflict: "default", statusComplete: "green", statusPartial: "gold", statusTodo: "red" };

/** The judge's workspace (/judge): every nomination assigned, latest cycle first, with how far the scoring is. */
export function JudgeAssignmentsPage(): ReactNode {
  const t = useT(awardMessages);
  const locale = useLocale();
  const paged = usePagedQuery(myAssignmentsQuery, {
    variables: {},
    select: (data) => data.myAwardAssignments,
    pageSize: 100,
  });
  const todo = paged.nodes.filter((a) => !a.conflict && a.cycle.phase === "JUDGING");
  const done = todo.filter((a) => a.complete).length;
  return (
    <>
      <h1 className="page-title">{t("judgeTitle")}</h1>
      <p className="muted">{t("judgeIntro")}</p>
      {todo.length > 0 && (
        <p aria-live="polite">
          <strong>{t("progress", { done, total: todo.length })}</strong>
        </p>
      )}
      <PagedList
        paged={paged}
        label={t("judgeTitle")}
        empty={t("noAssignments")}
        renderItem={(a) => {
          const status = state(a);
          const judging = a.cycle.phase === "JUDGING";
          return (
            <article className="card" aria-labelledby={`assignment-${a.id}`}>
              <div className="card-head">
                <h2 id={`assignment-${a.id}`}>
                  <Link to={`/judge/assignments/${encodeURIComponent(a.id)}`}>{a.nomineeName}</Link>
                </h2>
                <Tag color={COLORS[status]}>{t(status)}</Tag>
              </div>
              <p className="card-sub">
                {a.cycle.title} · {cyclePhaseLabels[locale][a.cycle.phase]}
              </p>
              {judging && a.cycle.judgingEndsAt && (
                <p className="muted">{t("judgingEnds", { date: formatDateTime(a.cycle.judgingEndsAt, locale) })}</p>
              )}
              <p className="muted">
                {t("score")}: {a.scores.length} / {a.cycle.criteria.length}
              </p>
            </article>
          );
        }}
      />
    </>
  );
}
