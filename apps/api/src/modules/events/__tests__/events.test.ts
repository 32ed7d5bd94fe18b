import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { AuditEntry } from "../../audit/audit-entry.entity";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { Event } from "../event.entity";
import { EventMaterial } from "../event-material.entity";
import { EventSpeaker } from "../event-speaker.entity";
import { Speaker } from "../speaker.entity";
import {
  CREATE_EVENT,
  EVENT_STATUS,
  HOUR,
  REGISTER,
  UPDATE_EVENT,
  at,
  local,
  publishedEvent,
  seatsAndRows,
} from "./fixtures";

const CREATE_SPEAKER = `mutation($i: CreateSpeakerInput!) { createSpeaker(input: $i) { speaker { id name title organization enterprise { name } } userErrors { code field } } }`;
const SET_SPEAKERS = `mutation($i: SetEventSpeakersInput!) { setEventSpeakers(input: $i) { event { id speakers { role position speaker { name organization } } } userErrors { code field } } }`;
const ADD_MATERIAL = `mutation($i: AddEventMaterialInput!) { addEventMaterial(input: $i) { material { id title url isPublic kind } userErrors { code field message } } }`;
const UPDATE_MATERIAL = `mutation($i: UpdateEventMaterialInput!) { updateEventMaterial(input: $i) { material { id isPublic } userErrors { code field } } }`;
const MATERIALS = `query($id: ID!) { node(id: $id) { ... on Event { materials { title isPublic } } } }`;
const EVENTS = `query($f: EventFilter, $o: EventOrder, $first: Int, $after: String) { events(first: $first, after: $after, filter: $f, order: $o) { totalCount pageInfo { hasNextPage endCursor } edges { node { id kind number title status seatsLeft openForRegistration } } } }`;

let t: TestApp;
let staff: TestUser;
let trainee: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
  trainee = await t.user(["TRAINEE"], "冉学员");
});
afterAll(() => t.close());

const validEvent = (over: Record<string, unknown> = {}) => ({
  kind: "LECTURE",
  title: "卢作孚的实业救国之路",
  startsAt: at(48 * HOUR),
  endsAt: at(50 * HOUR),
  venue: "北碚区卢作孚纪念馆",
  capacity: 100,
  ...over,
});

