import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { TraineeEnterpriseLink } from "../../trainees/trainee-enterprise-link.entity";
import { User } from "../../accounts/user.entity";
import { createChamber } from "../../chambers/__tests__/fixtures";
import { AwardJudgeAssignment } from "../award-judge-assignment.entity";
import { JudgeAffiliation } from "../judge-affiliation.entity";
import {
  ASSIGN,
  SCORE,
  createCycle,
  createProgram,
  enterprise,
  gid,
  judge,
  nominate,
  person,
  toPhase,
} from "./fixtures";

const UPDATE_ME = `mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { trainee { id } userErrors { code } } }`;
const UPDATE = `mutation($i: UpdateTraineeInput!) { updateTrainee(input: $i) { userErrors { code } } }`;
const SET = `mutation($i: SetJudgeAffiliationsInput!) { setJudgeAffiliations(input: $i) {
  judge { id judgeAffiliations { enterprises { name } chambers { name } } } userErrors { code field message } } }`;
const CANDIDATES = `query($id: ID!) { node(id: $id) { ... on AwardNomination {
  judgeCandidates { judge { name judgeAffiliations { enterprises { name } chambers { name } } } assigned conflict conflictReason } } } }`;

let t: TestApp;
let staff: TestUser;
let admin: TestUser;
let programId: string;
let year = 2000;

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  admin = await t.user(["ADMIN"]);
  programId = await createProgram(t, staff, "优秀民营企业（回避）", "ENTERPRISE");
});
afterAll(() => t.close());

/** A cycle opened now for nominations, with one nomination of `nominee`. */
async function openNomination(
  nomineeGid: string,
): Promise<{ cycleId: string; nominationId: string; criteria: string[] }> {
  year += 1;
  const { id, criteria } = await createCycle(t, staff, programId, { year, phase: "NOMINATING" });
  return { cycleId: id, nominationId: await nominate(t, staff, id, nomineeGid), criteria };
}

async function assign(nominationId: string, judgeUser: TestUser, lang?: string) {
  const res = await t.ok(
    ASSIGN,
    { i: { nominationId, judgeIds: [gid("User", judgeUser.userId)] } },
    { token: staff.token, lang },
  );
  return res.assignJudges.userErrors as { code: string; message: string }[];
}

/** A judge who is also a trainee (roles JUDGE and TRAINEE), on the record at `enterpriseId` by staff. */
async function judgeWithProfile(name: string, enterpriseId: number): Promise<TestUser> {
  const user = await t.user(["JUDGE", "TRAINEE"], name);
  const res = await t.ok(
    UPDATE,
    { i: { traineeId: gid("Trainee", user.traineeId!), enterpriseId: gid("Enterprise", enterpriseId) } },
    { token: staff.token },
  );
  expect(res.updateTrainee.userErrors).toEqual([]);
  return user;
}

