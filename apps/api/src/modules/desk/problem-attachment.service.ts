import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { In } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { toGlobalId } from "../../graphql/ids";
import { LIMITS } from "../../graphql/limits";
import { ProblemAttachment, ProblemAttachmentPart } from "./problem-attachment.entity";

/** A BLOB column on MariaDB holds 65,535 bytes: each part stays below. */
export const ATTACHMENT_PART_BYTES = 60_000;

/** A download link works this long, like the exports' and certificates': enough to click, too short to share. */
export const ATTACHMENT_LINK_TTL_SECONDS = 600;

/** A file as the client sends it: inside the mutation, as base64 (a data: URL is accepted), like the imports. */
export interface AttachmentUpload {
  fileName: string;
  contentBase64: string;
}

/** An upload that passed every check, ready to store. */
export interface CheckedFile {
  fileName: string;
  contentType: string;
  bytes: Buffer;
}

interface Kind {
  contentType: string;
  extension: string;
}

const ascii = (bytes: Buffer, start: number, text: string) =>
  bytes.length >= start + text.length && bytes.subarray(start, start + text.length).toString("latin1") === text;
const utf16 = (bytes: Buffer, text: string) => bytes.includes(Buffer.from(text, "utf16le"));

/** The names inside a ZIP archive, read from its central directory; null when it is not one. */
function zipEntryNames(bytes: Buffer): string[] | null {
  const from = Math.max(0, bytes.length - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.length - 22; i >= from; i--)
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  if (end < 0) return null;
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    names.push(bytes.subarray(at + 46, at + 46 + nameLength).toString("utf8"));
    at += 46 + nameLength + skip;
  }
  return names;
}

const OOXML: Record<string, Kind> = {
  "word/": {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extension: "docx",
  },
  "xl/": { contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" },
  "ppt/": {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    extension: "pptx",
  },
};

/**
 * What a file is, by its first bytes (magic numbers), never by its name: JPEG, PNG, GIF, WebP and
 * HEIC images, PDF, and Office documents (Word, Excel, PowerPoint; the OOXML ones without macros,
 * the old binary ones by their main stream). Null for anything else, including archives, scripts,
 * programs and HTML or SVG (which a browser would run).
 */
export function sniffAttachment(bytes: Buffer): Kind | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return { contentType: "image/jpeg", extension: "jpg" };
  if (ascii(bytes, 0, "\x89PNG\r\n\x1a\n")) return { contentType: "image/png", extension: "png" };
  if (ascii(bytes, 0, "GIF87a") || ascii(bytes, 0, "GIF89a")) return { contentType: "image/gif", extension: "gif" };
  if (ascii(bytes, 0, "RIFF") && ascii(bytes, 8, "WEBP")) return { contentType: "image/webp", extension: "webp" };
  if (ascii(bytes, 4, "ftyp") && ["heic", "heix", "heim", "heis", "mif1"].some((b) => ascii(bytes, 8, b)))
    return { contentType: "image/heic", extension: "heic" };
  if (ascii(bytes, 0, "%PDF-")) return { contentType: "application/pdf", extension: "pdf" };
  if (ascii(bytes, 0, "PK\x03\x04")) {
    const names = zipEntryNames(bytes);
    if (!names?.includes("[Content_Types].xml") || names.some((n) => /vbaProject\.bin$/i.test(n))) return null;
    const prefix = Object.keys(OOXML).find((p) => names.some((n) => n.startsWith(p)));
    return prefix ? OOXML[prefix] : null;
  }
  if (bytes.length >= 512 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1) {
    if (utf16(bytes, "WordDocument")) return { contentType: "application/msword", extension: "doc" };
    if (utf16(bytes, "Workbook")) return { contentType: "application/vnd.ms-excel", extension: "xls" };
    if (utf16(bytes, "PowerPoint Document")) return { contentType: "application/vnd.ms-powerpoint", extension: "ppt" };
  }
  return null;
}

/** The name to store and offer: no folders or control characters, and the extension of what the bytes are. */
export function attachmentName(raw: string, extension: string): string {
  const base =
    (raw ?? "")
      .split(/[\\/]/)
      .pop()!
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u001f\u007f"<>|:*?]/g, "")
      .trim()
      .replace(/\.[A-Za-z0-9]{1,8}$/, "")
      .slice(0, 180) || "附件";
  return `${base}.${extension}`;
}

const MB = 1024 * 1024;

/**
 * Checks uploads before anything is stored: how many the problem may still take, each one's size
 * (from its base64 length, before decoding) and its type (from its bytes). The first refusal fails
 * the whole mutation, so a refused file leaves nothing behind.
 */
