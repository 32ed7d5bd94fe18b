import { Field, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, UpdateDateColumn } from "typeorm";
import type { Gender } from "@zuofu/shared";
import { Node } from "../../graphql/node";
import { GenderEnum } from "../../graphql/enums";

@ObjectType({ implements: Node, description: "A person trained by the Institute, usually an entrepreneur (学员)" })
@Entity()
export class Trainee extends Node {
  /** The account, once the person has registered; imported trainees may have none yet. */
  @Index({ unique: true })
  @Column({ type: "int", nullable: true })
  userId: number | null;

  @Field()
  @Index()
  @Column({ length: 64 })
  name: string;

  @Field(() => GenderEnum, { nullable: true })
  @Column({ type: "varchar", length: 8, nullable: true })
  gender: Gender | null;

  /** Read through the masking field resolver. */
  @Index()
  @Column({ type: "varchar", length: 20, nullable: true })
  phone: string | null;

  /** AES-256-GCM ciphertext of the ID-card number; never leaves the server as is. */
  @Column({ type: "varchar", length: 120, nullable: true })
  idCardEncrypted: string | null;

  /** Keyed hash of the ID-card number, for uniqueness and look-up. */
  @Index({ unique: true })
  @Column({ type: "varchar", length: 64, nullable: true })
  idCardHash: string | null;

  /** First six and last four characters, for display to those who may not see the whole number. */
  @Column({ type: "varchar", length: 18, nullable: true })
  idCardMasked: string | null;

  @Field(() => String, { nullable: true, description: "Position at the enterprise (职务)" })
  @Column({ type: "varchar", length: 64, nullable: true })
  position: string | null;

  @Index()
  @Column({ type: "int", nullable: true })
  enterpriseId: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;

  @UpdateDateColumn()
  updatedAt: Date;
}
