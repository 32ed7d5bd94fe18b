import { spawn, type ChildProcess } from "node:child_process";

/** The flags `npm start` and the Docker image run the API with, so the bench measures the same process. */
export const API_NODE_FLAGS = ["--max-semi-space-size=128"];
import { closeSync, openSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from "node:fs";
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
 * The process listening on TCP `port` on this machine (the MariaDB the bench talks to), or null
 * when none is visible in /proc (a remote database). Found by the socket, not by the name: other
 * mariadbd processes (a test cluster) may run beside it.
 */
export function listeningPid(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text: string;
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN.
      if (cols.length > 9 && cols[3] === "0A" && parseInt(cols[1].split(":")[1], 16) === port) inodes.add(cols[9]);
    }
  }
  if (!inodes.size) return null;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${entry}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith("socket:[") && inodes.has(target.slice(8, -1))) return Number(entry);
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return null;
}

/** CPU time (user + system, ms) of any process so far, or null once it is gone. */
export function processCpuMs(pid: number): number | null {
  try {
    return cpuTicks(pid) * 10;
  } catch {
    return null;
  }
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
