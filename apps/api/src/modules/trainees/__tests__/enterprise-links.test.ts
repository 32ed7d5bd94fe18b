import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { EnterpriseHonor } from "../../enterprises/enterprise-honor.entity";
import { Trainee } from "../trainee.entity";
import { TraineeEnterpriseLink } from "../trainee-enterprise-link.entity";
import { bearer, createChamber, createKey, enterprises } from "../../chambers/__tests__/fixtures";
import { createCycle, createProgram } from "../../awards/__tests__/fixtures";

const UPDATE_ME = `mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) {
  trainee { id enterprise { name } pendingEnterpriseLink { id status source enterprise { name } } }
  userErrors { code field message } } }`;
const UPDATE = `mutation($i: UpdateTraineeInput!) { updateTrainee(input: $i) { trainee { id enterprise { name } } userErrors { code field } } }`;
const QUEUE = `query($s: TraineeEnterpriseLinkStatus) { traineeEnterpriseLinks(first: 50, filter: { status: $s }) {
  totalCount edges { node { id status source trainee { name enterprise { name } } enterprise { name } decisionReason } } } }`;
const CONFIRM = `mutation($i: ConfirmTraineeEnterpriseLinkInput!) { confirmTraineeEnterpriseLink(input: $i) {
  link { id status validFrom decidedAt decidedBy { id } decisionReason trainee { enterprise { name } } } userErrors { code field message } } }`;
const REJECT = `mutation($i: RejectTraineeEnterpriseLinkInput!) { rejectTraineeEnterpriseLink(input: $i) {
  link { id status decisionReason validTo } userErrors { code field message } } }`;
const HISTORY = `query($id: ID!) { node(id: $id) { ... on Trainee { enterprise { name }
  enterpriseLinks { status source enterprise { name } validFrom validTo } } } }`;
const PREVIEW = `query($c: ID!, $n: ID!) { awardDossierPreview(cycleId: $c, nomineeId: $n) { eligible } }`;

let t: TestApp;
let staff: TestUser;
let admin: TestUser;
let eid: (name: string) => string;
let names: Map<string, number>;

beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  admin = await t.user(["ADMIN"]);
  const rows = await enterprises(t, 4, "链接企业");
  names = new Map(rows.map((e) => [e.name, e.id]));
  eid = (name) => toGlobalId("Enterprise", names.get(name)!);
});
afterAll(() => t.close());

const [A, B, C, HONORED] = ["链接企业1", "链接企业2", "链接企业3", "链接企业4"];

/** A trainee on the record at enterprise `at` (a confirmed link, as staff would have set it). */
async function traineeAt(name: string, at: string | null): Promise<TestUser> {
  const user = await t.user(["TRAINEE"], name);
  if (at) {
    const set = await t.ok(
      UPDATE,
      { i: { traineeId: toGlobalId("Trainee", user.traineeId!), enterpriseId: eid(at) } },
      { token: staff.token },
    );
    expect(set.updateTrainee.userErrors).toEqual([]);
  }
  return user;
}

const pendingOf = async (traineeId: number) =>
  t.ds.getRepository(TraineeEnterpriseLink).findOneBy({ traineeId, status: "PENDING" });

