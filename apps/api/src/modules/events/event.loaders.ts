import { In } from "typeorm";
import { type RequestContext } from "../../graphql/context";
import { byKey, byIdLoader, defineLoader, groupByKey } from "../../loading/loader";
import { nestedPageLoader } from "../../loading/nested-page";
import { Cohort } from "../training/cohort.entity";
import { Enrollment } from "../training/enrollment.entity";
import { CalendarFeed } from "./calendar-feed.entity";
import { Event } from "./event.entity";
import { EventMaterial } from "./event-material.entity";
import { EventRegistration, activeSlot } from "./event-registration.entity";
import { EventSpeaker } from "./event-speaker.entity";
import { EventSurveyResponse } from "./event-survey-response.entity";
import { Speaker } from "./speaker.entity";

export const eventById = byIdLoader("eventById", Event);

export const speakerById = byIdLoader("speakerById", Speaker);

export const eventSpeakerById = byIdLoader("eventSpeakerById", EventSpeaker);

export const registrationById = byIdLoader("registrationById", EventRegistration);

export const materialById = byIdLoader("materialById", EventMaterial);

export const surveyResponseById = byIdLoader("surveyResponseById", EventSurveyResponse);

export const calendarFeedById = byIdLoader("calendarFeedById", CalendarFeed);

export const calendarFeedByTrainee = defineLoader<number, CalendarFeed | null>(
  "calendarFeedByTrainee",
  async (ctx, ids) => byKey(ids, await ctx.em.findBy(CalendarFeed, { traineeId: In([...ids]) }), (f) => f.traineeId),
);

/** Each event's programme, in order. */
export const speakersByEvent = defineLoader<number, EventSpeaker[]>("speakersByEvent", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(EventSpeaker, { where: { eventId: In([...ids]) }, order: { position: "ASC", id: "ASC" } }),
    (s) => s.eventId,
  ),
);

export const materialsByEvent = defineLoader<number, EventMaterial[]>("materialsByEvent", async (ctx, ids) =>
  groupByKey(
    ids,
    await ctx.em.find(EventMaterial, { where: { eventId: In([...ids]) }, order: { position: "ASC", id: "ASC" } }),
    (m) => m.eventId,
  ),
);

export const registrationsByEvent = nestedPageLoader<EventRegistration>(
  "registrationsByEvent",
  EventRegistration,
  "eventId",
);
export const registrationsByTrainee = nestedPageLoader<EventRegistration>(
  "registrationsByTrainee",
  EventRegistration,
  "traineeId",
);
export const surveyResponsesByEvent = nestedPageLoader<EventSurveyResponse>(
  "surveyResponsesByEvent",
  EventSurveyResponse,
  "eventId",
);

/** Waitlisted registration ids per event, first come first: a position is an index in this list. */
export const waitlistByEvent = defineLoader<number, number[]>("waitlistByEvent", async (ctx, ids) => {
  const rows = await ctx.em.find(EventRegistration, {
    select: { id: true, eventId: true },
    where: { eventId: In([...ids]), status: "WAITLISTED" },
    order: { id: "ASC" },
  });
  return groupByKey(ids, rows, (r) => r.eventId).map((list) => list.map((r) => r.id));
});

/** The viewer's active registration per event (for "my status" on event pages). */
export const activeRegistrationOfTrainee = defineLoader<
  { eventId: number; traineeId: number },
  EventRegistration | null
>(
  "activeRegistrationOfTrainee",
  async (ctx, keys) => {
    const slots = keys.map((k) => activeSlot(k.eventId, k.traineeId));
    return byKey(slots, await ctx.em.findBy(EventRegistration, { activeSlot: In(slots) }), (r) => r.activeSlot!);
  },
  (k) => activeSlot(k.eventId, k.traineeId),
);

/** The viewer's active registration for an event, if they are a trainee. */
export function myRegistration(ctx: RequestContext, eventId: number): Promise<EventRegistration | null> {
  const traineeId = ctx.viewer?.traineeId;
  return traineeId ? ctx.loader(activeRegistrationOfTrainee).load({ eventId, traineeId }) : Promise.resolve(null);
}

export const surveyResponseByRegistration = defineLoader<number, EventSurveyResponse | null>(
  "surveyResponseByRegistration",
  async (ctx, ids) =>
    byKey(ids, await ctx.em.findBy(EventSurveyResponse, { registrationId: In([...ids]) }), (r) => r.registrationId),
);

