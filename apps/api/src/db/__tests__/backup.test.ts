import "reflect-metadata";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TestApp } from "../../testing/harness";
import { backupDatabase, restoreDatabase } from "../backup";
import { Enterprise } from "../../modules/enterprises/enterprise.entity";
import { Trainee } from "../../modules/trainees/trainee.entity";

describe("backup and restore", () => {
  let t: TestApp;
  let dir: string;
  beforeAll(async () => {
    t = await TestApp.start();
    dir = mkdtempSync(join(tmpdir(), "zuofu-backup-"));
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const snapshot = async () => ({
    enterprises: await t.ds.getRepository(Enterprise).find({ order: { id: "ASC" } }),
    trainees: await t.ds.getRepository(Trainee).find({ order: { id: "ASC" } }),
  });

  it("brings back exactly what was there at backup time", async () => {
    const staff = await t.user(["STAFF"]);
    const CREATE = `mutation($i: CreateEnterpriseInput!) { createEnterprise(input: $i) { enterprise { id } userErrors { code } } }`;
    await t.ok(
      CREATE,
      { i: { name: "重庆顺多利机车有限责任公司", creditCode: "91350100M000100Y43", town: "童家溪镇" } },
      { token: staff.token },
    );
    await t.ok(
      CREATE,
      { i: { name: "含'引号\"与换行\n的企业", creditCode: "91110000600037341L" } },
      { token: staff.token },
    );
    const before = await snapshot();
    expect(before.enterprises).toHaveLength(2);

    const file = join(dir, t.config.database.kind === "sqlite" ? "backup.sqlite" : "backup.sql");
    const done = await backupDatabase(t.config.database, file);
    expect(done.rows).toBeGreaterThanOrEqual(4);
    if (t.config.database.kind === "mysql") expect(readFileSync(file, "utf8")).toContain("INSERT INTO `enterprise`");

    await t.ds.getRepository(Enterprise).update({ id: before.enterprises[0].id }, { name: "改过的名字" });
    await t.ds.getRepository(Enterprise).delete({ id: before.enterprises[1].id });
    await t.ok(CREATE, { i: { name: "备份之后的企业", creditCode: "914403001922038216" } }, { token: staff.token });
    expect((await snapshot()).enterprises.map((e) => e.name)).not.toEqual(before.enterprises.map((e) => e.name));

    await restoreDatabase(t.config.database, file);
    const after = await snapshot();
    expect(after).toEqual(before);
    // The running server answers from the restored data.
    const res = await t.ok(`{ enterprises(first: 10) { totalCount edges { node { name } } } }`);
    expect(res.enterprises.totalCount).toBe(2);
  });
});
