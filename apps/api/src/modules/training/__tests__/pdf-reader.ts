import { inflateSync } from "node:zlib";

/**
 * Just enough of a PDF reader for pdfkit's output (no object streams, no xref streams): the text a
 * viewer would extract, through each font's ToUnicode map, and the rectangles drawn on the page.
 */
export interface PdfContents {
  text: string[];
  rects: { x: number; y: number; w: number; h: number }[];
  /** Dictionaries of every object, for annotations and metadata. */
  dicts: string[];
}

function parseToUnicode(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexText = (hex: string) =>
    String.fromCodePoint(...(hex.replace(/\s+/g, "").match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
      const [from, to] = [parseInt(m[1], 16), parseInt(m[2], 16)];
      if (m[3].startsWith("[")) {
        [...m[3].matchAll(/<([0-9a-fA-F\s]+)>/g)].forEach((v, i) => map.set(from + i, hexText(v[1])));
      } else {
        const base = parseInt(m[3].slice(1, -1), 16);
        for (let code = from; code <= to; code++) map.set(code, String.fromCodePoint(base + code - from));
      }
    }
  }
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(m[1], 16), hexText(m[2]));
  }
  return map;
}

export function readPdf(pdf: Buffer): PdfContents {
  const src = pdf.toString("latin1");
  const objects = new Map<number, { dict: string; data: Buffer | null }>();
  const header = /(\d+) 0 obj\s/g;
  for (let m = header.exec(src); m; m = header.exec(src)) {
    const start = header.lastIndex;
    const end = src.indexOf("endobj", start);
    const streamAt = src.indexOf("stream\n", start);
    if (streamAt >= 0 && streamAt < end) {
      const dict = src.slice(start, streamAt);
      const length = Number(/\/Length (\d+)/.exec(dict)![1]);
      const raw = pdf.subarray(streamAt + 7, streamAt + 7 + length);
      objects.set(Number(m[1]), { dict, data: dict.includes("/FlateDecode") ? inflateSync(raw) : raw });
      header.lastIndex = streamAt + 7 + length;
    } else {
      objects.set(Number(m[1]), { dict: src.slice(start, end), data: null });
      header.lastIndex = end;
    }
  }
  const ref = (dict: string, key: string) => Number(new RegExp(`/${key} (\\d+) 0 R`).exec(dict)?.[1]);
  const fonts = new Map<string, Map<number, string>>();
  const contents: string[] = [];
  for (const { dict } of objects.values()) {
    if (!/\/Type \/Page\b/.test(dict)) continue;
    const resources = objects.get(ref(dict, "Resources"))?.dict ?? dict;
    for (const f of (/\/Font <<([\s\S]*?)>>/.exec(resources)?.[1] ?? "").matchAll(/\/(\w+) (\d+) 0 R/g)) {
      const cmap = objects.get(ref(objects.get(Number(f[2]))!.dict, "ToUnicode"))?.data;
      fonts.set(f[1], cmap ? parseToUnicode(cmap.toString("latin1")) : new Map());
    }
    contents.push(objects.get(ref(dict, "Contents"))!.data!.toString("latin1"));
  }
  const text: string[] = [];
  const rects: PdfContents["rects"] = [];
  for (const content of contents) {
    let font = new Map<number, string>();
    const ops =
      /\/(\w+) [\d.]+ Tf|\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\] TJ|(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g;
    for (const op of content.matchAll(ops)) {
      if (op[1]) font = fonts.get(op[1]) ?? new Map();
      else if (op[2] !== undefined) {
        const glyphs = [...op[2].matchAll(/<([0-9a-fA-F]*)>/g)].flatMap((h) => h[1].match(/.{4}/g) ?? []);
        text.push(glyphs.map((g) => font.get(parseInt(g, 16)) ?? "\uFFFD").join(""));
      } else rects.push({ x: +op[3], y: +op[4], w: +op[5], h: +op[6] });
    }
  }
  return { text, rects, dicts: [...objects.values()].map((o) => o.dict) };
}
