import { createServer, connect, type Server, type Socket } from "node:net";
import { HeaderMap } from "@apollo/server";
import { TestApp, type TestUser } from "../../../testing/harness";
import { databaseOutagePlugin } from "../database-outage";
import { Enrollment } from "../../training/enrollment.entity";
import { ENROLL, openCohort } from "../../training/__tests__/fixtures";

const serverUrl = process.env.TEST_DATABASE_URL;
/** Longest a request may take during the outage before the test calls it a hang. */
const HANG_MS = 10_000;

/** A TCP proxy in front of the database server that the test can cut (drop every connection, refuse new ones) and restore. */
class CuttableProxy {
  private server?: Server;
  private sockets = new Set<Socket>();
  private up = true;

  async start(host: string, port: number): Promise<number> {
    this.server = createServer((client) => {
      if (!this.up) return void client.destroy();
      const upstream = connect(port, host);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => (s === client ? upstream : client).destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return (this.server.address() as { port: number }).port;
  }

  cut(): void {
    this.up = false;
    for (const s of this.sockets) s.destroy();
  }

  restore(): void {
    this.up = true;
  }

  async stop(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

const timed = (url: string, init: RequestInit = {}) => fetch(url, { ...init, signal: AbortSignal.timeout(HANG_MS) });
/** Answers are checked field by field. */
const json = async (res: Response): Promise<any> => res.json();

describe("the HTTP status of an answer an outage struck", () => {
  /** What Apollo hands the plugin at the end of a request: the answer's errors and the operation's kind. */
  async function statusOf(kind: "query" | "mutation", paths: (string | number)[][]) {
    const response = {
      http: { status: undefined as number | undefined, headers: new HeaderMap() },
      body: {
        kind: "single" as const,
        singleResult: {
          data: null,
          errors: paths.map((path) => ({ message: "down", path, extensions: { code: "TEMPORARILY_UNAVAILABLE" } })),
        },
      },
    };
    const hooks = await databaseOutagePlugin().requestDidStart!({} as never);
    await hooks!.willSendResponse!({ response, operation: { operation: kind } } as never);
    return { status: response.http.status ?? 200, retryAfter: response.http.headers.get("retry-after") };
  }

  it("is 503 with Retry-After when nothing changed: a query, or a mutation's own field failed", async () => {
    expect(await statusOf("query", [["cohorts", "edges", 0, "node", "course"]])).toEqual({
      status: 503,
      retryAfter: "5",
    });
    expect(await statusOf("mutation", [["enroll"]])).toEqual({ status: 503, retryAfter: "5" });
  });

  it("stays 200 for a mutation whose change was made and only reading its answer back failed", async () => {
    // A Galera node that went away between the commit and the payload's read-back (the cluster drill found it).
    expect(await statusOf("mutation", [["enroll", "enrollment", "waitlistPosition"]])).toEqual({
      status: 200,
      retryAfter: undefined,
    });
  });
});

if (!serverUrl) {
  describe("database outage: runs only against MariaDB/MySQL (set TEST_DATABASE_URL); a SQLite file cannot become unreachable", () => {
    it("has no network connection to cut on SQLite", () => {
      expect(serverUrl).toBeUndefined();
    });
  });
} else {
  describe("database outage through a TCP proxy that the test cuts and restores", () => {
    const proxy = new CuttableProxy();
    let t: TestApp;
    let staff: TestUser;

    beforeAll(async () => {
      const real = new URL(serverUrl);
      const port = await proxy.start(real.hostname, Number(real.port || 3306));
      const viaProxy = new URL(serverUrl);
      viaProxy.hostname = "127.0.0.1";
      viaProxy.port = String(port);
      // The harness makes its scratch database on TEST_DATABASE_URL: point it, and so the app, at the proxy.
      process.env.TEST_DATABASE_URL = viaProxy.toString();
      try {
        t = await TestApp.start();
      } finally {
        process.env.TEST_DATABASE_URL = serverUrl;
      }
      staff = await t.user(["STAFF"]);
    });
    afterAll(async () => {
      proxy.restore();
      await t?.close();
      await proxy.stop();
    });

    it("answers 503 and TEMPORARILY_UNAVAILABLE while cut, without hanging, and recovers by itself", async () => {
      const cohortId = await openCohort(t, staff, { capacity: 5 });
      const p = await t.user(["TRAINEE"]);
      const gql = (query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) =>
        timed(`${t.url}/graphql`, {
          method: "POST",
          headers: { "content-type": "application/json", ...headers },
          body: JSON.stringify({ query, variables }),
        });
      expect((await timed(`${t.url}/readyz`)).status).toBe(200);

      proxy.cut();
      const ready = await timed(`${t.url}/readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: "database unreachable" });
      expect((await timed(`${t.url}/healthz`)).status).toBe(200);

      const anonymous = await gql(`{ cohorts(first: 5) { totalCount } }`, {});
      expect(anonymous.status).toBe(503);
      expect(anonymous.headers.get("retry-after")).toBe("5");
      const body = await json(anonymous);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: "服务暂时不可用（数据库连接中断），请稍后重试",
          extensions: { code: "TEMPORARILY_UNAVAILABLE" },
        }),
      ]);
      expect(JSON.stringify(body)).not.toMatch(/ECONN|mysql|at .*\.js|stack/i);

      const signedIn = await gql(
        ENROLL,
        { i: { cohortId } },
        { authorization: `Bearer ${p.token}`, "idempotency-key": "outage-1", "accept-language": "en" },
      );
      expect(signedIn.status).toBe(503);
      expect((await json(signedIn)).errors[0]).toMatchObject({
        extensions: { code: "TEMPORARILY_UNAVAILABLE" },
        message: expect.stringContaining("temporarily unavailable"),
      });

      proxy.restore();
      // The pool replaces its broken connections on its own: no restart, only time to reconnect.
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await timed(`${t.url}/readyz`)).status;
        if (status !== 200) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(200);
      const retried = await gql(
        ENROLL,
        { i: { cohortId } },
        { authorization: `Bearer ${p.token}`, "idempotency-key": "outage-1" },
      );
      expect(retried.status).toBe(200);
      expect((await json(retried)).data.enroll.enrollment.status).toBe("ENROLLED");
      expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(1);
    });

    it("fails a mutation cut off mid-flight cleanly, and its retry with the same key then runs once", async () => {
      const cohortId = await openCohort(t, staff, { capacity: 5 });
      const p = await t.user(["TRAINEE"]);
      const send = () =>
        timed(`${t.url}/graphql`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `Bearer ${p.token}`,
            "idempotency-key": "mid-flight-1",
          },
          body: JSON.stringify({ query: ENROLL, variables: { i: { cohortId } } }),
        });
      const inFlight = send();
      proxy.cut();
      const first = await inFlight;
      proxy.restore();
      // Either it finished before the cut, or it failed as a whole and left the key free for the retry.
      expect([200, 503]).toContain(first.status);
      let retry = await send();
      for (let i = 0; i < 50 && retry.status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        retry = await send();
      }
      expect(retry.status).toBe(200);
      expect((await json(retry)).data.enroll.enrollment.status).toBe("ENROLLED");
      expect(await t.count(Enrollment, { traineeId: p.traineeId })).toBe(1);
    });
  });
}
