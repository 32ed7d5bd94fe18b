import "reflect-metadata";
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import v8 from "node:v8";
import { get, type IncomingMessage } from "node:http";
import { runInNewContext } from "node:vm";
import ExcelJS from "exceljs";
import { TestApp, type TestUser } from "../../../testing/harness";
import { User } from "../../accounts/user.entity";
import { ENROLL, STATUS, openCohort } from "../../training/__tests__/fixtures";
import { REGISTER, HOUR, publishedEvent } from "../../events/__tests__/fixtures";
import {
  ASSIGN,
  createCycle,
  createProgram,
  enterprise,
  gid,
  judge,
  local,
  nominate,
  score,
  toPhase,
} from "../../awards/__tests__/fixtures";

const URL_OF = `mutation($i: CreateExportUrlInput!) { createExportUrl(input: $i) { url expiresAt userErrors { code field message } } }`;
const SESSION = `mutation($i: CreateClassSessionInput!) { createClassSession(input: $i) { session { id } userErrors { code field } } }`;
const MARK = `mutation($i: MarkAttendanceInput!) { markAttendance(input: $i) { userErrors { code field } } }`;

let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

async function exportUrl(input: Record<string, unknown>, lang?: string): Promise<string> {
  const res = await t.ok(URL_OF, { i: input }, { token: staff.token, lang });
  expect(res.createExportUrl.userErrors).toEqual([]);
  return res.createExportUrl.url;
}

