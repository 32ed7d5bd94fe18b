import { Arg, Args, Ctx, FieldResolver, Int, Mutation, ObjectType, Query, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { Connection, ConnectionArgs } from "../../graphql/connection";
import { nestedKey } from "../../loading/nested-page";
import { localId } from "../../graphql/ids";
import { Enterprise } from "../enterprises/enterprise.entity";
import { enterpriseById } from "../enterprises/enterprise.loaders";
import { Event, registrationOpen } from "./event.entity";
import { EventMaterial } from "./event-material.entity";
import { EventRegistration } from "./event-registration.entity";
import { EventSpeaker } from "./event-speaker.entity";
import { EventSurveyResponse } from "./event-survey-response.entity";
import { Speaker } from "./speaker.entity";
import { EventOrderEnum, type EventOrder } from "./event.enums";
import * as events from "./event.service";
import * as speakers from "./speaker.service";
import * as materials from "./event-material.service";
import { visibleMaterials } from "./event.nodes";
import { surveyOpen } from "./event-survey.service";
import {
  eventById,
  materialsByEvent,
  myRegistration,
  registrationsByEvent,
  speakerById,
  speakersByEvent,
  surveyResponsesByEvent,
  surveySummaryByEvent,
  waitlistByEvent,
} from "./event.loaders";
import {
  AddEventMaterialInput,
  AddEventMaterialPayload,
  ChangeEventStatusInput,
  ChangeEventStatusPayload,
  CreateEventInput,
  CreateEventPayload,
  CreateSpeakerInput,
  CreateSpeakerPayload,
  DeleteEventMaterialInput,
  DeleteEventMaterialPayload,
  EventFilter,
  EventSurveySummary,
  RegistrationListArgs,
  SetEventSpeakersInput,
  SetEventSpeakersPayload,
  SpeakerFieldsInput,
  UpdateEventInput,
  UpdateEventMaterialInput,
  UpdateEventMaterialPayload,
  UpdateEventPayload,
  UpdateSpeakerInput,
  UpdateSpeakerPayload,
} from "./event.inputs";
import { join, Loads } from "../../loading/declare";

@ObjectType()
export class EventConnection extends Connection(Event) {}
@ObjectType()
export class SpeakerConnection extends Connection(Speaker) {}
@ObjectType()
export class EventRegistrationConnection extends Connection(EventRegistration) {}
@ObjectType()
export class EventSurveyResponseConnection extends Connection(EventSurveyResponse) {}

@Resolver(() => Event)
export class EventResolver {
  @Query(() => EventConnection, {
    description: "Salons, lectures and study activities (public; drafts for staff only)",
  })
  events(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("filter", () => EventFilter, { nullable: true }) filter?: EventFilter,
    @Arg("order", () => EventOrderEnum, { defaultValue: "LATEST_FIRST" }) order?: EventOrder,
  ) {
    return events.listEvents(ctx, filter ?? {}, order ?? "LATEST_FIRST", page);
  }

  @FieldResolver(() => [EventSpeaker], { description: "The programme: speakers, hosts and guests, in order" })
  @Loads(Event)
  speakers(@Root() event: Event, @Ctx() ctx: RequestContext) {
    return ctx.load(speakersByEvent, event.id);
  }

  @FieldResolver(() => Int, { description: "Free seats" })
  @Loads(Event, { reads: ["capacity", "seatsTaken"] })
  seatsLeft(@Root() event: Event): number {
    return Math.max(0, event.capacity - event.seatsTaken);
  }

  @FieldResolver(() => Int, { description: "Trainees on the waiting list" })
  @Loads(Event)
  async waitlistLength(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<number> {
    return (await ctx.load(waitlistByEvent, event.id))!.length;
  }

  @FieldResolver(() => Boolean, { description: "Published, inside the registration window now" })
  @Loads(Event, { reads: ["status", "registrationOpensAt", "registrationClosesAt", "startsAt"] })
  openForRegistration(@Root() event: Event): boolean {
    return registrationOpen(event);
  }

  @FieldResolver(() => EventRegistration, {
    nullable: true,
    description: "The signed-in trainee's active registration here",
  })
  @Loads(Event)
  myRegistration(@Root() event: Event, @Ctx() ctx: RequestContext) {
    return myRegistration(ctx, event.id);
  }

  @FieldResolver(() => Boolean, { description: "Whether the signed-in trainee may answer the survey now" })
  @Loads(Event, { reads: ["status", "startsAt"] })
  async surveyOpen(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<boolean> {
    return surveyOpen(event, await myRegistration(ctx, event.id));
  }

  @FieldResolver(() => [EventMaterial], {
    description: "Slides and links: public ones for everyone, all of them for registrants once it starts",
  })
  @Loads(Event, { reads: ["startsAt"] })
  async materials(@Root() event: Event, @Ctx() ctx: RequestContext): Promise<EventMaterial[]> {
    const [all, registration] = await Promise.all([
      ctx.load(materialsByEvent, event.id),
      myRegistration(ctx, event.id),
    ]);
    return visibleMaterials(ctx, event, all!, registration);
  }

  @FieldResolver(() => EventRegistrationConnection, { description: "Registrations in order of arrival (staff)" })
  @Loads(Event)
  registrations(
    @Root() event: Event,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Args() list: RegistrationListArgs,
  ) {
    ctx.requireRole("STAFF");
    return ctx.load(
      registrationsByEvent,
      nestedKey(event.id, page, list.status ? { column: "status", value: list.status } : null),
    );
  }

  @FieldResolver(() => EventSurveySummary, { description: "Survey results (staff)" })
  @Loads(Event)
  surveySummary(@Root() event: Event, @Ctx() ctx: RequestContext) {
    ctx.requireRole("STAFF");
    return ctx.load(surveySummaryByEvent, event.id);
  }

  @FieldResolver(() => EventSurveyResponseConnection, { description: "Survey answers, oldest first (staff)" })
  @Loads(Event)
  surveyResponses(@Root() event: Event, @Ctx() ctx: RequestContext, @Args() page: ConnectionArgs) {
    ctx.requireRole("STAFF");
    return ctx.load(surveyResponsesByEvent, nestedKey(event.id, page));
  }

  @Mutation(() => CreateEventPayload, { description: "Staff; a new event starts as DRAFT" })
  async createEvent(@Ctx() ctx: RequestContext, @Arg("input") input: CreateEventInput): Promise<CreateEventPayload> {
    return { event: await events.createEvent(ctx, input), userErrors: [] };
  }

  @Mutation(() => UpdateEventPayload, { description: "Staff; more seats go to the waiting list first" })
  async updateEvent(@Ctx() ctx: RequestContext, @Arg("input") input: UpdateEventInput): Promise<UpdateEventPayload> {
    const { eventId, ...fields } = input;
    return { event: await events.updateEvent(ctx, localId(eventId, "Event"), fields), userErrors: [] };
  }

  @Mutation(() => ChangeEventStatusPayload, {
    description: "Staff: publish, or cancel with a reason (every registration is cancelled with it)",
  })
  async changeEventStatus(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: ChangeEventStatusInput,
  ): Promise<ChangeEventStatusPayload> {
    return {
      event: await events.changeEventStatus(ctx, localId(input.eventId, "Event"), input.status, input.reason),
      userErrors: [],
    };
  }

  @Mutation(() => SetEventSpeakersPayload, { description: "Staff: the event's whole programme, in order" })
  async setEventSpeakers(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: SetEventSpeakersInput,
  ): Promise<SetEventSpeakersPayload> {
    const entries = input.speakers.map((s) => ({ speakerId: localId(s.speakerId, "Speaker"), role: s.role }));
    return { event: await events.setEventSpeakers(ctx, localId(input.eventId, "Event"), entries), userErrors: [] };
  }

  @Mutation(() => AddEventMaterialPayload, { description: "Staff" })
  async addEventMaterial(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: AddEventMaterialInput,
  ): Promise<AddEventMaterialPayload> {
    const { eventId, ...fields } = input;
    return { material: await materials.addEventMaterial(ctx, localId(eventId, "Event"), fields), userErrors: [] };
  }

  @Mutation(() => UpdateEventMaterialPayload, { description: "Staff, e.g. to make slides public" })
  async updateEventMaterial(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateEventMaterialInput,
  ): Promise<UpdateEventMaterialPayload> {
    const { materialId, ...fields } = input;
    return {
      material: await materials.updateEventMaterial(ctx, localId(materialId, "EventMaterial"), fields),
      userErrors: [],
    };
  }

  @Mutation(() => DeleteEventMaterialPayload, { description: "Staff" })
  async deleteEventMaterial(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: DeleteEventMaterialInput,
  ): Promise<DeleteEventMaterialPayload> {
    const eventId = await materials.deleteEventMaterial(ctx, localId(input.materialId, "EventMaterial"));
    return { event: await ctx.load(eventById, eventId), userErrors: [] };
  }
}

@Resolver(() => EventSpeaker)
export class EventSpeakerResolver {
  @FieldResolver(() => Speaker)
  @Loads(EventSpeaker, { joins: [join(Speaker, "speakerId", speakerById)] })
  speaker(@Root() part: EventSpeaker, @Ctx() ctx: RequestContext) {
    return ctx.load(speakerById, part.speakerId);
  }
}

/** Speaker input as the service takes it: the enterprise's global ID resolved, an unknown one flagged. */
function speakerFields(input: SpeakerFieldsInput): speakers.SpeakerFields {
  const { enterpriseId: raw, ...rest } = input;
  const enterpriseId = raw === undefined ? undefined : raw === null ? null : localId(raw, "Enterprise");
  return { ...rest, enterpriseId, enterpriseUnknown: Boolean(raw) && enterpriseId === null };
}

@Resolver(() => Speaker)
export class SpeakerResolver {
  @Query(() => SpeakerConnection, { description: "Speakers by name (public)" })
  speakers(
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Arg("search", () => String, { nullable: true, description: "Part of the name or organization" })
    search?: string | null,
  ) {
    return speakers.listSpeakers(ctx, search, page);
  }

  @FieldResolver(() => Enterprise, { nullable: true })
  @Loads(Speaker, { joins: [join(Enterprise, "enterpriseId", enterpriseById)] })
  enterprise(@Root() speaker: Speaker, @Ctx() ctx: RequestContext) {
    return speaker.enterpriseId ? ctx.load(enterpriseById, speaker.enterpriseId) : null;
  }

  @Mutation(() => CreateSpeakerPayload, { description: "Staff" })
  async createSpeaker(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateSpeakerInput,
  ): Promise<CreateSpeakerPayload> {
    return { speaker: await speakers.createSpeaker(ctx, speakerFields(input)), userErrors: [] };
  }

  @Mutation(() => UpdateSpeakerPayload, { description: "Staff" })
  async updateSpeaker(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: UpdateSpeakerInput,
  ): Promise<UpdateSpeakerPayload> {
    const { speakerId, ...fields } = input;
    return {
      speaker: await speakers.updateSpeaker(ctx, localId(speakerId, "Speaker"), speakerFields(fields)),
      userErrors: [],
    };
  }
}
