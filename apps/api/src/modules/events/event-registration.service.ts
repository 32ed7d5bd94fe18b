import type { SelectQueryBuilder } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { isDuplicateKey, isMysql } from "../../db/dialect";
import { audit, subjectOf } from "../audit/audit.service";
import { passSeatOn, releaseSeat, takeSeat } from "../capacity/seats";
import { newVerificationCode } from "../training/completion.service";
import { Event, registrationOpen } from "./event.entity";
import { EventRegistration, WAITING_LINE, activeSlot } from "./event-registration.entity";

/** Ticket codes use the certificates' alphabet: 16 of 32 symbols, 80 bits, and typeable from a phone screen. */
const TICKET = /^[2-9A-HJ-NP-Z]{16}$/;
/** Staff may start scanning this long before the event starts. */
const CHECK_IN_EARLY_MS = 2 * 3600_000;

/** A current read that locks the row on MySQL, so concurrent requests for it queue; SQLite transactions take turns anyway. */
function locked<T extends object>(ctx: RequestContext, qb: SelectQueryBuilder<T>): SelectQueryBuilder<T> {
  return isMysql(ctx.app.dataSource) ? qb.setLock("pessimistic_write") : qb;
}

/**
 * A free seat at once, else the waiting list, with the cohorts' guarantees: the seat is a
 * conditional UPDATE and the one-active-registration rule a unique index.
 */
export async function registerForEvent(ctx: RequestContext, eventId: number | null): Promise<EventRegistration> {
  const viewer = ctx.requireViewer();
  if (!viewer.traineeId) fail("NOT_A_TRAINEE", "eventId");
  const traineeId = viewer.traineeId;
  try {
    return await ctx.transaction(async (tx) => {
      // The seat is claimed first: that UPDATE waits for a concurrent change of the event row (a
      // cancellation), so the event read next is the committed one. Any refusal below rolls it back.
      const seated = eventId ? await takeSeat(tx.em, Event, eventId) : false;
      const event = eventId ? await tx.em.findOneBy(Event, { id: eventId }) : null;
      if (!event || event.status === "DRAFT") return fail("NOT_FOUND", "eventId");
      if (event.status === "CANCELLED") fail("EVENT_CANCELLED", "eventId");
      if (!registrationOpen(event)) fail("REGISTRATION_CLOSED", "eventId");
      const slot = activeSlot(event.id, traineeId);
      if (await tx.em.countBy(EventRegistration, { activeSlot: slot })) fail("ALREADY_REGISTERED", "eventId");
      const registration = tx.em.create(EventRegistration, {
        eventId: event.id,
        traineeId,
        status: seated ? "REGISTERED" : "WAITLISTED",
        activeSlot: slot,
        ticketCode: newVerificationCode(),
        checkedInAt: null,
        checkedInBy: null,
        cancelledAt: null,
        reason: null,
      });
      await tx.em.insert(EventRegistration, registration);
      await audit(tx, "eventRegistration.create", subjectOf(registration), {
        eventId: event.id,
        status: registration.status,
      });
      return registration;
    });
  } catch (err) {
    // A concurrent request of the same trainee won the unique slot; its transaction holds the seat.
    if (isDuplicateKey(err)) fail("ALREADY_REGISTERED", "eventId");
    throw err;
  }
}

/** The trainee (own, before the start) or staff; a freed seat goes to the first on the waiting list. */
export async function cancelEventRegistration(
  ctx: RequestContext,
  registrationId: number | null,
  reason?: string | null,
): Promise<EventRegistration> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const why = check.text(reason, "reason", { max: 500 });
  check.done();
  return ctx.transaction(async (tx) => {
    const registration = registrationId
      ? await locked(
          tx,
          tx.em.createQueryBuilder(EventRegistration, "r").where("r.id = :id", { id: registrationId }),
        ).getOne()
      : null;
    const own = registration?.traineeId === viewer.traineeId;
    const staff = tx.hasRole("STAFF", "ADMIN");
    if (!registration || (!own && !staff)) return fail("NOT_FOUND", "registrationId");
    if (registration.status === "CANCELLED") fail("WRONG_STATUS", "registrationId", { status: registration.status });
    if (registration.checkedInAt) fail("ALREADY_CHECKED_IN", "registrationId");
    const event = await tx.em.findOneByOrFail(Event, { id: registration.eventId });
    const now = new Date();
    if (!staff && event.startsAt <= now) fail("EVENT_STARTED", "registrationId");
    const wasSeated = registration.status === "REGISTERED";
    Object.assign(registration, { status: "CANCELLED", activeSlot: null, reason: why ?? null, cancelledAt: now });
    await tx.em.save(registration);
    await audit(tx, "eventRegistration.cancel", subjectOf(registration), { by: own ? "trainee" : "staff" });
    if (wasSeated) {
      if (event.status === "PUBLISHED" && event.startsAt > now) {
        const promoted = await passSeatOn(tx.em, Event, event.id, WAITING_LINE);
        if (promoted !== null)
          await audit(
            tx,
            "eventRegistration.promote",
            { type: "EventRegistration", id: promoted },
            { eventId: event.id },
          );
      } else {
        await releaseSeat(tx.em, Event, event.id);
      }
    }
    return registration;
  });
}

export interface CheckInResult {
  registration: EventRegistration;
  /** When the ticket was first scanned, for a second scan; null when this scan checked it in. */
  alreadyCheckedInAt: Date | null;
}

/** Staff at the door scan a ticket for the event they are admitting to. */
export async function checkInTicket(ctx: RequestContext, eventId: number | null, code: string): Promise<CheckInResult> {
  const staff = ctx.requireRole("STAFF");
  const ticket = code.trim().toUpperCase();
  if (!TICKET.test(ticket)) fail("UNKNOWN_TICKET", "code");
  return ctx.transaction(async (tx) => {
    // Locked first, so that two desks scanning one ticket at once see each other's check-in.
    const registration = await locked(
      tx,
      tx.em.createQueryBuilder(EventRegistration, "r").where("r.ticket_code = :ticket", { ticket }),
    ).getOne();
    const event = eventId ? await tx.em.findOneBy(Event, { id: eventId }) : null;
    if (!event) return fail("NOT_FOUND", "eventId");
    if (event.status === "CANCELLED") fail("EVENT_CANCELLED", "eventId");
    if (event.status !== "PUBLISHED") fail("WRONG_STATUS", "eventId", { status: event.status });
    const now = new Date();
    if (now.getTime() < event.startsAt.getTime() - CHECK_IN_EARLY_MS || now > event.endsAt)
      fail("CHECK_IN_NOT_OPEN", "eventId");
    if (!registration) return fail("UNKNOWN_TICKET", "code");
    if (registration.eventId !== event.id) {
      const other = await tx.em.findOneByOrFail(Event, { id: registration.eventId });
      fail("TICKET_OTHER_EVENT", "code", { title: other.title });
    }
    if (registration.status === "CANCELLED") fail("TICKET_CANCELLED", "code");
    if (registration.status === "WAITLISTED") fail("TICKET_WAITLISTED", "code");
    if (registration.checkedInAt) return { registration, alreadyCheckedInAt: registration.checkedInAt };
    // Whole seconds: what MySQL's DATETIME keeps, so a second scan reports the same time on both databases.
    registration.checkedInAt = new Date(Math.floor(now.getTime() / 1000) * 1000);
    registration.checkedInBy = staff.userId;
    await tx.em.save(registration);
    await audit(tx, "eventRegistration.checkIn", subjectOf(registration), { eventId: event.id });
    return { registration, alreadyCheckedInAt: null };
  });
}
