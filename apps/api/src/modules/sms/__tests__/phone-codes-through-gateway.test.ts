import "reflect-metadata";
import { Writable } from "node:stream";
import { TestApp } from "../../../testing/harness";
import { PhoneCode } from "../../accounts/phone-code.entity";
import { FakeAliyun } from "./fake-providers";

const ACCOUNT = { keyId: "LTAI5tZuofuTestKeyId", keySecret: "aliyun-test-secret", signName: "卢作孚民营经济学院" };
// RESET_PASSWORD's template is not approved at the provider.
const TEMPLATES = {
  REGISTER: "SMS_465000001",
  LOGIN: "SMS_465000002",
  RESET_PASSWORD: "SMS_465999999",
  REGISTERED_ALREADY: "SMS_465000006",
};
const REQUEST = `mutation($i: RequestPhoneCodeInput!) { requestPhoneCode(input: $i) { sentTo userErrors { code field message } } }`;
const REGISTER = `mutation($i: RegisterTraineeInput!) { registerTrainee(input: $i) { token userErrors { code } } }`;

let fake: FakeAliyun;
let t: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  fake = await new FakeAliyun({
    ...ACCOUNT,
    templates: { SMS_465000001: ["code", "minutes"], SMS_465000002: ["code", "minutes"], SMS_465000006: [] },
    perPhoneLimit: 1,
  }).start();
  t = await TestApp.start(
    {
      SMS_PROVIDER: "aliyun",
      SMS_ACCESS_KEY_ID: ACCOUNT.keyId,
      SMS_ACCESS_KEY_SECRET: ACCOUNT.keySecret,
      SMS_SIGN_NAME: ACCOUNT.signName,
      SMS_ENDPOINT: fake.url,
      SMS_TEMPLATES: JSON.stringify(TEMPLATES),
    },
    new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }),
  );
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

const request = async (phone: string, purpose: string) =>
  (await t.ok(REQUEST, { i: { phone, purpose } }, { headers: { "x-forwarded-for": t.nextAddress() } }))
    .requestPhoneCode;

describe("phone codes through Alibaba Cloud SMS (real SDK, local endpoint)", () => {
  const phone = "13912340001";
  let code = "";

  it("sends the code with the REGISTER template, and the code received registers the phone", async () => {
    expect(await request(phone, "REGISTER")).toEqual({ sentTo: "139****0001", userErrors: [] });
    const sms = fake.received.at(-1)!;
    expect(sms).toMatchObject({ phone, signName: ACCOUNT.signName, templateId: "SMS_465000001", answer: "OK" });
    code = (sms.params as Record<string, string>).code;
    expect(sms.params).toEqual({ code: expect.stringMatching(/^\d{6}$/), minutes: "5" });
    expect(t.smsInbox()).toEqual([]);
    const registered = await t.ok(REGISTER, { i: { name: "林涛", phone, password: "secret123", phoneCode: code } });
    expect(registered.registerTrainee).toMatchObject({ token: expect.any(String), userErrors: [] });
  });

  it("tells the user to try later when the provider throttles the phone, and keeps no code", async () => {
    const before = await t.count(PhoneCode);
    const throttled = await request(phone, "LOGIN");
    expect(throttled.userErrors).toEqual([
      { code: "SMS_UNAVAILABLE", field: ["input", "phone"], message: "短信暂时无法发送，请稍后再试" },
    ]);
    expect(fake.received.at(-1)).toMatchObject({ templateId: "SMS_465000002", answer: "isv.BUSINESS_LIMIT_CONTROL" });
    expect(await t.count(PhoneCode)).toBe(before);
  });

  it("sends an account's owner the REGISTERED_ALREADY notice with its own template and no params", async () => {
    fake.resetLimits();
    const owner = await t.user(["TRAINEE"]);
    expect((await request(owner.phone, "REGISTER")).userErrors).toEqual([]);
    expect(fake.received.at(-1)).toEqual({
      phone: owner.phone,
      signName: ACCOUNT.signName,
      templateId: "SMS_465000006",
      params: {},
      answer: "OK",
    });
  });

  it("says the number could not be reached when the provider refuses the template, and try later in an outage", async () => {
    const owner = await t.user(["TRAINEE"]);
    expect((await request(owner.phone, "RESET_PASSWORD")).userErrors[0].code).toBe("SMS_REJECTED");
    expect(fake.received.at(-1)).toMatchObject({ templateId: "SMS_465999999", answer: "isv.SMS_TEMPLATE_ILLEGAL" });
    fake.outage = true;
    try {
      expect((await request(t.nextPhone(), "REGISTER")).userErrors[0].code).toBe("SMS_UNAVAILABLE");
    } finally {
      fake.outage = false;
    }
  });

  it("never logs a code, a whole phone number or the key secret", () => {
    const log = lines.join("");
    expect(log).toContain('"module":"sms"');
    expect(log).toContain('"to":"139****0001"');
    expect(log).not.toMatch(new RegExp(`(?<!\\d)${code}(?!\\d)`));
    expect(log).not.toContain(phone);
    expect(log).not.toContain(ACCOUNT.keySecret);
  });
});
