import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { ApolloServerPlugin } from "@apollo/server";
import { unwrapResolverError } from "@apollo/server/errors";
import { ArgumentValidationError } from "type-graphql";
import type { Logger } from "pino";
import { translate, type Locale } from "@zuofu/shared";
import type { RequestContext } from "./context";
import { Translatable, toUserErrors, UserErrors, validationToUserErrors } from "./errors";
import { isDatabaseUnavailable } from "../modules/reliability/database-outage";

/** Codes a client may see as they are; everything else is an internal fault and is masked. */
const PUBLIC_CODES = new Set([
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
  "BAD_REQUEST",
  "RATE_LIMITED",
  "TEMPORARILY_UNAVAILABLE",
  "QUERY_TOO_LARGE",
  "REQUEST_TIMEOUT",
  "IDEMPOTENCY_KEY_INVALID",
  "IDEMPOTENCY_KEY_REUSED",
  "IDEMPOTENCY_IN_PROGRESS",
  "IDEMPOTENCY_REPLAY_TOO_LARGE",
  "IDEMPOTENCY_REPLAY_UNAVAILABLE",
]);

/** The request an error belongs to: its reader's language, its id and the log for internal faults. */
interface ErrorScope {
  locale: Locale;
  requestId: string;
  log: Logger;
}

const scopes = new WeakMap<object, ErrorScope>();

/**
 * Apollo's `formatError` is not told the request: this plugin tells it, by marking each error of
 * the request as it is reported (the same objects reach `formatError` next).
 */
export function errorScopePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ contextValue }) {
      const scope: ErrorScope = {
        locale: contextValue.locale,
        requestId: contextValue.requestId,
        log: contextValue.log,
      };
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) scopes.set(error, scope);
        },
      };
    },
  };
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const scope = typeof error === "object" && error ? scopes.get(error) : undefined;
  const locale: Locale = scope?.locale ?? "zh-CN";
  const original = unwrapResolverError(error);
  const base = { locations: formatted.locations, path: formatted.path };

  // Fixable input outside a mutation payload (a query's arguments): a coded, translated error.
  if (original instanceof ArgumentValidationError || original instanceof UserErrors) {
    const specs = original instanceof UserErrors ? original.errors : validationToUserErrors(original);
    const detail = toUserErrors(specs, locale)
      .map((e) => e.message)
      .join("; ");
    return {
      ...base,
      message: translate("BAD_USER_INPUT", locale, { detail }),
      extensions: { code: "BAD_USER_INPUT" },
    };
  }
  // An outage is the client's to retry, not an internal fault to report: no stack, no SQL.
  if (isDatabaseUnavailable(error)) {
    return {
      ...base,
      message: translate("TEMPORARILY_UNAVAILABLE", locale),
      extensions: { code: "TEMPORARILY_UNAVAILABLE" },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === "string" && PUBLIC_CODES.has(code)) {
    const { stacktrace: _s, exception: _e, validationErrors: _v, ...extensions } = formatted.extensions ?? {};
    const cause = error instanceof GraphQLError ? error.originalError : null;
    const message = cause instanceof Translatable ? translate(cause.code, locale, cause.params) : formatted.message;
    return { ...formatted, message, extensions };
  }
  scope?.log?.error({ err: original, requestId: scope.requestId }, "internal error");
  return {
    ...base,
    message: translate("INTERNAL", locale),
    extensions: { code: "INTERNAL", requestId: scope?.requestId },
  };
}
