import "reflect-metadata";
/**
 * npm run cluster [-- --apis 3 --redis-url redis://127.0.0.1:6379/12 --no-demo]
 *
 * On this one machine: a three-node MariaDB Galera cluster (data under a temp folder, ports from the
 * kernel, never the MariaDB on 3306), HAProxy with a writer and a reader address in front of it and
 * one public address in front of N API processes (the tsc build, BACKGROUND_JOBS=1), all sharing
 * one Redis. Ctrl-C stops everything it started and removes the folder. See docs/scaling.md.
 */
import { parseArgs } from "node:util";
import { Cluster } from "./cluster";

async function main() {
  const { values } = parseArgs({
    options: {
      apis: { type: "string", default: "3" },
      // DB 12 of the shared Redis: the cluster's counters never meet a test's (DB 0).
      "redis-url": { type: "string", default: process.env.REDIS_URL || "redis://127.0.0.1:6379/12" },
      "no-demo": { type: "boolean", default: false },
    },
  });
  const apis = Number(values.apis);
  if (!Number.isInteger(apis) || apis < 1 || apis > 8) throw new Error("--apis must be 1 to 8");
  const say = (line: string) => console.log(line);
  say("starting: 3 Galera nodes, HAProxy, health agent, API processes (about a minute)");
  const cluster = await Cluster.start({
    apis,
    redisUrl: values["redis-url"]!,
    demoData: !values["no-demo"],
    apiLogs: "files",
    say,
  });
  const stop = async () => {
    say("\nstopping everything the cluster started");
    await cluster.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  say("");
  say(`public API (HAProxy → ${apis} API processes)  ${cluster.publicUrl}/graphql`);
  say(`database writer (HAProxy → Synced nodes)      ${cluster.writerUrl}`);
  say(`database reader (HAProxy → Synced/Donor)      ${cluster.readerUrl}`);
  for (const n of cluster.nodes) say(`  ${n.name}  mysql -h127.0.0.1 -P${n.port} -uroot   data ${n.datadir}`);
  for (const a of cluster.apis) say(`  ${a.name}  ${a.server.url}  log ${a.logFile}`);
  say(`Redis ${cluster.redisUrl}`);
  say(`HAProxy admin: echo "show stat" | socat stdio ${cluster.dir}/haproxy.sock`);
  if (cluster.options.demoData) say("demo data loaded (by api1): demo accounts, password zuofu-demo");
  say("Ctrl-C stops it all.");
}

main().catch((err) => {
  console.error(err instanceof Error ? (err.stack ?? err.message) : err);
  process.exit(1);
});
