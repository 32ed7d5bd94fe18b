import "reflect-metadata";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { DataSource } from "typeorm";
import { loadConfig } from "../../config";
import { TestApp } from "../../testing/harness";
import { openDatabase } from "../database";
import { isMysql } from "../dialect";
import { MIGRATION_LOCK_LEASE_MS, runMigrationsOnce } from "../migration-lock";
import { createScratchMysql } from "../scratch";

describe("migrations", () => {
  // Every table is created and dropped twice on MariaDB here: slower than the default 5 s.
  jest.setTimeout(60_000);

  it("create exactly the schema the entities describe, on this database", async () => {
    const t = await TestApp.start();
    try {
      const pending = await t.ds.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
      expect(await t.ds.showMigrations()).toBe(false);
    } finally {
      await t.close();
    }
  });

  it("revert and re-apply cleanly", async () => {
    const t = await TestApp.start();
    try {
      const count = t.ds.migrations.length;
      for (let i = 0; i < count; i++) await t.ds.undoLastMigration({ transaction: "each" });
      expect(await t.ds.showMigrations()).toBe(true);
      await t.ds.runMigrations({ transaction: "each" });
      expect((await t.ds.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe("migrations when several processes start at once", () => {
  jest.setTimeout(120_000);

  it("are applied once, by one of them, and every process opens the database", async () => {
    let url: string;
    let drop: () => Promise<void>;
    if (process.env.TEST_DATABASE_URL) {
      ({ url, drop } = await createScratchMysql(process.env.TEST_DATABASE_URL, "migrate"));
    } else {
      const dir = mkdtempSync(join(tmpdir(), "zuofu-migrate-"));
      url = `sqlite:${join(dir, "db.sqlite")}`;
      drop = async () => rmSync(dir, { recursive: true, force: true });
    }
    const config = loadConfig({
      NODE_ENV: "test",
      DATABASE_URL: url,
      DEMO_DATA: "0",
      SESSION_SECRET: "test-session-secret-of-at-least-32-characters",
      DATA_KEY: "7a".repeat(32),
    });
    const log = pino({ level: "silent" });
    const opened: DataSource[] = [];
    try {
      const results = await Promise.allSettled([1, 2, 3].map(() => openDatabase(config, log)));
      for (const r of results) if (r.status === "fulfilled") opened.push(r.value);
      expect(results.map((r) => (r.status === "rejected" ? String(r.reason) : r.status))).toEqual([
        "fulfilled",
        "fulfilled",
        "fulfilled",
      ]);
      const ds = opened[0];
      const [{ n }] = await ds.query("SELECT COUNT(*) AS n FROM migration");
      expect(Number(n)).toBe(ds.migrations.length);
      expect(await ds.query("SELECT * FROM migration_lock")).toEqual([]);
    } finally {
      await Promise.all(opened.map((ds) => ds.destroy()));
      await drop();
    }
  });

  it("wait for a live holder of the lock and take over one whose holder stopped beating", async () => {
    const t = await TestApp.start();
    try {
      const log = pino({ level: "silent" });
      await t.ds.undoLastMigration({ transaction: "each" });
      // A holder that died a lease ago: the next start takes its lock over and applies the migration.
      await t.ds.query("INSERT INTO migration_lock (id, holder, heartbeat_at) VALUES (1, ?, ?)", [
        "gone:1",
        Date.now() - MIGRATION_LOCK_LEASE_MS - 1000,
      ]);
      expect((await runMigrationsOnce(t.ds, log)).length).toBe(1);
      expect(await t.ds.query("SELECT * FROM migration_lock")).toEqual([]);
      expect(await t.ds.showMigrations()).toBe(false);
    } finally {
      await t.close();
    }
  });
});

describe("what Galera (and TiDB, Vitess) need from the schema", () => {
  it("every table has a primary key and, on MySQL, is InnoDB", async () => {
    const t = await TestApp.start();
    try {
      if (isMysql(t.ds)) {
        const rows: { name: string; engine: string; pk: number | string }[] = await t.ds.query(
          `SELECT t.table_name AS name, t.engine AS engine,
             (SELECT COUNT(*) FROM information_schema.table_constraints c
               WHERE c.table_schema = t.table_schema AND c.table_name = t.table_name
                 AND c.constraint_type = 'PRIMARY KEY') AS pk
           FROM information_schema.tables t WHERE t.table_schema = DATABASE() AND t.table_type = 'BASE TABLE'`,
        );
        expect(rows.length).toBeGreaterThan(30);
        expect(rows.filter((r) => Number(r.pk) !== 1 || r.engine !== "InnoDB")).toEqual([]);
      } else {
        const tables: { name: string }[] = await t.ds.query(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
        );
        expect(tables.length).toBeGreaterThan(30);
        const withoutKey: string[] = [];
        for (const { name } of tables) {
          const columns: { pk: number }[] = await t.ds.query(`PRAGMA table_info("${name}")`);
          if (!columns.some((c) => c.pk > 0)) withoutKey.push(name);
        }
        expect(withoutKey).toEqual([]);
      }
    } finally {
      await t.close();
    }
  });

  it("no source file uses a statement Galera refuses or does not replicate", () => {
    const forbidden =
      /\b(LOCK\s+TABLES?|GET_LOCK|RELEASE_LOCK|XA\s+(START|BEGIN|END|PREPARE|COMMIT)|ENGINE\s*=\s*(MyISAM|Aria|MEMORY|CSV))\b/i;
    const root = join(__dirname, "../..");
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== "__tests__") walk(path);
        } else if (entry.name.endsWith(".ts")) {
          // Comments may name them (to say why they are not used); code may not.
          const code = readFileSync(path, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
          if (forbidden.test(code)) offenders.push(path);
        }
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
