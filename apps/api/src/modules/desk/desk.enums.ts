import {
  CONTACT_REQUEST_STATUSES,
  type ContactRequestStatus,
  PROBLEM_CATEGORIES,
  PROBLEM_LEVELS,
  PROBLEM_RATINGS,
  PROBLEM_REPORTER_KINDS,
  PROBLEM_STATUSES,
  type ProblemCategory,
  type ProblemLevel,
  type ProblemRating,
  type ProblemReporterKind,
  type ProblemStatus,
} from "@zuofu/shared";
import { registerEnumType } from "type-graphql";

export const PROBLEM_EVENT_KINDS = [
  "REPORTED",
  "TRIAGED",
  "ASSIGNED",
  "TRANSFERRED",
  "STARTED",
  "NOTE",
  "ANSWERED",
  // the enterprise adds to what it reported (补充材料), with a note and/or attachments
  "SUPPLEMENTED",
  "RATED",
  "REOPENED",
  "ESCALATED",
  "SENT_BACK",
  "CLOSED",
] as const;
export type ProblemEventKind = (typeof PROBLEM_EVENT_KINDS)[number];

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ProblemCategoryEnum = asEnum<ProblemCategory>(PROBLEM_CATEGORIES);
registerEnumType(ProblemCategoryEnum, {
  name: "ProblemCategory",
  description:
    "办事 (ADMINISTRATION), 融资 (FINANCING), 用工 (EMPLOYMENT), 用地 (LAND), 转型升级 (TRANSFORMATION), 政策 (POLICY), other",
});
export const ProblemStatusEnum = asEnum<ProblemStatus>(PROBLEM_STATUSES);
registerEnumType(ProblemStatusEnum, {
  name: "ProblemStatus",
  description: "REPORTED → TRIAGED → ASSIGNED → IN_PROGRESS → ANSWERED → CLOSED; REOPENED after a NOT_SATISFIED rating",
});
export const ProblemLevelEnum = asEnum<ProblemLevel>(PROBLEM_LEVELS);
registerEnumType(ProblemLevelEnum, {
  name: "ProblemLevel",
  description:
    "Who holds the problem: the department (部门), the leader in charge (分管区领导) or the district head (区长)",
});
export const ProblemReporterKindEnum = asEnum<ProblemReporterKind>(PROBLEM_REPORTER_KINDS);
registerEnumType(ProblemReporterKindEnum, {
  name: "ProblemReporterKind",
  description: "Reported by the enterprise, by its commissioner after a visit, or by staff from a phone call",
});
export const ProblemRatingEnum = asEnum<ProblemRating>(PROBLEM_RATINGS);
registerEnumType(ProblemRatingEnum, { name: "ProblemRating", description: "满意 / 基本满意 / 不满意" });
export const ProblemEventKindEnum = asEnum(PROBLEM_EVENT_KINDS);
registerEnumType(ProblemEventKindEnum, { name: "ProblemEventKind", description: "One step of a problem's timeline" });
export const ContactRequestStatusEnum = asEnum<ContactRequestStatus>(CONTACT_REQUEST_STATUSES);
registerEnumType(ContactRequestStatusEnum, {
  name: "ContactRequestStatus",
  description: "PENDING until staff decide; CONFIRMED at once by a phone code to the enterprise's phone on file",
});
