import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { RequestContext } from "../../../graphql/context";
import * as awards from "../award-nomination.service";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { EnterpriseHonor } from "../../enterprises/enterprise-honor.entity";
import { SocialResponsibilityRecord } from "../../enterprises/social-responsibility-record.entity";
import { Event } from "../../events/event.entity";
import { EventRegistration } from "../../events/event-registration.entity";
import { Certificate } from "../../training/certificate.entity";
import { Cohort } from "../../training/cohort.entity";
import { Course } from "../../training/course.entity";
import { Enrollment } from "../../training/enrollment.entity";
import { AwardNomination } from "../award-nomination.entity";
import { AwardWinner } from "../award-winner.entity";
import {
  NOMINATE,
  UPDATE_CYCLE,
  WITHDRAW,
  createCycle,
  createProgram,
  enterprise,
  gid,
  judge,
  local,
  nominate,
  person,
  toPhase,
} from "./fixtures";

let t: TestApp;
let staff: TestUser;
let company: { id: number; gid: string };
let shop: { id: number; gid: string };
let boss: { id: number; gid: string };
let proprietor: { id: number; gid: string };
const programs: Record<string, string> = {};

const nominateAs = (token: string | undefined, cycleId: string, nomineeId: string, justification = "推荐理由") =>
  t.gql(NOMINATE, { i: { cycleId, nomineeId, justification } }, { token });

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  company = await enterprise(t, "重庆澄江机械有限公司");
  shop = await enterprise(t, "北碚区天生路老字号面馆", true);
  boss = await person(t, "周立新", company.id);
  proprietor = await person(t, "何秀英", shop.id);
  programs.ENTERPRISE = await createProgram(t, staff, "优秀民营企业", "ENTERPRISE");
  programs.ENTREPRENEUR = await createProgram(t, staff, "优秀民营企业家", "ENTREPRENEUR");
  programs.INDIVIDUAL_BUSINESS = await createProgram(t, staff, "优秀个体工商户", "INDIVIDUAL_BUSINESS");
});
afterAll(() => t.close());

