import { inflateRawSync } from "node:zlib";

/**
 * What an uploaded XLSX (a zip archive) may unpack to. A 20,000-row import unpacks to about 10 MB
 * in 16 parts at about 10:1; a zip bomb unpacks a few kilobytes to gigabytes, at 1,000:1 and more.
 */
export const ARCHIVE_LIMITS = {
  maxUnpackedMb: 100,
  maxEntries: 1_000,
  /** Unpacked to compressed, for parts larger than `ratioFromBytes`; small parts may compress well. */
  maxRatio: 100,
  ratioFromBytes: 1024 * 1024,
} as const;

export type ArchiveCheck = "ok" | "unreadable" | "too-large";

interface Entry {
  method: number;
  compressed: number;
  unpacked: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

/** The end-of-central-directory record: the last 22 bytes, or before a comment of up to 65,535. */
function findEnd(bytes: Buffer): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (bytes.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}

/**
 * The central directory as the archive states it (zip64 included), or null when it does not add up.
 * A directory with more entries than allowed is not walked: only its count is given.
 */
function readDirectory(bytes: Buffer): { count: number; entries: Entry[] } | null {
  const end = findEnd(bytes);
  if (end < 0) return null;
  let count = bytes.readUInt16LE(end + 10);
  let offset = bytes.readUInt32LE(end + 16);
  if ((count === 0xffff || offset === MAX32) && end >= 20 && bytes.readUInt32LE(end - 20) === ZIP64_LOCATOR) {
    const record = Number(bytes.readBigUInt64LE(end - 12));
    if (record + 56 > bytes.length || bytes.readUInt32LE(record) !== ZIP64_EOCD) return null;
    count = Number(bytes.readBigUInt64LE(record + 32));
    offset = Number(bytes.readBigUInt64LE(record + 48));
  }
  if (count > ARCHIVE_LIMITS.maxEntries) return { count, entries: [] };
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    const entry: Entry = {
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      unpacked: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
    };
    // Zip64: sizes that do not fit 32 bits are in extra field 0x0001, in this order, only if marked.
    const extra = bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength);
    for (let x = 0; x + 4 <= extra.length; x += 4 + extra.readUInt16LE(x + 2)) {
      if (extra.readUInt16LE(x) !== 0x0001) continue;
      let field = x + 4;
      for (const key of ["unpacked", "compressed", "localOffset"] as const) {
        if (entry[key] !== MAX32) continue;
        if (field + 8 > extra.length) return null;
        entry[key] = Number(extra.readBigUInt64LE(field));
        field += 8;
      }
    }
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return { count, entries };
}

/**
 * Checks an XLSX upload before any parser opens it: the directory's entry count, unpacked size and
 * compression ratio; then each part is inflated once with its stated size as a hard cap, so an
 * archive whose directory understates what it holds is refused too (the parser trusts the data).
 */
export function checkArchive(bytes: Buffer): ArchiveCheck {
  const directory = readDirectory(bytes);
  if (!directory) return "unreadable";
  if (directory.count > ARCHIVE_LIMITS.maxEntries) return "too-large";
  const { entries } = directory;
  const unpacked = entries.reduce((sum, e) => sum + e.unpacked, 0);
  if (unpacked > ARCHIVE_LIMITS.maxUnpackedMb * 1024 * 1024) return "too-large";
  const ratioTooHigh = (e: Entry) =>
    e.unpacked > ARCHIVE_LIMITS.ratioFromBytes && e.unpacked > e.compressed * ARCHIVE_LIMITS.maxRatio;
  if (entries.some(ratioTooHigh)) return "too-large";
  for (const entry of entries) {
    const at = entry.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL) return "unreadable";
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + entry.compressed);
    if (data.length !== entry.compressed) return "unreadable";
    if (entry.method === 0) {
      if (entry.compressed !== entry.unpacked) return "too-large";
    } else if (entry.method === 8) {
      try {
        // One byte of room: more than that means the data holds more than the directory says.
        const out = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.unpacked + 1) });
        if (out.length > entry.unpacked) return "too-large";
      } catch (err) {
        return (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? "too-large" : "unreadable";
      }
    } else return "unreadable";
  }
  return "ok";
}
