import { useMemo, useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Tag } from "antd";
import { useSearchParams } from "react-router";
import { byPinyin } from "../../app/format";
import { useT } from "../../app/i18n";
import { PageError, PageLoading } from "../../app/page-state";
import { filterOf } from "../../app/paged-query";
import { useDebounced } from "../../app/use-debounced";
import type { HonorRollQuery } from "../../gql/graphql";
import { awardProgramsQuery, honorRollQuery } from "./awards.documents";
import { awardMessages } from "./awards.messages";
import "./awards.css";

const FIRST_YEAR = 2018;
/** Commendations per request; the groups they complete are shown. */
const PAGE = 50;

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
  const roll = useQuery(honorRollQuery, {
    variables: { first: PAGE, filter: filterOf({ year, programId, search: debouncedSearch.trim() || null }) },
    notifyOnNetworkStatusChange: true,
  });
  const connection = (roll.data ?? roll.previousData)?.honorRoll;
  const hasNext = Boolean(connection?.pageInfo.hasNextPage && connection.pageInfo.endCursor);
  // 排名不分先后: each year's award is one group, its names in pinyin order. The API sends them year by
  // year and award by award, so only the last group can run on into the next page: it waits for
  // "more", and every group shows once, whole.
  const groups = useMemo(() => {
    const all = groupWinners(connection?.edges.map((e) => e.node) ?? []);
    return hasNext && all.length > 1 ? all.slice(0, -1) : all;
  }, [connection, hasNext]);
  const more = () =>
    void roll.fetchMore({
      variables: { after: connection?.pageInfo.endCursor },
      updateQuery: (shown, { fetchMoreResult }) => ({
        honorRoll: {
          ...fetchMoreResult.honorRoll,
          edges: [...(shown.honorRoll?.edges ?? []), ...fetchMoreResult.honorRoll.edges],
        },
      }),
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
      <div className="paged-list" aria-busy={roll.loading}>
        {roll.error ? <PageError error={roll.error} onRetry={() => void roll.refetch()} /> : null}
        {!groups.length && roll.loading && <PageLoading />}
        {!groups.length && !roll.loading && !roll.error && <p className="empty-state">{t("noWinners")}</p>}
        {groups.length > 0 && (
          <ul className="card-list" aria-label={t("honorRollTitle")}>
            {groups.map((group) => (
              <li key={group.id}>
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
              </li>
            ))}
          </ul>
        )}
        {hasNext && (
          <div className="paged-footer">
            <span aria-live="polite">{t("groupsShown", { count: groups.length })}</span>
            <Button onClick={more} loading={roll.loading}>
              {t("moreGroups")}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
