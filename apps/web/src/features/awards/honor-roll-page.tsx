import { useMemo, useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Tag } from "antd";
import { useSearchParams } from "react-router";
import { byPinyin } from "../../app/format";
import { useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { filterOf, usePagedQuery } from "../../app/paged-query";
import { useDebounced } from "../../app/use-debounced";
import type { HonorRollQuery } from "../../gql/graphql";
import { awardProgramsQuery, honorRollQuery } from "./awards.documents";
import { awardMessages } from "./awards.messages";
import "./awards.css";

const FIRST_YEAR = 2018;

type Winner = HonorRollQuery["honorRoll"]["edges"][number]["node"];

function groupWinners(winners: readonly Winner[]) {
  const groups = new Map<string, { id: string; year: number; program: string; winners: Winner[] }>();
  for (const w of winners) {
    const id = `${w.year}-${w.program.id}`;
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { id, year: w.year, program: w.program.name, winners: [] }));
    group.winners.push(w);
  }
  for (const g of groups.values()) g.winners.sort((a, b) => byPinyin(a.name, b.name));
  return [...groups.values()];
}

/** The public honor roll (/honor-roll): published commendations by year and award; filters in the address. */
export function HonorRollPage(): ReactNode {
  const t = useT(awardMessages);
  const [params, setParams] = useSearchParams();
  const year = Number(params.get("year")) || null;
  const programId = params.get("program");
  const programs = useQuery(awardProgramsQuery);
  const [search, setSearch] = useState("");
  const debouncedSearch = useDebounced(search, 300);
  const years = Array.from({ length: new Date().getFullYear() + 1 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i).reverse();
  const paged = usePagedQuery(honorRollQuery, {
    variables: { filter: filterOf({ year, programId, search: debouncedSearch.trim() || null }) },
    select: (data) => data.honorRoll,
    pageSize: 50,
  });
  // 排名不分先后: each year's award is one group, its names in pinyin order.
  const groups = useMemo(() => groupWinners(paged.nodes), [paged.nodes]);
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
          <span>{t("search")}</span>
          <input
            type="search"
            value={search}
            placeholder={t("searchHint")}
            onChange={(e) => setSearch(e.target.value)}
          />
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
        paged={{ ...paged, nodes: groups }}
        label={t("honorRollTitle")}
        empty={t("noWinners")}
        renderItem={(group) => (
          <section className="card honor-group" aria-labelledby={`group-${group.id}`}>
            <h2 id={`group-${group.id}`} className="honor-group-title">
              {t("yearProgram", { year: group.year, program: group.program })}
            </h2>
            <p className="muted">{t("unranked")}</p>
            <ul className="honor-names">
              {group.winners.map((winner) => (
                <li key={winner.id}>
                  <strong>{winner.name}</strong>
                  {winner.enterpriseName && winner.enterpriseName !== winner.name && (
                    <span className="muted">{winner.enterpriseName}</span>
                  )}
                  {winner.source !== "DECISION" && <Tag>{t("imported")}</Tag>}
                </li>
              ))}
            </ul>
          </section>
        )}
      />
    </>
  );
}
