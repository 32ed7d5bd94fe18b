import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { TestApp } from "../../../testing/harness";
import { ACCOUNT_LIMITS, LOGIN_LIMITS } from "../login-throttle";

const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code message } } }`;
const LOGIN_WITH_CODE = `mutation($i: LoginWithCodeInput!) { loginWithCode(input: $i) { token userErrors { code } } }`;
const CHANGE = `mutation($i: ChangePasswordInput!) { changePassword(input: $i) { userErrors { code } } }`;
const REGISTER = `mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { token userErrors { code } } }`;

const at = (address: string) => ({ headers: { "x-forwarded-for": address } });
/** An address no other test (or earlier run against the same Redis) uses. */
const freshAddress = () => `198.18.${randomBytes(1)[0]}.${1 + (randomBytes(1)[0] % 250)}`;

async function attempt(t: TestApp, phone: string, password: string, address: string) {
  return (await t.ok(LOGIN, { i: { phone, password } }, at(address))).login as {
    token: string | null;
    userErrors: { code: string; message: string }[];
  };
}

describe.each([
  ["one process (memory)", {}],
  ["Redis", { REDIS_URL: process.env.REDIS_URL ?? "redis://127.0.0.1:6379" }],
])("password sign-in throttling, %s", (_name, env: Record<string, string>) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start(env);
  });
  afterAll(() => t.close());

  it("checks no more than five of 40 wrong passwords sent at once for one account from one address", async () => {
    const admin = await t.user(["ADMIN"], "管理员", "right-pass-1");
    const address = freshAddress();
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) => attempt(t, admin.phone, `wrong-pass-${i}`, address)),
    );
    const codes = answers.map((a) => a.userErrors[0].code);
    expect(codes.filter((c) => c === "WRONG_CREDENTIALS")).toHaveLength(LOGIN_LIMITS.perPair);
    expect(codes.filter((c) => c === "TOO_MANY_ATTEMPTS")).toHaveLength(40 - LOGIN_LIMITS.perPair);
    // Even the right password is not checked from that address now...
    expect((await attempt(t, admin.phone, "right-pass-1", address)).userErrors[0].code).toBe("TOO_MANY_ATTEMPTS");
    // ...but the admin, from their own address, is not locked out.
    const own = await attempt(t, admin.phone, "right-pass-1", freshAddress());
    expect(own.userErrors).toEqual([]);
    expect(own.token).toBeTruthy();
  });
});

describe("what the throttles key on", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start();
  });
  afterAll(() => t.close());

  it("one address spraying one password over many phones is stopped after 20 failures", async () => {
    const address = freshAddress();
    const answers = [];
    for (let i = 0; i < LOGIN_LIMITS.perAddress + 2; i++)
      answers.push(await attempt(t, t.nextPhone(), "Spring2026", address));
    const codes = answers.map((a) => a.userErrors[0].code);
    expect(codes.slice(0, LOGIN_LIMITS.perAddress).every((c) => c === "WRONG_CREDENTIALS")).toBe(true);
    expect(codes.slice(LOGIN_LIMITS.perAddress)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
  });

  it("many addresses against one phone: password sign-in pauses, and sign-in by SMS code still works", async () => {
    const member = await t.user(["TRAINEE"], "被攻击者", "right-pass-2");
    const addresses = Array.from(
      { length: LOGIN_LIMITS.phoneCeiling / LOGIN_LIMITS.perPair },
      (_, i) => `192.0.2.${i + 1}`,
    );
    await Promise.all(
      addresses.map(async (address) => {
        for (let i = 0; i < LOGIN_LIMITS.perPair; i++) await attempt(t, member.phone, `guess-${i}-x`, address);
      }),
    );
    const owner = await attempt(t, member.phone, "right-pass-2", "192.0.2.200");
    expect(owner.userErrors[0].code).toBe("PASSWORD_SIGNIN_SUSPENDED");
    expect(owner.userErrors[0].message).toContain("短信验证码登录");
    const code = await t.phoneCode(member.phone, "LOGIN");
    const byCode = await t.ok(LOGIN_WITH_CODE, { i: { phone: member.phone, phoneCode: code } }, at("192.0.2.200"));
    expect(byCode.loginWithCode.userErrors).toEqual([]);
    // Proving the phone ends the pause.
    expect((await attempt(t, member.phone, "right-pass-2", "192.0.2.200")).token).toBeTruthy();
  }, 60_000);

  it("a wrong current password is counted before it is checked (changePassword)", async () => {
    const member = await t.user(["TRAINEE"], "改密者", "right-pass-3");
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.ok(CHANGE, { i: { currentPassword: `nope-${i}-x`, newPassword: "better-pass-3" } }, { token: member.token }),
      ),
    );
    const codes = answers.map((a) => a.changePassword.userErrors[0].code);
    expect(codes.filter((c) => c === "WRONG_PASSWORD")).toHaveLength(ACCOUNT_LIMITS.passwordPerUser.limit);
    expect(codes.filter((c) => c === "TOO_MANY_ATTEMPTS")).toHaveLength(12 - ACCOUNT_LIMITS.passwordPerUser.limit);
  });

  it("registrations from one address are capped per hour", async () => {
    const address = "198.51.100.77";
    const answers = [];
    for (let i = 0; i < ACCOUNT_LIMITS.registerPerAddress.limit + 1; i++) {
      answers.push(
        (
          await t.ok(
            REGISTER,
            { i: { name: "批量", phone: t.nextPhone(), password: "secret123", phoneCode: "000000" } },
            at(address),
          )
        ).registerTrainee,
      );
    }
    expect(answers.at(-1)!.userErrors[0].code).toBe("TOO_MANY_REQUESTS");
    expect(answers.slice(0, -1).every((a) => a.userErrors[0].code === "CODE_WRONG")).toBe(true);
  });

  it("code checks from one address are capped per hour, over all phones", async () => {
    const address = "198.51.100.88";
    const limit = ACCOUNT_LIMITS.codeChecksPerAddress.limit;
    const answers = [];
    for (let i = 0; i < limit + 1; i++)
      answers.push(
        (await t.ok(LOGIN_WITH_CODE, { i: { phone: t.nextPhone(), phoneCode: "123456" } }, at(address))).loginWithCode,
      );
    expect(answers.at(-1)!.userErrors[0].code).toBe("TOO_MANY_REQUESTS");
    expect(answers.slice(0, -1).every((a) => a.userErrors[0].code === "CODE_WRONG")).toBe(true);
  });
});

describe("X-Forwarded-For without TRUST_PROXY", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await TestApp.start({ TRUST_PROXY: "" });
  });
  afterAll(() => t.close());

  it("is not believed: a forged address per try does not get around the lock", async () => {
    const member = await t.user(["TRAINEE"], "伪造者目标", "right-pass-4");
    const answers = [];
    for (let i = 0; i < LOGIN_LIMITS.perPair + 2; i++)
      answers.push(await attempt(t, member.phone, `wrong-${i}-x`, `10.0.${i}.1`));
    const codes = answers.map((a) => a.userErrors[0].code);
    expect(codes.filter((c) => c === "WRONG_CREDENTIALS")).toHaveLength(LOGIN_LIMITS.perPair);
    expect(codes.slice(LOGIN_LIMITS.perPair)).toEqual(["TOO_MANY_ATTEMPTS", "TOO_MANY_ATTEMPTS"]);
  });
});
