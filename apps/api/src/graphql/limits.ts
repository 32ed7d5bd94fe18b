import type { ErrorRequestHandler, RequestHandler } from "express";
import { chinaTime } from "../common/beijing-time";
import {
  GraphQLError,
  Kind,
  Lexer,
  Source,
  TokenKind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloArmor } from "@escape.tech/graphql-armor";
import { ATTACHMENT_LIMITS, pickLocale, translate, type ErrorCode, type Locale } from "@zuofu/shared";
import type { CounterStore } from "../common/store";
import { MAX_PAGE } from "./connection";
import type { RequestContext } from "./context";
import { queryCost, type QueryCost } from "./query-cost";
import { Translatable } from "./errors";

/**
 * The endpoint's limits. GitHub's public GraphQL API gives the cost model and its numbers,
 * graphql-armor's defaults the document limits GitHub does not publish; docs/partner-api.md
 * states each for partners.
 */
export const LIMITS = {
  /** Largest `first` of a connection (GitHub: 100). */
  maxPageSize: MAX_PAGE,
  /** Objects one query may return at most, every list full (GitHub: 500,000 nodes). */
  maxNodes: 500_000,
  /** Points an API key may spend per hour by default (GitHub: 5,000 per user and hour). */
  hourlyPoints: 5_000,
  /** Largest hourly budget an admin may give a key (GitHub Enterprise Cloud: 10,000). */
  maxHourlyPoints: 10_000,
  /** Field nesting; graphql-armor's 6 with room for Relay's edges/node levels (three per connection). */
  maxDepth: 15,
  /** graphql-armor's default. */
  maxAliases: 15,
  /** graphql-armor's default. */
  maxDirectives: 50,
  /** graphql-armor's default; checked before the query is parsed. */
  maxTokens: 1_000,
  /** Request body (Shopify and GitHub accept less than a megabyte; our inputs are small). */
  maxBodyBytes: 100 * 1024,
  /** Staff upload CSV/XLSX imports inside the request (5 MB as base64, plus the query). */
  maxStaffBodyBytes: 8 * 1024 * 1024,
  /** One attachment of a problem (an image, a PDF or an Office document), in bytes. */
  maxAttachmentBytes: ATTACHMENT_LIMITS.maxBytes,
  /** Attachments one problem may have, all its notes together. */
  maxAttachmentsPerProblem: ATTACHMENT_LIMITS.perProblem,
  /**
   * Request body of those who may attach files to problems (enterprise contacts, commissioners,
   * keys with PROBLEMS_WRITE): a problem's every attachment as base64, plus the query.
   */
  maxUploadBodyBytes: Math.ceil((ATTACHMENT_LIMITS.perProblem * ATTACHMENT_LIMITS.maxBytes * 4) / 3) + 100 * 1024,
  /** A query stops resolving fields after this (GitHub: 10 seconds). */
  timeoutMs: 10_000,
} as const;

const HOUR_SECONDS = 3600;

/** A GraphQL-shaped error for answers given before GraphQL runs (body parsing, token count). */
function earlyError(code: ErrorCode, locale: Locale, params: Record<string, string | number>, extensions: object) {
  return { errors: [{ message: translate(code, locale, params), extensions }] };
}

/** The JSON parser's refusals as GraphQL errors that state the limit, instead of an HTML page. */
export const bodyErrors: ErrorRequestHandler = (err, req, res, next) => {
  const locale = pickLocale(req.headers["accept-language"]);
  const type = (err as { type?: string }).type;
  if (type === "entity.too.large") {
    const max = (err as { limit?: number }).limit ?? LIMITS.maxBodyBytes;
    res
      .status(413)
      .json(
        earlyError(
          "PAYLOAD_TOO_LARGE",
          locale,
          { max: `${Math.round(max / 1024)} kB` },
          { code: "PAYLOAD_TOO_LARGE", max },
        ),
      );
    return;
  }
  if (type === "entity.parse.failed") {
    res.status(400).json(earlyError("BAD_JSON", locale, {}, { code: "BAD_REQUEST" }));
    return;
  }
  next(err);
};

