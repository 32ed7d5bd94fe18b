import { createHash, randomBytes } from "node:crypto";
import { GraphQLError } from "graphql";
import { translate, type ApiKeyScope, type ErrorCode } from "@zuofu/shared";
import type { PartnerViewer, RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { LIMITS } from "../../graphql/limits";
import { chinaTime } from "../../common/beijing-time";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { ApiKey } from "./api-key.entity";
import { Chamber } from "./chamber.entity";
import { ChamberMembership } from "./chamber-membership.entity";
import type { ApiKeyStatus } from "./chamber.enums";

/** Every key starts with this, so a bearer token is told from a session token without a lookup. */
export const API_KEY_PREFIX = "zfk_";
const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
/** 43 base-62 characters carry 256 random bits. */
const SECRET_LENGTH = 43;
/** The shown prefix: zfk_ and eight characters (47 random bits), also the key's rate-limit bucket. */
const SHOWN_PREFIX_LENGTH = API_KEY_PREFIX.length + 8;
/** How often a key's last use is written: not on every request. */
const TOUCH_EVERY_MS = 60_000;
const DAY_MS = 24 * 3600_000;

export function isApiKeySecret(token: string): boolean {
  return token.startsWith(API_KEY_PREFIX);
}

/** Letters and digits only (no - or _), so a double click selects the whole key, as with GitHub's tokens. */
function newSecret(): string {
  let body = "";
  while (body.length < SECRET_LENGTH) {
    // 248 = 4 × 62: bytes above it are dropped, so every character is equally likely.
    for (const byte of randomBytes(64)) if (byte < 248 && body.length < SECRET_LENGTH) body += BASE62[byte % 62];
  }
  return API_KEY_PREFIX + body;
}

export function secretHash(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function apiKeyStatus(key: ApiKey, now = new Date()): ApiKeyStatus {
  if (key.revokedAt) return "REVOKED";
  return key.expiresAt <= now ? "EXPIRED" : "ACTIVE";
}

function unauthenticated(ctx: RequestContext, code: ErrorCode, at?: Date): GraphQLError {
  return new GraphQLError(translate(code, ctx.locale, at ? { at: chinaTime(at) } : {}), {
    extensions: { code: "UNAUTHENTICATED", reason: code, http: { status: 401 } },
  });
}

/**
 * Resolves `Authorization: Bearer zfk_…` to the partner it belongs to, or UNAUTHENTICATED saying
 * why (unknown, revoked, expired). The lookup is by the secret's hash through a unique index.
 */
export async function authenticateApiKey(ctx: RequestContext, secret: string): Promise<PartnerViewer> {
  const key = await ctx.em.findOneBy(ApiKey, { secretHash: secretHash(secret) });
  if (!key) throw unauthenticated(ctx, "API_KEY_INVALID");
  if (key.revokedAt) throw unauthenticated(ctx, "API_KEY_REVOKED", key.revokedAt);
  const now = new Date();
  if (key.expiresAt <= now) throw unauthenticated(ctx, "API_KEY_EXPIRED", key.expiresAt);
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() >= TOUCH_EVERY_MS) {
    // The condition makes it at most one write a minute per key, however many processes serve it.
    await ctx.em
      .createQueryBuilder()
      .update(ApiKey)
      .set({ lastUsedAt: now })
      .where("id = :id AND (last_used_at IS NULL OR last_used_at <= :cutoff)", {
        id: key.id,
        cutoff: new Date(now.getTime() - TOUCH_EVERY_MS),
      })
      .execute();
  }
  const members = key.scopes.some((s) => s === "MEMBERS_READ" || s === "NOMINATIONS_WRITE" || s === "PROBLEMS_WRITE")
    ? await ctx.em.find(ChamberMembership, { select: { enterpriseId: true }, where: { chamberId: key.chamberId } })
    : [];
  return {
    chamberId: key.chamberId,
    apiKeyId: key.id,
    scopes: key.scopes,
    budget: { bucket: key.prefix, perHour: key.hourlyBudget },
    memberEnterpriseIds: new Set(members.map((m) => m.enterpriseId)),
  };
}

/** A new key row and its secret; the secret leaves the server only in the mutation's payload. */
async function issueKey(
  ctx: RequestContext,
  values: Pick<ApiKey, "chamberId" | "label" | "scopes" | "hourlyBudget" | "expiresAt">,
): Promise<{ apiKey: ApiKey; secret: string }> {
  const secret = newSecret();
  const apiKey = ctx.em.create(ApiKey, {
    ...values,
    prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
    secretHash: secretHash(secret),
    lastUsedAt: null,
    revokedAt: null,
  });
  await ctx.em.save(apiKey);
  return { apiKey, secret };
}

export interface CreateApiKeyFields {
  scopes: ApiKeyScope[];
  label?: string | null;
  expiresInDays?: number | null;
  hourlyBudget?: number | null;
}

export async function createApiKey(
  ctx: RequestContext,
  chamberId: number | null,
  input: CreateApiKeyFields,
): Promise<{ apiKey: ApiKey; secret: string }> {
  ctx.requireRole("ADMIN");
  const check = new InputCheck();
  const scopes = [...new Set(input.scopes ?? [])];
  if (!scopes.length) check.add("SCOPES_REQUIRED", "scopes");
  const label = check.text(input.label, "label", { max: 64 });
  const days = check.integer(input.expiresInDays ?? 365, "expiresInDays", 1, 366);
  const budget = check.integer(input.hourlyBudget ?? LIMITS.hourlyPoints, "hourlyBudget", 1, LIMITS.maxHourlyPoints);
  check.done();
  return ctx.transaction(async (tx) => {
    const chamber = chamberId ? await tx.em.findOneBy(Chamber, { id: chamberId }) : null;
    if (!chamber) return fail("NOT_FOUND", "chamberId");
    const issued = await issueKey(tx, {
      chamberId: chamber.id,
      label: label ?? chamber.name.slice(0, 64),
      scopes,
      hourlyBudget: budget!,
      expiresAt: new Date(Date.now() + days! * DAY_MS),
    });
    await audit(tx, "apiKey.create", subjectOf(issued.apiKey), {
      chamberId: chamber.id,
      prefix: issued.apiKey.prefix,
      scopes,
      expiresAt: issued.apiKey.expiresAt.toISOString(),
    });
    return issued;
  });
}

/**
 * A new secret with the same chamber, scopes, budget and validity period; the old key stops at
 * once, or after `overlapHours` so the partner's systems can switch without a gap.
 */
export async function rotateApiKey(
  ctx: RequestContext,
  apiKeyId: number | null,
  overlapHours: number | null | undefined,
): Promise<{ apiKey: ApiKey; secret: string; previous: ApiKey }> {
  ctx.requireRole("ADMIN");
  const check = new InputCheck();
  const overlap = check.integer(overlapHours ?? 0, "overlapHours", 0, 168);
  check.done();
  return ctx.transaction(async (tx) => {
    const previous = apiKeyId ? await tx.em.findOneBy(ApiKey, { id: apiKeyId }) : null;
    if (!previous) return fail("NOT_FOUND", "apiKeyId");
    const status = apiKeyStatus(previous);
    if (status !== "ACTIVE") fail("API_KEY_NOT_ACTIVE", "apiKeyId", { status });
    const now = Date.now();
    const validFor = Math.max(DAY_MS, previous.expiresAt.getTime() - previous.createdAt.getTime());
    const issued = await issueKey(tx, {
      chamberId: previous.chamberId,
      label: previous.label,
      scopes: previous.scopes,
      hourlyBudget: previous.hourlyBudget,
      expiresAt: new Date(now + validFor),
    });
    if (overlap) previous.expiresAt = new Date(Math.min(previous.expiresAt.getTime(), now + overlap * 3600_000));
    else previous.revokedAt = new Date(now);
    await tx.em.save(previous);
    await audit(tx, "apiKey.rotate", subjectOf(previous), {
      replacedBy: issued.apiKey.id,
      prefix: issued.apiKey.prefix,
      overlapHours: overlap ?? 0,
    });
    return { ...issued, previous };
  });
}

export async function revokeApiKey(ctx: RequestContext, apiKeyId: number | null): Promise<ApiKey> {
  ctx.requireRole("ADMIN");
  return ctx.transaction(async (tx) => {
    const key = apiKeyId ? await tx.em.findOneBy(ApiKey, { id: apiKeyId }) : null;
    if (!key) return fail("NOT_FOUND", "apiKeyId");
    if (key.revokedAt) fail("API_KEY_NOT_ACTIVE", "apiKeyId", { status: "REVOKED" });
    key.revokedAt = new Date();
    await tx.em.save(key);
    await audit(tx, "apiKey.revoke", subjectOf(key), { prefix: key.prefix });
    return key;
  });
}
