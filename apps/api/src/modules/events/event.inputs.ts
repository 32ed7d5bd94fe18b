import { ArgsType, Field, ID, InputType, Int, ObjectType } from "type-graphql";
import { UserError } from "../../graphql/errors";
import { MaxLen } from "../../graphql/validation";
import { CalendarFeed } from "./calendar-feed.entity";
import { Event } from "./event.entity";
import { EventMaterial } from "./event-material.entity";
import { EventRegistration } from "./event-registration.entity";
import { EventSurveyResponse } from "./event-survey-response.entity";
import { Speaker } from "./speaker.entity";
import {
  EventKindEnum,
  EventStatusEnum,
  MaterialKindEnum,
  RegistrationStatusEnum,
  SpeakerRoleEnum,
  type EventKind,
  type EventStatus,
  type MaterialKind,
  type RegistrationStatus,
  type SpeakerRole,
} from "./event.enums";

@InputType()
export class EventFieldsInput {
  @Field(() => Int, { nullable: true, description: "Defaults to the series' next number" }) number?: number | null;
  @Field({ nullable: true }) @MaxLen(200) title?: string;
  @Field(() => String, { nullable: true }) summary?: string | null;
  @Field({ nullable: true }) startsAt?: Date;
  @Field({ nullable: true }) endsAt?: Date;
  @Field(() => String, { nullable: true, description: "A venue, an online link, or both" })
  @MaxLen(200)
  venue?: string | null;
  @Field(() => String, { nullable: true }) @MaxLen(500) onlineUrl?: string | null;
  @Field(() => Int, { nullable: true }) capacity?: number;
  @Field(() => Date, { nullable: true }) registrationOpensAt?: Date | null;
  @Field(() => Date, { nullable: true }) registrationClosesAt?: Date | null;
}
@InputType()
export class CreateEventInput extends EventFieldsInput {
  @Field(() => EventKindEnum) kind: EventKind;
  @Field() @MaxLen(200) declare title: string;
}
@InputType()
export class UpdateEventInput extends EventFieldsInput {
  @Field(() => ID) eventId: string;
}
@ObjectType()
export class CreateEventPayload {
  @Field(() => Event, { nullable: true }) event?: Event;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateEventPayload {
  @Field(() => Event, { nullable: true }) event?: Event;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class ChangeEventStatusInput {
  @Field(() => ID) eventId: string;
  @Field(() => EventStatusEnum) status: EventStatus;
  @Field(() => String, { nullable: true, description: "Required to cancel; registrants see it" })
  @MaxLen(500)
  reason?: string | null;
}
@ObjectType()
export class ChangeEventStatusPayload {
  @Field(() => Event, { nullable: true }) event?: Event;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class EventFilter {
  @Field(() => EventKindEnum, { nullable: true }) kind?: EventKind;
  @Field(() => Date, { nullable: true, description: "Events starting at or after this time" }) from?: Date;
  @Field(() => Date, { nullable: true, description: "Events starting before this time" }) to?: Date;
  @Field(() => EventStatusEnum, { nullable: true }) status?: EventStatus;
  @Field({ nullable: true, description: "Published, inside the registration window now" })
  openForRegistration?: boolean;
}

@InputType()
export class SpeakerFieldsInput {
  @Field({ nullable: true }) @MaxLen(64) name?: string;
  @Field(() => String, { nullable: true }) @MaxLen(100) title?: string | null;
  @Field(() => String, { nullable: true }) @MaxLen(200) organization?: string | null;
  @Field(() => ID, { nullable: true, description: "The enterprise the speaker represents" })
  enterpriseId?: string | null;
  @Field(() => String, { nullable: true }) bio?: string | null;
  @Field(() => String, { nullable: true }) @MaxLen(500) photoUrl?: string | null;
}
@InputType()
export class CreateSpeakerInput extends SpeakerFieldsInput {
  @Field() @MaxLen(64) declare name: string;
}
@InputType()
export class UpdateSpeakerInput extends SpeakerFieldsInput {
  @Field(() => ID) speakerId: string;
}
@ObjectType()
export class CreateSpeakerPayload {
  @Field(() => Speaker, { nullable: true }) speaker?: Speaker;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateSpeakerPayload {
  @Field(() => Speaker, { nullable: true }) speaker?: Speaker;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class EventSpeakerInput {
  @Field(() => ID) speakerId: string;
  @Field(() => SpeakerRoleEnum, { defaultValue: "SPEAKER" }) role: SpeakerRole;
}
@InputType()
export class SetEventSpeakersInput {
  @Field(() => ID) eventId: string;
  @Field(() => [EventSpeakerInput], { description: "The whole programme, in order; replaces the previous one" })
  speakers: EventSpeakerInput[];
}
@ObjectType()
export class SetEventSpeakersPayload {
  @Field(() => Event, { nullable: true }) event?: Event;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class RegisterForEventInput {
  @Field(() => ID) eventId: string;
}
@ObjectType()
export class RegisterForEventPayload {
  @Field(() => EventRegistration, { nullable: true }) registration?: EventRegistration;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class CancelEventRegistrationInput {
  @Field(() => ID) registrationId: string;
  @Field(() => String, { nullable: true }) @MaxLen(500) reason?: string | null;
}
@ObjectType()
export class CancelEventRegistrationPayload {
  @Field(() => EventRegistration, { nullable: true }) registration?: EventRegistration;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class CheckInTicketInput {
  @Field(() => ID, { description: "The event being admitted to" }) eventId: string;
  @Field({ description: "The ticket code read from the QR code" }) @MaxLen(64) code: string;
}
@ObjectType()
export class CheckInTicketPayload {
  @Field(() => EventRegistration, { nullable: true }) registration?: EventRegistration;
  @Field(() => Date, {
    nullable: true,
    description: "Set when the ticket had been scanned before: already checked in, at this time",
  })
  alreadyCheckedInAt?: Date | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ArgsType()
export class RegistrationListArgs {
  @Field(() => RegistrationStatusEnum, { nullable: true }) status?: RegistrationStatus;
}

@InputType()
export class AddEventMaterialInput {
  @Field(() => ID) eventId: string;
  @Field(() => MaterialKindEnum, { defaultValue: "LINK" }) kind: MaterialKind;
  @Field() @MaxLen(200) title: string;
  @Field() @MaxLen(500) url: string;
  @Field({ defaultValue: false, description: "Visible to everyone, not only registrants" })
  isPublic: boolean;
}
@InputType()
export class UpdateEventMaterialInput {
  @Field(() => ID) materialId: string;
  @Field(() => MaterialKindEnum, { nullable: true }) kind?: MaterialKind;
  @Field({ nullable: true }) @MaxLen(200) title?: string;
  @Field({ nullable: true }) @MaxLen(500) url?: string;
  @Field({ nullable: true }) isPublic?: boolean;
}
@InputType()
export class DeleteEventMaterialInput {
  @Field(() => ID) materialId: string;
}
@ObjectType()
export class AddEventMaterialPayload {
  @Field(() => EventMaterial, { nullable: true }) material?: EventMaterial;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class UpdateEventMaterialPayload {
  @Field(() => EventMaterial, { nullable: true }) material?: EventMaterial;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType()
export class DeleteEventMaterialPayload {
  @Field(() => Event, { nullable: true }) event?: Event | null;
  @Field(() => [UserError]) userErrors: UserError[];
}

@InputType()
export class SubmitEventSurveyInput {
  @Field(() => ID) eventId: string;
  @Field(() => Int, { description: "1 to 5" }) rating: number;
  @Field(() => String, { nullable: true }) @MaxLen(1000) comment?: string | null;
}
@ObjectType()
export class SubmitEventSurveyPayload {
  @Field(() => EventSurveyResponse, { nullable: true }) response?: EventSurveyResponse;
  @Field(() => [UserError]) userErrors: UserError[];
}
@ObjectType({ description: "An event's survey results (staff)" })
export class EventSurveySummary {
  @Field(() => Int) count: number;
  @Field(() => Number, { nullable: true }) averageRating: number | null;
  @Field(() => [Int], { description: "Responses per rating, from 1 star to 5 stars" }) ratingCounts: number[];
}

@InputType()
export class CreateCalendarFeedInput {
  @Field(() => Int, {
    defaultValue: 60,
    description: "Minutes before each entry at which the reminder fires (0 to 10080)",
  })
  reminderMinutes: number;
}
@ObjectType()
export class CreateCalendarFeedPayload {
  @Field(() => CalendarFeed, { nullable: true }) feed?: CalendarFeed;
  @Field(() => String, {
    nullable: true,
    description: "The secret feed path (/calendar/<token>.ics), shown only now; a former one stops working",
  })
  path?: string;
  @Field(() => [UserError]) userErrors: UserError[];
}
@InputType()
export class RevokeCalendarFeedInput {
  @Field(() => ID) feedId: string;
}
@ObjectType()
export class RevokeCalendarFeedPayload {
  @Field(() => CalendarFeed, { nullable: true }) feed?: CalendarFeed;
  @Field(() => [UserError]) userErrors: UserError[];
}

@ObjectType({ description: "What a trainee took part in: cohorts, and events checked in to" })
export class Participation {
  @Field(() => Int, { description: "Cohorts that have started, as enrolled or completed" }) cohorts: number;
  @Field(() => Int, { description: "作孚沙龙 attended" }) salons: number;
  @Field(() => Int, { description: "作孚讲堂 attended" }) lectures: number;
  @Field(() => Int, { description: "学讲做 study activities attended" }) studyActivities: number;
}
