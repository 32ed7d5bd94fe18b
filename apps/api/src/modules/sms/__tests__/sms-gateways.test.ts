import "reflect-metadata";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import pino from "pino";
import { parseSmsConfig } from "../../../config";
import { aliyunReason } from "../aliyun-sms.sender";
import { createSmsGateway, SmsGatewayError, type SmsGateway, type SmsMessage } from "../sms.gateway";
import { tencentReason } from "../tencent-sms.sender";
import { FakeAliyun, FakeTencent, type FakeAccount, type FakeProvider } from "./fake-providers";

const SIGN = "卢作孚民营经济学院";
const PHONE = "13812345678";
const CODE = "604213";

interface Case {
  provider: "aliyun" | "tencent";
  keys: Record<string, string>;
  fake: (account: FakeAccount) => FakeProvider;
  templates: { REGISTER: string; EVENT_TOMORROW: string; LOGIN: string };
  /** How the provider wants the phone and the params on the wire. */
  phone: string;
  accepted: string;
  codeParams: unknown;
  eventParams: unknown;
  throttled: string;
  badPhone: string;
  badTemplate: string;
  badSignature: string;
  outage: string;
}

const cases: Case[] = [
  {
    provider: "aliyun",
    keys: { SMS_ACCESS_KEY_ID: "LTAI5tZuofuTestKeyId", SMS_ACCESS_KEY_SECRET: "aliyun-secret-never-logged" },
    fake: (account) => new FakeAliyun(account),
    templates: { REGISTER: "SMS_465000001", EVENT_TOMORROW: "SMS_465000010", LOGIN: "SMS_465999999" },
    phone: PHONE,
    accepted: "OK",
    codeParams: { code: CODE, minutes: "5" },
    eventParams: { event: "作孚讲堂", time: "14:30", venue: "报告厅" },
    throttled: "isv.BUSINESS_LIMIT_CONTROL",
    badPhone: "isv.MOBILE_NUMBER_ILLEGAL",
    badTemplate: "isv.SMS_TEMPLATE_ILLEGAL",
    badSignature: "SignatureDoesNotMatch",
    outage: "ServiceUnavailable",
  },
  {
    provider: "tencent",
    keys: {
      SMS_SECRET_ID: "AKIDzuofuTestSecretId",
      SMS_SECRET_KEY: "tencent-secret-never-logged",
      SMS_SDK_APP_ID: "1400123456",
    },
    fake: (account) => new FakeTencent(account),
    templates: { REGISTER: "2001001", EVENT_TOMORROW: "2001010", LOGIN: "2999999" },
    phone: `+86${PHONE}`,
    accepted: "Ok",
    codeParams: [CODE, "5"],
    eventParams: ["作孚讲堂", "14:30", "报告厅"],
    throttled: "LimitExceeded.PhoneNumberThirtySecondLimit",
    badPhone: "InvalidParameterValue.IncorrectPhoneNumber",
    badTemplate: "FailedOperation.TemplateIncorrectOrUnapproved",
    badSignature: "AuthFailure.SignatureFailure",
    outage: "HTTP_502",
  },
];

const codeMessage = (to = PHONE): SmsMessage => ({
  to,
  purpose: "REGISTER",
  text: `您的注册验证码为${CODE}，5分钟内有效。`,
  params: { code: CODE, minutes: "5" },
  code: CODE,
});

async function refusal(sending: Promise<void>): Promise<SmsGatewayError> {
  const err = await sending.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SmsGatewayError);
  return err as SmsGatewayError;
}

