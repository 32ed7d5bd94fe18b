import "reflect-metadata";
import { IsNull } from "typeorm";
import { idCardCheckChar } from "@zuofu/shared";
import { TestApp } from "../../../testing/harness";
import { SmsGatewayError, type SmsGateway, type SmsMessage } from "../../sms/sms.gateway";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { User } from "../user.entity";
import { Session } from "../session.entity";
import { PhoneCode } from "../phone-code.entity";
import { TraineeClaim } from "../trainee-claim.entity";
import { ACCOUNT_LIMITS } from "../login-throttle";

const REQUEST = `mutation($i: RequestPhoneCodeInput!) {
  requestPhoneCode(input: $i) { sentTo resendAfterSeconds expiresInSeconds userErrors { code field message } }
}`;
const REGISTER = `mutation($i: RegisterTraineeInput!) {
  registerTrainee(input: $i) { token user { id name } userErrors { code field message } }
}`;
const LOGIN_WITH_CODE = `mutation($i: LoginWithCodeInput!) {
  loginWithCode(input: $i) { token user { id name } userErrors { code field message } }
}`;
const RESET = `mutation($i: ResetPasswordInput!) { resetPassword(input: $i) { token user { id } userErrors { code field } } }`;
const LOGIN = `mutation($i: LoginInput!) { login(input: $i) { token userErrors { code } } }`;
const CHANGE_PHONE = `mutation($i: ChangePhoneInput!) { changePhone(input: $i) { user { phone } userErrors { code field } } }`;
const CLAIM = `mutation($i: ClaimTraineeRecordInput!) {
  claimTraineeRecord(input: $i) { outcome user { trainee { id name } } userErrors { code field } }
}`;
const DECIDE = `mutation($i: DecideTraineeClaimInput!) {
  decideTraineeClaim(input: $i) { claim { id status decisionNote } userErrors { code field } }
}`;
const ME = `{ me { id name trainee { id name idCardNumber(unmasked: true) } traineeClaim { id status typedName mismatches } } }`;
const CREATE_TRAINEE = `mutation($i: CreateTraineeInput!) { createTrainee(input: $i) { trainee { id } userErrors { code } } }`;

/** A valid ID-card number of its own for each call (Beijing Dongcheng, a birthday from the sequence). */
let idSeq = 0;
function nextIdCard(): string {
  idSeq += 1;
  const first17 = `110101198${(idSeq % 10).toString()}0${1 + (idSeq % 9)}1${String(idSeq % 10)}${String(100 + idSeq).slice(-3)}`;
  return first17 + idCardCheckChar(first17);
}

let t: TestApp;
beforeAll(async () => {
  t = await TestApp.start();
});
afterAll(() => t.close());

/** Each call from an address of its own, as different people are. */
const from = () => ({ headers: { "x-forwarded-for": t.nextAddress() } });

async function request(phone: string, purpose: string, opts: object = from()) {
  return (await t.ok(REQUEST, { i: { phone, purpose } }, opts)).requestPhoneCode;
}

/** An imported trainee (no account yet), as staff make one. */
async function importedTrainee(name: string, phone: string, idCardNumber?: string): Promise<string> {
  const staff = await t.user(["STAFF"]);
  const res = await t.ok(CREATE_TRAINEE, { i: { name, phone, idCardNumber } }, { token: staff.token });
  expect(res.createTrainee.userErrors).toEqual([]);
  return res.createTrainee.trainee.id;
}

