import "reflect-metadata";
import { TestApp } from "../../testing/harness";

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
