/**
 * HAProxy's view of the Galera nodes (the role of Percona's clustercheck), one small HTTP port per
 * node: `GET /writer` answers 200 only when the node is Synced (wsrep_local_state 4), ready
 * (wsrep_ready ON) and in the primary component; `GET /reader` also accepts a Donor/Desynced node
 * (state 2), whose data is current but which is busy giving a copy. Anything else, or no answer
 * from the node within a second, is 503 and HAProxy stops routing there.
 *
 * Runs as its own process (started by scripts/cluster/cluster.ts) so that a busy load generator
 * never delays an answer into a false "down".
 * argv[2]: JSON [{ "name", "dbPort", "agentPort" }]
 */
import { createServer } from "node:http";
import { createConnection, type Connection } from "mysql2/promise";

interface Target {
  name: string;
  dbPort: number;
  agentPort: number;
}

async function wsrepStatus(target: Target, conn: { current?: Connection }): Promise<Record<string, string> | null> {
  try {
    conn.current ??= await createConnection({
      host: "127.0.0.1",
      port: target.dbPort,
      user: "root",
      connectTimeout: 1000,
    });
    const [rows] = await Promise.race([
      conn.current.query(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_ready','wsrep_local_state','wsrep_cluster_status')",
      ),
      new Promise<never>((_, fail) => setTimeout(() => fail(new Error("no answer within 1 s")), 1000)),
    ]);
    return Object.fromEntries(
      (rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]),
    );
  } catch {
    conn.current?.destroy();
    conn.current = undefined;
    return null;
  }
}

function serve(target: Target): void {
  const conn: { current?: Connection } = {};
  createServer(async (req, res) => {
    const v = await wsrepStatus(target, conn);
    const primary = v?.wsrep_ready === "ON" && v.wsrep_cluster_status === "Primary";
    const state = Number(v?.wsrep_local_state ?? 0);
    const up = primary && (state === 4 || (req.url === "/reader" && state === 2));
    res.writeHead(up ? 200 : 503, { "content-type": "text/plain" });
    res.end(
      v
        ? `${target.name} state=${state} ready=${v.wsrep_ready} ${v.wsrep_cluster_status}\n`
        : `${target.name} unreachable\n`,
    );
  }).listen(target.agentPort, "127.0.0.1");
}

for (const target of JSON.parse(process.argv[2]) as Target[]) serve(target);
process.on("SIGTERM", () => process.exit(0));