describe("managing events", () => {
  it("numbers each series on its own and starts events as hidden drafts", async () => {
    const first = await t.ok(CREATE_EVENT, { i: validEvent() }, { token: staff.token });
    const second = await t.ok(
      CREATE_EVENT,
      { i: validEvent({ title: "企业家精神与家国情怀" }) },
      { token: staff.token },
    );
    const salon = await t.ok(CREATE_EVENT, { i: validEvent({ kind: "SALON" }) }, { token: staff.token });
    expect([first, second, salon].map((r) => [r.createEvent.event.kind, r.createEvent.event.number])).toEqual([
      ["LECTURE", 1],
      ["LECTURE", 2],
      ["SALON", 1],
    ]);
    expect(first.createEvent.event.status).toBe("DRAFT");
    const taken = await t.ok(CREATE_EVENT, { i: validEvent({ number: 2 }) }, { token: staff.token });
    expect(taken.createEvent.userErrors).toEqual([
      expect.objectContaining({ code: "EVENT_NUMBER_TAKEN", field: ["input", "number"] }),
    ]);

    const id = first.createEvent.event.id;
    const anon = await t.ok(`query($id: ID!) { node(id: $id) { id } }`, { id });
    expect(anon.node).toBeNull();
    const listed = await t.ok(EVENTS, { f: { kind: "LECTURE" } }, { token: trainee.token });
    expect(listed.events.edges.map((e: any) => e.node.id)).not.toContain(id);
    const forStaff = await t.ok(EVENTS, { f: { kind: "LECTURE", status: "DRAFT" } }, { token: staff.token });
    expect(forStaff.events.totalCount).toBe(2);
    const register = await t.ok(REGISTER, { i: { eventId: id } }, { token: trainee.token });
    expect(register.registerForEvent.userErrors[0].code).toBe("NOT_FOUND");
  });

  it("refuses an event that ends before it starts, negative capacity, no place, bad links; all at once", async () => {
    const before = await t.count(Event);
    const bad = await t.ok(
      CREATE_EVENT,
      {
        i: validEvent({
          startsAt: at(10 * HOUR),
          endsAt: at(9 * HOUR),
          capacity: -5,
          venue: null,
          onlineUrl: "javascript:alert(1)",
        }),
      },
      { token: staff.token },
    );
    expect(bad.createEvent.event).toBeNull();
    expect(bad.createEvent.userErrors.map((e: any) => [e.code, e.field[1]])).toEqual([
      ["INVALID_URL", "onlineUrl"],
      ["OUT_OF_RANGE", "capacity"],
      ["ENDS_BEFORE_START", "endsAt"],
    ]);
    const nowhere = await t.ok(CREATE_EVENT, { i: validEvent({ venue: " " }) }, { token: staff.token });
    expect(nowhere.createEvent.userErrors).toEqual([
      expect.objectContaining({
        code: "VENUE_REQUIRED",
        field: ["input", "venue"],
        message: "请填写活动地点或线上链接",
      }),
    ]);
    const lateWindow = await t.ok(
      CREATE_EVENT,
      { i: validEvent({ registrationClosesAt: at(60 * HOUR) }) },
      { token: staff.token, lang: "en" },
    );
    expect(lateWindow.createEvent.userErrors).toEqual([
      expect.objectContaining({
        code: "REGISTRATION_CLOSES_AFTER_EVENT",
        message: "Registration must close before the event ends",
      }),
    ]);
    const online = await t.ok(
      CREATE_EVENT,
      { i: validEvent({ kind: "STUDY_ACTIVITY", venue: null, onlineUrl: "https://meeting.example.cn/zf" }) },
      { token: staff.token },
    );
    expect(online.createEvent.userErrors).toEqual([]);
    expect(await t.count(Event)).toBe(before + 1);
  });

  it("lets staff only manage events, and keeps capacity at or above the seats taken", async () => {
    const anon = await t.gql(CREATE_EVENT, { i: validEvent() });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const byTrainee = await t.gql(CREATE_EVENT, { i: validEvent() }, { token: trainee.token });
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");

    const eventId = await publishedEvent(t, staff, { capacity: 3 });
    const people = [await t.user(["TRAINEE"]), await t.user(["TRAINEE"])];
    for (const p of people) await t.ok(REGISTER, { i: { eventId } }, { token: p.token });
    const below = await t.ok(UPDATE_EVENT, { i: { eventId, capacity: 1 } }, { token: staff.token });
    expect(below.updateEvent.userErrors[0]).toMatchObject({
      code: "CAPACITY_BELOW_TAKEN",
      field: ["input", "capacity"],
    });
    const backwards = await t.ok(UPDATE_EVENT, { i: { eventId, endsAt: at(HOUR) } }, { token: staff.token });
    expect(backwards.updateEvent.userErrors[0].code).toBe("ENDS_BEFORE_START");
    expect(await seatsAndRows(t, eventId)).toMatchObject({ capacity: 3, seatsTaken: 2 });
    const byTraineeUpdate = await t.gql(UPDATE_EVENT, { i: { eventId, capacity: 10 } }, { token: trainee.token });
    expect(byTraineeUpdate.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("cancels with a reason, voiding every registration, and cannot be reopened", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 1 });
    const [a, b] = [await t.user(["TRAINEE"]), await t.user(["TRAINEE"])];
    await t.ok(REGISTER, { i: { eventId } }, { token: a.token });
    await t.ok(REGISTER, { i: { eventId } }, { token: b.token });
    const noReason = await t.ok(EVENT_STATUS, { i: { eventId, status: "CANCELLED" } }, { token: staff.token });
    expect(noReason.changeEventStatus.userErrors[0]).toMatchObject({ code: "REASON_REQUIRED" });
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 1, rows: { REGISTERED: 1, WAITLISTED: 1 } });

    const cancelled = await t.ok(
      EVENT_STATUS,
      { i: { eventId, status: "CANCELLED", reason: "主讲嘉宾临时有公务" } },
      { token: staff.token },
    );
    expect(cancelled.changeEventStatus.event).toMatchObject({
      status: "CANCELLED",
      cancelReason: "主讲嘉宾临时有公务",
    });
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 0, rows: { CANCELLED: 2 } });
    const again = await t.ok(EVENT_STATUS, { i: { eventId, status: "PUBLISHED" } }, { token: staff.token });
    expect(again.changeEventStatus.userErrors[0].code).toBe("INVALID_TRANSITION");
    const late = await t.ok(REGISTER, { i: { eventId } }, { token: (await t.user(["TRAINEE"])).token });
    expect(late.registerForEvent.userErrors[0].code).toBe("EVENT_CANCELLED");
    expect(await t.count(AuditEntry, { action: "event.status", subjectId: local(eventId) })).toBe(2);
  });
});

