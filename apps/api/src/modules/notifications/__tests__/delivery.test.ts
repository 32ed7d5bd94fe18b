import "reflect-metadata";
import { Writable } from "node:stream";
import pino from "pino";
import { TestApp, type TestUser } from "../../../testing/harness";
import { Notification } from "../notification.entity";
import { NotificationChannelSetting } from "../notification-channel-setting.entity";
import { NotificationDelivery } from "../notification-delivery.entity";
import { DeliveryWorker, DEFAULT_DELIVERY_POLICY } from "../notification-delivery.worker";
import { LogSender, maskEmail } from "../notification-sender";
import { RecordingSender, drain, notifyNow, secondProcess } from "./workers";

const SET = `mutation($i: SetNotificationChannelsInput!) { setNotificationChannels(input: $i) { channels { email sms emailAddress } userErrors { code field message } } }`;
const FAILURES = `query { deliveryFailures(first: 10) { totalCount edges { node { id channel status attempts lastError recipient { id name } notification { kind message } } } } }`;

let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

const deliveriesOf = (user: TestUser) =>
  t.ds
    .getRepository(NotificationDelivery)
    .createQueryBuilder("d")
    .innerJoin(Notification, "n", "n.id = d.notificationId")
    .where("n.recipient_user_id = :u", { u: user.userId })
    .orderBy("d.channel")
    .getMany();