/** True when `query` has more than `max` tokens; stops lexing at max + 1, so a huge query costs little. */
export function exceedsTokens(query: string, max: number): boolean {
  const lexer = new Lexer(new Source(query));
  try {
    for (let n = 0; lexer.advance().kind !== TokenKind.EOF;) if (++n > max) return true;
  } catch {
    // A syntax error: the parser reports it with its position.
  }
  return false;
}

/** graphql-armor's token limit, applied at the door: before Apollo parses anything. */
export const tokenLimit: RequestHandler = (req, res, next) => {
  const query = (req.body as { query?: unknown } | undefined)?.query ?? req.query?.query;
  if (typeof query === "string" && exceedsTokens(query, LIMITS.maxTokens)) {
    const locale = pickLocale(req.headers["accept-language"]);
    res.status(400).json(
      earlyError(
        "TOO_MANY_TOKENS",
        locale,
        { max: LIMITS.maxTokens },
        {
          code: "GRAPHQL_VALIDATION_FAILED",
          limit: "MAX_TOKENS",
          max: LIMITS.maxTokens,
        },
      ),
    );
    return;
  }
  next();
};

/** A graphql-armor rejection as our error: translated, with the limit and the count found. */
function reject(code: ErrorCode, limit: string, max: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    const found = Number(/found (\d+)/.exec(error.message)?.[1] ?? max + 1);
    // Validation knows no request: the message is put in the reader's language when it is sent.
    const cause = new Translatable(code, { max, found });
    ctx?.reportError(new GraphQLError(cause.message, { extensions: { limit, max, found }, originalError: cause }));
  };
}

/** Depth, alias and directive limits (graphql-armor), as validation rules. */
export function documentLimitRules(): ValidationRule[] {
  const quiet = { propagateOnRejection: false, exposeLimits: true };
  return new ApolloArmor({
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: false },
    maxDepth: {
      ...quiet,
      n: LIMITS.maxDepth,
      flattenFragments: true,
      onReject: [reject("QUERY_TOO_DEEP", "MAX_DEPTH", LIMITS.maxDepth)],
    },
    maxAliases: {
      ...quiet,
      n: LIMITS.maxAliases,
      onReject: [reject("TOO_MANY_ALIASES", "MAX_ALIASES", LIMITS.maxAliases)],
    },
    maxDirectives: {
      ...quiet,
      n: LIMITS.maxDirectives,
      onReject: [reject("TOO_MANY_DIRECTIVES", "MAX_DIRECTIVES", LIMITS.maxDirectives)],
    },
  }).protect().validationRules;
}

/** An error that stops a request before execution, with the HTTP status it answers with. */
function refusal(ctx: RequestContext, code: ErrorCode, status: number, params = {}, extensions = {}) {
  return new GraphQLError(translate(code, ctx.locale, params), {
    extensions: { code, ...extensions, http: { status } },
  });
}

