import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * A judge's own affiliation, kept by staff whatever the judge's trainee profile says: one
 * enterprise or one chamber per row. Judge conflicts read them beside the trainee links.
 */
@Entity()
@Index(["userId", "enterpriseId"], { unique: true })
@Index(["userId", "chamberId"], { unique: true })
export class JudgeAffiliation {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  userId: number;

  @Column({ type: "int", nullable: true })
  enterpriseId: number | null;

  @Column({ type: "int", nullable: true })
  chamberId: number | null;

  @CreateDateColumn()
  createdAt: Date;
}