export interface SurveySummary {
  count: number;
  averageRating: number | null;
  /** Responses per rating, index 0 for 1 star through index 4 for 5 stars. */
  ratingCounts: number[];
}

export const surveySummaryByEvent = defineLoader<number, SurveySummary>("surveySummaryByEvent", async (ctx, ids) => {
  const rows = await ctx.em
    .createQueryBuilder(EventSurveyResponse, "r")
    .select("r.event_id", "eid")
    .addSelect("r.rating", "rating")
    .addSelect("COUNT(*)", "n")
    .where("r.event_id IN (:...ids)", { ids })
    .groupBy("r.event_id")
    .addGroupBy("r.rating")
    .getRawMany<{ eid: number | string; rating: number | string; n: number | string }>();
  return ids.map((id) => {
    const ratingCounts = [0, 0, 0, 0, 0];
    for (const r of rows) if (Number(r.eid) === id) ratingCounts[Number(r.rating) - 1] = Number(r.n);
    const count = ratingCounts.reduce((a, b) => a + b, 0);
    const sum = ratingCounts.reduce((a, n, i) => a + n * (i + 1), 0);
    return { count, averageRating: count ? Math.round((sum / count) * 100) / 100 : null, ratingCounts };
  });
});

/** Events a trainee checked in to, latest first: the participation record. */
export const attendedEventsByTrainee = defineLoader<number, Event[]>("attendedEventsByTrainee", async (ctx, ids) => {
  const rows = await ctx.em
    .createQueryBuilder(EventRegistration, "r")
    .select("r.trainee_id", "tid")
    .addSelect("r.event_id", "eid")
    .where("r.trainee_id IN (:...ids) AND r.checked_in_at IS NOT NULL", { ids })
    .getRawMany<{ tid: number | string; eid: number | string }>();
  const events = await ctx.loader(eventById).loadMany([...new Set(rows.map((r) => Number(r.eid)))]);
  const byId = new Map(events.filter((e): e is Event => e instanceof Event).map((e) => [e.id, e]));
  return groupByKey(ids, rows, (r) => Number(r.tid)).map((list) =>
    list
      .map((r) => byId.get(Number(r.eid))!)
      .sort((a, b) => b.startsAt.getTime() - a.startsAt.getTime() || b.id - a.id),
  );
});

export interface Participation {
  cohorts: number;
  salons: number;
  lectures: number;
  studyActivities: number;
}

/** Cohorts taken part in (as statistics count them) and events checked in to, per trainee. */
export const participationByTrainee = defineLoader<number, Participation>(
  "participationByTrainee",
  async (ctx, ids) => {
    const events = await ctx.em
      .createQueryBuilder(EventRegistration, "r")
      .innerJoin(Event, "e", "e.id = r.event_id")
      .select("r.trainee_id", "tid")
      .addSelect("e.kind", "kind")
      .addSelect("COUNT(*)", "n")
      .where("r.trainee_id IN (:...ids) AND r.checked_in_at IS NOT NULL", { ids })
      .groupBy("r.trainee_id")
      .addGroupBy("e.kind")
      .getRawMany<{ tid: number | string; kind: string; n: number | string }>();
    const cohorts = await ctx.em
      .createQueryBuilder(Enrollment, "en")
      .innerJoin(Cohort, "c", "c.id = en.cohort_id")
      .select("en.trainee_id", "tid")
      .addSelect("COUNT(*)", "n")
      .where("en.trainee_id IN (:...ids)", { ids })
      .andWhere("en.status IN (:...attended) AND c.status IN (:...held)", {
        attended: ["ENROLLED", "COMPLETED"],
        held: ["IN_PROGRESS", "COMPLETED"],
      })
      .groupBy("en.trainee_id")
      .getRawMany<{ tid: number | string; n: number | string }>();
    return ids.map((id) => {
      const of = (kind: string) => Number(events.find((r) => Number(r.tid) === id && r.kind === kind)?.n ?? 0);
      return {
        cohorts: Number(cohorts.find((r) => Number(r.tid) === id)?.n ?? 0),
        salons: of("SALON"),
        lectures: of("LECTURE"),
        studyActivities: of("STUDY_ACTIVITY"),
      };
    });
  },
);