describe("a judge's enterprise links since the cycle opened", () => {
  it("a judge who clears their enterprise still may not be assigned to it, nor score it", async () => {
    const company = await enterprise(t, "重庆回避测试有限公司");
    const insider = await judgeWithProfile("钱评委", company.id);
    const { nominationId } = await openNomination(company.gid);
    const earlyNominee = await enterprise(t, "重庆先分配有限公司");
    const early = { ...(await openNomination(earlyNominee.gid)), nomineeGid: earlyNominee.gid };
    // Assigned to a company the judge does not work for; then the judge moves there and leaves again.
    expect(await assign(early.nominationId, insider)).toEqual([]);

    const cleared = await t.ok(UPDATE_ME, { i: { enterpriseId: null } }, { token: insider.token });
    expect(cleared.updateMyProfile.userErrors).toEqual([]);
    expect((await t.ds.getRepository(Trainee).findOneByOrFail({ id: insider.traineeId! })).enterpriseId).toBeNull();
    const refused = await assign(nominationId, insider);
    expect(refused[0]).toMatchObject({ code: "JUDGE_CONFLICTED", message: expect.stringContaining("同属一家企业") });
    expect(await t.count(AwardJudgeAssignment, { judgeUserId: insider.userId })).toBe(1);

    // The ended link is kept: it ended after the cycle opened.
    const ended = await t.ds
      .getRepository(TraineeEnterpriseLink)
      .findOneByOrFail({ traineeId: insider.traineeId!, enterpriseId: company.id });
    expect(ended).toMatchObject({ status: "CONFIRMED", validTo: expect.any(Date) });

    // Assigned before the link showed: scoring is refused once it does, even after clearing it again.
    await t.ok(
      UPDATE,
      { i: { traineeId: gid("Trainee", insider.traineeId!), enterpriseId: early.nomineeGid } },
      { token: staff.token },
    );
    await t.ok(UPDATE_ME, { i: { enterpriseId: null } }, { token: insider.token });
    await toPhase(t, staff, early.cycleId, "JUDGING");
    const scored = await t.ok(
      SCORE,
      {
        i: {
          nominationId: early.nominationId,
          scores: early.criteria.map((criterionId) => ({ criterionId, score: 9 })),
        },
      },
      { token: insider.token },
    );
    expect(scored.submitScores.userErrors[0].code).toBe("CONFLICT_OF_INTEREST");
  });

  it("a link that ended before the cycle opened does not count; a pending claim of the judge's does", async () => {
    const former = await enterprise(t, "重庆旧东家有限公司");
    const left = await judgeWithProfile("孙评委", former.id);
    await t.ok(UPDATE_ME, { i: { enterpriseId: null } }, { token: left.token });
    // Left last year (MariaDB keeps whole seconds: a link ended in the second the cycle opens counts).
    await t.ds
      .getRepository(TraineeEnterpriseLink)
      .update({ traineeId: left.traineeId! }, { validTo: new Date(Date.now() - 365 * 86_400_000) });
    const { nominationId } = await openNomination(former.gid);
    expect(await assign(nominationId, left)).toEqual([]);

    const claimed = await enterprise(t, "重庆新东家有限公司");
    const claimant = await t.user(["JUDGE", "TRAINEE"], "李评委");
    await t.ok(UPDATE_ME, { i: { enterpriseId: claimed.gid } }, { token: claimant.token });
    const other = await openNomination(claimed.gid);
    expect((await assign(other.nominationId, claimant))[0].code).toBe("JUDGE_CONFLICTED");
  });

  it("a nominated person who clears their enterprise still shares it with a colleague judge", async () => {
    const personProgram = await createProgram(t, staff, "优秀民营企业家（回避）", "ENTREPRENEUR");
    const works = await enterprise(t, "重庆同事有限公司");
    const colleague = await judgeWithProfile("周评委", works.id);
    const nomineeUser = await t.user(["TRAINEE"], "吴企业家");
    await t.ok(
      UPDATE,
      { i: { traineeId: gid("Trainee", nomineeUser.traineeId!), enterpriseId: works.gid } },
      { token: staff.token },
    );
    year += 1;
    const { id } = await createCycle(t, staff, personProgram, { year, phase: "NOMINATING" });
    const nominationId = await nominate(t, staff, id, gid("Trainee", nomineeUser.traineeId!));
    await t.ok(UPDATE_ME, { i: { enterpriseId: null } }, { token: nomineeUser.token });
    expect((await assign(nominationId, colleague))[0].code).toBe("JUDGE_CONFLICTED");
  });
});