/** Downloads and opens the file with exceljs' reader: the sheet's rows as plain values. */
async function xlsxRows(path: string): Promise<unknown[][]> {
  const res = await fetch(t.url + path);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("spreadsheetml");
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
  const rows: unknown[][] = [];
  book.worksheets[0].eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("exports", () => {
  it("cohort roster as XLSX with Chinese headers, and as CSV with English ones for an English reader", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 2, title: "民营企业家经营管理研修班" });
    const people = [
      await t.user(["TRAINEE"], "张伟"),
      await t.user(["TRAINEE"], "李娜"),
      await t.user(["TRAINEE"], "王芳"),
    ];
    for (const p of people) await t.ok(ENROLL, { i: { cohortId } }, { token: p.token });

    const rows = await xlsxRows(await exportUrl({ kind: "COHORT_ROSTER", cohortId }));
    expect(rows[0]).toEqual([
      "序号",
      "姓名",
      "手机号",
      "所在企业",
      "职务",
      "状态",
      "报名时间",
      "出勤率(%)",
      "证书编号",
    ]);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[5]])).toEqual([
      [1, "张伟", people[0].phone, "已录取"],
      [2, "李娜", people[1].phone, "已录取"],
      [3, "王芳", people[2].phone, "候补"],
    ]);

    const csv = await fetch(t.url + (await exportUrl({ kind: "COHORT_ROSTER", format: "CSV", cohortId }, "en")));
    expect(csv.headers.get("content-disposition")).toContain(
      encodeURIComponent("民营企业家经营管理研修班 第1期 roster.csv"),
    );
    const text = await csv.text();
    const lines = text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("No.,Name,Phone,Enterprise,Position,Status,Enrolled at,Attendance (%),Certificate serial");
    expect(lines.slice(1).map((l) => l.split(",").slice(0, 2).concat(l.split(",")[5]))).toEqual([
      ["1", "张伟", "Enrolled"],
      ["2", "李娜", "Enrolled"],
      ["3", "王芳", "Waitlisted"],
    ]);
  });

  it("cohort roster of a completed cohort: rate, serial, 未结业, and columns as wide as the longest enterprise name", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5, title: "企业家精神研修班" });
    const company = "重庆市北碚区卢作孚民生实业集团有限责任公司";
    const { id: enterpriseId } = await enterprise(t, company);
    const a = await t.user(["TRAINEE"], "钱多多");
    const b = await t.user(["TRAINEE"], "周全");
    await t.ds.query(`UPDATE trainee SET enterprise_id = ? WHERE id = ?`, [enterpriseId, a.traineeId]);
    const ids: string[] = [];
    for (const u of [a, b])
      ids.push((await t.ok(ENROLL, { i: { cohortId } }, { token: u.token })).enroll.enrollment.id);
    const sessions: string[] = [];
    for (const day of ["01", "02"]) {
      const res = await t.ok(
        SESSION,
        { i: { cohortId, topic: "课程", startsAt: `2026-03-${day}T01:00:00Z`, endsAt: `2026-03-${day}T04:00:00Z` } },
        { token: staff.token },
      );
      sessions.push(res.createClassSession.session.id);
    }
    for (const [k, sessionId] of sessions.entries()) {
      const entries = [
        { enrollmentId: ids[0], status: k === 0 ? "PRESENT" : "LATE" },
        { enrollmentId: ids[1], status: k === 0 ? "LEAVE" : "ABSENT" },
      ];
      expect(
        (await t.ok(MARK, { i: { sessionId, entries } }, { token: staff.token })).markAttendance.userErrors,
      ).toEqual([]);
    }
    await t.ok(STATUS, { i: { cohortId, status: "IN_PROGRESS" } }, { token: staff.token });
    await t.ok(STATUS, { i: { cohortId, status: "COMPLETED" } }, { token: staff.token });

    const path = await exportUrl({ kind: "COHORT_ROSTER", cohortId });
    const rows = await xlsxRows(path);
    expect(rows.slice(1).map((r) => [r[1], r[3], r[5], r[7], r[8]])).toEqual([
      ["钱多多", company, "已结业", 100, expect.stringMatching(/^ZF2026-\d{3}-0001$/)],
      ["周全", undefined, "未结业", 0, undefined],
    ]);
    const res = await fetch(t.url + path);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ExcelJS.Buffer);
    // 21 Chinese characters: 42 units, and the margin.
    expect(book.worksheets[0].getColumn(4).width).toBe(44);
    expect(book.worksheets[0].getColumn(2).width).toBe(10);

    const sheet = await xlsxRows(await exportUrl({ kind: "ATTENDANCE_SHEET", cohortId }));
    expect(sheet.slice(1)).toEqual([
      ["钱多多", company, "✓", "迟到", 100],
      ["周全", undefined, "请假", undefined, 0],
    ]);
  });

  it("attendance sheet: one column per session, marks and the rate", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 5 });
    const p = await t.user(["TRAINEE"], "赵敏");
    const q = await t.user(["TRAINEE"], "孙强");
    const enrollmentIds: string[] = [];
    for (const u of [p, q])
      enrollmentIds.push((await t.ok(ENROLL, { i: { cohortId } }, { token: u.token })).enroll.enrollment.id);
    const sessionIds: string[] = [];
    for (const [i, topic] of ["战略管理", "财务管理"].entries()) {
      const res = await t.ok(
        SESSION,
        { i: { cohortId, topic, startsAt: `2026-03-0${i + 1}T01:00:00Z`, endsAt: `2026-03-0${i + 1}T04:00:00Z` } },
        { token: staff.token },
      );
      sessionIds.push(res.createClassSession.session.id);
    }
    await t.ok(
      MARK,
      { i: { sessionId: sessionIds[0], entries: [{ enrollmentId: enrollmentIds[0], present: true }] } },
      { token: staff.token },
    );
    const rows = await xlsxRows(await exportUrl({ kind: "ATTENDANCE_SHEET", cohortId }));
    expect(rows).toEqual([
      ["姓名", "所在企业", "03-01 战略管理", "03-02 财务管理", "出勤率(%)"],
      // Empty cells read back as undefined.
      ["赵敏", undefined, "✓", undefined, 50],
      ["孙强", undefined, undefined, undefined, 0],
    ]);
  });

  it("event registrations, honor roll, award ranking, feedback and statistics open with their headers", async () => {
    const eventId = await publishedEvent(t, staff, { startsIn: 48 * HOUR, title: "作孚讲堂：新质生产力" });
    const guest = await t.user(["TRAINEE"], "周杰");
    await t.ok(REGISTER, { i: { eventId } }, { token: guest.token });
    const registrations = await xlsxRows(await exportUrl({ kind: "EVENT_REGISTRATIONS", eventId }));
    expect(registrations[0]).toEqual(["姓名", "手机号", "所在企业", "职务", "状态", "报名时间", "签到时间"]);
    expect(registrations.slice(1).map((r) => [r[0], r[4]])).toEqual([["周杰", "已报名"]]);

    const programId = await createProgram(t, staff, "卢作孚光彩奖", "ENTERPRISE");
    const { id: cycleId, criteria } = await createCycle(t, staff, programId, {
      year: 2025,
      quota: 1,
      phase: "NOMINATING",
    });
    const j = await judge(t, "评委丙");
    const nominations = [
      await nominate(t, staff, cycleId, (await enterprise(t, "重庆北碚甲公司")).gid),
      await nominate(t, staff, cycleId, (await enterprise(t, "重庆北碚乙公司")).gid),
    ];
    for (const n of nominations)
      await t.ok(ASSIGN, { i: { nominationId: n, judgeIds: [gid("User", j.userId)] } }, { token: staff.token });
    await toPhase(t, staff, cycleId, "JUDGING");
    await score(t, j, nominations[0], criteria, [6, 6, 6]);
    await score(t, j, nominations[1], criteria, [9, 9, 9]);
    const ranking = await xlsxRows(await exportUrl({ kind: "AWARD_RANKING", cycleId }));
    expect(ranking[0]).toEqual(["名次", "被提名者", "所在企业", "加权得分", "完整评分", "评委数", "符合条件", "获奖"]);
    expect(ranking.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual([
      [1, "重庆北碚乙公司", 9],
      [2, "重庆北碚甲公司", 6],
    ]);
    await toPhase(t, staff, cycleId, "DECIDED");
    await toPhase(t, staff, cycleId, "PUBLISHED");
    const roll = await xlsxRows(await exportUrl({ kind: "HONOR_ROLL", year: 2025, programId }, "en"));
    expect(roll).toEqual([
      ["Year", "Award", "Rank", "Winner", "Enterprise", "Category"],
      [2025, "卢作孚光彩奖", 1, "重庆北碚乙公司", "重庆北碚乙公司", "Enterprise"],
    ]);

    const cohortId = await openCohort(t, staff, { capacity: 1 });
    expect(await xlsxRows(await exportUrl({ kind: "FEEDBACK", cohortId }))).toEqual([
      ["提交时间", "评价对象", "课次", "评分", "意见"],
    ]);
    const stats = await xlsxRows(await exportUrl({ kind: "STATISTICS" }));
    expect(stats[0]).toEqual(["年度", "培训期数", "培训人次"]);
    expect(stats.map((r) => r[0])).toContain("合计");
  });

  it("links are for staff, need their ids, and stop working when altered or when the signer is no longer staff", async () => {
    const trainee = await t.user(["TRAINEE"]);
    const forbidden = await t.gql(URL_OF, { i: { kind: "STATISTICS" } }, { token: trainee.token });
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(URL_OF, { i: { kind: "STATISTICS" } })).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");

    const missing = await t.ok(URL_OF, { i: { kind: "COHORT_ROSTER" } }, { token: staff.token });
    expect(missing.createExportUrl.userErrors).toEqual([
      expect.objectContaining({ code: "REQUIRED", field: ["input", "cohortId"] }),
    ]);
    expect(missing.createExportUrl.url).toBeNull();
    const unknown = await t.ok(
      URL_OF,
      { i: { kind: "COHORT_ROSTER", cohortId: gid("Cohort", 999999) } },
      { token: staff.token },
    );
    expect(unknown.createExportUrl.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "cohortId"] });

    const other = await t.user(["STAFF"]);
    const res = await t.ok(URL_OF, { i: { kind: "STATISTICS", format: "CSV" } }, { token: other.token });
    const url: string = res.createExportUrl.url;
    expect((await fetch(t.url + url)).status).toBe(200);
    expect((await fetch(t.url + url.replace(/sig=[^&]+/, "sig=" + "A".repeat(43)))).status).toBe(403);
    expect((await fetch(t.url + url.replace(/u=\d+/, `u=${staff.userId}`))).status).toBe(403);
    expect((await fetch(t.url + url.replace("statistics.csv", "honor-roll.csv"))).status).toBe(403);
    await t.ds.getRepository(User).update({ id: other.userId }, { roles: ["TRAINEE"] });
    expect((await fetch(t.url + url)).status).toBe(403);
  });
});

