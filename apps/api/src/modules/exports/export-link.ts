import { createHmac, timingSafeEqual } from "node:crypto";
import type { Locale } from "@zuofu/shared";
import { kindSlug, type ExportFormat, type ExportKind } from "./export.enums";

/** A download link works this long: enough to click, too short to be worth sharing. */
export const EXPORT_LINK_TTL_SECONDS = 600;

/** What an export link carries: which table, for whom (rights are checked again on download), in which language. */
export interface ExportRequest {
  kind: ExportKind;
  format: ExportFormat;
  /** Local ids and filters, e.g. `{ cohortId: 12 }`. */
  params: Record<string, number>;
  userId: number;
  locale: Locale;
}

function signature(secret: string, payload: string): string {
  return createHmac("sha256", secret).update(`export:${payload}`).digest("base64url");
}

const payloadOf = (r: ExportRequest, exp: number) =>
  [r.kind, r.format, JSON.stringify(r.params), r.userId, r.locale, exp].join("|");

/** A signed path: browsers follow plain links without the Authorization header. */
export function exportPath(secret: string, request: ExportRequest, now = Date.now()): string {
  const exp = Math.floor(now / 1000) + EXPORT_LINK_TTL_SECONDS;
  const query = new URLSearchParams({
    p: Buffer.from(JSON.stringify(request.params)).toString("base64url"),
    u: String(request.userId),
    l: request.locale,
    exp: String(exp),
    sig: signature(secret, payloadOf(request, exp)),
  });
  return `/exports/${kindSlug(request.kind)}.${request.format.toLowerCase()}?${query}`;
}

/** The request a link this server signed stands for, or null (forged, altered or expired). */
export function readExportLink(
  secret: string,
  kind: ExportKind,
  format: ExportFormat,
  query: Record<string, unknown>,
  now = Date.now(),
): ExportRequest | null {
  const { p, u, l, exp, sig } = query;
  if (typeof p !== "string" || typeof u !== "string" || typeof exp !== "string" || typeof sig !== "string") return null;
  if (!/^\d{1,12}$/.test(exp) || !/^\d{1,12}$/.test(u) || (l !== "zh-CN" && l !== "en")) return null;
  let params: Record<string, number>;
  try {
    params = JSON.parse(Buffer.from(p, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const request: ExportRequest = { kind, format, params, userId: Number(u), locale: l };
  const expected = Buffer.from(signature(secret, payloadOf(request, Number(exp))));
  if (expected.length !== Buffer.byteLength(sig) || !timingSafeEqual(expected, Buffer.from(sig))) return null;
  const seconds = now / 1000;
  return Number(exp) >= seconds && Number(exp) <= seconds + EXPORT_LINK_TTL_SECONDS ? request : null;
}
