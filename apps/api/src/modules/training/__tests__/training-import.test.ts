import "reflect-metadata";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import { TestApp, type TestUser } from "../../../testing/harness";
import type { RequestContext } from "../../../graphql/context";
import { UserErrors } from "../../../graphql/errors";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { Certificate } from "../certificate.entity";
import { Cohort } from "../cohort.entity";
import { Course } from "../course.entity";
import { Enrollment } from "../enrollment.entity";
import { importTraining } from "../training-import.service";
import { openCohort } from "./fixtures";

const IMPORT = `mutation($i: ImportTrainingInput!) { importTraining(input: $i) {
  rowCount
  counts { coursesCreated coursesMatched cohortsCreated cohortsMatched traineesCreated traineesMatched
           enterprisesCreated enrollmentsCreated enrollmentsMatched certificatesIssued }
  problems { line column code message }
  userErrors { code field message } } }`;

const SAMPLE = readFileSync(join(__dirname, "../../../../../../docs/samples/training-import-sample.csv"));
const csv = (lines: string[][]) => Buffer.from(lines.map((l) => l.join(",")).join("\r\n"));
const HEADER = ["课程", "期数", "开始日期", "结束日期", "姓名", "手机号", "身份证号", "状态"];

let t: TestApp;
let staff: TestUser;

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

function send(fileName: string, content: Buffer, dryRun: boolean, opts: { token?: string; lang?: string } = {}) {
  return t.gql(
    IMPORT,
    { i: { fileName, contentBase64: content.toString("base64"), dryRun } },
    { token: opts.token ?? staff.token, lang: opts.lang },
  );
}
async function run(fileName: string, content: Buffer, dryRun: boolean, lang?: string) {
  const res = await send(fileName, content, dryRun, { lang });
  expect(res.errors).toBeUndefined();
  return res.data.importTraining;
}

/** Row counts of every table an import writes. */
async function tables() {
  return {
    courses: await t.count(Course),
    cohorts: await t.count(Cohort),
    trainees: await t.count(Trainee),
    enterprises: await t.count(Enterprise),
    enrollments: await t.count(Enrollment),
    certificates: await t.count(Certificate),
    audits: await t.count(AuditEntry, { action: "training.import" }),
  };
}
/** A part of a hand-built zip: its stored bytes, and what the directory says it unpacks to. */
interface ZipPart {
  name: string;
  data: Buffer;
  unpacked: number;
  method?: number;
}

