import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { isDuplicateKey } from "../../db/dialect";
import { Event } from "./event.entity";
import { EventRegistration, activeSlot } from "./event-registration.entity";
import { EventSurveyResponse } from "./event-survey-response.entity";

/** Whether the survey is offered to this registration now: checked in, and the event has started. */
export function surveyOpen(event: Event, registration: EventRegistration | null, now = new Date()): boolean {
  return Boolean(registration?.checkedInAt) && event.status === "PUBLISHED" && event.startsAt <= now;
}

export async function submitEventSurvey(
  ctx: RequestContext,
  eventId: number | null,
  input: { rating: number; comment?: string | null },
): Promise<EventSurveyResponse> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  check.integer(input.rating, "rating", 1, 5);
  const comment = check.text(input.comment, "comment", { max: 1000 });
  check.done();
  try {
    return await ctx.transaction(async (tx) => {
      const event = eventId ? await tx.em.findOneBy(Event, { id: eventId }) : null;
      if (!event || event.status === "DRAFT") return fail("NOT_FOUND", "eventId");
      const registration = viewer.traineeId
        ? await tx.em.findOneBy(EventRegistration, { activeSlot: activeSlot(event.id, viewer.traineeId) })
        : null;
      if (!registration?.checkedInAt) return fail("NOT_CHECKED_IN", "eventId");
      if (!surveyOpen(event, registration)) fail("SURVEY_NOT_OPEN", "eventId");
      if (await tx.em.countBy(EventSurveyResponse, { registrationId: registration.id }))
        fail("SURVEY_EXISTS", "eventId");
      const response = tx.em.create(EventSurveyResponse, {
        registrationId: registration.id,
        eventId: event.id,
        rating: input.rating,
        comment: comment ?? null,
      });
      await tx.em.insert(EventSurveyResponse, response);
      await audit(tx, "eventSurvey.submit", subjectOf(response), { eventId: event.id, rating: input.rating });
      return response;
    });
  } catch (err) {
    if (isDuplicateKey(err)) fail("SURVEY_EXISTS", "eventId");
    throw err;
  }
}
