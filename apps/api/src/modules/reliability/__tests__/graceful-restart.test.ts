import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { BUILT_MAIN, startBuiltServer, type BuiltServer } from "../../../testing/built-server";

const REGISTER = `mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { token user { id } userErrors { code } } }`;

type Outcome =
  | { kind: "answered"; status: number; body: string }
  | { kind: "not accepted"; error: string }
  | { kind: "lost"; error: string };

/**
 * One request on its own connection. It sends `Expect: 100-continue` and its body only after the
 * server's "100 Continue": so the client knows the process accepted it. Connections that the
 * process never took (refused, or reset from the kernel's queue when it stops listening) are not
 * accepted; an accepted request that ends without a full answer is lost.
 */
function post(port: number, payload: string, address = "198.51.100.1"): Promise<Outcome> {
  return new Promise((done) => {
    let accepted = false;
    const req = request({
      host: "127.0.0.1",
      port,
      path: "/graphql",
      method: "POST",
      agent: false,
      headers: {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(payload),
        expect: "100-continue",
        // Each person from an address of their own (the server trusts loopback as a proxy).
        "x-forwarded-for": address,
      },
    });
    req.on("continue", () => {
      accepted = true;
      req.end(payload);
    });
    req.on("response", (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => done({ kind: "answered", status: res.statusCode ?? 0, body }));
      res.on("error", (err) => done({ kind: "lost", error: err.message }));
    });
    req.on("error", (err: NodeJS.ErrnoException) =>
      done({ kind: accepted ? "lost" : "not accepted", error: `${err.code} ${err.message}` }),
    );
  });
}

describe("graceful restart: SIGTERM in the middle of a burst (the built server, node apps/api/dist/main.js)", () => {
  let dir: string;
  let server: BuiltServer;
  let port: number;

  beforeAll(async () => {
    if (!existsSync(BUILT_MAIN)) throw new Error("build the API first: npx tsc -b packages/shared apps/api");
    dir = mkdtempSync(join(tmpdir(), "zuofu-restart-"));
    server = await startBuiltServer(
      {
        DATABASE_URL: `sqlite:${join(dir, "zuofu.sqlite")}`,
        DEMO_DATA: "0",
        NODE_ENV: "development",
        LOG_LEVEL: "warn",
        TRUST_PROXY: "loopback",
        SMS_INBOX: join(dir, "sms-inbox.jsonl"),
      },
      { stdout: "inherit" },
    );
    port = server.port;
  }, 60_000);
  afterAll(async () => {
    await server?.stop("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers every accepted request in full, stores exactly those, and exits 0", async () => {
    const exited = new Promise<number | null>((r) => server.child.once("exit", (code) => r(code)));
    const phone = (i: number) => `1370000${String(i).padStart(4, "0")}`;
    const address = (i: number) => `198.51.100.${i + 10}`;
    // Every registration needs the code its phone received: ask for them all before the burst.
    for (let i = 0; i < 43; i++) {
      const asked = JSON.stringify({
        query: `mutation { requestPhoneCode(input: { phone: "${phone(i)}", purpose: REGISTER }) { userErrors { code } } }`,
      });
      expect(await post(port, asked, address(i))).toMatchObject({ kind: "answered", status: 200 });
    }
    const codes = new Map(
      readFileSync(join(dir, "sms-inbox.jsonl"), "utf8")
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line) as { to: string; code: string })
        .map((m) => [m.to, m.code]),
    );
    const payload = (i: number) =>
      JSON.stringify({
        query: REGISTER,
        variables: {
          i: { name: `重启测试${i}`, phone: phone(i), password: "restart-2026", phoneCode: codes.get(phone(i)) },
        },
      });
    // Warm up first: the first requests compile what later ones reuse.
    for (let i = 0; i < 3; i++)
      expect(await post(port, payload(i), address(i))).toMatchObject({ kind: "answered", status: 200 });
    // Registrations hash a password (scrypt) and take turns on SQLite: many are in flight when the signal comes.
    const sends: Promise<Outcome>[] = [];
    for (let i = 3; i < 43; i++) {
      sends.push(post(port, payload(i), address(i)));
      if (i === 23) server.child.kill("SIGTERM");
      await new Promise((r) => setTimeout(r, 5));
    }
    const outcomes = await Promise.all(sends);
    expect(await exited).toBe(0);

    expect(outcomes.filter((o) => o.kind === "lost")).toEqual([]);
    const answered = outcomes.filter((o): o is Extract<Outcome, { kind: "answered" }> => o.kind === "answered");
    expect(answered.length).toBeGreaterThan(0);
    for (const a of answered) {
      expect(a.status).toBe(200);
      const body = JSON.parse(a.body) as { data: { registerTrainee: { token: string; userErrors: unknown[] } } };
      expect(body.data.registerTrainee.userErrors).toEqual([]);
      expect(body.data.registerTrainee.token).toEqual(expect.any(String));
    }
    // The signal came mid-burst: the last requests found the server gone, none found it half-there.
    expect(outcomes.at(-1)?.kind).toBe("not accepted");
    const db = new Database(join(dir, "zuofu.sqlite"), { readonly: true });
    try {
      const row = db.prepare(`SELECT COUNT(*) AS n FROM user WHERE phone LIKE '1370000%'`).get() as { n: number };
      expect(row.n).toBe(3 + answered.length);
    } finally {
      db.close();
    }
  }, 60_000);
});
