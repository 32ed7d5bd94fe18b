import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

@ObjectType({
  implements: Node,
  description: "A district department (承办部门) that answers the problems assigned to it",
})
@Entity()
export class Department extends Node {
  @Field()
  @Index({ unique: true })
  @Column({ length: 64 })
  name: string;

  /** The leader in charge (分管区领导) who takes the department's escalated problems. */
  @Index()
  @Column({ type: "int", nullable: true })
  leaderUserId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}

/** A user who answers problems for a department (role DEPARTMENT_HANDLER). */
@Entity()
@Index(["userId", "departmentId"], { unique: true })
@Index(["departmentId"])
export class DepartmentHandler extends Node {
  @Column()
  userId: number;

  @Column()
  departmentId: number;
}

/**
 * A user who speaks for an enterprise at the desk (role ENTERPRISE_CONTACT): confirmed by staff or by
 * a code to the enterprise's phone on file (EnterpriseContactRequest); staff may remove it.
 */
@ObjectType({ implements: Node, description: "A person who speaks for an enterprise at the service desk (企业联络人)" })
@Entity()
@Index(["userId", "enterpriseId"], { unique: true })
@Index(["enterpriseId"])
export class EnterpriseContact extends Node {
  @Column()
  userId: number;

  @Column()
  enterpriseId: number;
}
