import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/**
 * One mutation request made with an `Idempotency-Key` header: claimed by a unique insert before it
 * runs, then holding its answer so that a retry gets the same answer and changes nothing more.
 */
@Entity()
@Index(["scope", "clientKey"], { unique: true })
export class IdempotencyKey {
  @PrimaryGeneratedColumn()
  id: number;

  /** Whose key it is: user:<id>, apikey:<id> or anon:<ip>; two callers never share a key. */
  @Column({ length: 80 })
  scope: string;

  @Column({ length: 128 })
  clientKey: string;

  /** SHA-256 of the operation and its variables: the same key must come with the same input. */
  @Column({ length: 64 })
  requestHash: string;

  /** When the running request claimed the key; a claim older than the lease was left by a dead process. */
  @Column({ type: "datetime" })
  claimedAt: Date;

  @Index()
  @Column({ type: "datetime" })
  expiresAt: Date;

  /** Null while the first request is still running. */
  @Column({ type: "int", nullable: true })
  responseStatus: number | null;

  @Column({ type: "text", nullable: true })
  responseBody: string | null;
}
