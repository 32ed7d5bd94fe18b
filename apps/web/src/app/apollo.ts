import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type ErrorLike } from "@apollo/client";
import { CombinedGraphQLErrors, ServerError } from "@apollo/client/errors";
import { SetContextLink } from "@apollo/client/link/context";
import { ErrorLink } from "@apollo/client/link/error";
import { endSession, getToken } from "./auth";
import { getLocale } from "./i18n";

/** Operations that open a session: a stale token must not make them fail. */
const SIGN_IN_OPERATIONS = new Set(["Login", "RegisterTrainee"]);

export function isUnauthenticated(error: ErrorLike | undefined): boolean {
  if (CombinedGraphQLErrors.is(error)) return error.errors.some((e) => e.extensions?.code === "UNAUTHENTICATED");
  return ServerError.is(error) && error.statusCode === 401;
}

/** A v4 UUID; `crypto.randomUUID` exists only on https or localhost pages. */
function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function createApolloClient(uri = "/graphql"): ApolloClient {
  const headers = new SetContextLink((previous, operation) => {
    const token = SIGN_IN_OPERATIONS.has(operation.operationName ?? "") ? null : getToken();
    return {
      headers: {
        ...previous.headers,
        "Accept-Language": getLocale(),
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    };
  });
  // One key per mutation, kept in the operation's context: a retry of that operation sends the same key.
  const idempotency = new ApolloLink((operation, forward) => {
    if (operation.operationType === "mutation") {
      const context = operation.getContext();
      const key = (context.idempotencyKey as string | undefined) ?? newIdempotencyKey();
      operation.setContext({ idempotencyKey: key, headers: { ...context.headers, "Idempotency-Key": key } });
    }
    return forward(operation);
  });
  const unauthenticated = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) endSession();
  });
  return new ApolloClient({
    link: ApolloLink.from([unauthenticated, headers, idempotency, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}
