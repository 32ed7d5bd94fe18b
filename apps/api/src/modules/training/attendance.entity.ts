import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

export const CHECK_IN_METHODS = ["STAFF", "QR"] as const;
export type CheckInMethod = (typeof CHECK_IN_METHODS)[number];
export const CheckInMethodEnum = Object.fromEntries(CHECK_IN_METHODS.map((m) => [m, m])) as Record<
  CheckInMethod,
  CheckInMethod
>;
registerEnumType(CheckInMethodEnum, { name: "CheckInMethod" });

/**
 * 出勤 / 迟到 / 请假 / 缺勤. Late counts as attended; excused leave is recorded (and may be given
 * before the session) but counts as not attended, like an absence: the completion threshold is
 * the allowance for both, so leave cannot lift a trainee over it.
 */
export const ATTENDANCE_STATUSES = ["PRESENT", "LATE", "LEAVE", "ABSENT"] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];
export const AttendanceStatusEnum = Object.fromEntries(ATTENDANCE_STATUSES.map((m) => [m, m])) as Record<
  AttendanceStatus,
  AttendanceStatus
>;
registerEnumType(AttendanceStatusEnum, { name: "AttendanceStatus" });
/** The statuses that count towards the attendance rate. */
export const ATTENDED: readonly AttendanceStatus[] = ["PRESENT", "LATE"];

@ObjectType({ implements: Node, description: "Whether one enrolled trainee attended one class session" })
@Entity()
@Index(["enrollmentId", "sessionId"], { unique: true })
@Index(["sessionId"])
export class Attendance extends Node {
  @Column()
  enrollmentId: number;

  @Column()
  sessionId: number;

  @Field({ description: "Counts as attended: PRESENT or LATE" })
  @Column()
  present: boolean;

  @Field(() => AttendanceStatusEnum)
  @Column({ type: "varchar", length: 8, default: "ABSENT" })
  status: AttendanceStatus;

  @Field(() => CheckInMethodEnum)
  @Column({ type: "varchar", length: 8 })
  method: CheckInMethod;

  @Field()
  @Column({ type: "datetime" })
  recordedAt: Date;
}
