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
  const unauthenticated = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) endSession();
  });
  return new ApolloClient({
    link: ApolloLink.from([unauthenticated, headers, new HttpLink({ uri })]),
    cache: new InMemoryCache(),
  });
}
