import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({ implements: Node, description: "A checked-in participant's rating of an event, once" })
@Entity()
@Index(["eventId", "id"])
export class EventSurveyResponse extends Node {
  @Index({ unique: true })
  @Column()
  registrationId: number;

  @Column()
  eventId: number;

  @Field(() => Int, { description: "1 to 5" })
  @Column()
  rating: number;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 1000, nullable: true })
  comment: string | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
