import { registerEnumType } from "type-graphql";

export const EVENT_KINDS = ["SALON", "LECTURE", "STUDY_ACTIVITY"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const EVENT_STATUSES = ["DRAFT", "PUBLISHED", "CANCELLED"] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];
export const SPEAKER_ROLES = ["SPEAKER", "HOST", "GUEST"] as const;
export type SpeakerRole = (typeof SPEAKER_ROLES)[number];
export const REGISTRATION_STATUSES = ["REGISTERED", "WAITLISTED", "CANCELLED"] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const MATERIAL_KINDS = ["SLIDES", "LINK", "VIDEO", "DOCUMENT"] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];
export const EVENT_ORDERS = ["LATEST_FIRST", "EARLIEST_FIRST"] as const;
export type EventOrder = (typeof EVENT_ORDERS)[number];

/** How each series is called, for calendars and titles (the web app has its own translations). */
export const SERIES_NAMES: Record<EventKind, string> = {
  SALON: "作孚沙龙",
  LECTURE: "作孚讲堂",
  STUDY_ACTIVITY: "学讲做",
};

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const EventKindEnum = asEnum(EVENT_KINDS);
registerEnumType(EventKindEnum, {
  name: "EventKind",
  description: "作孚沙龙 (SALON), 作孚讲堂 (LECTURE) or a 学讲做 study activity",
});
export const EventStatusEnum = asEnum(EVENT_STATUSES);
registerEnumType(EventStatusEnum, {
  name: "EventStatus",
  description: "DRAFT is seen by staff only; PUBLISHED events are listed and take registrations in their window",
});
export const SpeakerRoleEnum = asEnum(SPEAKER_ROLES);
registerEnumType(SpeakerRoleEnum, { name: "SpeakerRole", description: "What a speaker does at an event" });
export const RegistrationStatusEnum = asEnum(REGISTRATION_STATUSES);
registerEnumType(RegistrationStatusEnum, {
  name: "RegistrationStatus",
  description: "REGISTERED holds a seat; WAITLISTED moves up when one frees",
});
export const MaterialKindEnum = asEnum(MATERIAL_KINDS);
registerEnumType(MaterialKindEnum, { name: "MaterialKind" });
export const EventOrderEnum = asEnum(EVENT_ORDERS);
registerEnumType(EventOrderEnum, { name: "EventOrder", description: "By start time" });
