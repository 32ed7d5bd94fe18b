import { registerEnumType } from "type-graphql";

const asEnum = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const TRAINEE_ENTERPRISE_LINK_STATUSES = ["PENDING", "CONFIRMED", "REJECTED", "WITHDRAWN"] as const;
export type TraineeEnterpriseLinkStatus = (typeof TRAINEE_ENTERPRISE_LINK_STATUSES)[number];
export const TraineeEnterpriseLinkStatusEnum = asEnum(TRAINEE_ENTERPRISE_LINK_STATUSES);
registerEnumType(TraineeEnterpriseLinkStatusEnum, {
  name: "TraineeEnterpriseLinkStatus",
  description:
    "PENDING: claimed by the trainee, waiting for staff; CONFIRMED: on the record (current while validTo is null); REJECTED by staff; WITHDRAWN by a later change of the trainee's",
});

export const TRAINEE_ENTERPRISE_LINK_SOURCES = ["SELF", "STAFF", "IMPORT"] as const;
export type TraineeEnterpriseLinkSource = (typeof TRAINEE_ENTERPRISE_LINK_SOURCES)[number];
export const TraineeEnterpriseLinkSourceEnum = asEnum(TRAINEE_ENTERPRISE_LINK_SOURCES);
registerEnumType(TraineeEnterpriseLinkSourceEnum, {
  name: "TraineeEnterpriseLinkSource",
  description: "SELF: the trainee's own claim; STAFF: set by staff; IMPORT: from a roster import or the records",
});