describe.each(cases)("$provider gateway through the real SDK", (c) => {
  let fake: FakeProvider;
  let dir: string;
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });

  const gateway = (env: Record<string, string> = {}): SmsGateway =>
    createSmsGateway(
      parseSmsConfig(
        {
          SMS_PROVIDER: c.provider,
          ...c.keys,
          SMS_SIGN_NAME: SIGN,
          SMS_ENDPOINT: fake.url,
          SMS_INBOX: join(dir, "inbox.jsonl"),
          SMS_TEMPLATES: JSON.stringify(c.templates),
          ...env,
        },
        "test",
      ),
      pino({ level: "info" }, sink),
    );

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "zuofu-sms-gw-"));
    fake = await c
      .fake({
        keyId: Object.values(c.keys)[0],
        keySecret: Object.values(c.keys)[1],
        appId: c.keys.SMS_SDK_APP_ID,
        signName: SIGN,
        // LOGIN's template id is not approved at the provider.
        templates: {
          [c.templates.REGISTER]: ["code", "minutes"],
          [c.templates.EVENT_TOMORROW]: ["event", "time", "venue"],
        },
        perPhoneLimit: 1,
      })
      .start();
  });
  afterAll(async () => {
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("sends a code with the signature, the purpose's template and its params, then the provider throttles the phone", async () => {
    const sms = gateway();
    expect(sms.provider).toBe(c.provider);
    await sms.send(codeMessage());
    expect(fake.received).toEqual([
      { phone: c.phone, signName: SIGN, templateId: c.templates.REGISTER, params: c.codeParams, answer: c.accepted },
    ]);
    expect(fake.refused).toEqual([]);

    const second = await refusal(sms.send(codeMessage()));
    expect(second).toMatchObject({ reason: "THROTTLED", providerCode: c.throttled, requestId: expect.any(String) });
  });

  it("fills a notification kind's template with its placeholders", async () => {
    await gateway().send({
      to: "13912345670",
      purpose: "EVENT_TOMORROW",
      text: "提醒：您报名的活动“作孚讲堂”将于明天 14:30 举行，地点：报告厅。",
      params: { event: "作孚讲堂", time: "14:30", venue: "报告厅" },
    });
    expect(fake.received.at(-1)).toMatchObject({ templateId: c.templates.EVENT_TOMORROW, params: c.eventParams });
  });

  it("answers a bad number and an unapproved template as REJECTED", async () => {
    const badPhone = await refusal(gateway().send(codeMessage("12345")));
    expect(badPhone).toMatchObject({ reason: "REJECTED", providerCode: c.badPhone });
    const badTemplate = await refusal(gateway().send({ ...codeMessage("13700000002"), purpose: "LOGIN" }));
    expect(badTemplate).toMatchObject({ reason: "REJECTED", providerCode: c.badTemplate });
  });

  it("is refused with the wrong secret: the provider recomputes the signature", async () => {
    const before = fake.received.length;
    const wrongSecret = Object.keys(c.keys)[1];
    const err = await refusal(gateway({ [wrongSecret]: "not-the-secret" }).send(codeMessage("13700000003")));
    expect(err).toMatchObject({ reason: "UNAVAILABLE", providerCode: c.badSignature });
    expect(fake.refused).toContain(c.badSignature);
    expect(fake.received.length).toBe(before);
  });

  it("answers an outage and an unreachable endpoint as UNAVAILABLE", async () => {
    fake.outage = true;
    try {
      const err = await refusal(gateway().send(codeMessage("13700000004")));
      expect(err).toMatchObject({ reason: "UNAVAILABLE", providerCode: c.outage });
    } finally {
      fake.outage = false;
    }
    // A port nobody listens on: the kernel gave it to a server that is closed again.
    const closed = await c.fake({ keyId: "", keySecret: "", signName: "", templates: {} }).start();
    await closed.stop();
    const err = await refusal(gateway({ SMS_ENDPOINT: closed.url }).send(codeMessage("13700000005")));
    expect(err).toMatchObject({ reason: "UNAVAILABLE", providerCode: "ECONNREFUSED" });
  });

  it("writes a purpose without a template to the inbox outside production", async () => {
    const before = fake.received.length;
    await gateway().send({ ...codeMessage("13700000006"), purpose: "RESET_PASSWORD" });
    expect(fake.received.length).toBe(before);
    const inbox = readFileSync(join(dir, "inbox.jsonl"), "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(inbox.at(-1)).toMatchObject({ to: "13700000006", purpose: "RESET_PASSWORD", code: CODE });
  });

  it("logs provider, purpose, masked phone, provider code and request id; never the text, the code or the keys", () => {
    const log = lines.join("");
    expect(log).toContain(`"provider":"${c.provider}"`);
    expect(log).toContain('"to":"138****5678"');
    expect(log).toContain(`"providerCode":"${c.throttled}"`);
    expect(log).toMatch(/"requestId":"[^"]+"/);
    expect(log).toContain('"purpose":"EVENT_TOMORROW"');
    for (const secret of [PHONE, CODE, "验证码", "作孚讲堂", ...Object.values(c.keys).slice(1)])
      expect(log).not.toContain(secret);
  });
});

describe("provider answer codes", () => {
  it.each([
    ["isv.BUSINESS_LIMIT_CONTROL", "THROTTLED"],
    ["isv.DAY_LIMIT_CONTROL", "THROTTLED"],
    ["Throttling.User", "THROTTLED"],
    ["isv.MOBILE_NUMBER_ILLEGAL", "REJECTED"],
    ["isv.TEMPLATE_MISSING_PARAMETERS", "REJECTED"],
    ["isv.BLACK_KEY_CONTROL_LIMIT", "REJECTED"],
    ["isv.AMOUNT_NOT_ENOUGH", "UNAVAILABLE"],
    ["isp.SYSTEM_ERROR", "UNAVAILABLE"],
    ["InvalidAccessKeyId.NotFound", "UNAVAILABLE"],
  ])("aliyun %s is %s", (code, reason) => expect(aliyunReason(code)).toBe(reason));

  it.each([
    ["LimitExceeded.PhoneNumberDailyLimit", "THROTTLED"],
    ["LimitExceeded.PhoneNumberOneHourLimit", "THROTTLED"],
    ["RequestLimitExceeded", "THROTTLED"],
    ["LimitExceeded.PhoneNumberCountLimit", "REJECTED"],
    ["InvalidParameterValue.TemplateParameterLengthLimit", "REJECTED"],
    ["FailedOperation.PhoneNumberInBlacklist", "REJECTED"],
    ["FailedOperation.InsufficientBalanceInSmsPackage", "UNAVAILABLE"],
    ["InternalError.Timeout", "UNAVAILABLE"],
    ["UnauthorizedOperation.SmsSdkAppIdVerifyFail", "UNAVAILABLE"],
  ])("tencent %s is %s", (code, reason) => expect(tencentReason(code)).toBe(reason));
});
