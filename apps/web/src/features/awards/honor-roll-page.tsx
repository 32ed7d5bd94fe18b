import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Tag } from "antd";
import { useSearchParams } from "react-router";
import { useLocale, useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { filterOf, usePagedQuery } from "../../app/paged-query";
import { awardProgramsQuery, honorRollQuery } from "./awards.documents";
import { nomineeKindLabels } from "./awards.labels";
import { awardMessages } from "./awards.messages";
import "./awards.css";

const FIRST_YEAR = 2018;

/** The public honor roll (/honor-roll): published commendations by year and award; filters in the address. */
export function HonorRollPage(): ReactNode {
  const t = useT(awardMessages);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year")) || null;
  const programId = params.get("program");
  const programs = useQuery(awardProgramsQuery);
  const years = Array.from({ length: new Date().getFullYear() + 1 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i).reverse();
  const paged = usePagedQuery(honorRollQuery, {
    variables: { filter: filterOf({ year, programId }) },
    select: (data) => data.honorRoll,
    pageSize: 50,
  });
  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <h1 className="page-title">{t("honorRollTitle")}</h1>
      <p className="muted">{t("honorRollIntro")}</p>
      <form className="filter-bar" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
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
        <label className="filter-field">
          <span>{t("program")}</span>
          <select value={programId ?? ""} onChange={(e) => setParam("program", e.target.value || null)}>
            <option value="">{t("anyProgram")}</option>
            {programs.data?.awardPrograms.edges.map(({ node }) => (
              <option key={node.id} value={node.id}>
                {node.name}
              </option>
            ))}
          </select>
        </label>
      </form>
      <PagedList
        paged={paged}
        label={t("honorRollTitle")}
        empty={t("noWinners")}
        renderItem={(winner) => (
          <article className="card winner-card" aria-label={winner.name}>
            <div className="winner-rank" aria-hidden={!winner.rank}>
              {winner.rank ? t("rank", { rank: winner.rank }) : "★"}
            </div>
            <div>
              <h2 className="winner-name">{winner.name}</h2>
              {winner.enterpriseName && winner.enterpriseName !== winner.name && (
                <p className="card-sub">{winner.enterpriseName}</p>
              )}
              <p className="winner-meta">
                <strong>{t("yearProgram", { year: winner.year, program: winner.program.name })}</strong>{" "}
                <Tag>{nomineeKindLabels[locale][winner.nomineeKind]}</Tag>
                {winner.source !== "DECISION" && <Tag>{t("imported")}</Tag>}
              </p>
            </div>
          </article>
        )}
      />
    </>
  );
}
