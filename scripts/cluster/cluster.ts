import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createConnection } from "mysql2/promise";
import { freePort, startBuiltServer, type BuiltServer } from "../../apps/api/src/testing/built-server";
import { DbNode, startGalera } from "./galera";
import { ensureSystemPackages, Haproxy } from "./haproxy";
import { ProcessList } from "./processes";

const ROOT = resolve(__dirname, "../..");
export const DATABASE = "zuofu";

export interface ClusterOptions {
  apis: number;
  /** A Redis URL to use, or null to start a Redis of the cluster's own (which the drill may stop). */
  redisUrl: string | null;
  demoData: boolean;
  /** Where each API process's request log goes: nowhere, or a file per process in the cluster folder. */
  apiLogs: "ignore" | "files";
  /** More settings for every API process (the drill shortens the idempotency lease). */
  env?: Record<string, string>;
  /** A second file that lists every pid started, for a wrapper that must clean up after a killed run (CI). */
  pidFile?: string;
  say?: (line: string) => void;
}

export interface ApiProcess {
  name: string;
  server: BuiltServer;
  logFile: string | null;
}

/** Everything `npm run cluster` runs on this machine; `stop()` ends all of it and removes the folder. */
export class Cluster {
  readonly apis: ApiProcess[] = [];
  redis: ChildProcess | null = null;
  redisUrl = "";
  readonly secrets = { SESSION_SECRET: randomBytes(32).toString("hex"), DATA_KEY: randomBytes(32).toString("hex") };
  nodes: DbNode[] = [];
  haproxy!: Haproxy;
  private agentPorts: number[] = [];

  private constructor(
    readonly dir: string,
    readonly processes: ProcessList,
    readonly options: ClusterOptions,
  ) {}

  get writerUrl(): string {
    return `mysql://root@127.0.0.1:${this.haproxy.ports.writer}/${DATABASE}`;
  }
  get readerUrl(): string {
    return `mysql://root@127.0.0.1:${this.haproxy.ports.reader}/${DATABASE}`;
  }
  get publicUrl(): string {
    return `http://127.0.0.1:${this.haproxy.ports.api}`;
  }

