import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import { join } from "node:path";
import { createConnection, type Connection } from "mysql2/promise";
import { freePort } from "../../apps/api/src/testing/built-server";
import type { ProcessList } from "./processes";

export const MARIADBD = "/usr/sbin/mariadbd";

/** Debian's galera-4 puts the provider here (`dpkg -L galera-4`). */
export function wsrepProvider(): string {
  for (const path of ["/usr/lib/galera/libgalera_smm.so", "/usr/lib/libgalera_smm.so"]) {
    if (existsSync(path)) return path;
  }
  const listed = execFileSync("dpkg", ["-L", "galera-4"], { encoding: "utf8" })
    .split("\n")
    .find((l) => l.endsWith("libgalera_smm.so"));
  if (!listed) throw new Error("the wsrep provider is missing: apt-get install galera-4");
  return listed;
}

/**
 * mariadbd refuses to run as root unless told a user; run as root it becomes `mysql`, which then
 * owns the data. (Run as root without --user, rsync's SST daemon would write as `nobody`.)
 */
function runAs(): { flag: string[]; uid?: number; gid?: number } {
  if (userInfo().uid !== 0) return { flag: [] };
  const id = (opt: string) => Number(execFileSync("id", [opt, "mysql"], { encoding: "utf8" }).trim());
  return { flag: ["--user=mysql"], uid: id("-u"), gid: id("-g") };
}

/** The engine settings every node and the single comparison server share, so that only Galera differs. */
const ENGINE = [
  "--bind-address=127.0.0.1",
  "--skip-name-resolve",
  "--default-storage-engine=InnoDB",
  "--binlog-format=ROW",
  "--innodb-autoinc-lock-mode=2",
  "--innodb-buffer-pool-size=128M",
  "--innodb-log-file-size=64M",
  // Durability comes from the other nodes' copies in Galera; the single server gets the same setting.
  "--innodb-flush-log-at-trx-commit=2",
  "--character-set-server=utf8mb4",
  "--collation-server=utf8mb4_unicode_ci",
  "--max-connections=300",
];

export type NodeState = { ready: boolean; state: number; comment: string; status: string; size: number };

/** One mariadbd with its own data directory, ports and log, on 127.0.0.1 only. */
export class DbNode {
  child: ChildProcess | null = null;
  readonly datadir: string;
  readonly logFile: string;

  private constructor(
    readonly name: string,
    private readonly dir: string,
    readonly port: number,
    /** Galera's group port (gmcast.listen_addr), IST and SST ports; null for the single server. */
    readonly galera: { group: number; ist: number; sst: number; peers: () => string[] } | null,
    private readonly processes: ProcessList,
  ) {
    this.datadir = join(dir, name);
    this.logFile = join(dir, `${name}.err`);
  }

  static async create(
    name: string,
    dir: string,
    processes: ProcessList,
    galera: { peers: () => string[] } | null,
  ): Promise<DbNode> {
    const port = await freePort();
    const ports = galera ? { group: await freePort(), ist: await freePort(), sst: await freePort() } : null;
    return new DbNode(name, dir, port, ports && galera ? { ...ports, peers: galera.peers } : null, processes);
  }

