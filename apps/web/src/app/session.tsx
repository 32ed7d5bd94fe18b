import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import type { ErrorLike } from "@apollo/client";
import { useApolloClient, useMutation, useQuery } from "@apollo/client/react";
import { useNavigate } from "react-router";
import { graphql } from "../gql";
import type { MeQuery } from "../gql/graphql";
import { clearToken, onSessionEnded, setToken, useToken } from "./auth";

export const meQuery = graphql(`
  query Me {
    me {
      id
      name
      roles
    }
  }
`);

const logoutMutation = graphql(`
  mutation Logout($input: LogoutInput!) {
    logout(input: $input) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export type Viewer = NonNullable<MeQuery["me"]>;

/** The login page, with where to return to and whether a session has just expired. */
export function loginPath(next: string, expired: boolean): string {
  const query = new URLSearchParams({ next });
  if (expired) query.set("expired", "1");
  return `/login?${query}`;
}

export interface Session {
  /** The signed-in user, or null for a visitor. */
  viewer: Viewer | null;
  /** The API refused the token this page was using. */
  expired: boolean;
  loading: boolean;
  error?: ErrorLike;
  retry: () => void;
  signIn: (token: string, user: Viewer) => Promise<void>;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error("useSession outside SessionProvider");
  return session;
}

export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const client = useApolloClient();
  const navigate = useNavigate();
  const token = useToken();
  const { data, loading, error, refetch } = useQuery(meQuery, { skip: !token });
  const [logout] = useMutation(logoutMutation);
  const [expired, setExpired] = useState(false);

  // The API refused the token (expired, revoked, account disabled): sign in again, then come back.
  useEffect(
    () =>
      onSessionEnded((hadToken) => {
        setExpired(hadToken);
        client.clearStore();
        const here = window.location.pathname + window.location.search;
        if (!here.startsWith("/login")) navigate(loginPath(here, hadToken), { replace: true });
      }),
    [client, navigate],
  );

  const signIn = useCallback(
    async (newToken: string, user: Viewer) => {
      // Nothing cached for a previous user may show through.
      await client.clearStore();
      client.writeQuery({ query: meQuery, data: { me: user } });
      setExpired(false);
      setToken(newToken);
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await logout({ variables: { input: { allDevices: false } } });
    } catch {
      // The token may already be invalid; forgetting it here is what signs this device out.
    }
    clearToken();
    await client.clearStore();
    navigate("/login", { replace: true });
  }, [client, logout, navigate]);

  const session = useMemo<Session>(
    () => ({
      viewer: token ? (data?.me ?? null) : null,
      expired,
      loading: Boolean(token) && loading && !data,
      error: token ? error : undefined,
      retry: () => void refetch(),
      signIn,
      signOut,
    }),
    [token, data, expired, loading, error, refetch, signIn, signOut],
  );
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