describe("requestPhoneCode", () => {
  it("sends six digits for the purpose, and keeps only keyed hashes", async () => {
    const phone = t.nextPhone();
    const sent = await request(phone, "REGISTER");
    expect(sent).toEqual({
      sentTo: `${phone.slice(0, 3)}****${phone.slice(7)}`,
      resendAfterSeconds: 60,
      expiresInSeconds: 300,
      userErrors: [],
    });
    const code = t.lastCode(phone, "REGISTER")!;
    expect(code).toMatch(/^\d{6}$/);
    const rows = await t.ds.query(`SELECT * FROM phone_code`);
    const dump = JSON.stringify(rows);
    expect(dump).not.toContain(phone);
    expect(dump).not.toContain(code);
  });

  it("answers alike whether or not the phone has an account, and sends only where a code can be used", async () => {
    const member = await t.user(["TRAINEE"]);
    const stranger = t.nextPhone();
    const a = await request(member.phone, "LOGIN");
    const b = await request(stranger, "LOGIN");
    expect({ ...a, sentTo: null }).toEqual({ ...b, sentTo: null });
    expect(t.lastCode(member.phone, "LOGIN")).toMatch(/^\d{6}$/);
    expect(t.smsInbox().filter((m) => m.to === stranger)).toEqual([]);
    // A guess for the phone without an account is as wrong as any guess.
    const guess = await t.ok(LOGIN_WITH_CODE, { i: { phone: stranger, phoneCode: "123456" } }, from());
    expect(guess.loginWithCode.userErrors[0].code).toBe("CODE_WRONG");
  });

  it("refuses a second code within 60 s for the same phone and purpose, and says when", async () => {
    const phone = t.nextPhone();
    await request(phone, "REGISTER");
    const again = await request(phone, "REGISTER");
    expect(again.userErrors[0]).toMatchObject({ code: "CODE_TOO_SOON", field: ["input", "phone"] });
    expect(again.userErrors[0].message).toMatch(/请在\d+秒后重新获取验证码/);
    expect(t.smsInbox().filter((m) => m.to === phone)).toHaveLength(1);
  });

  it("caps one address per hour over all phones (a flood from one address)", async () => {
    const address = { headers: { "x-forwarded-for": "203.0.113.7" } };
    const answers = [];
    for (let i = 0; i < ACCOUNT_LIMITS.codeRequestsPerAddress.limit + 3; i++)
      answers.push(await request(t.nextPhone(), "REGISTER", address));
    expect(answers.filter((a) => a.userErrors.length === 0)).toHaveLength(ACCOUNT_LIMITS.codeRequestsPerAddress.limit);
    expect(answers.at(-1)!.userErrors[0]).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      message: "操作过于频繁，请在60分钟后再试",
    });
  });

  it("caps one phone per day from every address (a flood for one phone)", async () => {
    const phone = t.nextPhone();
    const resend = ACCOUNT_LIMITS.codeResendSeconds;
    ACCOUNT_LIMITS.codeResendSeconds = 0; // as if each request came a minute after the last
    try {
      const answers = [];
      for (let i = 0; i < ACCOUNT_LIMITS.codeRequestsPerPhone.limit + 2; i++)
        answers.push(await request(phone, "REGISTER"));
      expect(answers.filter((a) => a.userErrors.length === 0)).toHaveLength(ACCOUNT_LIMITS.codeRequestsPerPhone.limit);
      expect(answers.at(-1)!.userErrors[0].code).toBe("CODE_DAILY_LIMIT");
      expect(t.smsInbox().filter((m) => m.to === phone)).toHaveLength(ACCOUNT_LIMITS.codeRequestsPerPhone.limit);
    } finally {
      ACCOUNT_LIMITS.codeResendSeconds = resend;
    }
  });

  it("validates the phone and the purpose", async () => {
    expect((await request("12345", "REGISTER")).userErrors[0].code).toBe("INVALID_PHONE");
    const bad = await t.gql(REQUEST, { i: { phone: t.nextPhone(), purpose: "EVERYTHING" } });
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    const anon = await t.gql(REQUEST, { i: { phone: t.nextPhone(), purpose: "CHANGE_PHONE" } }, from());
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("tells the user clearly when the gateway throttles or fails, and leaves no code behind", async () => {
    const real = t.app.services.sms;
    const refusing = (reason: "THROTTLED" | "REJECTED"): SmsGateway => ({
      provider: "refusing",
      send: async (_m: SmsMessage) => {
        throw new SmsGatewayError(
          reason,
          reason === "THROTTLED" ? "isv.BUSINESS_LIMIT_CONTROL" : "isv.MOBILE_NUMBER_ILLEGAL",
        );
      },
    });
    const phone = t.nextPhone();
    const before = await t.count(PhoneCode);
    try {
      t.app.services.sms = refusing("THROTTLED");
      const throttled = await request(phone, "REGISTER");
      expect(throttled.userErrors[0]).toMatchObject({
        code: "SMS_UNAVAILABLE",
        message: "短信暂时无法发送，请稍后再试",
      });
      t.app.services.sms = refusing("REJECTED");
      // No 60 s wait after a code that never left: the person may try again at once.
      const rejected = await request(phone, "REGISTER");
      expect(rejected.userErrors[0].code).toBe("SMS_REJECTED");
    } finally {
      t.app.services.sms = real;
    }
    expect(await t.count(PhoneCode)).toBe(before);
    expect((await request(phone, "REGISTER")).userErrors).toEqual([]);
  });
});