describe("channel settings", () => {
  it("refuses a bad or missing address and changes nothing; needs a signed-in user", async () => {
    const p = await t.user(["TRAINEE"]);
    const bad = await t.ok(SET, { i: { email: true, sms: false, emailAddress: "not-an-address" } }, { token: p.token });
    expect(bad.setNotificationChannels.userErrors).toEqual([
      expect.objectContaining({ code: "INVALID_VALUE", field: ["input", "emailAddress"], message: "电子邮箱的值无效" }),
    ]);
    const missing = await t.ok(SET, { i: { email: true, sms: true } }, { token: p.token });
    expect(missing.setNotificationChannels.userErrors[0]).toMatchObject({
      code: "REQUIRED",
      field: ["input", "emailAddress"],
    });
    expect(await t.count(NotificationChannelSetting, { userId: p.userId })).toBe(0);
    const anonymous = await t.gql(SET, { i: { email: false, sms: true } });
    expect(anonymous.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("queues one delivery per chosen channel, written in the language chosen in, and sends each once", async () => {
    const p = await t.user(["TRAINEE"]);
    const quiet = await t.user(["TRAINEE"]);
    const set = await t.ok(
      SET,
      { i: { email: true, sms: true, emailAddress: "wang.jianguo@example.com" } },
      { token: p.token, lang: "en" },
    );
    expect(set.setNotificationChannels.channels).toEqual({
      email: true,
      sms: true,
      emailAddress: "wang.jianguo@example.com",
    });
    const mine = await t.ok(`{ myNotificationChannels { email sms emailAddress } }`, {}, { token: quiet.token });
    expect(mine.myNotificationChannels).toEqual({ email: false, sms: false, emailAddress: null });

    await notifyNow(t, [p.userId, quiet.userId], "CYCLE_PUBLISHED", { cycle: "卢作孚光彩奖 2026" });
    expect((await deliveriesOf(p)).map((d) => [d.channel, d.status])).toEqual([
      ["EMAIL", "PENDING"],
      ["SMS", "PENDING"],
    ]);
    expect(await deliveriesOf(quiet)).toEqual([]);

    const email = new RecordingSender();
    const sms = new RecordingSender();
    const worker = new DeliveryWorker(t.app.services, { EMAIL: email, SMS: sms });
    expect(await drain(() => worker.runOnce())).toBe(2);
    expect(email.sent).toEqual([
      {
        to: "wang.jianguo@example.com",
        subject: "Notice from the Lu Zuofu Private Economy Institute",
        text: "The results of “卢作孚光彩奖 2026” have been published.",
        kind: "CYCLE_PUBLISHED",
        params: { cycle: "卢作孚光彩奖 2026" },
      },
    ]);
    expect(sms.sent.map((m) => m.to)).toEqual([p.phone]);
    expect((await deliveriesOf(p)).map((d) => [d.status, d.attempts])).toEqual([
      ["SENT", 1],
      ["SENT", 1],
    ]);
    expect(await worker.runOnce()).toBe(0);
  });
});

describe("retries and failures", () => {
  it("retries a failing sender with growing waits, then lists it for staff without the address", async () => {
    const p = await t.user(["TRAINEE"]);
    await t.ok(SET, { i: { email: true, sms: false, emailAddress: "li.xiuying@example.com" } }, { token: p.token });
    await notifyNow(t, [p.userId], "CERTIFICATE_ISSUED", { cohort: "民营企业家研修班 第3期" });
    const failing = new RecordingSender("550 mailbox li.xiuying@example.com unavailable");
    const worker = new DeliveryWorker(
      t.app.services,
      { EMAIL: failing, SMS: new RecordingSender() },
      {
        ...DEFAULT_DELIVERY_POLICY,
        maxAttempts: 3,
        backoffMs: 60_000,
      },
    );
    // Whole seconds: MySQL DATETIME keeps no fractions.
    const start = new Date(Math.ceil(Date.now() / 1000) * 1000 + 1000);
    const at = (ms: number) => new Date(start.getTime() + ms);
    expect(await worker.runOnce(start)).toBe(1);
    let [row] = await deliveriesOf(p);
    expect(row).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(row.nextAttemptAt.getTime()).toBe(at(60_000).getTime());
    expect(await worker.runOnce(at(59_000))).toBe(0);
    expect(await worker.runOnce(at(60_000))).toBe(1);
    [row] = await deliveriesOf(p);
    expect(row.nextAttemptAt.getTime()).toBe(at(60_000 + 120_000).getTime());
    expect(await worker.runOnce(at(180_000))).toBe(1);
    [row] = await deliveriesOf(p);
    expect(row).toMatchObject({ status: "FAILED", attempts: 3 });
    expect(await worker.runOnce(at(10_000_000))).toBe(0);

    const list = await t.ok(FAILURES, {}, { token: staff.token });
    const failures = list.deliveryFailures.edges.map((e: { node: unknown }) => e.node);
    expect(failures).toContainEqual(
      expect.objectContaining({
        channel: "EMAIL",
        status: "FAILED",
        attempts: 3,
        lastError: "550 mailbox ***@*** unavailable",
        recipient: expect.objectContaining({ name: "测试用户" }),
        notification: { kind: "CERTIFICATE_ISSUED", message: "恭喜结业！您的“民营企业家研修班 第3期”结业证书已颁发。" },
      }),
    );
    expect((await t.gql(FAILURES, {}, { token: p.token })).errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect((await t.gql(FAILURES)).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("two workers on one database", () => {
  it("never deliver one notification twice", async () => {
    const people = await Promise.all(Array.from({ length: 30 }, () => t.user(["TRAINEE"])));
    for (const p of people) await t.ok(SET, { i: { email: false, sms: true } }, { token: p.token });
    await notifyNow(
      t,
      people.map((p) => p.userId),
      "EVENT_TOMORROW",
      { event: "作孚讲堂", time: "14:30", venue: "报告厅" },
    );
    const other = await secondProcess(t);
    try {
      const policy = { ...DEFAULT_DELIVERY_POLICY, batch: 4 };
      const [a, b] = [new RecordingSender(), new RecordingSender()];
      const w1 = new DeliveryWorker(t.app.services, { EMAIL: a, SMS: a }, policy);
      const w2 = new DeliveryWorker(other.services, { EMAIL: b, SMS: b }, policy);
      await Promise.all([drain(() => w1.runOnce()), drain(() => w2.runOnce())]);
      const phones = [...a.sent, ...b.sent].map((m) => m.to).sort();
      expect(phones).toEqual(people.map((p) => p.phone).sort());
      const statuses = await Promise.all(people.map(async (p) => (await deliveriesOf(p)).map((d) => d.status)));
      expect(statuses.flat()).toEqual(Array(30).fill("SENT"));
    } finally {
      await other.ds.destroy();
    }
  });
});

describe("development sender", () => {
  it("logs only masked recipients", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const log = pino({ level: "info" }, sink);
    const message = { subject: "s", text: "您好", kind: "CYCLE_PUBLISHED" as const, params: {} };
    await new LogSender(log, "SMS").send({ ...message, to: "13812345678" });
    await new LogSender(log, "EMAIL").send({ ...message, to: "wang.jianguo@example.com" });
    const out = lines.join("");
    expect(out).toContain("138****5678");
    expect(out).toContain(maskEmail("wang.jianguo@example.com"));
    expect(out).not.toContain("13812345678");
    expect(out).not.toContain("wang.jianguo");
  });
});
