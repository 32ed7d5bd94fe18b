import type { ReactNode } from "react";
import { Tag } from "antd";
import { Link } from "react-router";
import { TIME_ZONE, formatTimeRange } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import type { EventCardFragment } from "../../gql/graphql";
import { eventKindLabels, eventStatusLabels } from "./events.labels";
import { eventMessages } from "./events.messages";

const KIND_COLORS = { SALON: "gold", LECTURE: "red", STUDY_ACTIVITY: "blue" } as const;

/** The day of an event as a calendar leaf: month above, day below, in Beijing time. */
function DateLeaf({ startsAt }: { startsAt: string }): ReactNode {
  const locale = useLocale();
  const date = new Date(startsAt);
  const part = (options: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options }).format(date);
  return (
    <div className="date-leaf" aria-hidden="true">
      <span>{part({ month: "short" })}</span>
      <strong>{part({ day: "numeric" }).replace(/\D/g, "")}</strong>
      <span>{part({ year: "numeric" }).replace(/\D/g, "")}</span>
    </div>
  );
}

export function EventKindTag({ kind }: { kind: EventCardFragment["kind"] }): ReactNode {
  const locale = useLocale();
  return <Tag color={KIND_COLORS[kind]}>{eventKindLabels[locale][kind]}</Tag>;
}

/** One event in the calendar: when, what, where, and whether a seat is to be had. */
export function EventCard({ event }: { event: EventCardFragment }): ReactNode {
  const t = useT(eventMessages);
  const locale = useLocale();
  return (
    <article className="card event-card" aria-labelledby={`event-${event.id}`}>
      <DateLeaf startsAt={event.startsAt} />
      <div>
        <div className="card-head">
          <h2 id={`event-${event.id}`}>
            <Link to={`/events/${encodeURIComponent(event.id)}`}>{event.title}</Link>
          </h2>
        </div>
        <p className="card-sub">
          <EventKindTag kind={event.kind} />
          {t("numbered", { number: event.number })}
          {event.status !== "PUBLISHED" && <Tag>{eventStatusLabels[locale][event.status]}</Tag>}
        </p>
        <dl className="facts">
          <dt>{t("time")}</dt>
          <dd>{formatTimeRange(event.startsAt, event.endsAt, locale)}</dd>
          {(event.venue || event.onlineUrl) && (
            <>
              <dt>{t("venue")}</dt>
              <dd>{event.venue ?? t("online")}</dd>
            </>
          )}
          <dt>{t("seats")}</dt>
          <dd>
            {t("seatsTaken", { taken: event.seatsTaken, capacity: event.capacity })}
            {event.openForRegistration && (
              <strong className="seat-note">
                {event.seatsLeft > 0 ? t("seatsLeft", { left: event.seatsLeft }) : t("seatsFull")}
              </strong>
            )}
          </dd>
        </dl>
        {event.status === "CANCELLED" && event.cancelReason && (
          <p className="revoked">{t("cancelledBecause", { reason: event.cancelReason })}</p>
        )}
      </div>
    </article>
  );
}
