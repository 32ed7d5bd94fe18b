import type { RequestContext } from "../../graphql/context";
import { andThen, definePolicy, everyone } from "../../graphql/visibility";
import type { CalendarFeed } from "./calendar-feed.entity";
import { Event } from "./event.entity";
import { EventMaterial } from "./event-material.entity";
import type { EventRegistration } from "./event-registration.entity";
import type { EventSpeaker } from "./event-speaker.entity";
import type { EventSurveyResponse } from "./event-survey-response.entity";
import type { Speaker } from "./speaker.entity";
import {
  calendarFeedById,
  eventById,
  eventSpeakerById,
  materialById,
  myRegistration,
  registrationById,
  speakerById,
  surveyResponseById,
} from "./event.loaders";

const staff = (ctx: RequestContext) => ctx.hasRole("STAFF", "ADMIN");

/** Visitors see published and cancelled events; staff see drafts too. */
export const eventPolicy = definePolicy<Event>({
  byId: eventById,
  sees: (ctx, event) => event.status !== "DRAFT" || staff(ctx),
  // and `visibleMaterials` below, the registrant's view of an event's materials
  reads: ["status", "startsAt"],
  scope: (ctx, qb) => {
    if (!staff(ctx)) qb.andWhere(`${qb.alias}.status <> :draftEvent`, { draftEvent: "DRAFT" });
  },
  primes: true,
});

/** The event's row, when the viewer may see it. */
function visibleEvent(ctx: RequestContext, eventId: number): Event | null | Promise<Event | null> {
  return andThen(ctx.load(eventById, eventId), (event) => (event && eventPolicy.sees(ctx, event) ? event : null));
}

/** The holder and staff. */
function holder(ctx: RequestContext, registration: EventRegistration | null): boolean {
  return Boolean(registration && (registration.traineeId === ctx.viewer?.traineeId || staff(ctx)));
}

export const eventPolicies = {
  Event: eventPolicy,
  Speaker: definePolicy<Speaker>({ byId: speakerById, sees: everyone }),
  /** Seen with its event. */
  EventSpeaker: definePolicy<EventSpeaker>({
    byId: eventSpeakerById,
    sees: (ctx, part) => andThen(visibleEvent(ctx, part.eventId), Boolean),
  }),
  EventRegistration: definePolicy<EventRegistration>({
    byId: registrationById,
    sees: (ctx, registration) => holder(ctx, registration),
  }),
  /** Public ones with their event; the rest for registrants once it starts, and staff. */
  EventMaterial: definePolicy<EventMaterial>({
    byId: materialById,
    sees: (ctx, material) =>
      andThen(visibleEvent(ctx, material.eventId), async (event) => {
        if (!event) return false;
        if (staff(ctx) || material.isPublic) return true;
        return visibleMaterials(ctx, event, [material], await myRegistration(ctx, event.id)).length > 0;
      }),
    reads: ["isPublic"],
  }),
  /** The registration's holder, and staff. */
  EventSurveyResponse: definePolicy<EventSurveyResponse>({
    byId: surveyResponseById,
    sees: (ctx, response) =>
      staff(ctx) || andThen(ctx.load(registrationById, response.registrationId), (r) => holder(ctx, r)),
  }),
  /** The person's own subscription. */
  CalendarFeed: definePolicy<CalendarFeed>({
    byId: calendarFeedById,
    sees: (ctx, feed) => feed.traineeId === ctx.viewer?.traineeId,
  }),
};

/**
 * Staff see every material; others the public ones, and registrants (seated, not waiting) all of
 * them once the event has started.
 */
export function visibleMaterials(
  ctx: RequestContext,
  event: Event,
  materials: EventMaterial[],
  registration: EventRegistration | null,
  now = new Date(),
): EventMaterial[] {
  if (ctx.hasRole("STAFF", "ADMIN")) return materials;
  const registrant = registration?.status === "REGISTERED" && event.startsAt <= now;
  return materials.filter((m) => m.isPublic || registrant);
}
