import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** A signed-in device. The token itself is never stored, only its keyed hash. */
@Entity()
export class Session {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @Column()
  userId: number;

  @Index({ unique: true })
  @Column({ length: 64 })
  tokenHash: string;

  @CreateDateColumn()
  createdAt: Date;

  @Column({ type: "datetime" })
  lastUsedAt: Date;

  @Column({ type: "datetime" })
  expiresAt: Date;

  @Column({ type: "datetime", nullable: true })
  revokedAt: Date | null;
}
