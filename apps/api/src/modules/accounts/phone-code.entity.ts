import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import type { PhoneCodePurpose } from "@zuofu/shared";

/**
 * One six-digit code sent (or, for a phone with no account, only made) for one purpose. Neither the
 * phone nor the code is stored: only keyed hashes, so a dump of this table proves nothing.
 */
@Entity()
@Index(["phoneHash", "purpose"])
export class PhoneCode {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ length: 64 })
  phoneHash: string;

  @Column({ type: "varchar", length: 16 })
  purpose: PhoneCodePurpose;

  /** Keyed hash of phone, purpose and code together: a code proves nothing for another phone or purpose. */
  @Column({ length: 64 })
  codeHash: string;

  /** Checks made against this code, counted before each check. */
  @Column({ type: "int", default: 0 })
  attempts: number;

  @Index()
  @Column({ type: "datetime" })
  expiresAt: Date;

  @Column({ type: "datetime", nullable: true })
  consumedAt: Date | null;

  @CreateDateColumn()
  createdAt: Date;
}
