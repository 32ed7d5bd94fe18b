import { Column, CreateDateColumn, Entity, Index } from "typeorm";
import { Node } from "../../graphql/node";

/** A key enterprise served by a resident service commissioner (亲清特使); one cadre serves several. */
@Entity()
@Index(["enterpriseId"], { unique: true })
@Index(["commissionerUserId"])
export class CommissionerAssignment extends Node {
  @Column()
  commissionerUserId: number;

  @Column()
  enterpriseId: number;

  @CreateDateColumn()
  createdAt: Date;
}
