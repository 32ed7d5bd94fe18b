import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { CalendarFeed } from "../calendar-feed.entity";
import { EventRegistration } from "../event-registration.entity";
import { CANCEL, CHECK_IN, HOUR, REGISTER, local, publishedEvent, seatsAndRows } from "./fixtures";

// Meant for MySQL/MariaDB (TEST_DATABASE_URL), where the transactions truly overlap; on SQLite they take turns.
describe("concurrent registrations", () => {
  jest.setTimeout(120_000);
  let t: TestApp;
  let staff: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.user(["STAFF"]);
  });
  afterAll(() => t.close());

  it("50 trainees at a 10-seat salon at once: 10 seats, 40 waiting in one line, the counter equal to the rows", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 10 });
    const people: TestUser[] = [];
    for (let i = 0; i < 50; i++) people.push(await t.user(["TRAINEE"]));
    const results = await Promise.all(people.map((p) => t.gql(REGISTER, { i: { eventId } }, { token: p.token })));
    for (const r of results) {
      expect(r.errors).toBeUndefined();
      expect(r.data.registerForEvent.userErrors).toEqual([]);
    }
    expect(await seatsAndRows(t, eventId)).toEqual({
      seatsTaken: 10,
      capacity: 10,
      rows: { REGISTERED: 10, WAITLISTED: 40 },
    });
    const positions = results
      .map((r) => r.data.registerForEvent.registration.waitlistPosition)
      .filter((p) => p !== null)
      .sort((a, b) => a - b);
    expect(positions).toHaveLength(40);
    const tickets = results.map((r) => r.data.registerForEvent.registration.ticketCode).filter(Boolean);
    expect(new Set(tickets).size).toBe(10);
  });

  it("10 requests of one trainee at once: one registration, one seat", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 10 });
    const p = await t.user(["TRAINEE"]);
    const results = await Promise.all(
      Array.from({ length: 10 }, () => t.gql(REGISTER, { i: { eventId } }, { token: p.token })),
    );
    expect(results.every((r) => !r.errors)).toBe(true);
    expect(results.filter((r) => r.data.registerForEvent.registration)).toHaveLength(1);
    expect(results.filter((r) => r.data.registerForEvent.userErrors[0]?.code === "ALREADY_REGISTERED")).toHaveLength(9);
    expect(await t.count(EventRegistration, { traineeId: p.traineeId! })).toBe(1);
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 1, rows: { REGISTERED: 1 } });
  });

  it("5 cancellations at once on a full event: the first 5 waiting move up, no seat is lost or doubled", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 5 });
    const people: TestUser[] = [];
    for (let i = 0; i < 12; i++) people.push(await t.user(["TRAINEE"]));
    const ids: string[] = [];
    for (const p of people)
      ids.push((await t.ok(REGISTER, { i: { eventId } }, { token: p.token })).registerForEvent.registration.id);
    const results = await Promise.all(
      people.slice(0, 5).map((p, i) => t.gql(CANCEL, { i: { registrationId: ids[i] } }, { token: p.token })),
    );
    expect(results.every((r) => !r.errors && r.data.cancelEventRegistration.userErrors.length === 0)).toBe(true);
    expect(await seatsAndRows(t, eventId)).toEqual({
      seatsTaken: 5,
      capacity: 5,
      rows: { CANCELLED: 5, REGISTERED: 5, WAITLISTED: 2 },
    });
    const seated: { id: number }[] = await t.ds.query(
      `SELECT id FROM event_registration WHERE event_id = ? AND status = 'REGISTERED' ORDER BY id`,
      [local(eventId)],
    );
    expect(seated.map((r) => r.id)).toEqual(ids.slice(5, 10).map(local));
  });

  it("two desks scanning one ticket at once: one check-in, the other answers already checked in", async () => {
    const eventId = await publishedEvent(t, staff, { startsIn: HOUR });
    const p = await t.user(["TRAINEE"]);
    const ticket = (await t.ok(REGISTER, { i: { eventId } }, { token: p.token })).registerForEvent.registration
      .ticketCode;
    const desks = [staff, await t.user(["STAFF"]), await t.user(["STAFF"])];
    const results = await Promise.all(
      desks.map((d) => t.ok(CHECK_IN, { i: { eventId, code: ticket } }, { token: d.token })),
    );
    const fresh = results.filter((r) => r.checkInTicket.alreadyCheckedInAt === null);
    const repeats = results.filter((r) => r.checkInTicket.alreadyCheckedInAt !== null);
    expect(fresh).toHaveLength(1);
    expect(repeats).toHaveLength(2);
    for (const r of repeats)
      expect(r.checkInTicket.alreadyCheckedInAt).toBe(fresh[0].checkInTicket.registration.checkedInAt);
  });

  it("a double click on making a calendar URL: one feed row, every answer a URL", async () => {
    const p = await t.user(["TRAINEE"]);
    const create = `mutation { createCalendarFeed(input: {}) { path userErrors { code } } }`;
    const results = await Promise.all([1, 2, 3].map(() => t.gql(create, {}, { token: p.token })));
    expect(results.every((r) => !r.errors && r.data.createCalendarFeed.path)).toBe(true);
    expect(await t.count(CalendarFeed, { traineeId: p.traineeId! })).toBe(1);
    const working = await Promise.all(
      results.map(async (r) => (await fetch(`${t.url}${r.data.createCalendarFeed.path}`)).status),
    );
    expect(working.filter((status) => status === 200)).toHaveLength(1);
  });
});
