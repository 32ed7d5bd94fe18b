import autocannon from "autocannon";

/** One GraphQL request as the load generator sends it. */
export interface LoadRequest {
  body: string;
  /** Bearer token per request: a fixed one, or a fresh one each time (the write spreads over many trainees). */
  token?: string | (() => string);
  /** Why a response does not count as a success, or null when it does. */
  check(body: string): string | null;
}

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  /** Mean of the server's `x-sql-statements` header over the answered requests (null when not sent). */
  statements: number | null;
  statementsMax: number | null;
  failures: number;
  firstFailure: string | null;
}

export interface LoadOptions {
  durationSeconds: number;
  connections: number;
  /** Upper bound on requests (each M1 request needs a trainee of its own). */
  maxRequests?: number;
}

/** Drives `url` over loopback with autocannon for a fixed duration and reads what the answers tell. */
export async function drive(url: string, request: LoadRequest, options: LoadOptions): Promise<LoadResult> {
  let statementSum = 0;
  let statementCount = 0;
  let statementsMax = 0;
  let failures = 0;
  let firstFailure: string | null = null;
  const token = request.token;
  const result = await autocannon({
    url: `${url}/graphql`,
    connections: options.connections,
    duration: options.durationSeconds,
    maxOverallRequests: options.maxRequests,
    timeout: 30,
    requests: [
      {
        method: "POST",
        path: "/graphql",
        headers: {
          "content-type": "application/json",
          ...(typeof token === "string" ? { authorization: `Bearer ${token}` } : {}),
        },
        body: request.body,
        ...(typeof token === "function"
          ? { setupRequest: (req) => ({ ...req, headers: { ...req.headers, authorization: `Bearer ${token()}` } }) }
          : {}),
        onResponse: (status, body, _context, headers) => {
          const header = headers["x-sql-statements"] ?? headers["X-Sql-Statements"];
          if (header !== undefined) {
            const n = Number(Array.isArray(header) ? header[0] : header);
            statementSum += n;
            statementCount += 1;
            statementsMax = Math.max(statementsMax, n);
          }
          const problem = status === 200 ? request.check(body) : `HTTP ${status}: ${body.slice(0, 300)}`;
          if (problem) {
            failures += 1;
            firstFailure ??= problem;
          }
        },
      },
    ],
  });
  const requests = result.requests.total;
  return {
    requests,
    seconds: result.duration,
    rps: requests / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    statements: statementCount ? statementSum / statementCount : null,
    statementsMax: statementCount ? statementsMax : null,
    failures: failures + result.errors + result.timeouts,
    firstFailure: firstFailure ?? (result.errors + result.timeouts ? "connection errors or timeouts" : null),
  };
}

/** A response body fails when GraphQL reports errors. */
export function noErrors(body: string): string | null {
  return body.includes('"errors":') ? body.slice(0, 300) : null;
}
