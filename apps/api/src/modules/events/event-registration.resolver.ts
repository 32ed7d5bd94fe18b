import { Arg, Args, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from "type-graphql";
import type { RequestContext } from "../../graphql/context";
import { ConnectionArgs } from "../../graphql/connection";
import { nestedKey } from "../../loading/nested-page";
import { localId } from "../../graphql/ids";
import { Trainee } from "../trainees/trainee.entity";
import { traineeById } from "../trainees/trainee.loaders";
import { CalendarFeed } from "./calendar-feed.entity";
import { Event } from "./event.entity";
import { EventRegistration } from "./event-registration.entity";
import { EventSurveyResponse } from "./event-survey-response.entity";
import { EventKindEnum, type EventKind } from "./event.enums";
import { EventRegistrationConnection } from "./event.resolver";
import * as registrations from "./event-registration.service";
import { submitEventSurvey } from "./event-survey.service";
import { createCalendarFeed, revokeCalendarFeed } from "./calendar-feed.service";
import {
  attendedEventsByTrainee,
  calendarFeedByTrainee,
  eventById,
  participationByTrainee,
  registrationsByTrainee,
  surveyResponseByRegistration,
  waitlistByEvent,
} from "./event.loaders";
import {
  CancelEventRegistrationInput,
  CancelEventRegistrationPayload,
  CheckInTicketInput,
  CheckInTicketPayload,
  CreateCalendarFeedInput,
  CreateCalendarFeedPayload,
  Participation,
  RegisterForEventInput,
  RegisterForEventPayload,
  RegistrationListArgs,
  RevokeCalendarFeedInput,
  RevokeCalendarFeedPayload,
  SubmitEventSurveyInput,
  SubmitEventSurveyPayload,
} from "./event.inputs";
import { join, Loads } from "../../loading/declare";

@Resolver(() => EventRegistration)
export class EventRegistrationResolver {
  @FieldResolver(() => Event)
  @Loads(EventRegistration, { joins: [join(Event, "eventId", eventById)] })
  event(@Root() registration: EventRegistration, @Ctx() ctx: RequestContext) {
    return ctx.load(eventById, registration.eventId);
  }

  @FieldResolver(() => Trainee)
  @Loads(EventRegistration, { joins: [join(Trainee, "traineeId", traineeById)] })
  trainee(@Root() registration: EventRegistration, @Ctx() ctx: RequestContext) {
    return ctx.load(traineeById, registration.traineeId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: "The ticket, for its holder and staff, while it holds a seat: render it as a QR code",
  })
  @Loads(EventRegistration, { reads: ["status", "ticketCode"] })
  ticketCode(@Root() registration: EventRegistration, @Ctx() ctx: RequestContext): string | null {
    const mayRead = ctx.viewer?.traineeId === registration.traineeId || ctx.hasRole("STAFF", "ADMIN");
    return mayRead && registration.status === "REGISTERED" ? registration.ticketCode : null;
  }

  @FieldResolver(() => Int, { nullable: true, description: "1 for the first in line; null unless WAITLISTED" })
  @Loads(EventRegistration, { reads: ["status"] })
  async waitlistPosition(@Root() registration: EventRegistration, @Ctx() ctx: RequestContext): Promise<number | null> {
    if (registration.status !== "WAITLISTED") return null;
    const index = (await ctx.load(waitlistByEvent, registration.eventId))!.indexOf(registration.id);
    return index < 0 ? null : index + 1;
  }

  @FieldResolver(() => EventSurveyResponse, { nullable: true, description: "The holder's survey answer" })
  @Loads(EventRegistration, { reads: ["checkedInAt"] })
  surveyResponse(@Root() registration: EventRegistration, @Ctx() ctx: RequestContext) {
    return registration.checkedInAt ? ctx.load(surveyResponseByRegistration, registration.id) : null;
  }

  @Mutation(() => RegisterForEventPayload, {
    description: "The signed-in trainee registers: a seat with a ticket, or the waiting list",
  })
  async registerForEvent(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RegisterForEventInput,
  ): Promise<RegisterForEventPayload> {
    return {
      registration: await registrations.registerForEvent(ctx, localId(input.eventId, "Event")),
      userErrors: [],
    };
  }

  @Mutation(() => CancelEventRegistrationPayload, {
    description: "The trainee (own, before the start) or staff; a freed seat goes to the waiting list",
  })
  async cancelEventRegistration(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CancelEventRegistrationInput,
  ): Promise<CancelEventRegistrationPayload> {
    return {
      registration: await registrations.cancelEventRegistration(
        ctx,
        localId(input.registrationId, "EventRegistration"),
        input.reason,
      ),
      userErrors: [],
    };
  }

  @Mutation(() => CheckInTicketPayload, {
    description: "Staff scan a ticket; a second scan answers alreadyCheckedInAt instead of an error",
  })
  async checkInTicket(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CheckInTicketInput,
  ): Promise<CheckInTicketPayload> {
    const result = await registrations.checkInTicket(ctx, localId(input.eventId, "Event"), input.code);
    return { ...result, userErrors: [] };
  }

  @Mutation(() => SubmitEventSurveyPayload, { description: "A checked-in participant rates the event, once" })
  async submitEventSurvey(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: SubmitEventSurveyInput,
  ): Promise<SubmitEventSurveyPayload> {
    const response = await submitEventSurvey(ctx, localId(input.eventId, "Event"), input);
    return { response, userErrors: [] };
  }
}

@Resolver(() => CalendarFeed)
export class CalendarFeedResolver {
  @Mutation(() => CreateCalendarFeedPayload, {
    description: "The signed-in trainee's secret calendar URL: class sessions and registered events",
  })
  async createCalendarFeed(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: CreateCalendarFeedInput,
  ): Promise<CreateCalendarFeedPayload> {
    return { ...(await createCalendarFeed(ctx, input.reminderMinutes)), userErrors: [] };
  }

  @Mutation(() => RevokeCalendarFeedPayload, { description: "The feed's URL stops working at once" })
  async revokeCalendarFeed(
    @Ctx() ctx: RequestContext,
    @Arg("input") input: RevokeCalendarFeedInput,
  ): Promise<RevokeCalendarFeedPayload> {
    return { feed: await revokeCalendarFeed(ctx, localId(input.feedId, "CalendarFeed")), userErrors: [] };
  }
}

/** A trainee's events record, on the trainee (the person and staff). */
@Resolver(() => Trainee)
export class TraineeEventsResolver {
  @FieldResolver(() => EventRegistrationConnection, { description: "Event registrations, oldest first" })
  @Loads(Trainee)
  eventRegistrations(
    @Root() trainee: Trainee,
    @Ctx() ctx: RequestContext,
    @Args() page: ConnectionArgs,
    @Args() list: RegistrationListArgs,
  ) {
    if (ctx.viewer?.traineeId !== trainee.id) ctx.requireRole("STAFF");
    return ctx.load(
      registrationsByTrainee,
      nestedKey(trainee.id, page, list.status ? { column: "status", value: list.status } : null),
    );
  }

  @FieldResolver(() => [Event], { description: "Events checked in to, latest first" })
  @Loads(Trainee)
  async attendedEvents(
    @Root() trainee: Trainee,
    @Ctx() ctx: RequestContext,
    @Arg("kind", () => EventKindEnum, { nullable: true }) kind?: EventKind | null,
  ): Promise<Event[]> {
    if (ctx.viewer?.traineeId !== trainee.id) ctx.requireRole("STAFF");
    const attended = (await ctx.load(attendedEventsByTrainee, trainee.id))!;
    return kind ? attended.filter((e) => e.kind === kind) : attended;
  }

  @FieldResolver(() => Participation, { description: "Cohorts, salons, lectures and study activities taken part in" })
  @Loads(Trainee)
  participation(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    if (ctx.viewer?.traineeId !== trainee.id) ctx.requireRole("STAFF");
    return ctx.load(participationByTrainee, trainee.id);
  }

  @FieldResolver(() => CalendarFeed, { nullable: true, description: "The person's own calendar subscription" })
  @Loads(Trainee)
  calendarFeed(@Root() trainee: Trainee, @Ctx() ctx: RequestContext) {
    return ctx.viewer?.traineeId === trainee.id ? ctx.load(calendarFeedByTrainee, trainee.id) : null;
  }
}
