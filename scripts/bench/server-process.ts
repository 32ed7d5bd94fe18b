import { spawn, type ChildProcess } from "node:child_process";

/** The flags `npm start` and the Docker image run the API with, so the bench measures the same process. */
export const API_NODE_FLAGS = ["--max-semi-space-size=128"];
import { closeSync, openSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { freePort } from "../../apps/api/src/testing/built-server";

export const ROOT = resolve(__dirname, "../..");

/** What runs: the real built API, the bench-only Fastify variant of it, or the hand-written baseline. */
export type ServerKind = "api" | "fastify" | "baseline";

const ENTRY: Record<ServerKind, string> = {
  api: "apps/api/dist/main.js",
  fastify: "scripts/bench/fastify-server.ts",
  baseline: "scripts/bench/baseline/baseline-server.ts",
};

export interface ServerProcess {
  kind: ServerKind;
  pid: number;
  url: string;
  /** Milliseconds from spawn to the first 200 of /readyz. */
  readyMs: number;
  /** Starts a new peak: the kernel's high-water mark of resident memory is reset to the current size. */
  resetPeak(): void;
  /** Peak resident memory since the last reset, in MiB (VmHWM). */
  peakRssMiB(): number;
  /** CPU time the process has used so far (user + system, all its threads, GC included), in ms. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** utime + stime from /proc/<pid>/stat, in clock ticks of 10 ms (USER_HZ is 100 on Linux). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * The CPU time (ms) of the local MariaDB/MySQL server process so far, or null when none is visible
 * in /proc (a remote database). It counts every client of that server, not only the bench's.
 */
export function databaseServerCpuMs(): number | null {
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const name = readFileSync(`/proc/${entry}/comm`, "utf8").trim();
      if (name === "mariadbd" || name === "mysqld") return cpuTicks(Number(entry)) * 10;
    } catch {
      // The process ended while we looked.
    }
  }
  return null;
}

function statusField(pid: number, field: string): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((l) => l.startsWith(`${field}:`));
  return line ? Number(line.replace(/\D+/g, "")) : 0;
}

async function waitReady(child: ChildProcess, url: string, started: number, output: () => string): Promise<number> {
  const deadline = started + 60_000;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.status === 200) return performance.now() - started;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  child.kill("SIGKILL");
  throw new Error(`server not ready within 60 s:\n${output()}`);
}

/**
 * Starts a server as its own process on a free loopback port, so that it has a core of its own and
 * its memory is its own. The TypeScript entries (Fastify variant, baseline) run through ts-node's
 * SWC transpiler; the API modules they load are the tsc build in apps/api/dist.
 */
export async function startServer(
  kind: ServerKind,
  env: Record<string, string>,
  options: { nodeFlags?: string[]; logFile?: string } = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const viaTsNode = kind === "api" ? [] : [require.resolve("ts-node/dist/bin"), "--swc", "-P", "scripts/tsconfig.json"];
  const log = options.logFile ? openSync(options.logFile, "a") : "ignore";
  const started = performance.now();
  const flags = options.nodeFlags ?? API_NODE_FLAGS;
  const child = spawn(process.execPath, [...flags, ...viaTsNode, ENTRY[kind]], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? "",
      NODE_ENV: "production",
      PORT: String(port),
      ...env,
    },
    // The request log goes to /dev/null (as cheap as a log shipper's pipe) unless a profile run keeps it.
    stdio: ["ignore", log, "pipe"],
  });
  if (typeof log === "number") closeSync(log);
  let stderr = "";
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });
  const url = `http://127.0.0.1:${port}`;
  const readyMs = await waitReady(child, url, started, () => stderr);
  const exited = new Promise<void>((ok) => child.once("exit", () => ok()));
  return {
    kind,
    pid: child.pid!,
    url,
    readyMs,
    resetPeak: () => writeFileSync(`/proc/${child.pid}/clear_refs`, "5"),
    peakRssMiB: () => statusField(child.pid!, "VmHWM") / 1024,
    cpuMs: () => cpuTicks(child.pid!) * 10,
    stop: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
