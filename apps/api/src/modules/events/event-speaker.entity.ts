import { Field, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";
import { SpeakerRoleEnum, type SpeakerRole } from "./event.enums";

@ObjectType({ implements: Node, description: "A speaker's part in one event" })
@Entity()
@Index(["eventId", "speakerId"], { unique: true })
@Index(["speakerId"])
export class EventSpeaker extends Node {
  @Column()
  eventId: number;

  @Column()
  speakerId: number;

  @Field(() => SpeakerRoleEnum)
  @Column({ type: "varchar", length: 8 })
  role: SpeakerRole;

  @Field(() => Int, { description: "Order on the programme, from 1" })
  @Column()
  position: number;
}
