import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** An enterprise's membership in a chamber; an enterprise may belong to several. */
@Entity()
@Index(["chamberId", "enterpriseId"], { unique: true })
export class ChamberMembership {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  chamberId: number;

  @Index()
  @Column()
  enterpriseId: number;

  @CreateDateColumn()
  createdAt: Date;
}
