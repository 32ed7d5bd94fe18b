import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Trainee } from "../trainee.entity";

const UPDATE_ME = `mutation($i: UpdateMyProfileInput!) {
  updateMyProfile(input: $i) { trainee { id name gender position idCardNumber phone enterprise { name } } userErrors { code field message } }
}`;
const READ = `query($id: ID!) { node(id: $id) { ... on Trainee { id name phone idCardNumber } } }`;

let t: TestApp;
let alice: TestUser;
let bob: TestUser;
let staff: TestUser;
let admin: TestUser;
const ID = "11010519491231002X";

beforeAll(async () => {
  t = await TestApp.start();
  [alice, bob, staff, admin] = [
    await t.user(["TRAINEE"], "张丽"),
    await t.user(["TRAINEE"], "王军"),
    await t.user(["STAFF"]),
    await t.user(["ADMIN"]),
  ];
  const res = await t.ok(
    UPDATE_ME,
    { i: { idCardNumber: ID, gender: "FEMALE", position: "总经理" } },
    { token: alice.token },
  );
  expect(res.updateMyProfile.userErrors).toEqual([]);
});
afterAll(() => t.close());

const aliceId = () => toGlobalId("Trainee", alice.traineeId!);

describe("a trainee's own profile", () => {
  it("is edited by its owner, who sees the phone, and the whole ID number only when asking for it", async () => {
    const res = await t.ok(READ, { id: aliceId() }, { token: alice.token });
    expect(res.node).toMatchObject({ name: "张丽", idCardNumber: "110105********002X", phone: alice.phone });
    const whole = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Trainee { idCardNumber(unmasked: true) } } }`,
      { id: aliceId() },
      { token: alice.token },
    );
    expect(whole.node.idCardNumber).toBe(ID);
    // The owner's own read is no admin access: nothing to audit.
    expect(await t.count(AuditEntry, { action: "trainee.revealIdCard" })).toBe(0);
  });

  it("a new name shows on the account too", async () => {
    await t.ok(UPDATE_ME, { i: { name: "张丽华" } }, { token: alice.token });
    const me = await t.ok(`{ me { name trainee { name } } }`, {}, { token: alice.token });
    expect(me.me).toEqual({ name: "张丽华", trainee: { name: "张丽华" } });
    await t.ok(UPDATE_ME, { i: { name: "张丽" } }, { token: alice.token });
  });

  it("refuses bad input and changes nothing", async () => {
    const before = await t.ds.getRepository(Trainee).findOneByOrFail({ id: alice.traineeId! });
    for (const [input, code, field] of [
      [{ idCardNumber: "110105194912310021" }, "INVALID_ID_CARD", "idCardNumber"],
      [{ name: "" }, "REQUIRED", "name"],
      [{ position: "x".repeat(65) }, "TOO_LONG", "position"],
      [{ enterpriseId: toGlobalId("Enterprise", 424242) }, "NOT_FOUND", "enterpriseId"],
      [{ enterpriseId: toGlobalId("User", alice.userId) }, "NOT_FOUND", "enterpriseId"],
    ] as const) {
      const res = await t.ok(UPDATE_ME, { i: input }, { token: alice.token });
      expect(res.updateMyProfile.userErrors[0]).toMatchObject({ code, field: ["input", field] });
    }
    const after = await t.ds.getRepository(Trainee).findOneByOrFail({ id: alice.traineeId! });
    expect(after).toEqual(before);
  });

  it("refuses an ID number that another trainee uses", async () => {
    const res = await t.ok(UPDATE_ME, { i: { idCardNumber: ID } }, { token: bob.token });
    expect(res.updateMyProfile.userErrors[0].code).toBe("ID_CARD_TAKEN");
  });

  it("needs a login", async () => {
    const res = await t.gql(UPDATE_ME, { i: { name: "x" } });
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("who sees what", () => {
  it("another trainee cannot read the profile at all", async () => {
    const res = await t.ok(READ, { id: aliceId() }, { token: bob.token });
    expect(res.node).toBeNull();
    const list = await t.gql(`{ trainees(first: 5) { totalCount } }`, {}, { token: bob.token });
    expect(list.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anon = await t.gql(`{ trainees(first: 5) { totalCount } }`);
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("staff see the phone but only the masked ID number", async () => {
    const res = await t.ok(READ, { id: aliceId() }, { token: staff.token });
    expect(res.node).toMatchObject({ phone: alice.phone, idCardNumber: "110105********002X" });
    const reveal = await t.gql(
      `query($id: ID!) { node(id: $id) { ... on Trainee { idCardNumber(unmasked: true) } } }`,
      { id: aliceId() },
      { token: staff.token },
    );
    expect(reveal.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("an admin's unmasked read shows the number and writes an audit entry", async () => {
    const before = await t.count(AuditEntry, { action: "trainee.revealIdCard" });
    const masked = await t.ok(READ, { id: aliceId() }, { token: admin.token });
    expect(masked.node.idCardNumber).toBe("110105********002X");
    expect(await t.count(AuditEntry, { action: "trainee.revealIdCard" })).toBe(before);
    const res = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on Trainee { idCardNumber(unmasked: true) } } }`,
      { id: aliceId() },
      { token: admin.token },
    );
    expect(res.node.idCardNumber).toBe(ID);
    const entries = await t.ds
      .getRepository(AuditEntry)
      .findBy({ action: "trainee.revealIdCard", subjectId: alice.traineeId! });
    expect(entries).toHaveLength(1);
    expect(entries[0].actorUserId).toBe(admin.userId);
  });

  it("a user's phone is masked for other users", async () => {
    const res = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on User { phone } } }`,
      { id: toGlobalId("User", alice.userId) },
      { token: admin.token },
    );
    expect(res.node.phone).toBe(alice.phone);
    const other = await t.ok(
      `query($id: ID!) { node(id: $id) { ... on User { phone } } }`,
      { id: toGlobalId("User", alice.userId) },
      { token: bob.token },
    );
    expect(other.node).toBeNull();
  });
});

describe("staff manage trainee records", () => {
  const CREATE = `mutation($i: CreateTraineeInput!) { createTrainee(input: $i) { trainee { id name phone } userErrors { code field } } }`;
  const UPDATE = `mutation($i: UpdateTraineeInput!) { updateTrainee(input: $i) { trainee { id name position } userErrors { code field } } }`;

  it("creates, edits and finds trainees by name, phone and ID number", async () => {
    const phone = t.nextPhone();
    const created = await t.ok(
      CREATE,
      { i: { name: "陈平安", phone, idCardNumber: "360426199101010071" } },
      { token: staff.token },
    );
    expect(created.createTrainee.userErrors).toEqual([]);
    const id = created.createTrainee.trainee.id;
    const updated = await t.ok(UPDATE, { i: { traineeId: id, position: "董事长" } }, { token: staff.token });
    expect(updated.updateTrainee.trainee).toMatchObject({ name: "陈平安", position: "董事长" });
    for (const search of ["陈平", phone, "360426199101010071"]) {
      const found = await t.ok(
        `query($s: String) { trainees(first: 10, filter: { search: $s }) { totalCount edges { node { id } } } }`,
        { s: search },
        { token: staff.token },
      );
      expect(found.trainees.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(id);
    }
    expect(await t.count(AuditEntry, { action: "trainee.update" })).toBeGreaterThan(0);
  });

  it("refuses bad input", async () => {
    const before = await t.count(Trainee);
    const res = await t.ok(CREATE, { i: { name: "", phone: "123", idCardNumber: "1234" } }, { token: staff.token });
    expect(res.createTrainee.userErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      "INVALID_ID_CARD",
      "INVALID_PHONE",
      "REQUIRED",
    ]);
    const unknown = await t.ok(
      UPDATE,
      { i: { traineeId: toGlobalId("Trainee", 987654), name: "x" } },
      { token: staff.token },
    );
    expect(unknown.updateTrainee.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "traineeId"] });
    expect(await t.count(Trainee)).toBe(before);
  });

  it("trainees cannot use staff mutations", async () => {
    const res = await t.gql(CREATE, { i: { name: "x" } }, { token: alice.token });
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });
});