describe("a trainee's own change of enterprise", () => {
  it("is a claim: the record keeps the confirmed enterprise, the trainee sees it pending, staff see it queued", async () => {
    const li = await traineeAt("李申请", A);
    const res = await t.ok(UPDATE_ME, { i: { enterpriseId: eid(B) } }, { token: li.token });
    expect(res.updateMyProfile.userErrors).toEqual([]);
    expect(res.updateMyProfile.trainee).toMatchObject({
      enterprise: { name: A },
      pendingEnterpriseLink: { status: "PENDING", source: "SELF", enterprise: { name: B } },
    });
    expect((await t.ds.getRepository(Trainee).findOneByOrFail({ id: li.traineeId! })).enterpriseId).toBe(names.get(A));
    const queue = await t.ok(QUEUE, {}, { token: staff.token });
    expect(queue.traineeEnterpriseLinks.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ trainee: { name: "李申请", enterprise: { name: A } }, enterprise: { name: B } }),
    );
    const audited = await t.ds.getRepository(AuditEntry).findBy({ action: "trainee.updateProfile" });
    expect(audited.some((a) => JSON.parse(a.details).enterpriseClaimId)).toBe(true);

    // The same claim again changes nothing; another one replaces it.
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(B) } }, { token: li.token });
    expect(await t.count(TraineeEnterpriseLink, { traineeId: li.traineeId!, status: "PENDING" })).toBe(1);
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(C) } }, { token: li.token });
    expect(await t.count(TraineeEnterpriseLink, { traineeId: li.traineeId!, status: "WITHDRAWN" })).toBe(1);
    expect((await pendingOf(li.traineeId!))?.enterpriseId).toBe(names.get(C));
    // Naming the confirmed enterprise again withdraws the claim.
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(A) } }, { token: li.token });
    expect(await pendingOf(li.traineeId!)).toBeNull();
  });

  it("confirmed by staff, becomes the record's enterprise and ends the previous link; the history keeps both", async () => {
    const wang = await traineeAt("王确认", A);
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(B) } }, { token: wang.token });
    const claim = await pendingOf(wang.traineeId!);
    const res = await t.ok(
      CONFIRM,
      { i: { linkId: toGlobalId("TraineeEnterpriseLink", claim!.id), reason: "已核对劳动合同" } },
      { token: staff.token },
    );
    expect(res.confirmTraineeEnterpriseLink).toMatchObject({
      userErrors: [],
      link: {
        status: "CONFIRMED",
        decidedBy: { id: toGlobalId("User", staff.userId) },
        decisionReason: "已核对劳动合同",
        trainee: { enterprise: { name: B } },
      },
    });
    const history = await t.ok(HISTORY, { id: toGlobalId("Trainee", wang.traineeId!) }, { token: wang.token });
    expect(history.node.enterprise).toEqual({ name: B });
    const links = history.node.enterpriseLinks;
    expect(links.map((l: any) => [l.status, l.source, l.enterprise.name, l.validTo === null])).toEqual([
      ["CONFIRMED", "SELF", B, true],
      ["CONFIRMED", "STAFF", A, false],
    ]);
    expect(await t.count(AuditEntry, { action: "trainee.confirmEnterprise" })).toBe(1);
    // Decided once: a second decision is refused and changes nothing.
    const again = await t.ok(
      REJECT,
      { i: { linkId: toGlobalId("TraineeEnterpriseLink", claim!.id), reason: "重复" } },
      { token: staff.token },
    );
    expect(again.rejectTraineeEnterpriseLink.userErrors[0]).toMatchObject({
      code: "WRONG_STATUS",
      field: ["input", "linkId"],
    });
  });

  it("rejected by staff with a reason, leaves the record as it was and tells the trainee why", async () => {
    const zhao = await traineeAt("赵驳回", A);
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(C) } }, { token: zhao.token });
    const claim = (await pendingOf(zhao.traineeId!))!;
    const linkId = toGlobalId("TraineeEnterpriseLink", claim.id);
    const res = await t.ok(REJECT, { i: { linkId, reason: "该企业无此人社保记录" } }, { token: staff.token });
    expect(res.rejectTraineeEnterpriseLink).toMatchObject({
      userErrors: [],
      link: { status: "REJECTED", decisionReason: "该企业无此人社保记录" },
    });
    const mine = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on TraineeEnterpriseLink { status decisionReason } } }`,
      { id: linkId },
      { token: zhao.token },
    );
    expect(mine.node).toEqual({ status: "REJECTED", decisionReason: "该企业无此人社保记录" });
    expect((await t.ds.getRepository(Trainee).findOneByOrFail({ id: zhao.traineeId! })).enterpriseId).toBe(
      names.get(A),
    );
    expect(await t.count(AuditEntry, { action: "trainee.rejectEnterprise" })).toBe(1);
  });

  it("refuses bad decisions, and anyone but staff, and changes nothing", async () => {
    const sun = await traineeAt("孙坏输入", A);
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(B) } }, { token: sun.token });
    const claim = (await pendingOf(sun.traineeId!))!;
    const linkId = toGlobalId("TraineeEnterpriseLink", claim.id);
    const before = await t.count(AuditEntry);
    const cases: [string, Record<string, unknown>, string, string][] = [
      [REJECT, { linkId, reason: "  " }, "REQUIRED", "reason"],
      [REJECT, { linkId, reason: "长".repeat(501) }, "TOO_LONG", "reason"],
      [CONFIRM, { linkId, reason: "长".repeat(501) }, "TOO_LONG", "reason"],
      [CONFIRM, { linkId: toGlobalId("TraineeEnterpriseLink", 999999) }, "NOT_FOUND", "linkId"],
      [CONFIRM, { linkId: toGlobalId("Trainee", claim.id) }, "NOT_FOUND", "linkId"],
      [CONFIRM, { linkId: "garbage" }, "NOT_FOUND", "linkId"],
    ];
    for (const [mutation, input, code, field] of cases) {
      const res = await t.ok(mutation, { i: input }, { token: staff.token, lang: "en" });
      const payload = Object.values(res)[0] as { userErrors: { code: string; field: string[]; message: string }[] };
      expect(payload.userErrors[0]).toMatchObject({ code, field: ["input", field] });
      expect(payload.userErrors[0].message).not.toMatch(/[A-Z]{4,}_/);
    }
    const byTrainee = await t.gql(CONFIRM, { i: { linkId } }, { token: sun.token });
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(QUEUE, {}, { token: sun.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const stranger = await t.user(["TRAINEE"], "路人");
    const peek = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id: linkId }, { token: stranger.token });
    expect(peek.node).toBeNull();
    expect((await pendingOf(sun.traineeId!))?.id).toBe(claim.id);
    expect(await t.count(AuditEntry)).toBe(before);
    // A claim for an enterprise that does not exist is refused like any unknown id.
    const unknown = await t.ok(
      UPDATE_ME,
      { i: { enterpriseId: toGlobalId("Enterprise", 999999) } },
      { token: sun.token },
    );
    expect(unknown.updateMyProfile.userErrors[0]).toMatchObject({
      code: "NOT_FOUND",
      field: ["input", "enterpriseId"],
    });
    expect((await pendingOf(sun.traineeId!))?.id).toBe(claim.id);
  });

  it("named at registration, is a claim too: the new record has no enterprise until staff confirm it", async () => {
    const phone = t.nextPhone();
    const res = await t.register({ name: "郑新人", phone, password: "zuofu2026ok", enterpriseId: eid(B) });
    expect(res.userErrors).toEqual([]);
    const trainee = await t.ds.getRepository(Trainee).findOneByOrFail({ phone });
    expect(trainee.enterpriseId).toBeNull();
    expect(await pendingOf(trainee.id)).toMatchObject({ enterpriseId: names.get(B), source: "SELF" });
  });

  it("leaving an enterprise takes effect at once and ends the link; the claim it replaces is withdrawn", async () => {
    const zhou = await traineeAt("周离职", A);
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(B) } }, { token: zhou.token });
    const res = await t.ok(UPDATE_ME, { i: { enterpriseId: null } }, { token: zhou.token });
    expect(res.updateMyProfile.trainee).toMatchObject({ enterprise: null, pendingEnterpriseLink: null });
    const links = await t.ds.getRepository(TraineeEnterpriseLink).find({
      where: { traineeId: zhou.traineeId! },
      order: { id: "ASC" },
    });
    expect(links.map((l) => [l.status, l.validTo !== null])).toEqual([
      ["CONFIRMED", true],
      ["WITHDRAWN", true],
    ]);
  });
});

describe("only confirmed links count", () => {
  it("for a partner's scope: a chamber reads a trainee who claims a member enterprise only once staff confirm it", async () => {
    const [member] = await enterprises(t, 1, "商会成员");
    const chamber = await createChamber(t, admin, "链接测试商会", [member.id]);
    const key = (await createKey(t, admin, chamber, ["MEMBERS_READ"])).secret;
    const qian = await traineeAt("钱会员", A);
    const READ = `query($id: ID!) { node(id: $id) { ... on Trainee { name } } }`;
    const id = toGlobalId("Trainee", qian.traineeId!);
    await t.ok(UPDATE_ME, { i: { enterpriseId: toGlobalId("Enterprise", member.id) } }, { token: qian.token });
    expect((await t.ok(READ, { id }, bearer(key))).node).toBeNull();
    const members = `{ trainees(first: 50) { edges { node { name } } } }`;
    expect((await t.ok(members, {}, bearer(key))).trainees.edges).toEqual([]);
    const claim = (await pendingOf(qian.traineeId!))!;
    await t.ok(CONFIRM, { i: { linkId: toGlobalId("TraineeEnterpriseLink", claim.id) } }, { token: staff.token });
    expect((await t.ok(READ, { id }, bearer(key))).node).toEqual({ name: "钱会员" });
    expect((await t.ok(members, {}, bearer(key))).trainees.edges).toEqual([{ node: { name: "钱会员" } }]);
  });

  it("for award eligibility: an honor of a claimed enterprise counts only once staff confirm the link", async () => {
    await t.ds.getRepository(EnterpriseHonor).save({
      enterpriseId: names.get(HONORED)!,
      kind: "SRDI",
      level: "MUNICIPAL",
      year: 2023,
      certificateNumber: null,
      validUntil: null,
    });
    const program = await createProgram(t, staff, "优秀民营企业家（任职）", "ENTREPRENEUR");
    const { id: cycleId } = await createCycle(t, staff, program, {
      year: 2026,
      rules: [{ type: "HOLDS_HONOR", honorKind: "SRDI" }],
      phase: "NOMINATING",
    });
    const feng = await traineeAt("冯企业家", A);
    const nominee = toGlobalId("Trainee", feng.traineeId!);
    await t.ok(UPDATE_ME, { i: { enterpriseId: eid(HONORED) } }, { token: feng.token });
    expect((await t.ok(PREVIEW, { c: cycleId, n: nominee }, { token: staff.token })).awardDossierPreview.eligible).toBe(
      false,
    );
    const claim = (await pendingOf(feng.traineeId!))!;
    await t.ok(CONFIRM, { i: { linkId: toGlobalId("TraineeEnterpriseLink", claim.id) } }, { token: staff.token });
    expect((await t.ok(PREVIEW, { c: cycleId, n: nominee }, { token: staff.token })).awardDossierPreview.eligible).toBe(
      true,
    );
  });
});