describe("browsing events", () => {
  let fresh: TestApp;
  let desk: TestUser;
  beforeAll(async () => {
    fresh = await TestApp.start();
    desk = await fresh.user(["STAFF"]);
    for (const [kind, day] of [
      ["SALON", 1],
      ["SALON", 5],
      ["LECTURE", 3],
      ["SALON", 9],
    ] as const)
      await publishedEvent(fresh, desk, { kind, startsIn: day * 24 * HOUR, title: `${kind}-${day}` });
  });
  afterAll(() => fresh.close());

  it("filters by kind and time, orders both ways and pages by cursor", async () => {
    const salons = await fresh.ok(EVENTS, { f: { kind: "SALON" }, o: "EARLIEST_FIRST", first: 2 });
    expect(salons.events.totalCount).toBe(3);
    expect(salons.events.edges.map((e: any) => e.node.title)).toEqual(["SALON-1", "SALON-5"]);
    expect(salons.events.edges.map((e: any) => e.node.number)).toEqual([1, 2]);
    const rest = await fresh.ok(EVENTS, {
      f: { kind: "SALON" },
      o: "EARLIEST_FIRST",
      first: 2,
      after: salons.events.pageInfo.endCursor,
    });
    expect(rest.events.edges.map((e: any) => e.node.title)).toEqual(["SALON-9"]);
    expect(rest.events.pageInfo.hasNextPage).toBe(false);

    const window = await fresh.ok(EVENTS, { f: { from: at(2 * 24 * HOUR), to: at(6 * 24 * HOUR) } });
    expect(window.events.edges.map((e: any) => e.node.title)).toEqual(["SALON-5", "LECTURE-3"]);
    const open = await fresh.ok(EVENTS, { f: { openForRegistration: true, kind: "LECTURE" } });
    expect(open.events.edges[0].node).toMatchObject({ openForRegistration: true, seatsLeft: 30 });
  });

  it("counts held salons and lectures in the statistics: started, not cancelled, not drafts", async () => {
    const statistics = `{ statistics { salons lectures } }`;
    expect((await fresh.ok(statistics)).statistics).toEqual({ salons: 0, lectures: 0 });
    const heldSalon = await publishedEvent(fresh, desk, { kind: "SALON", startsIn: 24 * HOUR });
    await fresh.ok(
      UPDATE_EVENT,
      { i: { eventId: heldSalon, startsAt: at(-3 * HOUR), endsAt: at(-HOUR) } },
      { token: desk.token },
    );
    const heldLecture = await publishedEvent(fresh, desk, { kind: "LECTURE", startsIn: 24 * HOUR });
    await fresh.ok(UPDATE_EVENT, { i: { eventId: heldLecture, startsAt: at(-HOUR) } }, { token: desk.token });
    const dropped = await publishedEvent(fresh, desk, { kind: "LECTURE", startsIn: 24 * HOUR });
    await fresh.ok(UPDATE_EVENT, { i: { eventId: dropped, startsAt: at(-HOUR) } }, { token: desk.token });
    await fresh.ok(
      EVENT_STATUS,
      { i: { eventId: dropped, status: "CANCELLED", reason: "暴雨" } },
      { token: desk.token },
    );
    await fresh.ok(
      CREATE_EVENT,
      { i: validEvent({ startsAt: at(-5 * HOUR), endsAt: at(-4 * HOUR) }) },
      { token: desk.token },
    );
    expect((await fresh.ok(statistics)).statistics).toEqual({ salons: 1, lectures: 1 });
  });
});

