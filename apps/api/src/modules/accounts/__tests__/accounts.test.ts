import "reflect-metadata";
import { TestApp } from "../../../testing/harness";
import { User } from "../user.entity";
import { Session } from "../session.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { AuditEntry } from "../../audit/audit-entry.entity";

const REGISTER = `mutation($input: RegisterTraineeInput!) {
  registerTrainee(input: $input) { token user { id name phone roles } userErrors { code field message } }
}`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { token user { id roles } userErrors { code field message } } }`;
const ME = `{ me { id name phone roles trainee { id name } } }`;

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

/** Registers through the API with the REGISTER code the phone received. */
async function register(input: Record<string, unknown> & { phone: string }, opts = {}) {
  const phoneCode = await t.phoneCode(input.phone, "REGISTER");
  return t.ok(REGISTER, { input: { phoneCode, ...input } }, opts);
}

describe("registerTrainee", () => {
  it("creates the account and its trainee profile, signs in, and audits", async () => {
    const phone = t.nextPhone();
    const res = await register({ name: "李明", phone, password: "secret123" });
    expect(res.registerTrainee.userErrors).toEqual([]);
    expect(res.registerTrainee.user.roles).toEqual(["TRAINEE"]);
    // The new account's own phone, unmasked, though the request itself was anonymous.
    expect(res.registerTrainee.user.phone).toBe(phone);
    const me = await t.ok(ME, {}, { token: res.registerTrainee.token });
    expect(me.me).toMatchObject({ name: "李明", phone, roles: ["TRAINEE"], trainee: { name: "李明" } });
    const user = await t.ds.getRepository(User).findOneByOrFail({ phone });
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    expect(user.passwordHash).not.toContain("secret123");
    expect(await t.count(AuditEntry, { action: "user.register", subjectId: user.id })).toBe(1);
  });

  it.each([
    [{ phone: "12345" }, "INVALID_PHONE", "phone"],
    [{ phone: "12800000001" }, "INVALID_PHONE", "phone"],
    [{ password: "short1" }, "PASSWORD_TOO_SHORT", "password"],
    [{ password: "onlyletters" }, "PASSWORD_TOO_WEAK", "password"],
    [{ name: "  " }, "REQUIRED", "name"],
    [{ idCardNumber: "110105194912310021" }, "INVALID_ID_CARD", "idCardNumber"],
    [{ idCardNumber: "11010519491231" }, "INVALID_ID_CARD", "idCardNumber"],
    [{ enterpriseId: "RW50ZXJwcmlzZTo5OTk5" }, "NOT_FOUND", "enterpriseId"],
    [{ enterpriseId: "garbage" }, "NOT_FOUND", "enterpriseId"],
    [{ phoneCode: "" }, "REQUIRED", "phoneCode"],
    [{ phoneCode: "123456" }, "CODE_WRONG", "phoneCode"],
  ])("refuses %j with %s and stores nothing", async (override, code, field) => {
    const before = await t.count(User);
    const input = { name: "王芳", phone: t.nextPhone(), password: "secret123", phoneCode: "000000", ...override };
    const res = await t.ok(REGISTER, { input });
    expect(res.registerTrainee.token).toBeNull();
    expect(res.registerTrainee.userErrors).toEqual([expect.objectContaining({ code, field: ["input", field] })]);
    expect(await t.count(User)).toBe(before);
  });

  it("lists every problem of a form at once", async () => {
    const res = await t.ok(REGISTER, { input: { name: "", phone: "1", password: "x", phoneCode: "" } });
    expect(res.registerTrainee.userErrors.map((e: { code: string }) => e.code).sort()).toEqual(
      ["INVALID_PHONE", "PASSWORD_TOO_SHORT", "REQUIRED", "REQUIRED"].sort(),
    );
  });

  it("refuses a phone already registered, in the caller's language: no code reaches a registered phone", async () => {
    const { phone } = await t.user(["TRAINEE"], "赵伟");
    // A second REGISTER code is never sent: the owner gets a notice instead, and a guess is wrong.
    await t.gql(
      `mutation { requestPhoneCode(input: { phone: "${phone}", purpose: REGISTER }) { userErrors { code } } }`,
      {},
      {
        headers: { "x-forwarded-for": t.nextAddress() },
      },
    );
    const notice = t
      .smsInbox()
      .filter((m) => m.to === phone)
      .at(-1)!;
    expect(notice).toMatchObject({ purpose: "REGISTERED_ALREADY", code: null });
    expect(notice.text).toContain("已注册");
    const zh = await t.ok(REGISTER, { input: { name: "赵伟", phone, password: "secret123", phoneCode: "123456" } });
    expect(zh.registerTrainee.userErrors[0]).toMatchObject({ code: "CODE_WRONG", message: "验证码不正确" });
    const en = await t.ok(
      REGISTER,
      { input: { name: "赵伟", phone, password: "secret123", phoneCode: "123456" } },
      { lang: "en-US,en;q=0.9" },
    );
    expect(en.registerTrainee.userErrors[0]).toMatchObject({ code: "CODE_WRONG", message: "The code is not correct" });
    expect(await t.count(User, { phone })).toBe(1);
  });

  it("stores the ID-card number encrypted, never in clear", async () => {
    const phone = t.nextPhone();
    const id = "11010519491231002X";
    const res = await register({ name: "周敏", phone, password: "secret123", idCardNumber: id });
    expect(res.registerTrainee.userErrors).toEqual([]);
    const trainee = await t.ds.getRepository(Trainee).findOneByOrFail({ phone });
    expect(trainee.idCardEncrypted).not.toContain(id);
    expect(trainee.idCardMasked).toBe("110105********002X");
    const again = await register({ name: "周敏", phone: t.nextPhone(), password: "secret123", idCardNumber: id });
    expect(again.registerTrainee.userErrors[0].code).toBe("ID_CARD_TAKEN");
  });

  it("lets a person imported with a past cohort claim that record", async () => {
    const phone = t.nextPhone();
    const staff = await t.user(["STAFF"]);
    const created = await t.ok(
      `mutation($i: CreateTraineeInput!) { createTrainee(input: $i) { trainee { id } userErrors { code } } }`,
      { i: { name: "孙强", phone } },
      { token: staff.token },
    );
    expect(created.createTrainee.userErrors).toEqual([]);
    const res = await register({ name: "孙强", phone, password: "secret123" });
    const me = await t.ok(ME, {}, { token: res.registerTrainee.token });
    expect(me.me.trainee.id).toBe(created.createTrainee.trainee.id);
    expect(await t.count(Trainee, { phone })).toBe(1);
  });
});

describe("login, logout and sessions", () => {
  let phone: string;
  beforeAll(async () => {
    phone = t.nextPhone();
    await register({ name: "钱进", phone, password: "secret123" });
  });

  it("answers `me` and its trainee from the session lookup alone, with the rows as they are", async () => {
    const person = await t.user(["TRAINEE"], "孙悦");
    const res = await t.gql(`{ me { name roles trainee { name phone } } }`, {}, { token: person.token });
    expect(res.errors).toBeUndefined();
    expect(res.data.me).toEqual({ name: "孙悦", roles: ["TRAINEE"], trainee: { name: "孙悦", phone: person.phone } });
    expect(Number(res.headers.get("x-sql-statements"))).toBe(1);
    const staff = await t.user(["STAFF"]);
    const noProfile = await t.gql(`{ me { roles trainee { name } } }`, {}, { token: staff.token });
    expect(noProfile.data.me).toEqual({ roles: ["STAFF"], trainee: null });
    expect(Number(noProfile.headers.get("x-sql-statements"))).toBe(1);
  });

  it("signs in with the right password and refuses a wrong one", async () => {
    const ok = await t.ok(LOGIN, { input: { phone, password: "secret123" } });
    expect(ok.login.token).toEqual(expect.any(String));
    const bad = await t.ok(LOGIN, { input: { phone, password: "wrong1234" } });
    expect(bad.login).toMatchObject({ token: null, userErrors: [{ code: "WRONG_CREDENTIALS" }] });
    const unknown = await t.ok(LOGIN, { input: { phone: t.nextPhone(), password: "secret123" } });
    expect(unknown.login.userErrors[0].code).toBe("WRONG_CREDENTIALS");
    const malformed = await t.ok(LOGIN, { input: { phone: "abc", password: "secret123" } });
    expect(malformed.login.userErrors[0]).toMatchObject({ code: "INVALID_PHONE", field: ["input", "phone"] });
  });

  it("logout revokes the token: the next request is UNAUTHENTICATED", async () => {
    const { login } = await t.ok(LOGIN, { input: { phone, password: "secret123" } });
    const out = await t.ok(`mutation { logout(input: {}) { ok userErrors { code } } }`, {}, { token: login.token });
    expect(out.logout.ok).toBe(true);
    const after = await t.gql(ME, {}, { token: login.token });
    expect(after.status).toBe(401);
    expect(after.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(after.errors?.[0].message).toBe("登录已失效，请重新登录");
  });

  it("refuses an expired token", async () => {
    const { login } = await t.ok(LOGIN, { input: { phone, password: "secret123" } });
    const session = await t.ds.getRepository(Session).findOneOrFail({ where: {}, order: { id: "DESC" } });
    await t.ds.getRepository(Session).update({ id: session.id }, { expiresAt: new Date(Date.now() - 1000) });
    const res = await t.gql(ME, {}, { token: login.token, lang: "en" });
    expect(res.errors?.[0]).toMatchObject({
      extensions: { code: "UNAUTHENTICATED" },
      message: "Your session has expired, please log in again",
    });
  });

  it("logout needs a login", async () => {
    const res = await t.gql(`mutation { logout(input: {}) { ok } }`);
    expect(res.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("changePassword checks the current one, the new one's strength, and signs out other devices", async () => {
    const p = t.nextPhone();
    await register({ name: "吴刚", phone: p, password: "secret123" });
    const a = (await t.ok(LOGIN, { input: { phone: p, password: "secret123" } })).login.token;
    const b = (await t.ok(LOGIN, { input: { phone: p, password: "secret123" } })).login.token;
    const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { user { id } userErrors { code field } } }`;
    const wrong = await t.ok(CHANGE, { i: { currentPassword: "nope12345", newPassword: "better123" } }, { token: a });
    expect(wrong.changePassword.userErrors).toEqual([{ code: "WRONG_PASSWORD", field: ["input", "currentPassword"] }]);
    const short = await t.ok(CHANGE, { i: { currentPassword: "secret123", newPassword: "a1" } }, { token: a });
    expect(short.changePassword.userErrors[0].code).toBe("PASSWORD_TOO_SHORT");
    const good = await t.ok(CHANGE, { i: { currentPassword: "secret123", newPassword: "better123" } }, { token: a });
    expect(good.changePassword.userErrors).toEqual([]);
    expect((await t.gql(ME, {}, { token: a })).data.me).not.toBeNull();
    expect((await t.gql(ME, {}, { token: b })).status).toBe(401);
    expect((await t.ok(LOGIN, { input: { phone: p, password: "secret123" } })).login.userErrors[0].code).toBe(
      "WRONG_CREDENTIALS",
    );
    expect((await t.ok(LOGIN, { input: { phone: p, password: "better123" } })).login.token).toBeTruthy();
  });

  it("slows and then refuses repeated failures for one phone from one address, even with the right password", async () => {
    const p = t.nextPhone();
    await register({ name: "郑华", phone: p, password: "secret123" });
    for (let i = 0; i < 5; i++) {
      const res = await t.ok(LOGIN, { input: { phone: p, password: `wrong${i}xyz` } });
      expect(res.login.userErrors[0].code).toBe("WRONG_CREDENTIALS");
    }
    const locked = await t.ok(LOGIN, { input: { phone: p, password: "secret123" } });
    expect(locked.login.token).toBeNull();
    expect(locked.login.userErrors[0]).toMatchObject({
      code: "TOO_MANY_ATTEMPTS",
      message: "登录失败次数过多，请在15分钟后再试",
    });
  });

  it("me is null when anonymous", async () => {
    expect((await t.ok(ME)).me).toBeNull();
  });
});