describe("judges' own affiliations", () => {
  it("staff set them; they rule a judge out by enterprise or chamber, shown with a reason before assigning", async () => {
    const nominee = await enterprise(t, "重庆被提名科技有限公司");
    const chamber = await createChamber(t, admin, "重庆市回避商会", [nominee.id]);
    const elsewhere = await enterprise(t, "重庆无关公司");
    const byEnterprise = await judge(t, "甲评委");
    const byChamber = await judge(t, "乙评委");
    const free = await judge(t, "丙评委");
    const set = async (who: TestUser, enterpriseIds: string[], chamberIds: string[]) =>
      (await t.ok(SET, { i: { judgeId: gid("User", who.userId), enterpriseIds, chamberIds } }, { token: staff.token }))
        .setJudgeAffiliations;
    expect(await set(byEnterprise, [nominee.gid, elsewhere.gid], [])).toMatchObject({
      userErrors: [],
      judge: { judgeAffiliations: { enterprises: [{ name: "重庆被提名科技有限公司" }, { name: "重庆无关公司" }] } },
    });
    expect((await set(byChamber, [], [chamber])).userErrors).toEqual([]);
    expect((await set(free, [elsewhere.gid], [])).userErrors).toEqual([]);
    expect(await t.count(AuditEntry, { action: "judge.setAffiliations" })).toBe(3);

    const { nominationId } = await openNomination(nominee.gid);
    const zh = await t.ok(CANDIDATES, { id: nominationId }, { token: staff.token });
    const byName = (list: any[], name: string) => list.find((c) => c.judge.name === name);
    const candidates = zh.node.judgeCandidates;
    expect(byName(candidates, "甲评委")).toMatchObject({
      assigned: false,
      conflict: "SAME_ENTERPRISE",
      conflictReason: "评委与被提名对象同属“重庆被提名科技有限公司”",
    });
    expect(byName(candidates, "乙评委")).toMatchObject({
      conflict: "SAME_CHAMBER",
      conflictReason: "评委与被提名对象同属商会“重庆市回避商会”",
      judge: { judgeAffiliations: { enterprises: [], chambers: [{ name: "重庆市回避商会" }] } },
    });
    expect(byName(candidates, "丙评委")).toMatchObject({ conflict: null, conflictReason: null });
    const en = await t.ok(CANDIDATES, { id: nominationId }, { token: staff.token, lang: "en" });
    expect(byName(en.node.judgeCandidates, "乙评委").conflictReason).toBe(
      "The judge and the nominee both belong to the chamber 重庆市回避商会",
    );

    // The refusal names the judge and the reason in words, in either language; nothing is assigned.
    const refusedZh = await assign(nominationId, byEnterprise);
    expect(refusedZh[0]).toMatchObject({
      code: "JUDGE_CONFLICTED",
      message: "评委甲评委与被提名对象存在利益冲突（同属一家企业），不能分配",
    });
    const refusedEn = await assign(nominationId, byChamber, "en");
    expect(refusedEn[0].message).toBe(
      "Judge 乙评委 has a conflict of interest with the nominee (members of the same chamber) and cannot be assigned",
    );
    expect(await assign(nominationId, free)).toEqual([]);
    const after = await t.ok(CANDIDATES, { id: nominationId }, { token: staff.token });
    expect(byName(after.node.judgeCandidates, "丙评委").assigned).toBe(true);

    // Independent of the trainee side: clearing the affiliations clears the conflict.
    expect((await set(byEnterprise, [], [])).judge.judgeAffiliations).toEqual({ enterprises: [], chambers: [] });
    expect(await assign(nominationId, byEnterprise)).toEqual([]);
  });

  it("refuses bad input and anyone but staff, and changes nothing", async () => {
    const j = await judge(t, "丁评委");
    const e = await enterprise(t, "重庆丁公司");
    await t.ok(
      SET,
      { i: { judgeId: gid("User", j.userId), enterpriseIds: [e.gid], chamberIds: [] } },
      { token: staff.token },
    );
    const notJudge = await t.user(["STAFF"], "工作人员乙");
    const many = await Promise.all(Array.from({ length: 21 }, (_, i) => enterprise(t, `批量企业${i}`)));
    const before = await t.count(AuditEntry);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ judgeId: gid("User", notJudge.userId), enterpriseIds: [], chamberIds: [] }, "NOT_A_JUDGE", "judgeId"],
      [{ judgeId: gid("User", 999999), enterpriseIds: [], chamberIds: [] }, "NOT_FOUND", "judgeId"],
      [{ judgeId: "garbage", enterpriseIds: [], chamberIds: [] }, "NOT_FOUND", "judgeId"],
      [
        { judgeId: gid("User", j.userId), enterpriseIds: [gid("Enterprise", 999999)], chamberIds: [] },
        "NOT_FOUND",
        "enterpriseIds",
      ],
      [
        { judgeId: gid("User", j.userId), enterpriseIds: [e.gid], chamberIds: [gid("Enterprise", e.id)] },
        "NOT_FOUND",
        "chamberIds",
      ],
      [
        { judgeId: gid("User", j.userId), enterpriseIds: many.map((m) => m.gid), chamberIds: [] },
        "OUT_OF_RANGE",
        "enterpriseIds",
      ],
    ];
    for (const [input, code, field] of cases) {
      const res = await t.ok(SET, { i: input }, { token: staff.token });
      expect(res.setJudgeAffiliations.userErrors[0]).toMatchObject({ code, field: ["input", field] });
    }
    const byJudge = await t.gql(
      SET,
      { i: { judgeId: gid("User", j.userId), enterpriseIds: [], chamberIds: [] } },
      { token: j.token },
    );
    expect(byJudge.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const peek = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on User { judgeAffiliations { enterprises { name } } } } }`,
      { id: gid("User", j.userId) },
      { token: admin.token },
    );
    expect(peek.data.node.judgeAffiliations.enterprises).toEqual([{ name: "重庆丁公司" }]);
    const own = await t.ok(`{ me { judgeAffiliations { enterprises { name } } } }`, {}, { token: j.token });
    expect(own.me.judgeAffiliations.enterprises).toEqual([{ name: "重庆丁公司" }]);
    const candidatesByJudge = await t.gql(CANDIDATES, { id: gid("AwardNomination", 1) }, { token: j.token });
    expect(candidatesByJudge.data?.node ?? null).toBeNull();
    expect(await t.count(JudgeAffiliation, { userId: j.userId })).toBe(1);
    expect(await t.count(AuditEntry)).toBe(before);
    expect(await t.count(User, { id: notJudge.userId })).toBe(1);
  });
});

describe("a judge's trainee profile without a link row", () => {
  it("still counts its current enterprise (records written before the links existed)", async () => {
    const company = await enterprise(t, "重庆老记录有限公司");
    const old = await judge(t, "老评委", company.id);
    await person(t, "无关学员", company.id);
    const { nominationId } = await openNomination(company.gid);
    expect((await assign(nominationId, old))[0].code).toBe("JUDGE_CONFLICTED");
  });
});
