import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { seatNextInLine } from "../capacity/seats";
import { Event } from "./event.entity";
import { EventRegistration, WAITING_LINE } from "./event-registration.entity";
import { EventSpeaker } from "./event-speaker.entity";
import { Speaker } from "./speaker.entity";
import type { EventKind, EventOrder, EventStatus, SpeakerRole } from "./event.enums";
import { eventPolicy } from "./event.nodes";

/** A web address people can open: http(s) only, so no javascript: or data: links reach a page. */
export function checkUrl(
  check: InputCheck,
  raw: string | null | undefined,
  field: string,
  required = false,
): string | null | undefined {
  const value = check.text(raw, field, { max: 500, required });
  if (!value) return value;
  try {
    const url = new URL(value);
    if (url.protocol === "http:" || url.protocol === "https:") return value;
  } catch {
    // not a URL at all: reported below
  }
  return check.add("INVALID_URL", field);
}

export interface EventFields {
  kind?: EventKind;
  number?: number | null;
  title?: string;
  summary?: string | null;
  startsAt?: Date;
  endsAt?: Date;
  venue?: string | null;
  onlineUrl?: string | null;
  capacity?: number;
  registrationOpensAt?: Date | null;
  registrationClosesAt?: Date | null;
}

function checkEvent(input: EventFields, current: Partial<Event>): Partial<Event> {
  const check = new InputCheck();
  const values: Partial<Event> = {};
  const creating = current.id === undefined;
  if (input.kind) values.kind = input.kind;
  else if (creating) check.add("REQUIRED", "kind");
  if (input.number !== undefined && input.number !== null)
    values.number = check.integer(input.number, "number", 1, 100000) ?? undefined;
  if (input.title !== undefined || creating) values.title = check.requiredText(input.title, "title", 200);
  const summary = check.text(input.summary, "summary", { max: 5000 });
  if (summary !== undefined) values.summary = summary;
  if (input.startsAt) values.startsAt = input.startsAt;
  else if (creating) check.add("REQUIRED", "startsAt");
  if (input.endsAt) values.endsAt = input.endsAt;
  else if (creating) check.add("REQUIRED", "endsAt");
  const venue = check.text(input.venue, "venue", { max: 200 });
  if (venue !== undefined) values.venue = venue;
  const onlineUrl = checkUrl(check, input.onlineUrl, "onlineUrl");
  if (onlineUrl !== undefined) values.onlineUrl = onlineUrl;
  if (input.capacity !== undefined && input.capacity !== null)
    values.capacity = check.integer(input.capacity, "capacity", 1, 10000) ?? undefined;
  else if (creating) check.add("REQUIRED", "capacity");
  if (input.registrationOpensAt !== undefined) values.registrationOpensAt = input.registrationOpensAt;
  if (input.registrationClosesAt !== undefined) values.registrationClosesAt = input.registrationClosesAt;
  const merged = { ...current, ...values };
  if (merged.startsAt && merged.endsAt && merged.endsAt <= merged.startsAt) check.add("ENDS_BEFORE_START", "endsAt");
  const placeChecked =
    (input.venue === undefined || venue !== undefined) && (input.onlineUrl === undefined || onlineUrl !== undefined);
  if (placeChecked && !merged.venue && !merged.onlineUrl) check.add("VENUE_REQUIRED", "venue");
  const { registrationOpensAt: opens, registrationClosesAt: closes } = merged;
  if (opens && closes && closes <= opens) check.add("ENDS_BEFORE_START", "registrationClosesAt");
  if (closes && merged.endsAt && closes > merged.endsAt)
    check.add("REGISTRATION_CLOSES_AFTER_EVENT", "registrationClosesAt");
  if (merged.capacity !== undefined && merged.seatsTaken !== undefined && merged.capacity < merged.seatsTaken)
    check.add("CAPACITY_BELOW_TAKEN", "capacity", { taken: merged.seatsTaken });
  check.done();
  return values;
}

export async function createEvent(ctx: RequestContext, input: EventFields): Promise<Event> {
  ctx.requireRole("STAFF");
  const values = checkEvent(input, {});
  return ctx.transaction(async (tx) => {
    if (!values.number) {
      const max = await tx.em
        .createQueryBuilder(Event, "e")
        .select("MAX(e.number)", "max")
        .where("e.kind = :kind", { kind: values.kind })
        .getRawOne<{ max: number | null }>();
      values.number = Number(max?.max ?? 0) + 1;
    } else if (await tx.em.countBy(Event, { kind: values.kind, number: values.number })) {
      fail("EVENT_NUMBER_TAKEN", "number", { number: values.number });
    }
    const event = tx.em.create(Event, {
      summary: null,
      venue: null,
      onlineUrl: null,
      registrationOpensAt: null,
      registrationClosesAt: null,
      ...values,
      seatsTaken: 0,
      status: "DRAFT",
      cancelReason: null,
    });
    await tx.em.save(event);
    await audit(tx, "event.create", subjectOf(event), { kind: event.kind, number: event.number });
    return event;
  });
}