describe("checking a code", () => {
  const register = (phone: string, phoneCode: string, name = "林涛") =>
    t.ok(REGISTER, { i: { name, phone, password: "secret123", phoneCode } }, from());

  it("refuses a wrong code, and stores nothing", async () => {
    const phone = t.nextPhone();
    const code = await t.phoneCode(phone, "REGISTER");
    const wrong = code === "000000" ? "000001" : "000000";
    const res = await register(phone, wrong);
    expect(res.registerTrainee).toMatchObject({
      token: null,
      userErrors: [{ code: "CODE_WRONG", field: ["input", "phoneCode"] }],
    });
    expect(await t.count(User, { phone })).toBe(0);
  });

  it("refuses a sixth try on one code, even the right one", async () => {
    const phone = t.nextPhone();
    const code = await t.phoneCode(phone, "REGISTER");
    const wrong = code === "000000" ? "000001" : "000000";
    for (let i = 0; i < 5; i++)
      expect((await register(phone, wrong)).registerTrainee.userErrors[0].code).toBe("CODE_WRONG");
    const sixth = await register(phone, code);
    expect(sixth.registerTrainee.userErrors[0].code).toBe("CODE_TRIES_EXHAUSTED");
    expect(await t.count(User, { phone })).toBe(0);
  });

  it("counts tries sent in parallel: no more than five are checked", async () => {
    const phone = t.nextPhone();
    const code = await t.phoneCode(phone, "REGISTER");
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(code) + 1 + i) % 1_000_000).padStart(6, "0"));
    const answers = await Promise.all(guesses.map((g) => register(phone, g)));
    const codes = answers.map((a) => a.registerTrainee.userErrors[0].code);
    expect(codes.filter((c) => c === "CODE_WRONG")).toHaveLength(5);
    expect(codes.filter((c) => c === "CODE_TRIES_EXHAUSTED")).toHaveLength(15);
  });

  it("refuses an expired code", async () => {
    const phone = t.nextPhone();
    const code = await t.phoneCode(phone, "REGISTER");
    await t.ds
      .createQueryBuilder()
      .update(PhoneCode)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where("id = (SELECT m FROM (SELECT MAX(id) AS m FROM phone_code) x)")
      .execute();
    expect((await register(phone, code)).registerTrainee.userErrors[0].code).toBe("CODE_EXPIRED");
  });

  it("refuses a code used once already", async () => {
    const phone = t.nextPhone();
    const code = await t.phoneCode(phone, "REGISTER");
    expect((await register(phone, code)).registerTrainee.userErrors).toEqual([]);
    const other = await t.user(["TRAINEE"]);
    // The same phone's code again, for a second account: the code is spent (and the phone taken).
    const again = await register(phone, code, "另一人");
    expect(again.registerTrainee.userErrors[0].code).toBe("CODE_EXPIRED");
    expect(other.phone).not.toBe(phone);
    expect(await t.count(User, { phone })).toBe(1);
  });

  it("refuses a code sent for another purpose or to another phone", async () => {
    const member = await t.user(["TRAINEE"]);
    const loginCode = await t.phoneCode(member.phone, "LOGIN");
    const phone = t.nextPhone();
    await t.phoneCode(phone, "REGISTER");
    // A LOGIN code does not register (here: the member's own phone, which is taken).
    expect((await register(member.phone, loginCode)).registerTrainee.userErrors[0].code).toBe("CODE_WRONG");
    // A code of one phone does not prove another.
    expect((await register(phone, loginCode)).registerTrainee.userErrors[0].code).toBe("CODE_WRONG");
    expect(await t.count(User, { phone })).toBe(0);
  });
});

