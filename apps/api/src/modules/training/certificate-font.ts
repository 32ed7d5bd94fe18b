import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";

const FONT_FILES = {
  regular: "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-400-normal.woff",
  bold: "@fontsource/noto-sans-sc/files/noto-sans-sc-chinese-simplified-700-normal.woff",
} as const;

/**
 * WOFF 1.0 to a plain TrueType/OpenType file: the same tables, inflated, behind an sfnt directory.
 * fontkit inflates a WOFF table again on every glyph it reads, which made one certificate take
 * 6-9 s; from the plain font it renders in about 30 ms.
 */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.toString("latin1", 0, 4) !== "wOFF") throw new Error("not a WOFF 1.0 font");
  const numTables = woff.readUInt16BE(12);
  const head = Buffer.alloc(12 + 16 * numTables);
  head.writeUInt32BE(woff.readUInt32BE(4), 0);
  head.writeUInt16BE(numTables, 4);
  // searchRange, entrySelector and rangeShift only speed up a binary search; fontkit does not read them.
  const bodies: Buffer[] = [];
  let offset = head.length;
  for (let i = 0; i < numTables; i++) {
    const entry = 44 + i * 20;
    const start = woff.readUInt32BE(entry + 4);
    const compressed = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const raw = woff.subarray(start, start + compressed);
    const table = compressed < length ? inflateSync(raw) : raw;
    if (table.length !== length) throw new Error("WOFF table length mismatch");
    woff.copy(head, 12 + i * 16, entry, entry + 4);
    head.writeUInt32BE(woff.readUInt32BE(entry + 16), 12 + i * 16 + 4);
    head.writeUInt32BE(offset, 12 + i * 16 + 8);
    head.writeUInt32BE(length, 12 + i * 16 + 12);
    const padded = Buffer.alloc((length + 3) & ~3);
    table.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  }
  return Buffer.concat([head, ...bodies]);
}

const cache = new Map<keyof typeof FONT_FILES, Buffer>();

/** Noto Sans SC (simplified Chinese subset with Latin), converted once per process. */
export function certificateFont(weight: keyof typeof FONT_FILES): Buffer {
  let font = cache.get(weight);
  if (!font) {
    font = woffToSfnt(readFileSync(require.resolve(FONT_FILES[weight])));
    cache.set(weight, font);
  }
  return font;
}
