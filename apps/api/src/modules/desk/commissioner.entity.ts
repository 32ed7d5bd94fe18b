import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

/**
 * A key enterprise served by a resident service commissioner (亲清特使); one cadre serves several.
 * Ended assignments stay as the enterprise's history.
 */
@ObjectType({
  implements: Node,
  description: "A cadre serving a key enterprise as its commissioner (亲清特使), current or past",
})
@Entity()
@Index(["enterpriseId", "current"], { unique: true })
@Index(["commissionerUserId", "current"])
@Index(["current", "lastVisitOn"])
export class CommissionerAssignment extends Node {
  @Column()
  commissionerUserId: number;

  @Column()
  enterpriseId: number;

  /**
   * True while current, NULL once ended: the unique index (enterprise, current) allows one current
   * commissioner and any number of past ones (NULLs never collide, in SQLite, MySQL and TiDB alike).
   */
  @Column({ type: "boolean", nullable: true })
  current: boolean | null;

  /** The enterprise's latest visit (by any commissioner) when this assignment began or since: coverage reads it. */
  @Field(() => String, { nullable: true, description: "The enterprise's latest visit (YYYY-MM-DD, Beijing)" })
  @Column({ type: "date", nullable: true })
  lastVisitOn: string | null;

  @Column({ type: "int", nullable: true })
  assignedBy: number | null;

  @Field({ name: "startedAt" })
  @CreateDateColumn()
  createdAt: Date;

  @Field(() => Date, {
    nullable: true,
    description: "When another commissioner took over, or the enterprise was let go",
  })
  @Column({ type: "datetime", nullable: true })
  endedAt: Date | null;
}

/** A commissioner's visit to a key enterprise they serve (走访). */
@ObjectType({ implements: Node, description: "A commissioner's visit (走访) to a key enterprise" })
@Entity()
@Index(["enterpriseId", "visitedOn"])
@Index(["commissionerUserId", "visitedOn"])
export class Visit extends Node {
  @Column()
  enterpriseId: number;

  @Column()
  commissionerUserId: number;

  @Field({ description: "The day of the visit in Beijing (YYYY-MM-DD)" })
  @Column({ type: "date" })
  visitedOn: string;

  @Field({ description: "Whom the commissioner met (names, positions)" })
  @Column({ length: 200 })
  met: string;

  @Field({ description: "What was found" })
  @Column({ type: "varchar", length: 2000 })
  findings: string;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}
