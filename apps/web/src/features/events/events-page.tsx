import { useMemo, type ReactNode } from "react";
import { Checkbox, Segmented } from "antd";
import { useSearchParams } from "react-router";
import { enumValues } from "../../app/enum-labels";
import { useLocale, useT } from "../../app/i18n";
import { PagedList } from "../../app/paged-list";
import { filterOf, usePagedQuery } from "../../app/paged-query";
import type { EventKind } from "../../gql/graphql";
import { EventCard } from "./event-card";
import { eventsQuery } from "./events.documents";
import { eventKindLabels } from "./events.labels";
import { eventMessages } from "./events.messages";
import "./events.css";

const KINDS = enumValues(eventKindLabels);

/** The events calendar (/events): upcoming ones soonest first, past ones latest first; filters in the address. */
export function EventsPage(): ReactNode {
  const t = useT(eventMessages);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const kind = KINDS.find((k) => k === params.get("kind")) ?? null;
  const past = params.get("when") === "past";
  const open = params.get("open") === "1";
  // Once per visit: "now" must not change between renders, or every render would be a new query.
  const now = useMemo(() => new Date().toISOString(), []);

  const paged = usePagedQuery(eventsQuery, {
    variables: {
      filter: filterOf({
        kind,
        from: past ? null : now,
        to: past ? now : null,
        openForRegistration: open || null,
      }),
      order: past ? "LATEST_FIRST" : "EARLIEST_FIRST",
    },
    select: (data) => data.events,
  });

  const setParam = (name: string, value: string | null) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  return (
    <>
      <h1 className="page-title">{t("calendarTitle")}</h1>
      <p className="muted">{t("calendarIntro")}</p>
      <form className="filter-bar" aria-label={t("filters")} onSubmit={(e) => e.preventDefault()}>
        <Segmented<"upcoming" | "past">
          aria-label={t("when")}
          value={past ? "past" : "upcoming"}
          onChange={(value) => setParam("when", value === "past" ? "past" : null)}
          options={[
            { value: "upcoming", label: t("upcoming") },
            { value: "past", label: t("past") },
          ]}
        />
        <label className="filter-field">
          <span>{t("kind")}</span>
          <select value={kind ?? ""} onChange={(e) => setParam("kind", e.target.value || null)}>
            <option value="">{t("anyKind")}</option>
            {KINDS.map((k: EventKind) => (
              <option key={k} value={k}>
                {eventKindLabels[locale][k]}
              </option>
            ))}
          </select>
        </label>
        {!past && (
          <Checkbox checked={open} onChange={(e) => setParam("open", e.target.checked ? "1" : null)}>
            {t("openOnly")}
          </Checkbox>
        )}
      </form>
      <PagedList
        paged={paged}
        label={t("calendarTitle")}
        empty={t("noEvents")}
        renderItem={(event) => <EventCard event={event} />}
      />
    </>
  );
}
