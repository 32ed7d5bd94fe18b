import { Field, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { Node } from "../../graphql/node";

/**
 * A file that came with a problem's report or with a later note of the enterprise's: an image, a
 * PDF or an Office document, its type read from its bytes. The bytes are in ProblemAttachmentPart.
 */
@ObjectType({ implements: Node, description: "A file attached to a problem (an image, a PDF or an Office document)" })
@Entity()
@Index(["problemId", "id"])
@Index(["eventId"])
export class ProblemAttachment extends Node {
  @Column()
  problemId: number;

  /** The timeline step it came with (REPORTED, or the enterprise's SUPPLEMENTED note). */
  @Column()
  eventId: number;

  @Field({ description: "The file's name, its extension the one of the type found in its bytes" })
  @Column({ length: 200 })
  fileName: string;

  @Field({ description: "The type read from the file's first bytes, never from its name" })
  @Column({ length: 100 })
  contentType: string;

  @Field(() => Int, { description: "Bytes" })
  @Column()
  byteSize: number;

  /** SHA-256 of the bytes, hex: the download's ETag and a check on reassembly. */
  @Column({ length: 64 })
  sha256: string;

  @Column({ type: "int", nullable: true })
  uploadedBy: number | null;

  @Field()
  @CreateDateColumn()
  createdAt: Date;
}

/**
 * The bytes of an attachment in parts of at most ATTACHMENT_PART_BYTES (like GridFS chunks): a
 * BLOB column holds 64 kB on MariaDB and any size on SQLite, so one schema serves both, and a
 * download streams part by part instead of holding the whole file.
 */
@Entity()
@Index(["attachmentId", "position"], { unique: true })
export class ProblemAttachmentPart {
  @PrimaryGeneratedColumn()
  id: number;

  @Column()
  attachmentId: number;

  @Column()
  position: number;

  @Column({ type: "blob" })
  bytes: Buffer;
}