  static async start(options: ClusterOptions): Promise<Cluster> {
    const say = options.say ?? (() => undefined);
    ensureSystemPackages();
    const dir = mkdtempSync(join(tmpdir(), "zuofu-cluster-"));
    const cluster = new Cluster(dir, new ProcessList(options.pidFile ?? join(dir, "pids")), options);
    cluster.processes.noteFolder(dir);
    // However this process ends (an error, a time limit, a signal), nothing it started outlives it.
    process.once("exit", () => {
      cluster.processes.killAllNow();
      rmSync(dir, { recursive: true, force: true });
    });
    try {
      const started = performance.now();
      cluster.nodes = await startGalera(dir, cluster.processes, 3);
      say(`Galera: 3 nodes Synced in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      await cluster.startAgents();
      await cluster.startRedis();
      // The API servers' ports are chosen now so that HAProxy knows them; a port taken meanwhile is fixed up below.
      const apiPorts = await Promise.all(Array.from({ length: options.apis }, () => freePort()));
      cluster.haproxy = await Haproxy.start(dir, cluster.processes, {
        dbServers: cluster.nodes.map((n, i) => ({ name: n.name, port: n.port, agentPort: cluster.agentPorts[i] })),
        apiServers: apiPorts.map((port, i) => ({ name: `api${i + 1}`, port })),
      });
      await cluster.waitWriter();
      const admin = await cluster.nodes[0].connect();
      await admin.query(`CREATE DATABASE ${DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
      // All API processes start at the same moment on the empty database: the migrations apply once.
      await Promise.all(apiPorts.map((port, i) => cluster.startApi(i, port)));
      say(`API: ${options.apis} processes ready, migrations applied once`);
      return cluster;
    } catch (err) {
      await cluster.stop();
      throw err;
    }
  }

  private async startAgents(): Promise<void> {
    this.agentPorts = await Promise.all(this.nodes.map(() => freePort()));
    const targets = this.nodes.map((n, i) => ({ name: n.name, dbPort: n.port, agentPort: this.agentPorts[i] }));
    const child = spawn(
      process.execPath,
      [
        require.resolve("ts-node/dist/bin"),
        "--swc",
        "-P",
        "scripts/tsconfig.json",
        "scripts/cluster/health-agent.ts",
        JSON.stringify(targets),
      ],
      { cwd: ROOT, stdio: "ignore" },
    );
    this.processes.add(child, "health-agent");
    for (let i = 0; i < 100; i++) {
      const ok = await fetch(`http://127.0.0.1:${this.agentPorts[0]}/writer`).then(
        () => true,
        () => false,
      );
      if (ok) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("the health agent did not start");
  }

  private async startRedis(): Promise<void> {
    if (this.options.redisUrl) {
      this.redisUrl = this.options.redisUrl;
      return;
    }
    const port = await freePort();
    this.redis = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    this.processes.add(this.redis, "redis");
    this.redisUrl = `redis://127.0.0.1:${port}`;
    await this.waitPort(port);
  }

  /** Starts (or restarts) the redis-server of the cluster's own on its port. */
  async restartRedis(): Promise<void> {
    const port = Number(new URL(this.redisUrl).port);
    this.redis = spawn(
      "redis-server",
      ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: "ignore" },
    );
    this.processes.add(this.redis, "redis");
    await this.waitPort(port);
  }

  private async waitPort(port: number): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const ok = await new Promise<boolean>((done) => {
        const s = connect(port, "127.0.0.1");
        s.once("connect", () => (s.end(), done(true)));
        s.once("error", () => done(false));
      });
      if (ok) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`nothing listens on ${port}`);
  }

  private async waitWriter(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      const ok = await createConnection({
        host: "127.0.0.1",
        port: this.haproxy.ports.writer,
        user: "root",
        connectTimeout: 1000,
      })
        .then((c) => c.query("SELECT 1").then(() => c.end().then(() => true)))
        .catch(() => false);
      if (ok) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error("HAProxy's writer address never reached a node");
  }

  /** The environment of every API process: the same secrets, the writer address, Redis, jobs on. */
  apiEnv(index: number, databaseUrl = this.writerUrl): Record<string, string> {
    return {
      NODE_ENV: "production",
      DATABASE_URL: databaseUrl,
      REDIS_URL: this.redisUrl,
      ...this.secrets,
      BACKGROUND_JOBS: "1",
      // One process loads the demo data; the others start on the same empty database and wait for nothing.
      DEMO_DATA: this.options.demoData && index === 0 ? "1" : "0",
      TRUST_PROXY: "loopback",
      LOG_LEVEL: "info",
      SMS_PROVIDER: "inbox",
      SMS_INBOX: join(this.dir, `sms-api${index + 1}.jsonl`),
      ...this.options.env,
    };
  }

  /** Starts API process `index` (again, after a crash) and points HAProxy's server at its port. */
  async startApi(index: number, port?: number, databaseUrl?: string): Promise<ApiProcess> {
    const name = `api${index + 1}`;
    const logFile = this.options.apiLogs === "files" ? join(this.dir, `${name}.log`) : null;
    const fd = logFile ? openSync(logFile, "a") : undefined;
    const server = await startBuiltServer(this.apiEnv(index, databaseUrl), {
      stdout: fd ?? "ignore",
      firstPort: port,
      readyWithinMs: 120_000,
    });
    if (fd !== undefined) closeSync(fd);
    this.processes.add(server.child, name);
    if (server.port !== port && !databaseUrl) await this.haproxy.moveServer("api", name, server.port);
    const api = { name, server, logFile };
    this.apis[index] = api;
    return api;
  }

  async stop(): Promise<void> {
    await this.processes.stopAll();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
