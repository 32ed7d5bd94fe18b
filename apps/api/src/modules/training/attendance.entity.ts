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

@ObjectType({ implements: Node, description: "Whether one enrolled trainee attended one class session" })
@Entity()
@Index(["enrollmentId", "sessionId"], { unique: true })
@Index(["sessionId"])
export class Attendance extends Node {
  @Column()
  enrollmentId: number;

  @Column()
  sessionId: number;

  @Field()
  @Column()
  present: boolean;

  @Field(() => CheckInMethodEnum)
  @Column({ type: "varchar", length: 8 })
  method: CheckInMethod;

  @Field()
  @Column({ type: "datetime" })
  recordedAt: Date;
}