describe("speakers", () => {
  it("staff keep speakers, with an enterprise, and set an event's programme in order", async () => {
    const enterprise = await t.ds
      .getRepository(Enterprise)
      .save({ name: "重庆神驰机电股份有限公司", creditCode: "91500109MA5U000001", listed: false });
    const enterpriseId = toGlobalId("Enterprise", enterprise.id);
    const scholar = await t.ok(
      CREATE_SPEAKER,
      { i: { name: "张明远", title: "教授", organization: "西南大学经济管理学院" } },
      { token: staff.token },
    );
    const founder = await t.ok(
      CREATE_SPEAKER,
      { i: { name: "李国强", title: "董事长", organization: "重庆神驰机电股份有限公司", enterpriseId } },
      { token: staff.token },
    );
    expect(founder.createSpeaker.speaker.enterprise).toEqual({ name: "重庆神驰机电股份有限公司" });
    const badPhoto = await t.ok(
      CREATE_SPEAKER,
      { i: { name: "王", photoUrl: "ftp://x/y.png", enterpriseId: "garbage" } },
      { token: staff.token },
    );
    expect(badPhoto.createSpeaker.userErrors.map((e: any) => e.code)).toEqual(["INVALID_URL", "NOT_FOUND"]);
    const byTrainee = await t.gql(CREATE_SPEAKER, { i: { name: "赵" } }, { token: trainee.token });
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await t.count(Speaker)).toBe(2);

    const eventId = await publishedEvent(t, staff);
    const [s1, s2] = [scholar.createSpeaker.speaker.id, founder.createSpeaker.speaker.id];
    const twice = await t.ok(
      SET_SPEAKERS,
      { i: { eventId, speakers: [{ speakerId: s1 }, { speakerId: s1, role: "HOST" }] } },
      { token: staff.token },
    );
    expect(twice.setEventSpeakers.userErrors[0].code).toBe("SPEAKER_LISTED_TWICE");
    const unknown = await t.ok(
      SET_SPEAKERS,
      { i: { eventId, speakers: [{ speakerId: toGlobalId("Speaker", 99999) }] } },
      { token: staff.token },
    );
    expect(unknown.setEventSpeakers.userErrors[0]).toMatchObject({ code: "NOT_FOUND", field: ["input", "speakers"] });
    expect(await t.count(EventSpeaker)).toBe(0);

    const set = await t.ok(
      SET_SPEAKERS,
      {
        i: {
          eventId,
          speakers: [
            { speakerId: s2, role: "SPEAKER" },
            { speakerId: s1, role: "HOST" },
          ],
        },
      },
      { token: staff.token },
    );
    expect(set.setEventSpeakers.event.speakers).toEqual([
      { role: "SPEAKER", position: 1, speaker: { name: "李国强", organization: "重庆神驰机电股份有限公司" } },
      { role: "HOST", position: 2, speaker: { name: "张明远", organization: "西南大学经济管理学院" } },
    ]);
    const search = await t.ok(`{ speakers(search: "西南大学") { totalCount edges { node { name } } } }`);
    expect(search.speakers).toEqual({ totalCount: 1, edges: [{ node: { name: "张明远" } }] });
  });
});

describe("materials", () => {
  it("shows public materials to all, the rest to registrants once the event starts, and all to staff", async () => {
    const eventId = await publishedEvent(t, staff, { startsIn: HOUR });
    const holder = await t.user(["TRAINEE"]);
    await t.ok(REGISTER, { i: { eventId } }, { token: holder.token });
    const slides = await t.ok(
      ADD_MATERIAL,
      { i: { eventId, kind: "SLIDES", title: "演讲幻灯片", url: "https://files.example.cn/slides.pdf" } },
      { token: staff.token },
    );
    expect(slides.addEventMaterial.material).toMatchObject({ isPublic: false, kind: "SLIDES" });
    await t.ok(
      ADD_MATERIAL,
      { i: { eventId, title: "活动回顾", url: "https://news.example.cn/zf", isPublic: true } },
      { token: staff.token },
    );
    const bad = await t.ok(ADD_MATERIAL, { i: { eventId, title: " ", url: "not a url" } }, { token: staff.token });
    expect(bad.addEventMaterial.userErrors.map((e: any) => e.code)).toEqual(["REQUIRED", "INVALID_URL"]);
    const byTrainee = await t.gql(
      ADD_MATERIAL,
      { i: { eventId, title: "x", url: "https://x.cn" } },
      { token: holder.token },
    );
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    expect(await t.count(EventMaterial, { eventId: local(eventId) })).toBe(2);

    const titles = async (token?: string) =>
      (await t.ok(MATERIALS, { id: eventId }, { token })).node.materials.map((m: any) => m.title);
    expect(await titles()).toEqual(["活动回顾"]);
    expect(await titles(holder.token)).toEqual(["活动回顾"]);
    expect(await titles(staff.token)).toEqual(["演讲幻灯片", "活动回顾"]);

    await t.ok(UPDATE_EVENT, { i: { eventId, startsAt: at(-10 * 60_000) } }, { token: staff.token });
    expect(await titles(holder.token)).toEqual(["演讲幻灯片", "活动回顾"]);
    expect(await titles(trainee.token)).toEqual(["活动回顾"]);

    const made = await t.ok(
      UPDATE_MATERIAL,
      { i: { materialId: slides.addEventMaterial.material.id, isPublic: true } },
      { token: staff.token },
    );
    expect(made.updateEventMaterial.material.isPublic).toBe(true);
    expect(await titles()).toEqual(["演讲幻灯片", "活动回顾"]);
  });
});
