import "reflect-metadata";
import { PassThrough } from "node:stream";
import ICAL from "ical.js";
import { TestApp, type TestUser } from "../../../testing/harness";
import { ClassSession } from "../../training/class-session.entity";
import { Cohort } from "../../training/cohort.entity";
import { Course } from "../../training/course.entity";
import { Enrollment, activeSlot as cohortSlot } from "../../training/enrollment.entity";
import { CalendarFeed } from "../calendar-feed.entity";
import { escapeText, foldLine, renderCalendar } from "../calendar";
import { CREATE_EVENT, EVENT_STATUS, HOUR, REGISTER, at, publishedEvent } from "./fixtures";

const CREATE_FEED = `mutation($i: CreateCalendarFeedInput!) { createCalendarFeed(input: $i) { path feed { id reminderMinutes revokedAt } userErrors { code field } } }`;
const REVOKE_FEED = `mutation($i: RevokeCalendarFeedInput!) { revokeCalendarFeed(input: $i) { feed { id revokedAt } userErrors { code field } } }`;

/** RFC 5545's shape, checked on the raw text: CRLF only, no line over 75 octets, folds start with a space. */
function expectWellFormed(text: string) {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const lines = text.slice(0, -2).split("\r\n");
  for (const line of lines) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
}

/** The feed, parsed by ical.js: its VEVENTs with what the tests look at. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  expect(calendar.getFirstPropertyValue("version")).toBe("2.0");
  expect(calendar.getFirstPropertyValue("prodid")).toBeTruthy();
  return calendar.getAllSubcomponents("vevent").map((v) => {
    const event = new ICAL.Event(v);
    const alarm = v.getFirstSubcomponent("valarm");
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      location: event.location,
      start: event.startDate.toJSDate().toISOString(),
      end: event.endDate.toJSDate().toISOString(),
      status: String(v.getFirstPropertyValue("status")),
      stamp: v.getFirstPropertyValue("dtstamp"),
      alarm: alarm
        ? { action: alarm.getFirstPropertyValue("action"), trigger: String(alarm.getFirstPropertyValue("trigger")) }
        : null,
    };
  });
}

describe("iCalendar text", () => {
  it("folds long lines at 75 octets without splitting a character, and unfolds to the same line", () => {
    const line = `SUMMARY:${"作孚沙龙第二十二期：民营企业的数字化转型，".repeat(4)}`;
    const folded = foldLine(line);
    for (const part of folded.split("\r\n")) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(
      folded
        .split("\r\n")
        .slice(1)
        .every((p) => p.startsWith(" ")),
    ).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("UID:short")).toBe("UID:short");
  });

  it("escapes backslashes, semicolons, commas and line breaks", () => {
    expect(escapeText("a\\b;c,d\ne\r\nf")).toBe("a\\\\b\\;c\\,d\\ne\\nf");
    const text = renderCalendar(
      [
        {
          uid: "x@zuofu",
          start: new Date("2025-03-14T06:30:00Z"),
          end: new Date("2025-03-14T08:30:00Z"),
          summary: "讲座；互动, 交流\\问答",
          description: "第一行\n第二行",
          status: "CONFIRMED",
        },
      ],
      { name: "测试", reminderMinutes: 15, reminderLabel: "提醒：", now: new Date("2025-03-01T00:00:00Z") },
    );
    expectWellFormed(text);
    const [entry] = parse(text);
    expect(entry).toMatchObject({
      summary: "讲座；互动, 交流\\问答",
      description: "第一行\n第二行",
      start: "2025-03-14T06:30:00.000Z",
      alarm: { action: "DISPLAY", trigger: "-PT15M" },
    });
    expect(text).toContain("DTSTAMP:20250301T000000Z\r\n");
  });
});

describe("calendar feeds", () => {
  let t: TestApp;
  let staff: TestUser;
  let trainee: TestUser;
  const logs: string[] = [];

  beforeAll(async () => {
    const stream = new PassThrough();
    stream.on("data", (chunk) => logs.push(String(chunk)));
    t = await TestApp.start({}, stream);
    staff = await t.user(["STAFF"]);
    trainee = await t.user(["TRAINEE"], "日历学员");
  });
  afterAll(() => t.close());

  it("GET /calendar.ics lists upcoming published events, cancelled ones as cancelled, with a reminder", async () => {
    const lecture = await publishedEvent(t, staff, {
      kind: "LECTURE",
      title: "北碚民营经济：机遇, 挑战; 与展望——面向“十四五”的民营经济示范地建设与企业家精神传承",
      startsIn: 72 * HOUR,
    });
    const dropped = await publishedEvent(t, staff, { kind: "SALON", title: "取消的沙龙", startsIn: 24 * HOUR });
    await t.ok(
      EVENT_STATUS,
      { i: { eventId: dropped, status: "CANCELLED", reason: "场地检修" } },
      { token: staff.token },
    );
    await t.ok(
      CREATE_EVENT,
      {
        i: {
          kind: "SALON",
          title: "草稿沙龙",
          startsAt: at(24 * HOUR),
          endsAt: at(26 * HOUR),
          venue: "学院",
          capacity: 10,
        },
      },
      { token: staff.token },
    );

    const res = await fetch(`${t.url}/calendar.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    const text = await res.text();
    expectWellFormed(text);
    const entries = parse(text);
    expect(entries.map((e) => e.status)).toEqual(["CANCELLED", "CONFIRMED"]);
    const [cancelled, upcoming] = entries;
    expect(cancelled.summary).toBe("作孚沙龙 第1期｜取消的沙龙");
    expect(cancelled.alarm).toBeNull();
    expect(upcoming).toMatchObject({
      summary: "作孚讲堂 第1期｜北碚民营经济：机遇, 挑战; 与展望——面向“十四五”的民营经济示范地建设与企业家精神传承",
      location: "中国（卢作孚）民营经济学院 报告厅",
      alarm: { action: "DISPLAY", trigger: "-PT1440M" },
    });
    expect(upcoming.uid).toMatch(/^event-\d+@zuofu$/);
    expect(upcoming.stamp).toBeTruthy();
    expect(new Date(upcoming.end).getTime() - new Date(upcoming.start).getTime()).toBe(2 * HOUR);
    expect(entries.map((e) => e.summary).join()).not.toContain("草稿沙龙");
    expect(lecture).toBeTruthy();
  });

  it("serves a trainee's own schedule at a secret URL: enrolled class sessions and registered events", async () => {
    const course = await t.ds.getRepository(Course).save({ title: "研修班", organizers: ["学院"] });
    const cohortOf = (number: number) =>
      t.ds.getRepository(Cohort).save({
        courseId: course.id,
        number,
        title: `民营企业家研修班 第${number}期`,
        startsOn: "2030-01-01",
        endsOn: "2030-01-03",
        venue: "西南大学经济管理学院",
        capacity: 10,
        seatsTaken: 1,
        admission: "AUTO" as const,
        status: "OPEN" as const,
        completionThreshold: 80,
      });
    const [mine, pending] = [await cohortOf(1), await cohortOf(2)];
    const sessionOf = (cohortId: number, topic: string, inHours: number) =>
      t.ds.getRepository(ClassSession).save({
        cohortId,
        topic,
        lecturer: "西南大学 教授",
        startsAt: new Date(Date.now() + inHours * HOUR),
        endsAt: new Date(Date.now() + (inHours + 3) * HOUR),
        venue: null,
      });
    await sessionOf(mine.id, "现代企业财务管理", 30);
    await sessionOf(pending.id, "不应出现的课程", 40);
    await t.ds.getRepository(Enrollment).insert([
      {
        cohortId: mine.id,
        traineeId: trainee.traineeId!,
        status: "ENROLLED",
        activeSlot: cohortSlot(mine.id, trainee.traineeId!),
      },
      {
        cohortId: pending.id,
        traineeId: trainee.traineeId!,
        status: "PENDING",
        activeSlot: cohortSlot(pending.id, trainee.traineeId!),
      },
    ]);
    const registered = await publishedEvent(t, staff, { title: "我报名的沙龙", startsIn: 50 * HOUR, capacity: 1 });
    const full = await publishedEvent(t, staff, { title: "候补的沙龙", startsIn: 60 * HOUR, capacity: 1 });
    const someoneElse = await t.user(["TRAINEE"]);
    await t.ok(REGISTER, { i: { eventId: full } }, { token: someoneElse.token });
    await publishedEvent(t, staff, { title: "没报名的活动", startsIn: 55 * HOUR });
    for (const eventId of [registered, full]) await t.ok(REGISTER, { i: { eventId } }, { token: trainee.token });

    const created = await t.ok(CREATE_FEED, { i: { reminderMinutes: 30 } }, { token: trainee.token });
    const { path, feed } = created.createCalendarFeed;
    expect(path).toMatch(/^\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(feed).toMatchObject({ reminderMinutes: 30, revokedAt: null });
    const token = path.slice("/calendar/".length, -".ics".length);
    const stored = await t.ds.getRepository(CalendarFeed).findOneByOrFail({ traineeId: trainee.traineeId! });
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(await t.ds.query(`SELECT * FROM calendar_feed`))).not.toContain(token);

    const res = await fetch(`${t.url}${path}`);
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("private, max-age=300");
    const text = await res.text();
    expectWellFormed(text);
    const entries = parse(text);
    expect(entries.map((e) => [e.summary.replace(/作孚沙龙 第\d+期/, "作孚沙龙 第N期"), e.status])).toEqual([
      ["民营企业家研修班 第1期｜现代企业财务管理", "CONFIRMED"],
      ["作孚沙龙 第N期｜我报名的沙龙", "CONFIRMED"],
      ["作孚沙龙 第N期｜候补的沙龙（候补中）", "TENTATIVE"],
    ]);
    expect(entries[0]).toMatchObject({ location: "西南大学经济管理学院", description: "授课：西南大学 教授" });
    expect(entries.every((e) => e.alarm?.trigger === "-PT30M")).toBe(true);
    expect(new Set(entries.map((e) => e.uid)).size).toBe(3);

    // The access log names the route, never the token.
    const log = logs.join("");
    expect(log).toContain("/calendar/:token.ics");
    expect(log).not.toContain(token);
  });

  it("revokes and replaces the URL; checks rights and input", async () => {
    const person = await t.user(["TRAINEE"]);
    const first = (await t.ok(CREATE_FEED, { i: {} }, { token: person.token })).createCalendarFeed;
    expect(first.feed.reminderMinutes).toBe(60);
    const second = (await t.ok(CREATE_FEED, { i: { reminderMinutes: 0 } }, { token: person.token })).createCalendarFeed;
    expect(second.feed.id).toBe(first.feed.id);
    expect((await fetch(`${t.url}${first.path}`)).status).toBe(404);
    expect((await fetch(`${t.url}${second.path}`)).status).toBe(200);

    const other = await t.user(["TRAINEE"]);
    const foreign = await t.ok(REVOKE_FEED, { i: { feedId: second.feed.id } }, { token: other.token });
    expect(foreign.revokeCalendarFeed.userErrors[0].code).toBe("NOT_FOUND");
    expect((await fetch(`${t.url}${second.path}`)).status).toBe(200);
    const revoked = await t.ok(REVOKE_FEED, { i: { feedId: second.feed.id } }, { token: person.token });
    expect(revoked.revokeCalendarFeed.feed.revokedAt).toEqual(expect.any(String));
    expect((await fetch(`${t.url}${second.path}`)).status).toBe(404);
    const again = await t.ok(REVOKE_FEED, { i: { feedId: second.feed.id } }, { token: person.token });
    expect(again.revokeCalendarFeed.userErrors[0].code).toBe("WRONG_STATUS");
    const row = await t.ds.getRepository(CalendarFeed).findOneByOrFail({ traineeId: person.traineeId! });
    expect(row).toMatchObject({ tokenHash: null, revokedAt: expect.any(Date) });

    const bad = await t.ok(CREATE_FEED, { i: { reminderMinutes: -1 } }, { token: person.token });
    expect(bad.createCalendarFeed.userErrors[0]).toMatchObject({
      code: "OUT_OF_RANGE",
      field: ["input", "reminderMinutes"],
    });
    expect(await t.count(CalendarFeed, { traineeId: person.traineeId! })).toBe(1);
    const anon = await t.gql(CREATE_FEED, { i: {} });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const notTrainee = await t.gql(CREATE_FEED, { i: {} }, { token: staff.token });
    expect(notTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    for (const path of ["/calendar/nonsense.ics", `/calendar/${"A".repeat(43)}.ics`, "/calendar/.ics"])
      expect((await fetch(`${t.url}${path}`)).status).toBe(404);
    const mine = `{ me { trainee { calendarFeed { id revokedAt } } } }`;
    expect((await t.ok(mine, {}, { token: person.token })).me.trainee.calendarFeed.revokedAt).toEqual(
      expect.any(String),
    );
  });
});