describe("admin account management", () => {
  const CREATE = `mutation($i: CreateUserInput!) { createUser(input: $i) { user { id roles phone } userErrors { code field } } }`;
  const ROLES = `mutation($i: SetUserRolesInput!) { setUserRoles(input: $i) { user { id roles } userErrors { code field } } }`;

  it("an admin creates a staff account; others may not", async () => {
    const admin = await t.user(["ADMIN"]);
    const phone = t.nextPhone();
    const res = await t.ok(
      CREATE,
      { i: { name: "刘洋", phone, password: "staff1234", roles: ["STAFF"] } },
      { token: admin.token },
    );
    expect(res.createUser.user.roles).toEqual(["STAFF"]);
    const login = await t.ok(LOGIN, { input: { phone, password: "staff1234" } });
    expect(login.login.user.roles).toEqual(["STAFF"]);

    const staff = await t.user(["STAFF"]);
    const denied = await t.gql(
      CREATE,
      { i: { name: "x", phone: t.nextPhone(), password: "staff1234", roles: ["ADMIN"] } },
      { token: staff.token },
    );
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anon = await t.gql(CREATE, {
      i: { name: "x", phone: t.nextPhone(), password: "staff1234", roles: ["ADMIN"] },
    });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("validates createUser input", async () => {
    const admin = await t.user(["ADMIN"]);
    const before = await t.count(User);
    const res = await t.ok(
      CREATE,
      { i: { name: "x", phone: "1", password: "staff1234", roles: [] } },
      { token: admin.token },
    );
    expect(res.createUser.userErrors.map((e: { code: string }) => e.code).sort()).toEqual([
      "INVALID_PHONE",
      "ROLES_REQUIRED",
    ]);
    expect(await t.count(User)).toBe(before);
  });

  it("changes roles, but never removes the last admin", async () => {
    const admins = await t.ds.getRepository(User).find({ where: {} });
    for (const u of admins.filter((u) => u.roles.includes("ADMIN"))) {
      await t.ds.getRepository(User).update({ id: u.id }, { roles: ["STAFF"] });
    }
    const admin = await t.user(["ADMIN"]);
    const target = await t.user(["TRAINEE"]);
    const gid = (type: string, id: number) => Buffer.from(`${type}:${id}`).toString("base64url");
    const up = await t.ok(
      ROLES,
      { i: { userId: gid("User", target.userId), roles: ["TRAINEE", "JUDGE"] } },
      { token: admin.token },
    );
    expect(up.setUserRoles.user.roles).toEqual(["TRAINEE", "JUDGE"]);
    const last = await t.ok(
      ROLES,
      { i: { userId: gid("User", admin.userId), roles: ["STAFF"] } },
      { token: admin.token },
    );
    expect(last.setUserRoles.userErrors[0].code).toBe("LAST_ADMIN");
    expect((await t.ds.getRepository(User).findOneByOrFail({ id: admin.userId })).roles).toEqual(["ADMIN"]);
    const unknown = await t.ok(ROLES, { i: { userId: gid("User", 999999), roles: ["STAFF"] } }, { token: admin.token });
    expect(unknown.setUserRoles.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "userId"] });
    const foreign = await t.ok(
      ROLES,
      { i: { userId: gid("Enterprise", target.userId), roles: ["STAFF"] } },
      { token: admin.token },
    );
    expect(foreign.setUserRoles.userErrors[0].code).toBe("NOT_FOUND");
  });

  it("a disabled account cannot sign in and its sessions end", async () => {
    const admin = await t.user(["ADMIN"]);
    const phone = t.nextPhone();
    await register({ name: "冯雪", phone, password: "secret123" });
    const token = (await t.ok(LOGIN, { input: { phone, password: "secret123" } })).login.token;
    const user = await t.ds.getRepository(User).findOneByOrFail({ phone });
    const gid = Buffer.from(`User:${user.id}`).toString("base64url");
    const res = await t.ok(
      `mutation($i: SetUserActiveInput!) { setUserActive(input: $i) { user { active } userErrors { code } } }`,
      { i: { userId: gid, active: false } },
      { token: admin.token },
    );
    expect(res.setUserActive.user.active).toBe(false);
    expect((await t.gql(ME, {}, { token })).status).toBe(401);
    expect((await t.ok(LOGIN, { input: { phone, password: "secret123" } })).login.userErrors[0].code).toBe(
      "ACCOUNT_DISABLED",
    );
  });

  it("users is for admins only", async () => {
    const trainee = await t.user(["TRAINEE"]);
    expect(
      (await t.gql(`{ users(first: 5) { totalCount } }`, {}, { token: trainee.token })).errors?.[0].extensions?.code,
    ).toBe("FORBIDDEN");
    const admin = await t.user(["ADMIN"]);
    const res = await t.ok(
      `{ users(first: 100, filter: { role: ADMIN }) { totalCount edges { node { roles } } } }`,
      {},
      { token: admin.token },
    );
    expect(res.users.totalCount).toBeGreaterThan(0);
    for (const e of res.users.edges) expect(e.node.roles).toContain("ADMIN");
  });

  it("admins find accounts by any part of the name, or a whole phone number; wildcards are literal", async () => {
    const admin = await t.user(["ADMIN"]);
    const staff = await t.user(["STAFF"], "欧阳晓峰");
    await t.user(["STAFF"], "100%_满意");
    const find = async (search: string) =>
      (
        await t.ok(
          `query($s: String) { users(first: 100, filter: { search: $s }) { edges { node { name phone } } } }`,
          { s: search },
          { token: admin.token },
        )
      ).users.edges.map((e: { node: { name: string } }) => e.node.name);
    expect(await find("晓峰")).toEqual(["欧阳晓峰"]);
    expect(await find("欧阳")).toEqual(["欧阳晓峰"]);
    expect(await find(staff.phone)).toEqual(["欧阳晓峰"]);
    expect(await find("%")).toEqual(["100%_满意"]);
    expect(await find("0%_满")).toEqual(["100%_满意"]);
  });
});
