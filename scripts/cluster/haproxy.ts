import { execFileSync, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { freePort } from "../../apps/api/src/testing/built-server";
import type { ProcessList } from "./processes";

/** Installs what the cluster needs from Debian when it is missing (haproxy; rsync for Galera's state transfer). */
export function ensureSystemPackages(): void {
  const missing = [
    ["haproxy", "haproxy"],
    ["rsync", "rsync"],
  ].filter(([bin]) => {
    try {
      execFileSync("sh", ["-c", `command -v ${bin}`], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  if (!missing.length) return;
  const names = missing.map(([, pkg]) => pkg);
  console.log(`installing ${names.join(", ")} (apt-get)`);
  execFileSync(
    "sh",
    ["-c", `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${names.join(" ")}`],
    {
      stdio: "inherit",
    },
  );
}

export interface HaproxyPorts {
  writer: number;
  reader: number;
  api: number;
}

export interface HaproxyLayout {
  dbServers: { name: string; port: number; agentPort: number }[];
  apiServers: { name: string; port: number }[];
}

/**
 * One HAProxy, three doors: the writer and reader addresses in front of the Galera nodes (TCP,
 * health-checked through each node's health agent, scripts/cluster/health-agent.ts) and the public
 * HTTP address in front of the API processes (checked through /readyz).
 */
function config(dir: string, ports: HaproxyPorts, layout: HaproxyLayout): string {
  const db = layout.dbServers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check port ${s.agentPort}`).join("\n");
  return `global
  maxconn 4000
  stats socket ${join(dir, "haproxy.sock")} mode 600 level admin

defaults
  timeout connect 2s
  timeout check 2s
  retries 2
  option redispatch

# The API's DATABASE_URL: every Synced node of the primary component takes writes (multi-primary);
# a connection to a node that fails its check is cut at once, so the pool reconnects elsewhere.
frontend galera_writer
  mode tcp
  bind 127.0.0.1:${ports.writer}
  timeout client 1h
  default_backend galera_writer

backend galera_writer
  mode tcp
  balance leastconn
  timeout server 1h
  option httpchk GET /writer
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
${db}

# Reads that may also go to a node busy donating a state copy (reports, exports, backups).
frontend galera_reader
  mode tcp
  bind 127.0.0.1:${ports.reader}
  timeout client 1h
  default_backend galera_reader

backend galera_reader
  mode tcp
  balance leastconn
  timeout server 1h
  option httpchk GET /reader
  default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
${db}

# The public address: the API processes, stateless, round robin.
frontend api
  mode http
  bind 127.0.0.1:${ports.api}
  timeout client 60s
  default_backend api

backend api
  mode http
  balance roundrobin
  timeout server 60s
  option httpchk GET /readyz
  option forwardfor
  default-server inter 1s fall 2 rise 1
${layout.apiServers.map((s) => `  server ${s.name} 127.0.0.1:${s.port} check`).join("\n")}
`;
}

export class Haproxy {
  private constructor(
    readonly ports: HaproxyPorts,
    private readonly socket: string,
  ) {}

  static async start(dir: string, processes: ProcessList, layout: HaproxyLayout): Promise<Haproxy> {
    const ports = { writer: await freePort(), reader: await freePort(), api: await freePort() };
    const file = join(dir, "haproxy.cfg");
    writeFileSync(file, config(dir, ports, layout));
    execFileSync("haproxy", ["-c", "-q", "-f", file]);
    const child = spawn("haproxy", ["-db", "-f", file], { stdio: ["ignore", "ignore", "pipe"] });
    child.stderr!.on("data", () => undefined);
    processes.add(child, "haproxy");
    const proxy = new Haproxy(ports, join(dir, "haproxy.sock"));
    for (let i = 0; i < 100; i++) {
      if (
        await proxy.command("show info").then(
          () => true,
          () => false,
        )
      )
        return proxy;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error("haproxy did not start");
  }

  /** One command on HAProxy's runtime API (the admin socket). */
  command(line: string): Promise<string> {
    return new Promise((done, fail) => {
      const sock = connect(this.socket);
      let out = "";
      sock.on("connect", () => sock.end(`${line}\n`));
      sock.on("data", (d) => (out += d.toString()));
      sock.on("end", () => done(out));
      sock.on("error", fail);
    });
  }

  /** Points a server at another port (an API process restarted elsewhere). */
  async moveServer(backend: string, server: string, port: number): Promise<void> {
    await this.command(`set server ${backend}/${server} addr 127.0.0.1 port ${port}`);
  }

  /** Each server of `backend` and whether HAProxy sends it traffic now (UP) or not (DOWN, MAINT). */
  async serverStates(backend: string): Promise<Record<string, string>> {
    const csv = await this.command("show stat");
    const states: Record<string, string> = {};
    for (const line of csv.split("\n")) {
      const [px, sv, ...rest] = line.split(",");
      if (px === backend && sv && sv !== "BACKEND" && sv !== "FRONTEND") states[sv] = rest[15];
    }
    return states;
  }
}
