import { createHash } from "node:crypto";
import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from "@apollo/server";
import type { FormattedExecutionResult } from "graphql";
import { IsNull, LessThan, LessThanOrEqual } from "typeorm";
import type { AppServices, RequestContext } from "../../graphql/context";
import { codedError } from "../../graphql/errors";
import { isDuplicateKey } from "../../db/dialect";
import { IdempotencyKey } from "./idempotency-key.entity";

export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const MAX_KEY_LENGTH = 128;
/** MySQL's TEXT holds 65,535 bytes; the sealed answer is base64, a third larger than the JSON. */
const MAX_STORED_BYTES = 65_000;
const SWEEP_EVERY_MS = 3600_000;

type Claim =
  | { kind: "claimed"; id: number }
  /** `body` null: too large to keep, or (`sealed`) kept but it does not open. */
  | { kind: "done"; status: number; body: string | null; sealed?: boolean }
  | { kind: "running" }
  | { kind: "reused" };

/** JSON with sorted object keys: `{a,b}` and `{b,a}` are the same input. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

/** What "the same input" means: the operation's name and text and its variables. */
export function requestHash(operationName: string | null | undefined, source: string, variables: unknown): string {
  return createHash("sha256")
    .update(canonical([operationName ?? null, source, variables ?? {}]))
    .digest("hex");
}

function scopeOf(ctx: RequestContext): string {
  if (ctx.viewer) return `user:${ctx.viewer.userId}`;
  if (ctx.partner) return `apikey:${ctx.partner.apiKeyId}`;
  return `anon:${ctx.ip}`.slice(0, 80);
}

/** What a stored answer is bound to: it opens only for the same caller, key and input. */
const boundTo = (scope: string, clientKey: string, hash: string) => `idempotency:${scope}:${clientKey}:${hash}`;

/**
 * A stored answer may hold a secret (a session token, an API key, a calendar or export link): it is
 * kept only sealed with DATA_KEY, so a database dump or backup holds nothing usable.
 */
function openAnswer(ctx: RequestContext, sealed: string | null, bound: string): string | null {
  if (sealed === null) return null;
  try {
    return ctx.app.cipher.decrypt(sealed, bound);
  } catch (err) {
    // Another DATA_KEY, or a row moved to another caller: the answer cannot be given again.
    ctx.log.warn({ err }, "idempotency answer does not open");
    return null;
  }
}

