import type { ApolloServerPlugin } from "@apollo/server";

/**
 * Driver and socket codes that mean "the database cannot serve this now; try again", not "the
 * statement was wrong". Nothing was changed by a statement that failed with one of them.
 */
const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
  "PROTOCOL_CONNECTION_LOST",
  "PROTOCOL_SEQUENCE_TIMEOUT",
  "ER_CON_COUNT_ERROR",
  "ER_SERVER_SHUTDOWN",
  // Galera, a node outside the primary component: reads answer "WSREP has not yet prepared node
  // for application use" (1047), commits "Error during COMMIT" (1180).
  "ER_UNKNOWN_COM_ERROR",
  "ER_ERROR_DURING_COMMIT",
  // A causal read (wsrep_sync_wait) the cluster could not confirm in time, or a lock wait or lost
  // certification that outlasted the transaction's bounded retries (graphql/context.ts).
  "ER_LOCK_WAIT_TIMEOUT",
  "ER_LOCK_DEADLOCK",
]);

/** Seconds a client should wait before it retries during an outage. */
export const RETRY_AFTER_SECONDS = 5;

/** True when `err` (or what it wraps: GraphQL, TypeORM, mysql2) says the database is unreachable. */
export function isDatabaseUnavailable(err: unknown): boolean {
  let e = err as { code?: unknown; fatal?: unknown; message?: unknown; [k: string]: unknown } | undefined;
  for (let depth = 0; e && typeof e === "object" && depth < 6; depth++) {
    if (e.fatal === true) return true; // mysql2 marks errors that broke the connection
    if (typeof e.code === "string" && UNREACHABLE.has(e.code)) return true;
    if (typeof e.message === "string" && /closed state|Pool is closed/.test(e.message)) return true;
    e = (e.driverError ?? e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/**
 * An outage answers 503 with Retry-After, also when it struck inside an operation that answers 200.
 * Not so a mutation whose own field succeeded and only a field of its answer could not be read
 * (the node went away between the commit and the read-back): its change is made, so a 503 would
 * say "try again" where the retry could only repeat it. It answers 200 with the partial payload,
 * which is also what an Idempotency-Key then replays.
 */
export function databaseOutagePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, operation }) {
          if (response.body.kind !== "single") return;
          const errors = response.body.singleResult.errors ?? [];
          const outage = errors.filter((e) => e.extensions?.code === "TEMPORARILY_UNAVAILABLE");
          if (!outage.length) return;
          const changeMade = operation?.operation === "mutation" && outage.every((e) => (e.path?.length ?? 0) > 1);
          if (changeMade) return;
          response.http.status = 503;
          response.http.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
        },
      };
    },
  };
}