export async function updateEvent(ctx: RequestContext, id: number | null, input: EventFields): Promise<Event> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const event = id ? await tx.em.findOneBy(Event, { id }) : null;
    if (!event) return fail("NOT_FOUND", "eventId");
    if (event.status === "CANCELLED") fail("WRONG_STATUS", "eventId", { status: event.status });
    const values = checkEvent(input, event);
    if (
      values.number &&
      values.number !== event.number &&
      (await tx.em.countBy(Event, { kind: event.kind, number: values.number }))
    ) {
      fail("EVENT_NUMBER_TAKEN", "number", { number: values.number });
    }
    const raised = values.capacity !== undefined && values.capacity > event.capacity;
    Object.assign(event, values);
    await tx.em.save(event);
    // New seats go to the waiting list first, in order of arrival.
    let promoted = 0;
    while (raised && (await seatNextInLine(tx.em, Event, event.id, WAITING_LINE)) !== null) promoted++;
    if (promoted) event.seatsTaken += promoted;
    await audit(tx, "event.update", subjectOf(event), { changed: Object.keys(values), promoted });
    return event;
  });
}

/** Allowed moves: a draft is published or dropped; a published event can only be cancelled. */
const TRANSITIONS: Record<EventStatus, EventStatus[]> = {
  DRAFT: ["PUBLISHED", "CANCELLED"],
  PUBLISHED: ["CANCELLED"],
  CANCELLED: [],
};

export async function changeEventStatus(
  ctx: RequestContext,
  id: number | null,
  to: EventStatus,
  reason?: string | null,
): Promise<Event> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const why = check.text(reason, "reason", { max: 500 });
  if (to === "CANCELLED" && !why) check.add("REASON_REQUIRED", "reason");
  check.done();
  return ctx.transaction(async (tx) => {
    const event = id ? await tx.em.findOneBy(Event, { id }) : null;
    if (!event) return fail("NOT_FOUND", "eventId");
    if (!TRANSITIONS[event.status].includes(to)) fail("INVALID_TRANSITION", "status", { from: event.status, to });
    const from = event.status;
    let cancelled = 0;
    if (to === "CANCELLED") {
      // Every ticket of a cancelled event is void, and the check-in desk refuses it.
      const result = await tx.em
        .createQueryBuilder()
        .update(EventRegistration)
        .set({ status: "CANCELLED", activeSlot: null, reason: why!, cancelledAt: new Date() })
        .where("event_id = :id AND status IN (:...s)", { id: event.id, s: ["REGISTERED", "WAITLISTED"] })
        .execute();
      cancelled = result.affected ?? 0;
      Object.assign(event, { seatsTaken: 0, cancelReason: why });
    }
    event.status = to;
    await tx.em.save(event);
    await audit(tx, "event.status", subjectOf(event), { from, to, registrationsCancelled: cancelled });
    return event;
  });
}

export interface EventFilter {
  kind?: EventKind | null;
  status?: EventStatus | null;
  from?: Date | null;
  to?: Date | null;
  openForRegistration?: boolean | null;
}

/** What the Event policy shows (event.nodes.ts). */
export function listEvents(
  ctx: RequestContext,
  filter: EventFilter,
  order: EventOrder,
  args: ConnectionArgs,
): Promise<Page<Event>> {
  const qb = ctx.em.createQueryBuilder(Event, "event");
  eventPolicy.scope!(ctx, qb);
  if (filter.kind) qb.andWhere("event.kind = :kind", { kind: filter.kind });
  if (filter.status) qb.andWhere("event.status = :status", { status: filter.status });
  if (filter.from) qb.andWhere("event.starts_at >= :from", { from: filter.from });
  if (filter.to) qb.andWhere("event.starts_at < :to", { to: filter.to });
  if (filter.openForRegistration) {
    const now = new Date();
    qb.andWhere("event.status = :published", { published: "PUBLISHED" })
      .andWhere("(event.registration_opens_at IS NULL OR event.registration_opens_at <= :now)", { now })
      .andWhere("COALESCE(event.registration_closes_at, event.starts_at) > :now", { now });
  }
  return paginate(qb, args, [
    {
      expr: "event.starts_at",
      value: (e: Event) => e.startsAt,
      direction: order === "EARLIEST_FIRST" ? "ASC" : "DESC",
    },
  ]);
}

export interface SpeakerEntry {
  speakerId: number | null;
  role: SpeakerRole;
}

/** Replaces an event's programme with this list, in this order. */
export async function setEventSpeakers(
  ctx: RequestContext,
  eventId: number | null,
  entries: SpeakerEntry[],
): Promise<Event> {
  ctx.requireRole("STAFF");
  if (entries.some((e) => e.speakerId === null)) fail("NOT_FOUND", "speakers");
  const ids = entries.map((e) => e.speakerId!);
  if (new Set(ids).size !== ids.length) fail("SPEAKER_LISTED_TWICE", "speakers");
  return ctx.transaction(async (tx) => {
    const event = eventId ? await tx.em.findOneBy(Event, { id: eventId }) : null;
    if (!event) return fail("NOT_FOUND", "eventId");
    if (event.status === "CANCELLED") fail("WRONG_STATUS", "eventId", { status: event.status });
    if (ids.length && (await tx.em.countBy(Speaker, { id: In(ids) })) !== ids.length) fail("NOT_FOUND", "speakers");
    await tx.em.delete(EventSpeaker, { eventId: event.id });
    if (entries.length)
      await tx.em.insert(
        EventSpeaker,
        entries.map((e, i) => ({ eventId: event.id, speakerId: e.speakerId!, role: e.role, position: i + 1 })),
      );
    await audit(tx, "event.speakers", subjectOf(event), { speakers: entries });
    return event;
  });
}