describe("nominate", () => {
  it("takes only nominees of the program's kind, and only one of each per cycle", async () => {
    const cycles = {
      ENTERPRISE: (await createCycle(t, staff, programs.ENTERPRISE, { year: 2025, phase: "NOMINATING" })).id,
      ENTREPRENEUR: (await createCycle(t, staff, programs.ENTREPRENEUR, { year: 2025, phase: "NOMINATING" })).id,
      INDIVIDUAL_BUSINESS: (
        await createCycle(t, staff, programs.INDIVIDUAL_BUSINESS, { year: 2025, phase: "NOMINATING" })
      ).id,
    };
    const wrong: [string, string][] = [
      [cycles.ENTERPRISE, boss.gid],
      [cycles.ENTERPRISE, shop.gid],
      [cycles.ENTREPRENEUR, company.gid],
      [cycles.ENTREPRENEUR, proprietor.gid],
      [cycles.INDIVIDUAL_BUSINESS, boss.gid],
      [cycles.INDIVIDUAL_BUSINESS, shop.gid],
    ];
    for (const [cycleId, nomineeId] of wrong) {
      const res = await nominateAs(staff.token, cycleId, nomineeId);
      expect(res.data.nominate.userErrors).toEqual([
        expect.objectContaining({ code: "NOMINEE_KIND_MISMATCH", field: ["input", "nomineeId"] }),
      ]);
    }
    for (const nomineeId of [gid("Enterprise", 99999), gid("Cohort", company.id), "garbage"]) {
      const res = await nominateAs(staff.token, cycles.ENTERPRISE, nomineeId);
      expect(res.data.nominate.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "nomineeId"] });
    }
    const blank = await nominateAs(staff.token, cycles.ENTERPRISE, company.gid, "  ");
    expect(blank.data.nominate.userErrors[0]).toMatchObject({ code: "REQUIRED", field: ["input", "justification"] });
    expect(await t.count(AwardNomination)).toBe(0);

    const ok = [
      await nominateAs(staff.token, cycles.ENTERPRISE, company.gid),
      await nominateAs(staff.token, cycles.ENTREPRENEUR, boss.gid),
      await nominateAs(staff.token, cycles.INDIVIDUAL_BUSINESS, proprietor.gid),
    ];
    expect(ok.map((r) => [r.data.nominate.nomination.nomineeKind, r.data.nominate.nomination.nomineeName])).toEqual([
      ["ENTERPRISE", "重庆澄江机械有限公司"],
      ["ENTREPRENEUR", "周立新"],
      ["INDIVIDUAL_BUSINESS", "何秀英"],
    ]);
    const again = await nominateAs(staff.token, cycles.ENTERPRISE, company.gid);
    expect(again.data.nominate.userErrors[0]).toMatchObject({
      code: "ALREADY_NOMINATED",
      field: ["input", "nomineeId"],
    });
    expect(await t.count(AwardNomination)).toBe(3);
  });

  it("is for staff, while the cycle is NOMINATING and before its deadline", async () => {
    const program = await createProgram(t, staff, "阶段奖", "ENTERPRISE");
    const { id } = await createCycle(t, staff, program, { year: 2024 });
    const before = await t.count(AwardNomination);
    const draft = await nominateAs(staff.token, id, company.gid);
    expect(draft.data.nominate.userErrors[0]).toMatchObject({ code: "WRONG_PHASE", field: ["input", "cycleId"] });

    await toPhase(t, staff, id, "NOMINATING");
    expect((await nominateAs(undefined, id, company.gid)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    for (const roles of [["TRAINEE"], ["JUDGE"]] as const) {
      const who = await t.user([...roles]);
      expect((await nominateAs(who.token, id, company.gid)).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    }
    await t.ok(
      UPDATE_CYCLE,
      { i: { cycleId: id, nominationsCloseAt: new Date(Date.now() - 1000).toISOString() } },
      {
        token: staff.token,
      },
    );
    const late = await nominateAs(staff.token, id, company.gid);
    expect(late.data.nominate.userErrors[0].code).toBe("NOMINATIONS_CLOSED");
    await t.ok(UPDATE_CYCLE, { i: { cycleId: id, nominationsCloseAt: null } }, { token: staff.token });
    await nominate(t, staff, id, company.gid);

    await toPhase(t, staff, id, "JUDGING");
    const judging = await nominateAs(staff.token, id, (await enterprise(t, "迟到企业有限公司")).gid);
    expect(judging.data.nominate.userErrors[0]).toMatchObject({
      code: "WRONG_PHASE",
      message: expect.stringContaining("JUDGING"),
    });
    expect(await t.count(AwardNomination)).toBe(before + 1);
  });

  it("can be withdrawn until the decision, and the nominee nominated again; both are audited", async () => {
    const program = await createProgram(t, staff, "撤回测试奖", "ENTERPRISE");
    const { id } = await createCycle(t, staff, program, { year: 2024, phase: "NOMINATING" });
    const nominationId = await nominate(t, staff, id, company.gid);
    const judgeUser = await judge(t, "评委");
    expect(
      (await t.gql(WITHDRAW, { i: { nominationId } }, { token: judgeUser.token })).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    const withdrawn = await t.ok(WITHDRAW, { i: { nominationId, reason: "企业主动申请退出" } }, { token: staff.token });
    expect(withdrawn.withdrawNomination.nomination).toMatchObject({
      status: "WITHDRAWN",
      withdrawReason: "企业主动申请退出",
    });
    const twice = await t.ok(WITHDRAW, { i: { nominationId } }, { token: staff.token });
    expect(twice.withdrawNomination.userErrors[0].code).toBe("WRONG_STATUS");
    const renominated = await nominate(t, staff, id, company.gid);
    expect(renominated).not.toBe(nominationId);
    const actions = await t.ds
      .getRepository(AuditEntry)
      .find({ where: [{ action: "awardNomination.create" }, { action: "awardNomination.withdraw" }] });
    expect(
      actions
        .filter((a) => [local(nominationId), local(renominated)].includes(a.subjectId!))
        .map((a) => a.action)
        .sort(),
    ).toEqual(["awardNomination.create", "awardNomination.create", "awardNomination.withdraw"]);
  });
});

describe("a partner chamber's recommendation", () => {
  it("is a nomination from that chamber, which only that chamber (or staff) may withdraw", async () => {
    const program = await createProgram(t, staff, "商会推荐奖", "ENTERPRISE");
    const { id } = await createCycle(t, staff, program, { year: 2026, phase: "NOMINATING" });
    const draft = await createCycle(t, staff, program, { year: 2027 });
    // The partner-access layer calls the service for a key with NOMINATIONS_WRITE; there is no user.
    const ctx = new RequestContext(t.app.services, null, "zh-CN", "chamber-test", "127.0.0.1");
    const chamber = { kind: "CHAMBER", chamberId: 7 } as const;
    const input = {
      cycleId: local(id),
      nominee: { enterpriseId: company.id, traineeId: null },
      justification: "商会推荐",
    };
    const nomination = await awards.nominate(ctx, chamber, input);
    expect(nomination).toMatchObject({ nominatedByChamberId: 7, nominatedByUserId: null, status: "ACTIVE" });
    await expect(awards.nominate(ctx, chamber, input)).rejects.toMatchObject({
      errors: [{ code: "ALREADY_NOMINATED" }],
    });
    await expect(awards.nominate(ctx, chamber, { ...input, cycleId: local(draft.id) })).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
    const listed = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on AwardNomination { source nominatedBy { id } } } }`,
      {
        id: gid("AwardNomination", nomination.id),
      },
      { token: staff.token },
    );
    expect(listed.node).toEqual({ source: "CHAMBER", nominatedBy: null });
    await expect(
      awards.withdrawNomination(ctx, { kind: "CHAMBER", chamberId: 8 }, nomination.id),
    ).rejects.toMatchObject({
      errors: [{ code: "NOT_FOUND" }],
    });
    expect((await awards.withdrawNomination(ctx, chamber, nomination.id, "企业另行申报")).status).toBe("WITHDRAWN");
    // Staff-only without a chamber: the same service refuses a caller who is not signed in.
    await expect(awards.nominate(ctx, { kind: "STAFF" }, input)).rejects.toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
    });
  });
});

describe("eligibility and dossier", () => {
  const DOSSIER = `dossier { frozenAt eligible eligibility { rule { type honorKind years } met training { courseTitle cohortNumber certificateSerial } honors { kind year } socialRecords { programme year } priorAwards { programName year } } training { traineeName courseTitle cohortNumber endsOn certificateSerial } events { traineeName kind title } honors { kind level year } socialRecords { programme year amountYuan } priorAwards { programName year winnerName } }`;
  const NOMINATION = `query($id: ID!) { node(id: $id) { ... on AwardNomination { eligible ${DOSSIER} } } }`;
  const PREVIEW = `query($c: ID!, $n: ID!) { awardDossierPreview(cycleId: $c, nomineeId: $n) { eligible eligibility { rule { type } met priorAwards { programName year } } } }`;
  const RULES = [
    { type: "COMPLETED_COHORT" },
    { type: "HOLDS_HONOR", honorKind: "SRDI" },
    { type: "SOCIAL_RECORD_WITHIN_YEARS", years: 3 },
    { type: "NOT_RECENT_WINNER", years: 3 },
  ];

  it("is computed from the platform's records with its evidence per rule, and frozen when judging starts", async () => {
    const program = await createProgram(t, staff, "优秀民营企业家（资格）", "ENTREPRENEUR");
    const works = await enterprise(t, "重庆缙云科技有限公司");
    const good = await person(t, "李建华", works.id);
    const other = await enterprise(t, "重庆朝阳物流有限公司");
    const plain = await person(t, "赵小兵", other.id);

    const course = await t.ds.getRepository(Course).save({ title: "民营企业家经营管理研修班", organizers: ["学院"] });
    const cohort = await t.ds.getRepository(Cohort).save({
      courseId: course.id,
      number: 7,
      title: "第七期",
      startsOn: "2025-03-01",
      endsOn: "2025-03-05",
      capacity: 50,
      seatsTaken: 1,
      admission: "AUTO",
      status: "COMPLETED",
      completionThreshold: 80,
    });
    const enrollment = await t.ds
      .getRepository(Enrollment)
      .save({ cohortId: cohort.id, traineeId: good.id, status: "COMPLETED", activeSlot: `${cohort.id}:${good.id}` });
    await t.ds.getRepository(Certificate).save({
      enrollmentId: enrollment.id,
      traineeId: good.id,
      serial: "ZF2025-900-0001",
      verificationCode: "ABCDEFGHJKLMNPQR",
      holderName: "李建华",
      title: "结业证书",
      issuer: "学院",
      issuedAt: new Date("2025-03-06T00:00:00Z"),
    });
    await t.ds.getRepository(EnterpriseHonor).save([
      { enterpriseId: works.id, kind: "SRDI", level: "MUNICIPAL", year: 2024 },
      { enterpriseId: works.id, kind: "HIGH_TECH", level: "NATIONAL", year: 2023 },
      { enterpriseId: other.id, kind: "SRDI", level: "MUNICIPAL", year: 2015, validUntil: "2018-12-31" },
    ]);
    await t.ds.getRepository(SocialResponsibilityRecord).save([
      { enterpriseId: works.id, programme: "VILLAGE_HELP", amountYuan: 300_000, year: 2025 },
      { enterpriseId: other.id, programme: "DONATION", amountYuan: 10_000, year: 2019 },
    ]);
    const salon = await t.ds.getRepository(Event).save({
      kind: "SALON",
      number: 12,
      title: "作孚沙龙：数字化转型",
      startsAt: new Date("2025-05-10T11:00:00Z"),
      endsAt: new Date("2025-05-10T13:00:00Z"),
      capacity: 30,
      seatsTaken: 1,
      status: "PUBLISHED",
    });
    await t.ds.getRepository(EventRegistration).save({
      eventId: salon.id,
      traineeId: good.id,
      status: "REGISTERED",
      activeSlot: `${salon.id}:${good.id}`,
      ticketCode: "TICKET00000000000000000000000001",
      checkedInAt: new Date("2025-05-10T10:55:00Z"),
    });
    const priorId = await t.ds.getRepository(AwardWinner).save({
      programId: local(program),
      year: 2024,
      nomineeKind: "ENTREPRENEUR",
      name: "赵小兵",
      traineeId: plain.id,
      enterpriseId: other.id,
      rollKey: `${local(program)}:2024:T${plain.id}`,
      source: "IMPORT",
      publishedAt: new Date(),
    });
    expect(priorId.id).toBeGreaterThan(0);

    const { id: cycleId } = await createCycle(t, staff, program, { year: 2026, rules: RULES, phase: "NOMINATING" });
    const preview = await t.ok(PREVIEW, { c: cycleId, n: plain.gid }, { token: staff.token });
    expect(preview.awardDossierPreview.eligibility.map((c: any) => [c.rule.type, c.met])).toEqual([
      ["COMPLETED_COHORT", false],
      ["HOLDS_HONOR", false],
      ["SOCIAL_RECORD_WITHIN_YEARS", false],
      ["NOT_RECENT_WINNER", false],
    ]);
    expect(preview.awardDossierPreview.eligibility[3].priorAwards).toEqual([
      { programName: "优秀民营企业家（资格）", year: 2024 },
    ]);
    const forbidden = await t.gql(PREVIEW, { c: cycleId, n: plain.gid }, { token: (await judge(t, "评委")).token });
    expect(forbidden.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const nominationId = await nominate(t, staff, cycleId, good.gid);
    const live = (await t.ok(NOMINATION, { id: nominationId }, { token: staff.token })).node;
    expect(live.eligible).toBe(true);
    expect(live.dossier.frozenAt).toBeNull();
    expect(live.dossier.eligibility.map((c: any) => [c.rule.type, c.met])).toEqual([
      ["COMPLETED_COHORT", true],
      ["HOLDS_HONOR", true],
      ["SOCIAL_RECORD_WITHIN_YEARS", true],
      ["NOT_RECENT_WINNER", true],
    ]);
    expect(live.dossier.eligibility[0].training).toEqual([
      { courseTitle: "民营企业家经营管理研修班", cohortNumber: 7, certificateSerial: "ZF2025-900-0001" },
    ]);
    expect(live.dossier.eligibility[1].honors).toEqual([{ kind: "SRDI", year: 2024 }]);
    expect(live.dossier.eligibility[2].socialRecords).toEqual([{ programme: "VILLAGE_HELP", year: 2025 }]);
    expect(live.dossier.events).toEqual([{ traineeName: "李建华", kind: "SALON", title: "作孚沙龙：数字化转型" }]);
    expect(live.dossier.honors.map((h: any) => h.kind)).toEqual(["SRDI", "HIGH_TECH"]);
    expect(live.dossier.training[0]).toMatchObject({ traineeName: "李建华", endsOn: "2025-03-05" });

    // Judging freezes the dossier: later records do not change what judges see.
    await toPhase(t, staff, cycleId, "JUDGING");
    await t.ds
      .getRepository(EnterpriseHonor)
      .save({ enterpriseId: works.id, kind: "LITTLE_GIANT", level: "NATIONAL", year: 2026 });
    const frozen = (await t.ok(NOMINATION, { id: nominationId }, { token: staff.token })).node;
    expect(frozen.dossier.frozenAt).not.toBeNull();
    expect(frozen.dossier.honors.map((h: any) => h.kind)).toEqual(["SRDI", "HIGH_TECH"]);
    expect(frozen.dossier.eligibility).toEqual(live.dossier.eligibility);
    // Back to nominating, the dossier is live again.
    await toPhase(t, staff, cycleId, "NOMINATING", { reason: "补充提名" });
    const again = (await t.ok(NOMINATION, { id: nominationId }, { token: staff.token })).node;
    expect(again.dossier.frozenAt).toBeNull();
    expect(again.dossier.honors.map((h: any) => h.kind)).toEqual(["LITTLE_GIANT", "SRDI", "HIGH_TECH"]);
  });
});

describe("concurrency", () => {
  jest.setTimeout(60_000);

  it("20 simultaneous nominations of one nominee: one nomination, 19 ALREADY_NOMINATED", async () => {
    const program = await createProgram(t, staff, "并发测试奖", "ENTERPRISE");
    const { id } = await createCycle(t, staff, program, { year: 2026, phase: "NOMINATING" });
    const target = await enterprise(t, "重庆并发测试有限公司");
    const results = await Promise.all(Array.from({ length: 20 }, () => nominateAs(staff.token, id, target.gid)));
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(results.filter((r) => r.data.nominate.nomination)).toHaveLength(1);
    expect(results.filter((r) => r.data.nominate.userErrors[0]?.code === "ALREADY_NOMINATED")).toHaveLength(19);
    expect(await t.count(AwardNomination, { cycleId: local(id), enterpriseId: target.id })).toBe(1);

    // Different nominees at once all get in.
    const others = await Promise.all(Array.from({ length: 10 }, (_, i) => enterprise(t, `重庆并发企业${i}有限公司`)));
    const many = await Promise.all(others.map((e) => nominateAs(staff.token, id, e.gid)));
    expect(many.every((r) => r.data.nominate.userErrors.length === 0)).toBe(true);
    expect(await t.count(AwardNomination, { cycleId: local(id) })).toBe(11);
  });
});