function usesIntrospection(document: DocumentNode, set: SelectionSetNode, seen = new Set<string>()): boolean {
  return set.selections.some((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === "__schema" || s.name.value === "__type";
    if (s.kind === Kind.INLINE_FRAGMENT) return usesIntrospection(document, s.selectionSet, seen);
    if (seen.has(s.name.value)) return false;
    seen.add(s.name.value);
    const fragment = document.definitions.find(
      (d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === s.name.value,
    );
    return fragment?.kind === Kind.FRAGMENT_DEFINITION && usesIntrospection(document, fragment.selectionSet, seen);
  });
}

/** Staff and partner keys build clients from the schema; for everyone else it is published as a file. */
function checkIntrospection(ctx: RequestContext, document: DocumentNode, operation: OperationDefinitionNode) {
  if (!usesIntrospection(document, operation.selectionSet) || ctx.partner || ctx.hasRole("STAFF", "ADMIN")) return;
  const signedIn = Boolean(ctx.viewer);
  throw new GraphQLError(translate("INTROSPECTION_DISABLED", ctx.locale), {
    extensions: { code: signedIn ? "FORBIDDEN" : "UNAUTHENTICATED", http: { status: signedIn ? 403 : 401 } },
  });
}

/** GitHub's `rateLimit` object, sent in `extensions` and as `x-ratelimit-*` headers. */
export interface RateLimitStatus {
  limit: number;
  cost: number;
  remaining: number;
  used: number;
  resetAt: Date;
  nodeCount: number;
}

/** Spends the query's points from the key's hourly budget (shared by all processes through the store). */
async function spend(
  store: CounterStore,
  budget: { bucket: string; perHour: number },
  cost: QueryCost,
): Promise<RateLimitStatus & { granted: boolean }> {
  const taken = await store.take(`ratelimit:apikey:${budget.bucket}`, cost.points, budget.perHour, HOUR_SECONDS);
  return {
    granted: taken.granted,
    limit: budget.perHour,
    cost: cost.points,
    used: taken.count,
    remaining: Math.max(0, budget.perHour - taken.count),
    resetAt: new Date(Date.now() + (taken.resetsIn || HOUR_SECONDS) * 1000),
    nodeCount: cost.nodes,
  };
}

export interface LimitsOptions {
  store: CounterStore;
  /** Refuses what a caller may not run at all (an API key's scopes and mutations) before anything is charged. */
  authorize?: (ctx: RequestContext, document: DocumentNode, operation: OperationDefinitionNode) => void;
  timeoutMs?: number;
  /** Milliseconds, monotonic; replaced in tests. */
  now?: () => number;
}

/**
 * The limits that need the parsed operation and the caller: introspection, the per-query node cap,
 * an API key's hourly budget (reported GitHub-style), the time limit, and no "did you mean" hints.
 */
export function requestLimitsPlugin(options: LimitsOptions): ApolloServerPlugin<RequestContext> {
  const now = options.now ?? (() => performance.now());
  const timeoutMs = options.timeoutMs ?? LIMITS.timeoutMs;
  return {
    async requestDidStart() {
      const startedAt = now();
      let rateLimit: RateLimitStatus | null = null;
      return {
        async didResolveOperation({ contextValue: ctx, document, operation, request, schema }) {
          if (!operation) return;
          checkIntrospection(ctx, document, operation);
          options.authorize?.(ctx, document, operation);
          const cost = queryCost(schema, document, operation, request.variables ?? {});
          if (cost.nodes > LIMITS.maxNodes) {
            throw refusal(
              ctx,
              "QUERY_TOO_LARGE",
              400,
              { found: cost.nodes, max: LIMITS.maxNodes },
              { max: LIMITS.maxNodes, found: cost.nodes },
            );
          }
          if (!ctx.partner) return;
          const spent = await spend(options.store, ctx.partner.budget, cost);
          rateLimit = spent;
          if (!spent.granted) {
            throw refusal(
              ctx,
              "RATE_LIMITED",
              429,
              { limit: spent.limit, cost: spent.cost, remaining: spent.remaining, resetAt: chinaTime(spent.resetAt) },
              {
                limit: spent.limit,
                cost: spent.cost,
                remaining: spent.remaining,
                resetAt: spent.resetAt.toISOString(),
              },
            );
          }
        },
        async executionDidStart({ operation, contextValue: ctx }) {
          // A mutation runs to its end: stopping its payload's fields would hide a change that was made.
          // Queries: every field that runs code checks the limit (loading/fields.ts), plain reads do not.
          if (operation.operation === "query") ctx.timeLimit = { deadline: startedAt + timeoutMs, ms: timeoutMs, now };
        },
        async didEncounterErrors({ errors }) {
          // Suggestions would let anyone map the schema without introspection.
          for (const error of errors) error.message = error.message.replace(/\s*Did you mean [^?]*\?/g, "");
        },
        async willSendResponse({ response }) {
          if (!rateLimit) return;
          const headers = response.http.headers;
          headers.set("x-ratelimit-limit", String(rateLimit.limit));
          headers.set("x-ratelimit-remaining", String(rateLimit.remaining));
          headers.set("x-ratelimit-used", String(rateLimit.used));
          headers.set("x-ratelimit-reset", String(Math.ceil(rateLimit.resetAt.getTime() / 1000)));
          headers.set("x-ratelimit-resource", "graphql");
          if (response.http.status === 429) {
            headers.set(
              "retry-after",
              String(Math.max(1, Math.ceil((rateLimit.resetAt.getTime() - Date.now()) / 1000))),
            );
          }
          if (response.body.kind === "single") {
            response.body.singleResult.extensions = {
              ...response.body.singleResult.extensions,
              rateLimit: { ...rateLimit, resetAt: rateLimit.resetAt.toISOString() },
            };
          }
        },
      };
    },
  };
}
