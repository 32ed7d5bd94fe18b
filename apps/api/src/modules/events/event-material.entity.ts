import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";
import { MaterialKindEnum, type MaterialKind } from "./event.enums";

@ObjectType({
  implements: Node,
  description: "Slides or a link of an event: for its registrants once it starts, for everyone when public",
})
@Entity()
@Index(["eventId", "position"])
export class EventMaterial extends Node {
  @Column()
  eventId: number;

  @Field(() => MaterialKindEnum)
  @Column({ type: "varchar", length: 12 })
  kind: MaterialKind;

  @Field()
  @Column({ length: 200 })
  title: string;

  @Field()
  @Column({ length: 500 })
  url: string;

  @Field({ description: "Visible to everyone, not only to registrants" })
  @Column({ default: false })
  isPublic: boolean;

  @Field(() => Int)
  @Column()
  position: number;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
