import type { RequestContext } from "../../graphql/context";
import type { Event } from "./event.entity";
import { visibleMaterials } from "./event-material.service";
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

async function visibleEvent(ctx: RequestContext, id: number): Promise<Event | null> {
  const event = await ctx.loader(eventById).load(id);
  return event && (event.status !== "DRAFT" || staff(ctx)) ? event : null;
}

/** node(id) for the events module's types, with the visibility of their own fields and queries. */
export const eventNodeFetchers: Record<string, (ctx: RequestContext, id: number) => Promise<object | null>> = {
  Event: visibleEvent,
  Speaker: (ctx, id) => ctx.loader(speakerById).load(id),
  EventSpeaker: async (ctx, id) => {
    const part = await ctx.loader(eventSpeakerById).load(id);
    return part && (await visibleEvent(ctx, part.eventId)) ? part : null;
  },
  EventRegistration: async (ctx, id) => {
    const registration = await ctx.loader(registrationById).load(id);
    return registration && (registration.traineeId === ctx.viewer?.traineeId || staff(ctx)) ? registration : null;
  },
  EventMaterial: async (ctx, id) => {
    const material = await ctx.loader(materialById).load(id);
    const event = material && (await visibleEvent(ctx, material.eventId));
    if (!material || !event) return null;
    return visibleMaterials(ctx, event, [material], await myRegistration(ctx, event.id)).length ? material : null;
  },
  EventSurveyResponse: async (ctx, id) => {
    const response = await ctx.loader(surveyResponseById).load(id);
    if (!response || staff(ctx)) return response;
    const registration = await ctx.loader(registrationById).load(response.registrationId);
    return registration && registration.traineeId === ctx.viewer?.traineeId ? response : null;
  },
  CalendarFeed: async (ctx, id) => {
    const feed = await ctx.loader(calendarFeedById).load(id);
    return feed && feed.traineeId === ctx.viewer?.traineeId ? feed : null;
  },
};