describe("claiming an imported record", () => {
  it("links the record when the code proves the phone and the name agrees; the record keeps its name and ID", async () => {
    const phone = t.nextPhone();
    const id = nextIdCard();
    const traineeId = await importedTrainee("孙强", phone, id);
    const reg = await t.register({ name: "孙强", phone, password: "secret123" });
    expect(reg.userErrors).toEqual([]);
    const me = (await t.ok(ME, {}, { token: reg.token! })).me;
    expect(me.trainee).toMatchObject({ id: traineeId, name: "孙强", idCardNumber: id });
    expect(me.traineeClaim).toBeNull();
    expect(await t.count(Trainee, { phone })).toBe(1);
    expect(await t.count(AuditEntry, { action: "trainee.claim.linked" })).toBeGreaterThan(0);
  });

  it("with only a phone number, an attacker gets no record: without the code nothing is made", async () => {
    const phone = t.nextPhone();
    await importedTrainee("钱芳", phone, nextIdCard());
    for (const phoneCode of ["", "000000", "123456"]) {
      const res = await t.ok(REGISTER, { i: { name: "钱芳", phone, password: "secret123", phoneCode } }, from());
      expect(res.registerTrainee.token).toBeNull();
    }
    expect(await t.count(User, { phone })).toBe(0);
    expect(await t.count(Trainee, { phone, userId: IsNull() })).toBe(1);
  });

  it("files a claim for staff when the typed name disagrees, and changes nothing of the record", async () => {
    const phone = t.nextPhone();
    const traineeId = await importedTrainee("周建国", phone);
    const reg = await t.register({ name: "周小明", phone, password: "secret123" });
    expect(reg.userErrors).toEqual([]);
    const me = (await t.ok(ME, {}, { token: reg.token! })).me;
    expect(me.trainee).toBeNull();
    expect(me.traineeClaim).toMatchObject({ status: "PENDING", typedName: "周小明", mismatches: ["NAME"] });
    const record = await t.ds.getRepository(Trainee).findOneByOrFail({ phone });
    expect(record).toMatchObject({ name: "周建国", userId: null });
    expect(await t.count(AuditEntry, { action: "trainee.claim.pending" })).toBeGreaterThan(0);

    // Staff see it with the record, and confirm it.
    const staff = await t.user(["STAFF"]);
    const list = await t.ok(
      `{ traineeClaims(first: 50, filter: { status: PENDING }) { edges { node { id typedName trainee { id name } user { id } } } } }`,
      {},
      { token: staff.token },
    );
    const claim = list.traineeClaims.edges
      .map((e: { node: { id: string; trainee: { id: string } } }) => e.node)
      .find((n: { trainee: { id: string } }) => n.trainee.id === traineeId);
    expect(claim).toBeDefined();
    // The claimant does not see the record through the claim.
    const own = await t.ok(`{ me { traineeClaim { trainee { id } } } }`, {}, { token: reg.token! });
    expect(own.me.traineeClaim.trainee).toBeNull();
    // A trainee may not decide; a decided claim cannot be decided again.
    const denied = await t.gql(DECIDE, { i: { claimId: claim.id, approve: true } }, { token: reg.token! });
    expect(denied.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const ok = await t.ok(DECIDE, { i: { claimId: claim.id, approve: true } }, { token: staff.token });
    expect(ok.decideTraineeClaim).toMatchObject({ claim: { status: "APPROVED" }, userErrors: [] });
    const twice = await t.ok(
      DECIDE,
      { i: { claimId: claim.id, approve: false, note: "重复" } },
      { token: staff.token },
    );
    expect(twice.decideTraineeClaim.userErrors[0].code).toBe("CLAIM_DECIDED");
    const after = (await t.ok(ME, {}, { token: reg.token! })).me;
    expect(after.trainee).toMatchObject({ id: traineeId, name: "周建国" });
    expect(await t.count(AuditEntry, { action: "trainee.claim.approve" })).toBe(1);
  });

  it("files a claim when the typed ID number disagrees; a rejection gives the account a new profile", async () => {
    const phone = t.nextPhone();
    const recordId = nextIdCard();
    await importedTrainee("吴敏", phone, recordId);
    const reg = await t.register({ name: "吴敏", phone, password: "secret123", idCardNumber: nextIdCard() });
    expect(reg.userErrors).toEqual([]);
    const me = (await t.ok(ME, {}, { token: reg.token! })).me;
    expect(me.traineeClaim).toMatchObject({ status: "PENDING", mismatches: ["ID_CARD"] });
    const staff = await t.user(["STAFF"]);
    const claimId = me.traineeClaim.id;
    const noReason = await t.ok(DECIDE, { i: { claimId, approve: false } }, { token: staff.token });
    expect(noReason.decideTraineeClaim.userErrors[0]).toMatchObject({ code: "REQUIRED", field: ["input", "note"] });
    const rejected = await t.ok(
      DECIDE,
      { i: { claimId, approve: false, note: "身份证号与档案不符" } },
      { token: staff.token },
    );
    expect(rejected.decideTraineeClaim.claim).toMatchObject({ status: "REJECTED", decisionNote: "身份证号与档案不符" });
    const after = (await t.ok(ME, {}, { token: reg.token! })).me;
    expect(after.trainee.name).toBe("吴敏");
    const record = await t.ds.getRepository(Trainee).findOneByOrFail({ phone, userId: IsNull() });
    expect(record.idCardMasked).toBe(`${recordId.slice(0, 6)}********${recordId.slice(14)}`);
    expect(await t.count(Trainee, { phone })).toBe(2);
  });

  it("lets an account without a profile claim a record by its phone, and refuses one that has a profile", async () => {
    const judge = await t.user(["JUDGE"], "郑华");
    const phone = t.nextPhone();
    const traineeId = await importedTrainee("郑华", phone);
    const code = await t.phoneCode(phone, "CLAIM", { token: judge.token });
    const res = await t.ok(CLAIM, { i: { phone, phoneCode: code, name: "郑华" } }, { token: judge.token, ...from() });
    expect(res.claimTraineeRecord).toMatchObject({
      outcome: "LINKED",
      user: { trainee: { id: traineeId } },
      userErrors: [],
    });

    const trainee = await t.user(["TRAINEE"]);
    const phone2 = t.nextPhone();
    await importedTrainee("冯雪", phone2);
    const code2 = await t.phoneCode(phone2, "CLAIM", { token: trainee.token });
    const refused = await t.ok(
      CLAIM,
      { i: { phone: phone2, phoneCode: code2, name: "冯雪" } },
      { token: trainee.token },
    );
    expect(refused.claimTraineeRecord.userErrors[0].code).toBe("ALREADY_HAS_PROFILE");
    expect(await t.ds.getRepository(Trainee).findOneByOrFail({ phone: phone2 })).toMatchObject({ userId: null });
  });
});

describe("signing in by code, resetting the password, changing the phone", () => {
  it("loginWithCode signs in with the LOGIN code, once", async () => {
    const member = await t.user(["TRAINEE"], "马丽");
    const code = await t.phoneCode(member.phone, "LOGIN");
    const res = await t.ok(LOGIN_WITH_CODE, { i: { phone: member.phone, phoneCode: code } }, from());
    expect(res.loginWithCode).toMatchObject({ user: { name: "马丽" }, userErrors: [] });
    const me = await t.ok(`{ me { name } }`, {}, { token: res.loginWithCode.token });
    expect(me.me.name).toBe("马丽");
    const reuse = await t.ok(LOGIN_WITH_CODE, { i: { phone: member.phone, phoneCode: code } }, from());
    expect(reuse.loginWithCode).toMatchObject({ token: null, userErrors: [{ code: "CODE_EXPIRED" }] });
  });

  it("a disabled account gets no LOGIN code, and a code from before it was disabled does not sign in", async () => {
    const member = await t.user(["TRAINEE"]);
    const code = await t.phoneCode(member.phone, "LOGIN");
    await t.ds.getRepository(User).update({ id: member.userId }, { active: false });
    const res = await t.ok(LOGIN_WITH_CODE, { i: { phone: member.phone, phoneCode: code } }, from());
    expect(res.loginWithCode.userErrors[0].code).toBe("ACCOUNT_DISABLED");
  });

  it("resetPassword sets a new password with the code, ends every session and opens a new one", async () => {
    const phone = t.nextPhone();
    const reg = await t.register({ name: "何军", phone, password: "secret123" });
    const code = await t.phoneCode(phone, "RESET_PASSWORD");
    const weak = await t.ok(RESET, { i: { phone, phoneCode: code, newPassword: "short" } }, from());
    expect(weak.resetPassword.userErrors[0]).toMatchObject({
      code: "PASSWORD_TOO_SHORT",
      field: ["input", "newPassword"],
    });
    const res = await t.ok(RESET, { i: { phone, phoneCode: code, newPassword: "newpass456" } }, from());
    expect(res.resetPassword.userErrors).toEqual([]);
    expect((await t.gql(ME, {}, { token: reg.token! })).status).toBe(401);
    expect((await t.ok(`{ me { name } }`, {}, { token: res.resetPassword.token })).me.name).toBe("何军");
    expect((await t.ok(LOGIN, { i: { phone, password: "secret123" } }, from())).login.userErrors[0].code).toBe(
      "WRONG_CREDENTIALS",
    );
    expect((await t.ok(LOGIN, { i: { phone, password: "newpass456" } }, from())).login.token).toBeTruthy();
    expect(await t.count(AuditEntry, { action: "user.resetPassword" })).toBe(1);
  });

  it("resetPassword without the right code changes nothing", async () => {
    const member = await t.user(["TRAINEE"], "韩梅", "secret123");
    const res = await t.ok(
      RESET,
      { i: { phone: member.phone, phoneCode: "111111", newPassword: "newpass456" } },
      from(),
    );
    expect(res.resetPassword).toMatchObject({ token: null, userErrors: [{ code: "CODE_WRONG" }] });
    expect(await t.count(Session, { userId: member.userId, revokedAt: IsNull() })).toBeGreaterThan(0);
    expect((await t.ok(LOGIN, { i: { phone: member.phone, password: "secret123" } }, from())).login.token).toBeTruthy();
  });

  it("changePhone needs the password and a code sent to the new phone; the profile follows", async () => {
    const phone = t.nextPhone();
    const reg = await t.register({ name: "唐宁", phone, password: "secret123" });
    const next = t.nextPhone();
    const code = await t.phoneCode(next, "CHANGE_PHONE", { token: reg.token! });
    const noPassword = await t.ok(
      CHANGE_PHONE,
      { i: { phone: next, phoneCode: code, password: "wrong1234" } },
      { token: reg.token! },
    );
    expect(noPassword.changePhone.userErrors[0]).toMatchObject({
      code: "WRONG_PASSWORD",
      field: ["input", "password"],
    });
    const res = await t.ok(
      CHANGE_PHONE,
      { i: { phone: next, phoneCode: code, password: "secret123" } },
      { token: reg.token! },
    );
    expect(res.changePhone).toMatchObject({ user: { phone: next }, userErrors: [] });
    expect(await t.count(Trainee, { phone: next })).toBe(1);
    expect(await t.count(User, { phone })).toBe(0);
  });

  it("changePhone to a phone with an account: its owner is told, and no code is sent", async () => {
    const member = await t.user(["TRAINEE"], "许诺", "secret123");
    const other = await t.user(["TRAINEE"]);
    await request(other.phone, "CHANGE_PHONE", { token: member.token, ...from() });
    expect(t.lastCode(other.phone, "CHANGE_PHONE")).toBeNull();
    expect(
      t
        .smsInbox()
        .filter((m) => m.to === other.phone)
        .at(-1),
    ).toMatchObject({ purpose: "PHONE_IN_USE", code: null });
    const res = await t.ok(
      CHANGE_PHONE,
      { i: { phone: other.phone, phoneCode: "123456", password: "secret123" } },
      { token: member.token },
    );
    expect(res.changePhone.userErrors[0].code).toBe("CODE_WRONG");
    expect(await t.count(User, { id: member.userId, phone: member.phone })).toBe(1);
  });
});

describe("claims are for staff", () => {
  it("traineeClaims is refused to trainees", async () => {
    const member = await t.user(["TRAINEE"]);
    const res = await t.gql(`{ traineeClaims(first: 5) { totalCount } }`, {}, { token: member.token });
    expect(res.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await t.count(TraineeClaim, { userId: member.userId })).toBe(0);
  });
});
