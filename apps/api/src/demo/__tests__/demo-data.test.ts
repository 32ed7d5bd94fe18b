import "reflect-metadata";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import type { DataSource } from "typeorm";
import { isMainlandMobile, validateCreditCode, validateIdCard } from "@zuofu/shared";
import { DataCipher, verifyPassword } from "../../common/crypto";
import { loadConfig, type Config } from "../../config";
import { createDataSource } from "../../db/data-source";
import { createScratchMysql } from "../../db/scratch";
import { User } from "../../modules/accounts/user.entity";
import { Enterprise } from "../../modules/enterprises/enterprise.entity";
import { EnterpriseHonor } from "../../modules/enterprises/enterprise-honor.entity";
import { SocialResponsibilityRecord } from "../../modules/enterprises/social-responsibility-record.entity";
import { Trainee } from "../../modules/trainees/trainee.entity";
import { generateDemoData, loadDemoDataIfEmpty } from "../demo-data";
import { CommissionerAssignment, Visit } from "../../modules/desk/commissioner.entity";
import { Department, DepartmentHandler, EnterpriseContact } from "../../modules/desk/department.entity";
import { Problem, ProblemEvent } from "../../modules/desk/problem.entity";
import { Event, registrationOpen } from "../../modules/events/event.entity";
import { EventRegistration } from "../../modules/events/event-registration.entity";
import { Chamber } from "../../modules/chambers/chamber.entity";
import { ChamberMembership } from "../../modules/chambers/chamber-membership.entity";
import { AwardJudgeAssignment } from "../../modules/awards/award-judge-assignment.entity";
import { findConflicts } from "../../modules/awards/judge-conflicts";

// Generation takes a second or two; MySQL schema set-up takes longer.
jest.setTimeout(180_000);

const silent = pino({ level: "silent" });
/** A MySQL/MariaDB server (mysql://…): the suite then runs against scratch databases there. */
const serverUrl = process.env.TEST_DATABASE_URL;

interface TestDb {
  ds: DataSource;
  config: Config;
  close(): Promise<void>;
}

/** A fresh, migrated database: a temp SQLite file, or a scratch MySQL database when TEST_DATABASE_URL is set. */
async function freshDb(): Promise<TestDb> {
  let url: string;
  let remove: () => Promise<void>;
  if (serverUrl) {
    const scratch = await createScratchMysql(serverUrl, "demo");
    url = scratch.url;
    remove = scratch.drop;
  } else {
    const dir = mkdtempSync(join(tmpdir(), "zuofu-demo-"));
    url = "sqlite:" + join(dir, "demo.sqlite");
    remove = async () => rmSync(dir, { recursive: true, force: true });
  }
  const config = loadConfig({
    DATABASE_URL: url,
    SESSION_SECRET: "x".repeat(32),
    DATA_KEY: "0".repeat(64),
    NODE_ENV: "test",
  });
  const ds = createDataSource(config.database, silent);
  await ds.initialize();
  await ds.runMigrations();
  return {
    ds,
    config,
    close: async () => {
      await ds.destroy();
      await remove();
    },
  };
}

/**
 * A digest of every generated value that does not involve a random salt or IV (password hashes,
 * ciphertexts); the ID-card lookup hash is keyed, hence deterministic for one DATA_KEY.
 */
async function fingerprint(ds: DataSource): Promise<string> {
  const hash = createHash("sha256");
  const order = { order: { id: "ASC" as const } };
  for (const u of await ds.getRepository(User).find(order))
    hash.update(JSON.stringify([u.id, u.name, u.phone, u.roles, u.active, u.createdAt.toISOString()]));
  for (const e of await ds.getRepository(Enterprise).find(order))
    hash.update(
      JSON.stringify([
        e.id,
        e.name,
        e.creditCode,
        e.industry,
        e.town,
        e.size,
        e.foundedYear,
        e.listed,
        e.stockCode,
        e.createdAt.toISOString(),
      ]),
    );
  for (const h of await ds.getRepository(EnterpriseHonor).find(order))
    hash.update(
      JSON.stringify([h.id, h.enterpriseId, h.kind, h.level, h.year, h.certificateNumber, String(h.validUntil)]),
    );
  for (const r of await ds.getRepository(SocialResponsibilityRecord).find(order))
    hash.update(JSON.stringify([r.id, r.enterpriseId, r.programme, r.amountYuan, r.year, r.description]));
  for (const t of await ds.getRepository(Trainee).find(order))
    hash.update(
      JSON.stringify([
        t.id,
        t.userId,
        t.name,
        t.gender,
        t.phone,
        t.idCardHash,
        t.idCardMasked,
        t.position,
        t.enterpriseId,
        t.createdAt.toISOString(),
      ]),
    );
  return hash.digest("hex");
}