/** Claims the key with a unique insert, or says what the earlier request with this key has become. */
async function claim(ctx: RequestContext, scope: string, clientKey: string, requestHash: string): Promise<Claim> {
  const repo = ctx.app.dataSource.getRepository(IdempotencyKey);
  for (let attempt = 0; attempt < 3; attempt++) {
    const now = new Date();
    try {
      const inserted = await ctx.transaction((tx) =>
        tx.em.getRepository(IdempotencyKey).insert({
          scope,
          clientKey,
          requestHash,
          claimedAt: now,
          expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
          responseStatus: null,
          responseBody: null,
        }),
      );
      return { kind: "claimed", id: Number(inserted.identifiers[0].id) };
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    const row = await repo.findOneBy({ scope, clientKey });
    if (!row) continue; // expired and swept in between
    if (row.expiresAt <= now) {
      await ctx.transaction((tx) =>
        tx.em.getRepository(IdempotencyKey).delete({ id: row.id, expiresAt: LessThanOrEqual(now) }),
      );
      continue;
    }
    if (row.requestHash !== requestHash) return { kind: "reused" };
    if (row.responseStatus !== null) {
      const body = openAnswer(ctx, row.responseBody, boundTo(scope, clientKey, requestHash));
      return { kind: "done", status: row.responseStatus, body, sealed: row.responseBody !== null };
    }
    // A claim older than the lease, with no answer, was left by a process that died: a retry takes it over.
    if (row.claimedAt.getTime() + ctx.app.config.idempotencyLeaseMs > now.getTime()) return { kind: "running" };
    // Compare-and-set on the old claim time: of several retries, one takes the abandoned claim over.
    const taken = await ctx.transaction((tx) =>
      tx.em
        .getRepository(IdempotencyKey)
        .update({ id: row.id, claimedAt: row.claimedAt, responseStatus: IsNull() }, { claimedAt: now }),
    );
    return taken.affected === 1 ? { kind: "claimed", id: row.id } : { kind: "running" };
  }
  return { kind: "running" };
}

/** Errors only at the operation or at the mutation field itself: its transaction rolled back, nothing changed. */
function changedNothing(result: FormattedExecutionResult): boolean {
  const errors = result.errors ?? [];
  return errors.length > 0 && errors.every((e) => (e.path?.length ?? 0) <= 1);
}

function replay(claim: Extract<Claim, { kind: "done" }>, ctx: RequestContext): GraphQLResponse {
  const headers = new HeaderMap([["idempotent-replayed", "true"]]);
  if (claim.body === null) {
    const error = codedError(
      claim.sealed ? "IDEMPOTENCY_REPLAY_UNAVAILABLE" : "IDEMPOTENCY_REPLAY_TOO_LARGE",
      ctx.locale,
    );
    return {
      http: { status: 409, headers },
      body: { kind: "single", singleResult: { errors: [{ message: error.message, extensions: error.extensions }] } },
    };
  }
  return { http: { status: claim.status, headers }, body: { kind: "single", singleResult: JSON.parse(claim.body) } };
}

/**
 * Safe retries for mutations sent with an `Idempotency-Key` header (Stripe's model): the same key
 * and input get the first answer again and change nothing more; the same key with other input is
 * refused (422); a retry while the first still runs is told to retry (409). State lives in the
 * database, so any number of API processes agree.
 */
export function idempotencyPlugin(services: AppServices): ApolloServerPlugin<RequestContext> {
  return {
    async serverWillStart() {
      const sweep = setInterval(() => {
        services.dataSource
          .getRepository(IdempotencyKey)
          .delete({ expiresAt: LessThan(new Date()) })
          .catch((err: unknown) => services.log.warn({ err }, "idempotency sweep failed"));
      }, SWEEP_EVERY_MS);
      sweep.unref();
      return {
        async serverWillStop() {
          clearInterval(sweep);
        },
      };
    },
    async requestDidStart({ request }) {
      const clientKey = request.http?.headers.get("idempotency-key");
      if (clientKey === undefined) return;
      let claiming: Promise<Claim> | undefined;
      let answered: Claim | undefined;
      let bound = "";
      return {
        async didResolveOperation({ operation, contextValue: ctx, source }) {
          if (operation?.operation !== "mutation") return;
          if (!/^[\x21-\x7e]+$/.test(clientKey) || clientKey.length > MAX_KEY_LENGTH) {
            throw codedError("IDEMPOTENCY_KEY_INVALID", ctx.locale, { max: MAX_KEY_LENGTH }, { http: { status: 400 } });
          }
          const scope = scopeOf(ctx);
          const hash = requestHash(request.operationName, source, request.variables);
          bound = boundTo(scope, clientKey, hash);
          claiming = claim(ctx, scope, clientKey, hash);
          answered = await claiming;
          if (answered.kind === "reused") {
            throw codedError("IDEMPOTENCY_KEY_REUSED", ctx.locale, undefined, { http: { status: 422 } });
          }
          if (answered.kind === "running") {
            throw codedError("IDEMPOTENCY_IN_PROGRESS", ctx.locale, undefined, {
              http: { status: 409, headers: new HeaderMap([["retry-after", "1"]]) },
            });
          }
        },
        async responseForOperation({ contextValue: ctx }) {
          return answered?.kind === "done" ? replay(answered, ctx) : null;
        },
        async willSendResponse({ response, contextValue: ctx }) {
          // Another plugin may have refused the request while the claim was still being written.
          const claimed = await claiming?.catch(() => undefined);
          if (claimed?.kind !== "claimed" || response.body.kind !== "single") return;
          const { data, errors } = response.body.singleResult;
          try {
            if (changedNothing(response.body.singleResult)) {
              // A retry must be able to run it again (an outage, a refusal): free the key.
              await ctx.transaction((tx) => tx.em.getRepository(IdempotencyKey).delete({ id: claimed.id }));
              return;
            }
            const sealed = ctx.app.cipher.encrypt(JSON.stringify({ data, errors }), bound);
            await ctx.transaction((tx) =>
              tx.em.getRepository(IdempotencyKey).update(
                { id: claimed.id },
                {
                  responseStatus: response.http.status ?? 200,
                  responseBody: sealed.length <= MAX_STORED_BYTES ? sealed : null,
                },
              ),
            );
          } catch (err) {
            // The answer still goes out; a retry after the lease runs the mutation again.
            ctx.log.error({ err, idempotencyKeyId: claimed.id }, "idempotency answer not stored");
          }
        },
      };
    },
  };
}