/** A zip archive as the format describes it (local headers, central directory, end record), sizes as stated. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(part.method ?? 8, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.unpacked, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(part.method ?? 8, 10);
    entry.writeUInt32LE(part.data.length, 20);
    entry.writeUInt32LE(part.unpacked, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, part.data);
    central.push(entry, name);
    offset += 30 + name.length + part.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const where = (problems: { line: number; column: string | null; code: string }[]) =>
  problems.map((p) => [p.line, p.column, p.code]);

describe("importTraining", () => {
  it("answers UNAUTHENTICATED and FORBIDDEN to visitors and trainees, and writes nothing", async () => {
    const trainee = await t.user(["TRAINEE"]);
    const before = await tables();
    const anonymous = await t.gql(IMPORT, { i: { fileName: "a.csv", contentBase64: SAMPLE.toString("base64") } });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const denied = await send("a.csv", SAMPLE, false, { token: trainee.token });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await tables()).toEqual(before);
  });

  it("a dry run of the documented sample counts what it would create and writes nothing", async () => {
    const before = await tables();
    const res = await run("training-import-sample.csv", SAMPLE, true);
    expect(res.userErrors).toEqual([]);
    expect(res.problems).toEqual([]);
    expect(res.rowCount).toBe(7);
    expect(res.counts).toEqual({
      coursesCreated: 2,
      coursesMatched: 0,
      cohortsCreated: 3,
      cohortsMatched: 0,
      traineesCreated: 6,
      traineesMatched: 0,
      enterprisesCreated: 3,
      enrollmentsCreated: 7,
      enrollmentsMatched: 0,
      certificatesIssued: 6,
    });
    expect(await tables()).toEqual(before);
  });

  it("imports the sample: held cohorts, trainees, enrollments and verifiable certificates", async () => {
    const before = await tables();
    const res = await run("training-import-sample.csv", SAMPLE, false);
    expect(res.userErrors).toEqual([]);
    expect(res.counts).toMatchObject({ cohortsCreated: 3, traineesCreated: 6, enrollmentsCreated: 7 });
    expect(await tables()).toEqual({
      courses: before.courses + 2,
      cohorts: before.cohorts + 3,
      trainees: before.trainees + 6,
      enterprises: before.enterprises + 3,
      enrollments: before.enrollments + 7,
      certificates: before.certificates + 6,
      audits: before.audits + 1,
    });
    const cohorts = await t.ds.getRepository(Cohort).find({ order: { startsOn: "ASC" } });
    expect(cohorts.map((c) => [c.number, c.startsOn, c.endsOn, c.status, c.capacity, c.seatsTaken])).toEqual([
      [1, "2019-04-10", "2019-04-12", "COMPLETED", 50, 3],
      [2, "2019-10-15", "2019-10-17", "COMPLETED", 40, 2],
      [1, "2021-05-08", "2021-05-09", "COMPLETED", 2, 2],
    ]);
    // The file's 班次名称 ("2021年春季班") is not a second truth: titles are the course's and the number.
    expect(cohorts.map((c) => c.title)).toEqual([
      "民营企业家经营管理研修班 第1期",
      "民营企业家经营管理研修班 第2期",
      "卢作孚企业家精神专题培训班 第1期",
    ]);
    const zhang = await t.ds.getRepository(Trainee).findOneByOrFail({ phone: "13902300001" });
    expect(zhang).toMatchObject({ name: "张建国", gender: "MALE", idCardMasked: "500109********1233", userId: null });
    const enterprise = await t.ds.getRepository(Enterprise).findOneByOrFail({ id: zhang.enterpriseId! });
    expect(enterprise).toMatchObject({ name: "重庆北碚示例机电有限公司", creditCode: "91500109MA5U1A2B34" });
    const statuses = await t.ds
      .getRepository(Enrollment)
      .find({ where: { traineeId: zhang.id }, order: { id: "ASC" } });
    expect(statuses.map((e) => e.status)).toEqual(["COMPLETED", "COMPLETED"]);
    const certificate = await t.ds.getRepository(Certificate).findOneByOrFail({ enrollmentId: statuses[0].id });
    expect(certificate.serial).toMatch(/^ZF2019-\d{3}-000\d$/);
    const verified = await t.ok(
      `query($c: String!) { verifyCertificate(code: $c) { status holderName courseTitle cohortNumber startsOn endsOn } }`,
      { c: certificate.verificationCode },
    );
    expect(verified.verifyCertificate).toEqual({
      status: "VALID",
      holderName: "张建国",
      courseTitle: "民营企业家经营管理研修班",
      cohortNumber: 1,
      startsOn: "2019-04-10",
      endsOn: "2019-04-12",
    });
    const wang = await t.ds.getRepository(Trainee).findOneByOrFail({ phone: "13902300003" });
    expect(await t.count(Enrollment, { traineeId: wang.id, status: "ENROLLED" })).toBe(1);
    expect(await t.count(Certificate, { traineeId: wang.id })).toBe(0);
  });

  it("importing the same file again matches everything and creates nothing", async () => {
    const before = await tables();
    const res = await run("training-import-sample.csv", SAMPLE, false);
    expect(res.userErrors).toEqual([]);
    expect(res.counts).toEqual({
      coursesCreated: 0,
      coursesMatched: 2,
      cohortsCreated: 0,
      cohortsMatched: 3,
      traineesCreated: 0,
      traineesMatched: 6,
      enterprisesCreated: 0,
      enrollmentsCreated: 0,
      enrollmentsMatched: 7,
      certificatesIssued: 0,
    });
    expect(await tables()).toEqual({ ...before, audits: before.audits + 1 });
  });

  it("statistics count the imported cohorts, per year and per course", async () => {
    const res = await t.ok(
      `{ statistics { cohorts traineeAttendances uniqueTrainees byYear { year cohorts traineeAttendances }
         byCourse { course { title } cohorts traineeAttendances uniqueTrainees } } }`,
    );
    expect(res.statistics).toMatchObject({ cohorts: 3, traineeAttendances: 7, uniqueTrainees: 6 });
    expect(res.statistics.byYear).toEqual([
      { year: 2019, cohorts: 2, traineeAttendances: 5 },
      { year: 2021, cohorts: 1, traineeAttendances: 2 },
    ]);
    expect(res.statistics.byCourse).toEqual([
      { course: { title: "民营企业家经营管理研修班" }, cohorts: 2, traineeAttendances: 5, uniqueTrainees: 4 },
      { course: { title: "卢作孚企业家精神专题培训班" }, cohorts: 1, traineeAttendances: 2, uniqueTrainees: 2 },
    ]);
  });

  it("reads XLSX with English headers, date cells and numeric phones, adding to an existing cohort", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("学员");
    sheet.addRow(["course", "cohortNumber", "startsOn", "endsOn", "name", "phone", "idCardNumber", "status"]);
    const day = (s: string) => new Date(`${s}T00:00:00Z`);
    sheet.addRow([
      "民营企业家经营管理研修班",
      1,
      day("2019-04-10"),
      day("2019-04-12"),
      "张建国",
      13902300001,
      "",
      "结业",
    ]);
    sheet.addRow([
      "民营企业家经营管理研修班",
      1,
      day("2019-04-10"),
      day("2019-04-12"),
      "黄明",
      13902300011,
      "",
      "COMPLETED",
    ]);
    sheet.addRow([
      "民营企业家经营管理研修班",
      2,
      day("2019-10-15"),
      day("2019-10-17"),
      "黄明",
      13902300011,
      "",
      "enrolled",
    ]);
    const file = Buffer.from(await workbook.xlsx.writeBuffer());
    const before = await tables();
    const cohort = await t.ds.getRepository(Cohort).findOneByOrFail({ number: 1, startsOn: "2019-04-10" });

    const res = await run("往期学员.XLSX", file, false);
    expect(res.userErrors).toEqual([]);
    expect(res.rowCount).toBe(3);
    expect(res.counts).toMatchObject({
      cohortsMatched: 2,
      cohortsCreated: 0,
      traineesCreated: 1,
      traineesMatched: 1,
      enrollmentsCreated: 2,
      enrollmentsMatched: 1,
      certificatesIssued: 1,
    });
    expect(await tables()).toEqual({
      ...before,
      trainees: before.trainees + 1,
      enrollments: before.enrollments + 2,
      certificates: before.certificates + 1,
      audits: before.audits + 1,
    });
    const after = await t.ds.getRepository(Cohort).findOneByOrFail({ id: cohort.id });
    expect(after.seatsTaken).toBe(cohort.seatsTaken + 1);
    const huang = await t.ds.getRepository(Trainee).findOneByOrFail({ phone: "13902300011" });
    const serials = (await t.ds.getRepository(Certificate).find({ where: { courseTitle: "民营企业家经营管理研修班" } }))
      .filter((c) => c.cohortNumber === 1)
      .map((c) => [c.holderName, c.serial.slice(-4)]);
    // The cohort's series continues after the two certificates of the first import.
    expect(serials).toContainEqual([huang.name, "0003"]);
    expect(new Set(serials.map((s) => s[1])).size).toBe(serials.length);
  });

  it("a dry run lists every problem of the file by line and column, in the caller's language", async () => {
    const file = csv([
      [...HEADER, "备注"],
      ["课程A", "1", "2020-05-01", "2020-05-03", "赵一", "1380000", "", "结业"],
      ["课程A", "1", "2020-05-01", "2020-05-03", "钱二", "", "500109197805121234", "结业"],
      ["课程A", "1", "2020-05-01", "2020-05-03", "孙三", "13902301004", "", "毕业"],
      ["课程A", "2", "2020-06-05", "2020-06-01", "李四", "13902301005", "", "在读"],
      ["课程A", "1", "2020-05-02", "2020-05-03", "周五", "13902301006", "", "结业"],
      ["课程A", "1", "2020-05-01", "2020-05-03", "周五", "13902301006", "", "结业"],
      ["课程A", "3", "2099-01-01", "2099-01-02", "吴六", "13902301008", "", "在读"],
      ["课程A", "1", "2020-05-01", "2020-05-03", "", "13902301009", "", "结业"],
      ["课程A", "1", "2020-05-01", "2020-05-03", "郑七", "", "", "结业"],
      ["课程A", "1", "2020-05-01", "2020-05-03", "孙叁", "13902301004", "", "在读"],
    ]);
    const before = await tables();
    const res = await run("bad.csv", file, true);
    expect(where(res.problems)).toEqual([
      [1, "备注", "IMPORT_UNKNOWN_COLUMN"],
      [2, "手机号", "INVALID_PHONE"],
      [3, "身份证号", "INVALID_ID_CARD"],
      [4, "状态", "IMPORT_UNKNOWN_STATUS"],
      [5, "结束日期", "ENDS_BEFORE_START"],
      [6, "开始日期", "IMPORT_COHORT_MISMATCH"],
      [7, "姓名", "IMPORT_DUPLICATE_ROW"],
      [8, "开始日期", "IMPORT_NOT_STARTED"],
      [9, "姓名", "REQUIRED"],
      [10, "手机号", "IMPORT_CONTACT_REQUIRED"],
      [11, "姓名", "IMPORT_NAME_MISMATCH"],
    ]);
    expect(res.problems[2].message).toBe("身份证号码无效（校验位错误）");
    expect(res.problems[3].message).toBe("无法识别的状态“毕业”，请填写“结业”或“在读”");
    expect(res.problems[5].message).toBe("同一班次的开始日期与第 2 行不一致");
    expect(res.userErrors).toEqual([
      { code: "IMPORT_HAS_PROBLEMS", field: ["input", "contentBase64"], message: "文件中有 11 处问题，未导入任何数据" },
    ]);
    expect(await tables()).toEqual(before);

    const english = await run("bad.csv", file, true, "en");
    expect(english.problems[6].message).toBe("Repeats line 6: a trainee appears once per cohort");
  });

  it("names a missing column once, on the header line", async () => {
    const res = await run(
      "no-course.csv",
      csv([HEADER.slice(1), ["1", "2020-05-01", "2020-05-03", "赵一", "13902301001", "", "结业"]]),
      true,
      "en",
    );
    expect(res.problems).toEqual([
      { line: 1, column: "课程", code: "IMPORT_MISSING_COLUMN", message: "The column “课程” is missing" },
    ]);
  });

  it("checks the file against the database: existing cohorts, people and enterprises", async () => {
    await openCohort(t, staff, { capacity: 10, title: "数字化转型与智能制造专题班" });
    const file = csv([
      ["课程", "期数", "开始日期", "结束日期", "名额", "姓名", "手机号", "身份证号", "企业信用代码", "状态"],
      ["民营企业家经营管理研修班", "1", "2019-04-11", "2019-04-12", "", "新学员", "13902301101", "", "", "在读"],
      ["课程B", "1", "2020-01-01", "2020-01-02", "", "李秀", "13902300002", "", "", "结业"],
      ["课程B", "1", "2020-01-01", "2020-01-02", "", "张建国", "13902300001", "510102198502281530", "", "结业"],
      ["数字化转型与智能制造专题班", "1", "2026-03-01", "2026-03-05", "", "甲", "13902301104", "", "", "在读"],
      ["课程C", "1", "2020-01-01", "2020-01-02", "1", "乙", "13902301105", "", "91500109MA5U1A2B34", "结业"],
      ["课程C", "1", "2020-01-01", "2020-01-02", "", "丙", "13902301106", "", "92500109MA61CN8D47", "结业"],
      ["课程C", "1", "2020-01-01", "2020-01-02", "", "丁", "13902301107", "", "91500109MA60XQ7K24", "结业"],
      ["课程C", "1", "2020-01-01", "2020-01-02", "", "戊", "13902301108", "", "91500109MA5U1A2C9P", "结业"],
    ]);
    const before = await tables();
    const res = await run("db.csv", file, false);
    expect(where(res.problems)).toEqual([
      [2, "开始日期", "IMPORT_COHORT_DIFFERS"],
      [3, "姓名", "IMPORT_NAME_MISMATCH"],
      [4, "身份证号", "IMPORT_PERSON_CONFLICT"],
      [5, "期数", "WRONG_STATUS"],
      [6, "名额", "CAPACITY_BELOW_TAKEN"],
      [9, "企业信用代码", "NOT_FOUND"],
    ]);
    expect(res.problems[0].message).toBe("系统中已有该课程第1期，其开始日期为 2019-04-10");
    expect(res.problems[1].message).toBe("姓名与已登记的“李秀英”不一致");
    expect(res.userErrors[0].code).toBe("IMPORT_HAS_PROBLEMS");
    expect(await tables()).toEqual(before);
  });

  it("imports all or nothing: one bad line and no row is written", async () => {
    const good = (name: string, phone: string) => ["课程D", "1", "2022-09-01", "2022-09-02", name, phone, "", "结业"];
    const lines = [HEADER, good("一号", "13902301201"), good("二号", "13902301202"), good("三号", "13902301203")];
    const before = await tables();
    const res = await run("one-bad.csv", csv([...lines, good("四号", "1390230")]), false);
    expect(where(res.problems)).toEqual([[5, "手机号", "INVALID_PHONE"]]);
    expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual(["IMPORT_HAS_PROBLEMS"]);
    expect(await tables()).toEqual(before);
    const fixed = await run("fixed.csv", csv(lines), false);
    expect(fixed.userErrors).toEqual([]);
    expect((await tables()).enrollments).toBe(before.enrollments + 3);
  });

  it("two imports of the same file at once still write it once", async () => {
    const lines = [
      HEADER,
      ...Array.from({ length: 40 }, (_, i) => [
        "课程E",
        String(1 + (i % 2)),
        "2023-03-01",
        "2023-03-02",
        `学员${i}`,
        `139023014${String(i).padStart(2, "0")}`,
        "",
        "结业",
      ]),
    ];
    const file = csv(lines);
    const before = await tables();
    const results = await Promise.all([run("e.csv", file, false), run("e.csv", file, false)]);
    for (const r of results)
      expect(r.userErrors.filter((e: { code: string }) => e.code !== "IMPORT_CONFLICT")).toEqual([]);
    const after = await tables();
    expect({ ...after, audits: 0 }).toEqual({
      ...before,
      courses: before.courses + 1,
      cohorts: before.cohorts + 2,
      trainees: before.trainees + 40,
      enrollments: before.enrollments + 40,
      certificates: before.certificates + 40,
      audits: 0,
    });
  });

  it("refuses files it cannot take with a clear userError, before reading any row", async () => {
    const expectError = async (fileName: string, content: Buffer, code: string) => {
      const res = await run(fileName, content, true);
      expect([fileName, res.userErrors.map((e: { code: string }) => e.code)]).toEqual([fileName, [code]]);
      expect(res.problems).toBeNull();
    };
    await expectError("old.xls", SAMPLE, "IMPORT_UNSUPPORTED_FILE");
    await expectError("broken.xlsx", Buffer.from("not a zip at all"), "IMPORT_UNREADABLE_FILE");
    await expectError("empty.csv", Buffer.from("课程,期数\n"), "IMPORT_EMPTY_FILE");
    const many = Buffer.from(`${HEADER.join(",")}\n${"x\n".repeat(20_001)}`);
    await expectError("many.csv", many, "IMPORT_TOO_MANY_ROWS");
    const tooBig = Buffer.alloc(5 * 1024 * 1024 + 1, 0x41).toString("base64");
    const ctx = { requireRole: () => ({}), locale: "zh-CN" } as unknown as RequestContext;
    const thrown = await importTraining(ctx, { fileName: "big.csv", contentBase64: tooBig, dryRun: true }).catch(
      (e: unknown) => e,
    );
    expect(thrown).toBeInstanceOf(UserErrors);
    expect((thrown as UserErrors).errors.map((e) => [e.code, e.params?.max])).toEqual([["IMPORT_FILE_TOO_LARGE", 5]]);
  });

  it("refuses a zip bomb before parsing it: unpacked size, part count, compression ratio, a directory that lies", async () => {
    const before = await tables();
    const refused = async (name: string, file: Buffer) => {
      const res = await run(`${name}.xlsx`, file, false, "en");
      expect([name, res.userErrors]).toEqual([
        name,
        [
          {
            code: "IMPORT_ARCHIVE_TOO_LARGE",
            field: ["input", "contentBase64"],
            message:
              "This XLSX file unpacks to more than 100 MB, holds more than 1000 parts or is compressed more than 100:1, so it was refused; save it again from Excel or split it",
          },
        ],
      ]);
    };
    // 8 MB of zeros in 8 kB: 1,000:1.
    const zeros = Buffer.alloc(8 * 1024 * 1024);
    await refused(
      "ratio",
      zip([{ name: "xl/worksheets/sheet1.xml", data: deflateRawSync(zeros), unpacked: zeros.length }]),
    );
    // Two parts stated at 60 MB each, at a plausible 40:1: refused from the directory, nothing inflated.
    const noise = randomBytes(1_500_000);
    await refused(
      "size",
      zip(["a", "b"].map((n) => ({ name: `xl/${n}.xml`, data: noise, unpacked: 60 * 1024 * 1024 }))),
    );
    const empty = deflateRawSync(Buffer.alloc(0));
    await refused("parts", zip(Array.from({ length: 1001 }, (_, i) => ({ name: `p${i}`, data: empty, unpacked: 0 }))));
    // The directory says 1 kB; the data inflates to 8 MB.
    await refused("liar", zip([{ name: "xl/worksheets/sheet1.xml", data: deflateRawSync(zeros), unpacked: 1024 }]));
    // A stored part larger than stated.
    await refused("stored", zip([{ name: "xl/a.xml", data: Buffer.alloc(2048), unpacked: 1024, method: 0 }]));
    // A directory that points outside the file is unreadable, not a crash.
    const broken = zip([{ name: "a", data: empty, unpacked: 0 }]);
    broken.writeUInt32LE(0xfffff, broken.length - 6);
    const res = await run("broken.xlsx", broken, false);
    expect(res.userErrors.map((e: { code: string }) => e.code)).toEqual(["IMPORT_UNREADABLE_FILE"]);
    expect(await tables()).toEqual(before);
  });
});
