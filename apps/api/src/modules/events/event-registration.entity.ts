import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";
import type { WaitingLine } from "../capacity/seats";
import { RegistrationStatusEnum, type RegistrationStatus } from "./event.enums";

@ObjectType({ implements: Node, description: "A trainee's place at an event, with the ticket shown as a QR code" })
@Entity()
@Index(["eventId", "status", "id"])
@Index(["traineeId", "status"])
export class EventRegistration extends Node {
  @Column()
  eventId: number;

  @Column()
  traineeId: number;

  @Field(() => RegistrationStatusEnum)
  @Column({ type: "varchar", length: 12 })
  status: RegistrationStatus;

  /**
   * "eventId:traineeId" while the registration is active, NULL once cancelled: the unique index
   * lets the database refuse a second active registration, also under concurrent requests.
   */
  @Index({ unique: true })
  @Column({ type: "varchar", length: 40, nullable: true })
  activeSlot: string | null;

  /** Unguessable; read through the field resolver, which shows it to its holder and staff only. */
  @Index({ unique: true })
  @Column({ length: 32 })
  ticketCode: string;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  checkedInAt: Date | null;

  /** The staff user who scanned the ticket. */
  @Column({ type: "int", nullable: true })
  checkedInBy: number | null;

  @Field(() => Date, { nullable: true })
  @Column({ type: "datetime", nullable: true })
  cancelledAt: Date | null;

  @Field(() => String, { nullable: true, description: "Why it was cancelled" })
  @Column({ type: "varchar", length: 500, nullable: true })
  reason: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}

export const activeSlot = (eventId: number, traineeId: number) => `${eventId}:${traineeId}`;

/** An event's waiting list, for the shared seat helpers. */
export const WAITING_LINE: WaitingLine = {
  target: EventRegistration,
  parentProperty: "eventId",
  waiting: "WAITLISTED",
  seated: () => ({ status: "REGISTERED" }),
};