describe("large exports", () => {
  it("streams 100,000 rows with bounded memory, and the file holds them all", async () => {
    const cohortId = await openCohort(t, staff, { capacity: 10 });
    const id = local(cohortId);
    for (let i = 0; i < 100; i++) {
      const values = Array.from(
        { length: 1000 },
        (_, k) => `('批量学员${i * 1000 + k}', '139${String(i * 1000 + k).padStart(8, "0")}')`,
      );
      await t.ds.query(`INSERT INTO trainee (name, phone) VALUES ${values.join(",")}`);
    }
    await t.ds.query(
      `INSERT INTO enrollment (cohort_id, trainee_id, status) SELECT ?, id, 'ENROLLED' FROM trainee WHERE name LIKE '批量学员%'`,
      [id],
    );
    const dir = mkdtempSync(join(tmpdir(), "zuofu-export-"));
    try {
      const file = join(dir, "roster.xlsx");
      const url = await exportUrl({ kind: "COHORT_ROSTER", cohortId });
      // Live memory (heap and buffers), not garbage: collect before each sample, while the download is in flight.
      v8.setFlagsFromString("--expose-gc");
      const gc = runInNewContext("gc") as () => void;
      gc();
      const live = () => process.memoryUsage().heapUsed + process.memoryUsage().external;
      const base = live();
      let peak = base;
      let chunks = 0;
      const res = await new Promise<IncomingMessage>((resolve, reject) =>
        get(t.url + url, resolve).on("error", reject),
      );
      const sampled = res.on("data", () => {
        if (++chunks % 50 === 0) {
          gc();
          peak = Math.max(peak, live());
        }
      });
      await pipeline(sampled, createWriteStream(file));
      const growthMb = (peak - base) / 2 ** 20;
      // Measured: about 6 MB; the rows as cell arrays alone take 26 MB, and the sheet XML buffered ahead of the zip 23 MB.
      expect(growthMb).toBeLessThan(10);

      let rows = 0;
      let header: unknown[] = [];
      let last: unknown[] = [];
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {});
      for await (const sheet of reader)
        for await (const row of sheet) {
          if (++rows === 1) header = (row.values as unknown[]).slice(1);
          last = (row.values as unknown[]).slice(1);
        }
      expect(rows).toBe(100_001);
      expect(header[1]).toBe("姓名");
      expect(last.slice(0, 2)).toEqual([100_000, "批量学员99999"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
