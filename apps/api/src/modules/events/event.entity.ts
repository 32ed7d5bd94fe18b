import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import { Node } from "../../graphql/node";
import { EventKindEnum, EventStatusEnum, type EventKind, type EventStatus } from "./event.enums";

@ObjectType({ implements: Node, description: "A salon, lecture or study activity, numbered within its series (第N期)" })
@Entity()
@Index(["kind", "number"], { unique: true })
@Index(["status", "startsAt"])
@Index(["startsAt"])
export class Event extends Node {
  @Field(() => EventKindEnum)
  @Column({ type: "varchar", length: 16 })
  kind: EventKind;

  @Field(() => Int, { description: "Number within its series, shown as 第N期" })
  @Column()
  number: number;

  @Field()
  @Column({ length: 200 })
  title: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "text", nullable: true })
  summary: string | null;

  @Field()
  @Column({ type: "datetime" })
  startsAt: Date;

  @Field()
  @Column({ type: "datetime" })
  endsAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 200, nullable: true })
  venue: string | null;

  @Field(() => String, { nullable: true, description: "For online or hybrid events" })
  @Column({ type: "varchar", length: 500, nullable: true })
  onlineUrl: string | null;

  @Field(() => Int)
  @Column()
  capacity: number;

  @Field(() => Int, { description: "Registered trainees; never above capacity" })
  @Column({ default: 0 })
  seatsTaken: number;

  @Field(() => Date, { nullable: true, description: "Registration opens; null: as soon as published" })
  @Column({ type: "datetime", nullable: true })
  registrationOpensAt: Date | null;

  @Field(() => Date, { nullable: true, description: "Registration closes; null: when the event starts" })
  @Column({ type: "datetime", nullable: true })
  registrationClosesAt: Date | null;

  @Field(() => EventStatusEnum)
  @Column({ type: "varchar", length: 12 })
  status: EventStatus;

  @Field(() => String, { nullable: true, description: "Why it was cancelled" })
  @Column({ type: "varchar", length: 500, nullable: true })
  cancelReason: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @Field()
  @UpdateDateColumn()
  updatedAt: Date;
}

/** Registration is open while published, inside its window; the window closes at the start at the latest. */
export function registrationOpen(event: Event, now = new Date()): boolean {
  return (
    event.status === "PUBLISHED" &&
    (!event.registrationOpensAt || event.registrationOpensAt <= now) &&
    (event.registrationClosesAt ?? event.startsAt) > now
  );
}