const DEMO_PHONES: Record<string, string> = {
  "13800000001": "ADMIN",
  "13800000002": "STAFF",
  "13800000003": "JUDGE",
  "13800000004": "TRAINEE",
};

describe(`demo data at scale 1 (${serverUrl ? "MySQL" : "SQLite"})`, () => {
  let db: TestDb;
  let counts: Record<string, number>;

  beforeAll(async () => {
    db = await freshDb();
    counts = await generateDemoData(db.ds, db.config, silent, { scale: 1, seed: 20210101 });
  });
  afterAll(() => db?.close());

  it("mirrors the article's training figures: 41 cohorts held, about 3,500 attendances", async () => {
    const [held] = await db.ds.query(`SELECT COUNT(*) AS n FROM cohort WHERE status IN ('IN_PROGRESS', 'COMPLETED')`);
    expect(Number(held.n)).toBe(41);
    const [attended] = await db.ds.query(
      `SELECT COUNT(*) AS n FROM enrollment e JOIN cohort c ON c.id = e.cohort_id WHERE c.status IN ('IN_PROGRESS', 'COMPLETED') AND (e.status IN ('ENROLLED', 'COMPLETED') OR e.outcome = 'NOT_COMPLETED')`,
    );
    expect(Number(attended.n)).toBe(3512);
    // Nobody stays ENROLLED in a cohort that has ended.
    const [stale] = await db.ds.query(
      `SELECT COUNT(*) AS n FROM enrollment e JOIN cohort c ON c.id = e.cohort_id WHERE c.status = 'COMPLETED' AND e.status = 'ENROLLED'`,
    );
    expect(Number(stale.n)).toBe(0);
    const open: { admission: string }[] = await db.ds.query(`SELECT admission FROM cohort WHERE status = 'OPEN'`);
    expect(open.map((c) => c.admission).sort()).toEqual(["AUTO", "REVIEW"]);
    // seatsTaken equals the rows holding a seat, for every cohort.
    const drift = await db.ds.query(
      `SELECT c.id FROM cohort c LEFT JOIN enrollment e ON e.cohort_id = c.id AND e.status IN ('ENROLLED', 'COMPLETED') GROUP BY c.id, c.seats_taken HAVING COUNT(e.id) <> c.seats_taken`,
    );
    expect(drift).toEqual([]);
    const [certs] = await db.ds.query(`SELECT COUNT(*) AS n FROM certificate`);
    expect(Number(certs.n)).toBe(counts.certificate);
  });

  it("mirrors the article's event figures: 20+ salons and 13 lectures held, upcoming ones open", async () => {
    const now = new Date();
    const held: { kind: string; n: string | number }[] = await db.ds
      .getRepository(Event)
      .createQueryBuilder("e")
      .select("e.kind", "kind")
      .addSelect("COUNT(*)", "n")
      .where("e.status = 'PUBLISHED' AND e.starts_at <= :now", { now })
      .groupBy("e.kind")
      .getRawMany();
    const heldOf = (kind: string) => Number(held.find((r) => r.kind === kind)?.n ?? 0);
    expect(heldOf("SALON")).toBeGreaterThanOrEqual(20);
    expect(heldOf("LECTURE")).toBe(13);
    // Every event's seat counter equals its registered rows; held events have speakers and check-ins.
    const drift = await db.ds.query(
      `SELECT e.id FROM event e LEFT JOIN event_registration r ON r.event_id = e.id AND r.status = 'REGISTERED' GROUP BY e.id, e.seats_taken, e.capacity HAVING COUNT(r.id) <> e.seats_taken OR e.seats_taken > e.capacity`,
    );
    expect(drift).toEqual([]);
    const bare = await db.ds.query(
      `SELECT e.id FROM event e WHERE e.status = 'PUBLISHED' AND NOT EXISTS (SELECT 1 FROM event_speaker s WHERE s.event_id = e.id)`,
    );
    expect(bare).toEqual([]);
    const [checkedIn] = await db.ds.query(
      `SELECT COUNT(*) AS n FROM event_registration WHERE checked_in_at IS NOT NULL`,
    );
    expect(Number(checkedIn.n)).toBeGreaterThan(1000);
    const open = await db.ds
      .getRepository(Event)
      .createQueryBuilder("e")
      .where("e.status = 'PUBLISHED' AND e.starts_at > :now", { now })
      .getMany();
    expect(open.length).toBeGreaterThanOrEqual(3);
    expect(open.every((e) => registrationOpen(e, now))).toBe(true);
    expect(open.some((e) => e.capacity - e.seatsTaken > 0 && e.capacity - e.seatsTaken <= 5)).toBe(true);
    const demoTrainee = await db.ds.getRepository(Trainee).findOneByOrFail({ phone: "13800000004" });
    const mine = await db.ds
      .getRepository(EventRegistration)
      .findBy({ traineeId: demoTrainee.id, status: "REGISTERED" });
    expect(mine.filter((r) => open.some((e) => e.id === r.eventId))).toHaveLength(1);
    expect(mine.filter((r) => r.checkedInAt).length).toBeGreaterThanOrEqual(2);
  });

  it("returns what it inserted, per table", async () => {
    expect(counts).toMatchObject({
      user: await db.ds.getRepository(User).count(),
      enterprise: 1000,
      enterprise_honor: 21 + 3 + 2 + 2 + 137 + 1386,
      social_responsibility_record: await db.ds.getRepository(SocialResponsibilityRecord).count(),
      trainee: await db.ds.getRepository(Trainee).count(),
    });
    expect(counts.trainee).toBeGreaterThanOrEqual(2000);
  });

  it("creates the four demo accounts, password zuofu-demo, and the demo trainee's profile", async () => {
    const users = await db.ds.getRepository(User).find({ where: Object.keys(DEMO_PHONES).map((phone) => ({ phone })) });
    expect(Object.fromEntries(users.map((u) => [u.phone, u.roles]))).toEqual(
      Object.fromEntries(Object.entries(DEMO_PHONES).map(([phone, role]) => [phone, [role]])),
    );
    expect(users.every((u) => u.active && /^[\u4e00-\u9fa5]{2,4}$/.test(u.name))).toBe(true);
    expect(await verifyPassword("zuofu-demo", users[0].passwordHash)).toBe(true);

    const traineeUser = users.find((u) => u.phone === "13800000004")!;
    const profile = await db.ds.getRepository(Trainee).findOneByOrFail({ userId: traineeUser.id });
    expect(profile).toMatchObject({ name: traineeUser.name, phone: "13800000004", position: expect.any(String) });
    expect(profile.enterpriseId).not.toBeNull();
    const id = new DataCipher(db.config.dataKey).decrypt(profile.idCardEncrypted!);
    expect(validateIdCard(id)).toMatchObject({ ok: true, gender: profile.gender });
  });

  it("reproduces the article's honor counts", async () => {
    const rows: { kind: string; n: string | number }[] = await db.ds
      .getRepository(EnterpriseHonor)
      .createQueryBuilder("h")
      .select("h.kind", "kind")
      .addSelect("COUNT(*)", "n")
      .groupBy("h.kind")
      .getRawMany();
    expect(Object.fromEntries(rows.map((r) => [r.kind, Number(r.n)]))).toEqual({
      SRDI: 21,
      LITTLE_GIANT: 3,
      HIDDEN_CHAMPION: 2,
      WELL_KNOWN_TRADEMARK: 2,
      HIGH_TECH: 137,
      TECH_SME: 1386,
    });
  });

  it("recognises a tech SME at most once a year, over several hundred enterprises", async () => {
    const honors = await db.ds.getRepository(EnterpriseHonor).findBy({ kind: "TECH_SME" });
    const perYear = new Set(honors.map((h) => `${h.enterpriseId}:${h.year}`));
    expect(perYear.size).toBe(honors.length);
    expect(new Set(honors.map((h) => h.enterpriseId)).size).toBeGreaterThan(300);
    expect(honors.every((h) => h.year >= 2021 && h.year <= 2025 && h.level === "MUNICIPAL")).toBe(true);
  });

  it("credits the article's companies with their honors and lists exactly 25 enterprises", async () => {
    const listed = await db.ds.getRepository(Enterprise).findBy({ listed: true });
    expect(listed).toHaveLength(25);
    expect(listed.every((e) => e.stockCode && /^\d{6}$/.test(e.stockCode))).toBe(true);
    expect(new Set(listed.map((e) => e.stockCode)).size).toBe(25);

    const honorsOf = async (name: string) => {
      const e = await db.ds.getRepository(Enterprise).findOneByOrFail({ name });
      const kinds = (await db.ds.getRepository(EnterpriseHonor).findBy({ enterpriseId: e.id })).map((h) => h.kind);
      return { e, kinds };
    };
    const shenchi = await honorsOf("重庆神驰机电股份有限公司");
    expect(shenchi.e).toMatchObject({ listed: true, stockCode: "603109" });
    expect(shenchi.kinds).toEqual(expect.arrayContaining(["LITTLE_GIANT", "HIDDEN_CHAMPION", "SRDI"]));
    expect((await honorsOf("重庆国贵赛车科技股份有限公司")).kinds).toEqual(
      expect.arrayContaining(["HIDDEN_CHAMPION", "SRDI"]),
    );
    for (const name of ["重庆颜宏齿轮有限公司", "重庆广仁铁塔制造有限公司"])
      expect((await honorsOf(name)).kinds).toContain("WELL_KNOWN_TRADEMARK");
    for (const name of ["重庆顺多利机车有限责任公司", "重庆长江造型材料(集团)股份有限公司"])
      expect((await honorsOf(name)).kinds).toContain("LITTLE_GIANT");
  });

  it("gives every enterprise a valid, unique unified social credit code of Beibei", async () => {
    const enterprises = await db.ds.getRepository(Enterprise).find();
    expect(enterprises.filter((e) => !validateCreditCode(e.creditCode).ok)).toEqual([]);
    expect(enterprises.every((e) => e.creditCode.startsWith("91500109"))).toBe(true);
    expect(new Set(enterprises.map((e) => e.creditCode)).size).toBe(enterprises.length);
    expect(new Set(enterprises.map((e) => e.name)).size).toBe(enterprises.length);
  });

  it("gives trainees valid, unique ID-card numbers, phones and names", async () => {
    const trainees = await db.ds.getRepository(Trainee).find({ order: { id: "ASC" } });
    const cipher = new DataCipher(db.config.dataKey);
    const step = Math.floor(trainees.length / 200);
    for (let i = 0; i < trainees.length; i += step) {
      const t = trainees[i];
      const id = cipher.decrypt(t.idCardEncrypted!);
      expect(validateIdCard(id)).toMatchObject({ ok: true, gender: t.gender });
      expect(cipher.lookupHash(id)).toBe(t.idCardHash);
      expect(t.idCardMasked).toBe(`${id.slice(0, 6)}********${id.slice(-4)}`);
      expect(id.slice(0, 2)).toBe("50");
      const birthYear = Number(id.slice(6, 10));
      expect(birthYear >= 1960 && birthYear <= 2000).toBe(true);
    }
    const phones = trainees.map((t) => t.phone!);
    expect(new Set(phones).size).toBe(trainees.length);
    expect(phones.every((p) => isMainlandMobile(p))).toBe(true);
    expect(phones.filter((p) => p.startsWith("1380000"))).toEqual(["13800000004"]);
    expect(new Set(trainees.map((t) => t.idCardHash)).size).toBe(trainees.length);
    expect(new Set(trainees.map((t) => t.name)).size).toBe(trainees.length);
    // Most trainees work at an enterprise; most have no account of their own.
    expect(trainees.filter((t) => t.enterpriseId !== null).length / trainees.length).toBeGreaterThan(0.8);
    expect(trainees.filter((t) => t.userId === null).length / trainees.length).toBeGreaterThan(0.7);
  });

  it("adds up the social-responsibility figures of the article", async () => {
    const records = await db.ds.getRepository(SocialResponsibilityRecord).find();
    const of = (programme: string) => records.filter((r) => r.programme === programme);
    const sum = (rs: SocialResponsibilityRecord[]) => rs.reduce((a, r) => a + r.amountYuan, 0);

    const help = of("VILLAGE_HELP");
    expect(Math.abs(sum(help) - 400_000_000)).toBeLessThanOrEqual(0.05 * 400_000_000);
    expect(new Set(help.map((r) => r.enterpriseId)).size).toBeGreaterThanOrEqual(100);
    expect(help.every((r) => r.year >= 2019 && r.year <= 2021)).toBe(true);

    const relief = of("EPIDEMIC_RELIEF");
    expect(sum(relief)).toBeGreaterThanOrEqual(16_000_000);
    expect(relief.every((r) => r.year === 2020)).toBe(true);
    expect(of("CONSUMPTION_POVERTY_RELIEF").length).toBeGreaterThan(0);
  });

  it("has about 100 partner chambers of all four region kinds, each with member enterprises", async () => {
    const chambers = await db.ds.getRepository(Chamber).find();
    expect(chambers).toHaveLength(100);
    expect(counts.chamber).toBe(100);
    const kinds = Object.fromEntries(
      ["DOMESTIC", "HK_MACAO_TAIWAN", "BELT_AND_ROAD", "OVERSEAS"].map((k) => [
        k,
        chambers.filter((c) => c.regionKind === k).length,
      ]),
    );
    expect(kinds).toEqual({ DOMESTIC: 45, HK_MACAO_TAIWAN: 14, BELT_AND_ROAD: 22, OVERSEAS: 19 });
    expect(chambers.map((c) => c.name)).toEqual(
      expect.arrayContaining(["北碚区工商联", "重庆市浙江商会", "重庆市福建商会", "中国—东盟商会", "香港重庆总会"]),
    );
    expect(chambers.every((c) => c.partnerSince >= "2016-01-01" && c.partnerSince <= "2024-12-31")).toBe(true);
    const rows: { cid: number; n: string | number }[] = await db.ds
      .getRepository(ChamberMembership)
      .createQueryBuilder("m")
      .innerJoin(Enterprise, "e", "e.id = m.enterprise_id")
      .select("m.chamber_id", "cid")
      .addSelect("COUNT(*)", "n")
      .groupBy("m.chamber_id")
      .getRawMany();
    expect(rows).toHaveLength(100);
    expect(rows.reduce((sum, r) => sum + Number(r.n), 0)).toBe(counts.chamber_membership);
    const federation = chambers.find((c) => c.name === "北碚区工商联")!;
    expect(Number(rows.find((r) => Number(r.cid) === federation.id)!.n)).toBe(300);
  });

  it("publishes the article's 250+ commendations, with this year's cycles nominating and judging", async () => {
    const [published] = await db.ds.query(`SELECT COUNT(*) AS n FROM award_winner WHERE published_at IS NOT NULL`);
    expect(Number(published.n)).toBe(270);
    expect(counts.award_winner).toBe(270);
    const cycles: { phase: string; year: number | string; n: number | string }[] = await db.ds.query(
      `SELECT phase, year, COUNT(*) AS n FROM award_cycle GROUP BY phase, year ORDER BY year, phase`,
    );
    expect(cycles.filter((c) => Number(c.year) <= 2025).every((c) => c.phase === "PUBLISHED")).toBe(true);
    expect(cycles.filter((c) => Number(c.year) === 2026).map((c) => c.phase)).toEqual([
      "DRAFT",
      "JUDGING",
      "NOMINATING",
    ]);
    // Six Beibei entrepreneurs on the city's top-ten lists; every commendation has its certificate.
    const [topTen] = await db.ds.query(
      `SELECT COUNT(*) AS n FROM award_winner w JOIN award_program p ON p.id = w.program_id WHERE p.name IN ('十大年度渝商', '十大新锐渝商') AND w.trainee_id IS NOT NULL`,
    );
    expect(Number(topTen.n)).toBe(6);
    const [certified] = await db.ds.query(`SELECT COUNT(*) AS n FROM certificate WHERE award_winner_id IS NOT NULL`);
    expect(Number(certified.n)).toBe(270);
    // The judging cycle: the demo judge among its judges, some score sets complete and some not.
    const judge = await db.ds.getRepository(User).findOneByOrFail({ phone: "13800000003" });
    const sheets: { judge: number | string; n: number | string }[] = await db.ds.query(
      `SELECT a.judge_user_id AS judge, COUNT(s.id) AS n FROM award_judge_assignment a JOIN award_cycle c ON c.id = a.cycle_id LEFT JOIN award_score s ON s.assignment_id = a.id WHERE c.phase = 'JUDGING' GROUP BY a.id, a.judge_user_id`,
    );
    const mine = sheets.filter((s) => Number(s.judge) === judge.id).map((s) => Number(s.n));
    expect(mine.length).toBeGreaterThanOrEqual(5);
    expect(mine.filter((n) => n === 4)).toHaveLength(2);
    expect(mine.filter((n) => n === 0).length).toBeGreaterThan(0);
    expect(sheets.filter((s) => Number(s.n) === 0).length).toBeGreaterThan(0);
    expect(sheets.filter((s) => Number(s.n) === 4).length).toBeGreaterThan(mine.length);
    const [live] = await db.ds.query(
      `SELECT COUNT(*) AS n FROM award_nomination n JOIN award_cycle c ON c.id = n.cycle_id WHERE c.phase = 'NOMINATING' AND n.dossier_snapshot IS NULL`,
    );
    expect(Number(live.n)).toBe(8);
    // Every cycle's nominations close before its judging ends.
    const [disordered] = await db.ds.query(
      `SELECT COUNT(*) AS n FROM award_cycle WHERE nominations_close_at IS NULL OR judging_ends_at IS NULL OR judging_ends_at <= nominations_close_at`,
    );
    expect(Number(disordered.n)).toBe(0);
  });

  it("gives judges affiliations, so that an open nomination shows a conflict, and leaves judging under way untouched", async () => {
    const affiliated: { user_id: number | string }[] = await db.ds.query(
      `SELECT DISTINCT user_id FROM judge_affiliation`,
    );
    expect(affiliated.length).toBeGreaterThanOrEqual(3);
    const judges = await db.ds
      .getRepository(User)
      .createQueryBuilder("u")
      .where("u.roles LIKE :role", { role: "%JUDGE%" })
      .getMany();
    const nominating: { id: number | string }[] = await db.ds.query(
      `SELECT n.id FROM award_nomination n JOIN award_cycle c ON c.id = n.cycle_id WHERE c.phase = 'NOMINATING'`,
    );
    const found = await findConflicts(
      db.ds.manager,
      judges.flatMap((j) => nominating.map((n) => ({ judgeUserId: j.id, nomination: { id: Number(n.id) } }))),
    );
    expect(nominating.length).toBe(8);
    expect([...found.values()]).toEqual(expect.arrayContaining(["SAME_ENTERPRISE", "SAME_CHAMBER"]));
    const assigned = await db.ds.getRepository(AwardJudgeAssignment).find();
    const underWay = await findConflicts(
      db.ds.manager,
      assigned.map((a) => ({ judgeUserId: a.judgeUserId, nomination: { id: a.nominationId } })),
    );
    expect(underWay.size).toBe(0);
    // Every trainee's enterprise is on the record as a confirmed link, and a few claims wait for staff.
    const [links] = await db.ds.query(
      `SELECT SUM(CASE WHEN status = 'CONFIRMED' THEN 1 ELSE 0 END) AS confirmed, SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END) AS pending FROM trainee_enterprise_link`,
    );
    const [withEnterprise] = await db.ds.query(`SELECT COUNT(*) AS n FROM trainee WHERE enterprise_id IS NOT NULL`);
    expect(Number(links.confirmed)).toBe(Number(withEnterprise.n));
    expect(Number(links.pending)).toBe(3);
  });

  it("runs the service desk: 32 departments, ~500 commissioners, 5,800+ problems handled, a few overdue at the top", async () => {
    expect(await db.ds.getRepository(Department).count()).toBe(32);
    expect(await db.ds.getRepository(DepartmentHandler).count()).toBe(64);
    const assignments = await db.ds.getRepository(CommissionerAssignment).find();
    expect(new Set(assignments.map((a) => a.commissionerUserId)).size).toBe(480);
    expect(new Set(assignments.map((a) => a.enterpriseId)).size).toBe(assignments.length);
    expect(await db.ds.getRepository(Problem).countBy({ status: "CLOSED" })).toBeGreaterThan(5800);
    const open = await db.ds
      .getRepository(Problem)
      .createQueryBuilder("p")
      .where("p.status IN ('ASSIGNED', 'IN_PROGRESS', 'REOPENED') AND p.due_at < :now", { now: new Date() })
      .getMany();
    expect(open.length).toBeGreaterThanOrEqual(5);
    expect(open.every((p) => p.level === "DISTRICT_HEAD")).toBe(true);
    // Every problem's timeline starts with its report; every closed one ends closed.
    const firsts: { kind: string; n: number | string }[] = await db.ds.query(
      "SELECT e.kind AS kind, COUNT(*) AS n FROM problem_event e WHERE e.id IN (SELECT MIN(id) FROM problem_event GROUP BY problem_id) GROUP BY e.kind",
    );
    expect(firsts.map((f) => [f.kind, Number(f.n)])).toEqual([
      ["REPORTED", await db.ds.getRepository(Problem).count()],
    ]);
    expect(await db.ds.getRepository(ProblemEvent).countBy({ kind: "CLOSED" })).toBe(
      await db.ds.getRepository(Problem).countBy({ status: "CLOSED" }),
    );
    const desk = await db.ds.getRepository(User).find({
      where: ["13800000005", "13800000006", "13800000007", "13800000008"].map((phone) => ({ phone })),
      order: { phone: "ASC" },
    });
    expect(desk.map((u) => u.roles[0])).toEqual([
      "ENTERPRISE_CONTACT",
      "DEPARTMENT_HANDLER",
      "LEADER_IN_CHARGE",
      "COMMISSIONER",
    ]);
    const contact = await db.ds.getRepository(EnterpriseContact).findOneByOrFail({ userId: desk[0].id });
    expect(await db.ds.getRepository(Problem).countBy({ enterpriseId: contact.enterpriseId })).toBeGreaterThan(50);
    expect(
      await db.ds.getRepository(CommissionerAssignment).countBy({ commissionerUserId: desk[3].id }),
    ).toBeGreaterThan(0);
    expect(await db.ds.getRepository(Department).countBy({ leaderUserId: desk[2].id })).toBe(4);
    // Ratings: every round kept; mostly satisfied, some basically, a few not (those reopened).
    const ratings: { rating: string; n: number | string }[] = await db.ds.query(
      "SELECT rating, COUNT(*) AS n FROM problem_event WHERE kind = 'RATED' GROUP BY rating",
    );
    const share = Object.fromEntries(ratings.map((r) => [r.rating, Number(r.n)]));
    const rated = Object.values(share).reduce((a, b) => a + b, 0);
    expect(share.SATISFIED / rated).toBeGreaterThan(0.7);
    expect(share.BASICALLY_SATISFIED / rated).toBeGreaterThan(0.1);
    expect(share.NOT_SATISFIED / rated).toBeGreaterThan(0.02);
    expect(share.NOT_SATISFIED / rated).toBeLessThan(0.1);
    expect(await db.ds.getRepository(ProblemEvent).countBy({ kind: "ESCALATED", note: "企业对答复不满意" })).toBe(
      share.NOT_SATISFIED,
    );
    // Visits over three years; every key enterprise visited within 90 days but a few, the demo commissioner's among them.
    const visits = await db.ds.getRepository(Visit).count();
    expect(visits).toBeGreaterThan(10_000);
    const cutoff = new Date(Date.now() - 90 * 86_400_000).toISOString().slice(0, 10);
    const overdue = assignments.filter((a) => a.lastVisitOn === null || a.lastVisitOn < cutoff);
    expect(overdue.length).toBeGreaterThanOrEqual(5);
    expect(overdue.length).toBeLessThan(40);
    expect(overdue.some((a) => a.commissionerUserId === desk[3].id)).toBe(true);
    expect(assignments.every((a) => a.current)).toBe(true);
    const [latest] = await db.ds.query(
      "SELECT COUNT(*) AS n FROM commissioner_assignment ca WHERE ca.last_visit_on <> (SELECT MAX(v.visited_on) FROM visit v WHERE v.enterprise_id = ca.enterprise_id)",
    );
    expect(Number(latest.n)).toBe(0);
  });

  it("loadDemoDataIfEmpty leaves a database with users alone", async () => {
    const before = await fingerprint(db.ds);
    await loadDemoDataIfEmpty(db.ds, db.config, silent);
    expect(await fingerprint(db.ds)).toBe(before);
    expect(await db.ds.getRepository(User).count()).toBe(counts.user);
  });

  it("is deterministic: loadDemoDataIfEmpty into a fresh database gives the same rows; another seed does not", async () => {
    const expected = await fingerprint(db.ds);
    const same = await freshDb();
    const other = await freshDb();
    try {
      await loadDemoDataIfEmpty(same.ds, same.config, silent);
      expect(await fingerprint(same.ds)).toBe(expected);
      await generateDemoData(other.ds, other.config, silent, { seed: 7 });
      expect(await fingerprint(other.ds)).not.toBe(expected);
    } finally {
      await same.close();
      await other.close();
    }
  });
});
