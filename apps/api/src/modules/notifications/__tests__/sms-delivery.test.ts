import "reflect-metadata";
import { readFileSync } from "node:fs";
import { TestApp, type TestUser } from "../../../testing/harness";
import { FakeTencent } from "../../sms/__tests__/fake-providers";
import { Notification } from "../notification.entity";
import { NotificationDelivery } from "../notification-delivery.entity";
import { DeliveryWorker, DEFAULT_DELIVERY_POLICY } from "../notification-delivery.worker";
import { createSenders } from "../notification-sender";
import { notifyNow } from "./workers";

const SET = `mutation($i: SetNotificationChannelsInput!) { setNotificationChannels(input: $i) { userErrors { code } } }`;
const ACCOUNT = {
  keyId: "AKIDzuofuTestSecretId",
  keySecret: "tencent-test-secret",
  appId: "1400123456",
  signName: "卢作孚民营经济学院",
};
// CYCLE_PUBLISHED's id is not approved at the provider; CERTIFICATE_ISSUED has no template at all.
const TEMPLATES = { EVENT_TOMORROW: "2001010", COHORT_CANCELLED: "2001005", CYCLE_PUBLISHED: "2999999" };

let fake: FakeTencent;
let t: TestApp;
let worker: DeliveryWorker;
beforeAll(async () => {
  fake = await new FakeTencent({
    ...ACCOUNT,
    templates: { "2001010": ["event", "time", "venue"], "2001005": ["cohort", "reason"] },
    perPhoneLimit: 1,
  }).start();
  t = await TestApp.start({
    SMS_PROVIDER: "tencent",
    SMS_SECRET_ID: ACCOUNT.keyId,
    SMS_SECRET_KEY: ACCOUNT.keySecret,
    SMS_SDK_APP_ID: ACCOUNT.appId,
    SMS_SIGN_NAME: ACCOUNT.signName,
    SMS_ENDPOINT: fake.url,
    SMS_TEMPLATES: JSON.stringify(TEMPLATES),
  });
  const { services } = t.app;
  worker = new DeliveryWorker(services, createSenders(services.config, services.log, services.sms), {
    ...DEFAULT_DELIVERY_POLICY,
    backoffMs: 60_000,
  });
});
afterAll(async () => {
  await t.close();
  await fake.stop();
});

async function smsReader(): Promise<TestUser> {
  const p = await t.user(["TRAINEE"]);
  await t.ok(SET, { i: { email: false, sms: true } }, { token: p.token });
  return p;
}

const deliveryOf = async (p: TestUser) =>
  t.ds
    .getRepository(NotificationDelivery)
    .createQueryBuilder("d")
    .innerJoin(Notification, "n", "n.id = d.notificationId")
    .where("n.recipient_user_id = :u", { u: p.userId })
    .orderBy("d.id", "DESC")
    .getOneOrFail();

// Whole seconds: MySQL DATETIME keeps no fractions.
const start = () => new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);

describe("SMS notifications through the gateway (Tencent, real SDK)", () => {
  it("sends the kind's template with its placeholders in order to the E.164 number", async () => {
    const p = await smsReader();
    await notifyNow(t, [p.userId], "EVENT_TOMORROW", { event: "作孚讲堂", time: "14:30", venue: "报告厅" });
    expect(await worker.runOnce(start())).toBe(1);
    expect(fake.received.at(-1)).toEqual({
      phone: `+86${p.phone}`,
      signName: ACCOUNT.signName,
      templateId: "2001010",
      params: ["作孚讲堂", "14:30", "报告厅"],
      answer: "Ok",
    });
    expect(await deliveryOf(p)).toMatchObject({ status: "SENT", attempts: 1 });
  });

  it("tries a throttled message again later, and an outage too", async () => {
    const p = await smsReader();
    await notifyNow(t, [p.userId], "EVENT_TOMORROW", { event: "作孚沙龙", time: "19:00", venue: "二楼" });
    const at = start();
    expect(await worker.runOnce(at)).toBe(1);
    // The provider lets one message a phone through per window.
    await notifyNow(t, [p.userId], "COHORT_CANCELLED", { cohort: "第42期", reason: "场地维修" });
    expect(await worker.runOnce(at)).toBe(1);
    const throttled = await deliveryOf(p);
    expect(throttled).toMatchObject({
      status: "PENDING",
      attempts: 1,
      lastError: "SMS gateway refused (THROTTLED: LimitExceeded.PhoneNumberThirtySecondLimit)",
    });

    fake.outage = true;
    const later = new Date(at.getTime() + 60_000);
    try {
      expect(await worker.runOnce(later)).toBe(1);
    } finally {
      fake.outage = false;
    }
    expect(await deliveryOf(p)).toMatchObject({
      status: "PENDING",
      attempts: 2,
      lastError: "SMS gateway refused (UNAVAILABLE: HTTP_502)",
    });

    fake.resetLimits();
    expect(await worker.runOnce(new Date(later.getTime() + 120_000))).toBe(1);
    expect(await deliveryOf(p)).toMatchObject({ status: "SENT", attempts: 3 });
    expect(fake.received.at(-1)).toMatchObject({ templateId: "2001005", params: ["第42期", "场地维修"] });
  });

  it("gives up at once when the provider refuses the template", async () => {
    const p = await smsReader();
    await notifyNow(t, [p.userId], "CYCLE_PUBLISHED", { cycle: "卢作孚光彩奖 2026" });
    const at = start();
    expect(await worker.runOnce(at)).toBe(1);
    expect(await deliveryOf(p)).toMatchObject({
      status: "FAILED",
      attempts: 1,
      lastError: "SMS gateway refused (REJECTED: FailedOperation.TemplateIncorrectOrUnapproved)",
    });
    expect(await worker.runOnce(new Date(at.getTime() + 10_000_000))).toBe(0);
  });

  it("writes a kind without a template to the inbox outside production", async () => {
    const p = await smsReader();
    const before = fake.received.length;
    await notifyNow(t, [p.userId], "CERTIFICATE_ISSUED", { cohort: "民营企业家研修班 第3期" });
    expect(await worker.runOnce(start())).toBe(1);
    expect(await deliveryOf(p)).toMatchObject({ status: "SENT", attempts: 1 });
    expect(fake.received.length).toBe(before);
    const inbox = readFileSync(t.config.sms.inboxFile, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(inbox.at(-1)).toMatchObject({
      to: p.phone,
      purpose: "CERTIFICATE_ISSUED",
      text: "恭喜结业！您的“民营企业家研修班 第3期”结业证书已颁发。",
      code: null,
    });
  });
});