  get groupAddress(): string {
    return `127.0.0.1:${this.galera!.group}`;
  }

  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}/`;
  }

  /** A fresh system schema (root without password, loopback only). Galera joiners start empty and get theirs by SST. */
  initialize(withSystemTables: boolean): void {
    mkdirSync(this.datadir, { recursive: true });
    const as = runAs();
    // mariadbd runs as `mysql` when started by root: the folder and the data must be its own.
    if (as.uid !== undefined) {
      chownSync(this.dir, as.uid, as.gid!);
      chownSync(this.datadir, as.uid, as.gid!);
    }
    if (withSystemTables) {
      execFileSync(
        "mariadb-install-db",
        [
          "--no-defaults",
          `--datadir=${this.datadir}`,
          ...as.flag,
          "--auth-root-authentication-method=normal",
          "--skip-test-db",
        ],
        { stdio: "ignore" },
      );
    }
  }

  private args(extra: string[]): string[] {
    const base = [
      "--no-defaults",
      ...runAs().flag,
      `--datadir=${this.datadir}`,
      `--socket=${join(this.dir, `${this.name}.sock`)}`,
      `--pid-file=${join(this.dir, `${this.name}.pid`)}`,
      `--log-error=${this.logFile}`,
      `--port=${this.port}`,
      ...ENGINE,
    ];
    if (!this.galera) return [...base, ...extra];
    const g = this.galera;
    return [
      ...base,
      "--wsrep-on=ON",
      `--wsrep-provider=${wsrepProvider()}`,
      "--wsrep-cluster-name=zuofu_local",
      `--wsrep-cluster-address=gcomm://${g.peers().join(",")}`,
      `--wsrep-node-address=127.0.0.1:${g.group}`,
      `--wsrep-node-name=${this.name}`,
      `--wsrep-sst-receive-address=127.0.0.1:${g.sst}`,
      "--wsrep-sst-method=rsync",
      "--wsrep-slave-threads=2",
      // A node that vanished is suspected after 3 s and evicted after 6 s (defaults 5 s and 15 s).
      `--wsrep-provider-options=gmcast.listen_addr=tcp://127.0.0.1:${g.group};ist.recv_addr=127.0.0.1:${g.ist};gcache.size=256M;evs.suspect_timeout=PT3S;evs.inactive_timeout=PT6S;evs.install_timeout=PT6S;evs.inactive_check_period=PT1S`,
      ...extra,
    ];
  }

  /** Starts mariadbd; `bootstrap` forms a new cluster from this node. */
  start(options: { bootstrap?: boolean; startPosition?: string } = {}): void {
    const extra = [
      ...(options.bootstrap ? ["--wsrep-new-cluster"] : []),
      ...(options.startPosition ? [`--wsrep-start-position=${options.startPosition}`] : []),
    ];
    const child = spawn(MARIADBD, this.args(extra), { stdio: "ignore" });
    this.child = child;
    this.processes.add(child, `mariadbd ${this.name}`);
  }

  /**
   * After a crash the node's position is in InnoDB, not in grastate.dat: `--wsrep-recover` reads it
   * (what Debian's galera_recovery does), so that the restart asks for IST, not a full copy.
   */
  recoverPosition(): string | null {
    const recoverLog = join(this.dir, `${this.name}.recover`);
    writeFileSync(recoverLog, "");
    const args = this.args(["--wsrep-recover"]).map((a) =>
      a.startsWith("--log-error=") ? `--log-error=${recoverLog}` : a,
    );
    const as = runAs();
    if (as.uid !== undefined) chownSync(recoverLog, as.uid, as.gid!);
    execFileSync(MARIADBD, args, { stdio: "ignore", timeout: 60_000 });
    const found = readFileSync(recoverLog, "utf8").match(/Recovered position: (\S+:-?\d+)/g);
    return found ? found[found.length - 1].split(": ")[1] : null;
  }

  /** Restarts a crashed node from its recovered position: it rejoins by IST when the donor's gcache still has the gap. */
  restart(): string | null {
    const position = this.recoverPosition();
    this.start({ startPosition: position ?? undefined });
    return position;
  }

  get alive(): boolean {
    return Boolean(this.child && this.child.exitCode === null && this.child.signalCode === null);
  }

  async kill(signal: NodeJS.Signals = "SIGKILL"): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once("exit", done));
    child.kill(signal);
    const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
    await exited;
    clearTimeout(timer);
  }

  async connect(database?: string): Promise<Connection> {
    return createConnection({
      host: "127.0.0.1",
      port: this.port,
      user: "root",
      database,
      connectTimeout: 2000,
      multipleStatements: false,
    });
  }

  /** The node's view of itself: wsrep_ready, wsrep_local_state (4 = Synced), the component and its size. */
  async state(): Promise<NodeState | null> {
    let conn: Connection | undefined;
    try {
      conn = await this.connect();
      const [rows] = await conn.query(
        "SHOW STATUS WHERE Variable_name IN ('wsrep_ready','wsrep_local_state','wsrep_local_state_comment','wsrep_cluster_status','wsrep_cluster_size')",
      );
      const v = Object.fromEntries(
        (rows as { Variable_name: string; Value: string }[]).map((r) => [r.Variable_name, r.Value]),
      );
      return {
        ready: v.wsrep_ready === "ON",
        state: Number(v.wsrep_local_state ?? 0),
        comment: v.wsrep_local_state_comment ?? "",
        status: v.wsrep_cluster_status ?? "",
        size: Number(v.wsrep_cluster_size ?? 0),
      };
    } catch {
      return null;
    } finally {
      await conn?.end().catch(() => undefined);
    }
  }

  /** Waits until the node answers (single server) or is Synced in a primary component of `size` (Galera). */
  async waitReady(timeoutMs: number, size?: number): Promise<number> {
    const started = performance.now();
    while (performance.now() - started < timeoutMs) {
      if (this.child && !this.alive) throw new Error(`${this.name} exited:\n${this.tail()}`);
      if (this.galera) {
        const s = await this.state();
        if (s && s.ready && s.state === 4 && s.status === "Primary" && (!size || s.size === size)) {
          return performance.now() - started;
        }
      } else {
        const ok = await this.connect().then(
          (c) => c.end().then(() => true),
          () => false,
        );
        if (ok) return performance.now() - started;
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`${this.name} not ready within ${timeoutMs / 1000} s:\n${this.tail()}`);
  }

  tail(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, "utf8").split("\n").slice(-15).join("\n") : "";
  }
}

/** Three (or `size`) nodes on this machine: the first bootstraps, the others join by SST. */
export async function startGalera(dir: string, processes: ProcessList, size = 3): Promise<DbNode[]> {
  const nodes: DbNode[] = [];
  for (let i = 1; i <= size; i++) {
    const self = i;
    nodes.push(
      await DbNode.create(`node${i}`, dir, processes, {
        peers: () => nodes.filter((_, j) => j !== self - 1).map((n) => n.groupAddress),
      }),
    );
  }
  nodes.forEach((n, i) => n.initialize(i === 0));
  nodes[0].start({ bootstrap: true });
  await nodes[0].waitReady(60_000);
  for (const n of nodes.slice(1)) n.start();
  for (const n of nodes.slice(1)) await n.waitReady(120_000);
  await nodes[0].waitReady(30_000, size);
  return nodes;
}

/** One plain MariaDB server (no Galera), with the nodes' engine settings: the comparison point. */
export async function startSingle(dir: string, processes: ProcessList): Promise<DbNode> {
  const node = await DbNode.create("single", dir, processes, null);
  node.initialize(true);
  node.start();
  await node.waitReady(60_000);
  return node;
}