export function checkUploads(uploads: AttachmentUpload[] | null | undefined, alreadyStored = 0): CheckedFile[] {
  const list = uploads ?? [];
  const max = LIMITS.maxAttachmentsPerProblem;
  if (alreadyStored + list.length > max) fail("TOO_MANY_ATTACHMENTS", "attachments", { max });
  return list.map((upload) => {
    const name = (upload.fileName ?? "").split(/[\\/]/).pop()!.slice(0, 100) || "?";
    const base64 = (upload.contentBase64 ?? "").replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
    if (Math.floor((base64.length * 3) / 4) > LIMITS.maxAttachmentBytes + 2)
      fail("ATTACHMENT_TOO_LARGE", "attachments", { name, max: LIMITS.maxAttachmentBytes / MB });
    if (!base64 || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) fail("ATTACHMENT_UNREADABLE", "attachments", { name });
    const bytes = Buffer.from(base64, "base64");
    if (bytes.length > LIMITS.maxAttachmentBytes)
      fail("ATTACHMENT_TOO_LARGE", "attachments", { name, max: LIMITS.maxAttachmentBytes / MB });
    if (!bytes.length) fail("ATTACHMENT_UNREADABLE", "attachments", { name });
    const kind = sniffAttachment(bytes);
    if (!kind) fail("ATTACHMENT_TYPE_FORBIDDEN", "attachments", { name });
    return { fileName: attachmentName(upload.fileName, kind.extension), contentType: kind.contentType, bytes };
  });
}

/** How many files the problem has, counted in the caller's transaction (the problem's row is locked on MariaDB). */
export const attachmentCount = (tx: RequestContext, problemId: number) =>
  tx.em.countBy(ProblemAttachment, { problemId });

/** Stores checked files with the timeline step they came with, in the caller's transaction. */
export async function storeAttachments(
  tx: RequestContext,
  problemId: number,
  eventId: number,
  files: CheckedFile[],
): Promise<void> {
  for (const file of files) {
    const { identifiers } = await tx.em.insert(ProblemAttachment, {
      problemId,
      eventId,
      fileName: file.fileName,
      contentType: file.contentType,
      byteSize: file.bytes.length,
      sha256: createHash("sha256").update(file.bytes).digest("hex"),
      uploadedBy: tx.viewer?.userId ?? null,
    });
    const attachmentId = Number(identifiers[0].id);
    const parts = [];
    for (let at = 0, position = 0; at < file.bytes.length; at += ATTACHMENT_PART_BYTES, position++)
      parts.push({ attachmentId, position, bytes: file.bytes.subarray(at, at + ATTACHMENT_PART_BYTES) });
    // A few parts per statement: a statement stays far below MariaDB's max_allowed_packet.
    for (let i = 0; i < parts.length; i += 8) await tx.em.insert(ProblemAttachmentPart, parts.slice(i, i + 8));
  }
}

/** The bytes of an attachment, part by part, in order. */
export async function* attachmentBytes(ctx: RequestContext, attachmentId: number): AsyncGenerator<Buffer> {
  const ids = await ctx.em.find(ProblemAttachmentPart, {
    select: { id: true },
    where: { attachmentId },
    order: { position: "ASC" },
  });
  for (let i = 0; i < ids.length; i += 8) {
    const parts = await ctx.em.find(ProblemAttachmentPart, {
      where: { id: In(ids.slice(i, i + 8).map((p) => p.id)) },
      order: { position: "ASC" },
    });
    for (const part of parts) yield Buffer.from(part.bytes);
  }
}

/** Who a link was signed for: a user (u) or a partner's API key (k); rights are checked again on download. */
export type LinkHolder = { userId: number } | { apiKeyId: number };

const holderText = (h: LinkHolder) => ("userId" in h ? `u${h.userId}` : `k${h.apiKeyId}`);

function signature(secret: string, attachmentId: number, holder: string, exp: number): string {
  return createHmac("sha256", secret).update(`attachment:${attachmentId}:${holder}:${exp}`).digest("base64url");
}

/** A signed download path for this caller alone: browsers follow plain links without the Authorization header. */
export function attachmentPath(secret: string, attachmentId: number, holder: LinkHolder, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + ATTACHMENT_LINK_TTL_SECONDS;
  const h = holderText(holder);
  const query = new URLSearchParams({ h, exp: String(exp), sig: signature(secret, attachmentId, h, exp) });
  return `/attachments/${toGlobalId("ProblemAttachment", attachmentId)}?${query}`;
}

/** Whom a link this server signed for this attachment stands for, or null (forged, altered or expired). */
export function readAttachmentLink(
  secret: string,
  attachmentId: number,
  query: Record<string, unknown>,
  now = Date.now(),
): LinkHolder | null {
  const { h, exp, sig } = query;
  if (typeof h !== "string" || !/^[uk]\d{1,12}$/.test(h)) return null;
  if (typeof exp !== "string" || !/^\d{1,12}$/.test(exp)) return null;
  if (typeof sig !== "string" || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
  const expected = Buffer.from(signature(secret, attachmentId, h, Number(exp)));
  if (!timingSafeEqual(expected, Buffer.from(sig))) return null;
  const seconds = now / 1000;
  if (Number(exp) < seconds || Number(exp) > seconds + ATTACHMENT_LINK_TTL_SECONDS) return null;
  const id = Number(h.slice(1));
  return h[0] === "u" ? { userId: id } : { apiKeyId: id };
}
