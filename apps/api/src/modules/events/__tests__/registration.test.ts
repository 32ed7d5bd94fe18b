import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { toGlobalId } from "../../../graphql/ids";
import { EventRegistration } from "../event-registration.entity";
import { EventSurveyResponse } from "../event-survey-response.entity";
import { Cohort } from "../../training/cohort.entity";
import { Course } from "../../training/course.entity";
import { Enrollment, activeSlot as cohortSlot } from "../../training/enrollment.entity";
import { CANCEL, CHECK_IN, HOUR, REGISTER, UPDATE_EVENT, at, local, publishedEvent, seatsAndRows } from "./fixtures";

const SURVEY = `mutation($i: SubmitEventSurveyInput!) { submitEventSurvey(input: $i) { response { id rating comment } userErrors { code field } } }`;
const NODE_REGISTRATION = `query($id: ID!) { node(id: $id) { ... on EventRegistration { status waitlistPosition ticketCode } } }`;

let t: TestApp;
let staff: TestUser;
beforeAll(async () => {
  t = await TestApp.start();
  staff = await t.user(["STAFF"]);
});
afterAll(() => t.close());

const register = async (eventId: string, who: TestUser) =>
  (await t.ok(REGISTER, { i: { eventId } }, { token: who.token })).registerForEvent;

describe("registration", () => {
  it("gives seats with tickets, then the waiting list, and moves the first up when a seat frees", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 2 });
    const people = await Promise.all([1, 2, 3, 4].map(() => t.user(["TRAINEE"])));
    const results = [];
    for (const p of people) results.push((await register(eventId, p)).registration);
    expect(results.map((r) => [r.status, r.waitlistPosition])).toEqual([
      ["REGISTERED", null],
      ["REGISTERED", null],
      ["WAITLISTED", 1],
      ["WAITLISTED", 2],
    ]);
    expect(results[0].ticketCode).toMatch(/^[2-9A-HJ-NP-Z]{16}$/);
    expect(results[1].ticketCode).not.toBe(results[0].ticketCode);
    expect([results[2].ticketCode, results[3].ticketCode]).toEqual([null, null]);
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 2, rows: { REGISTERED: 2, WAITLISTED: 2 } });

    const cancelled = await t.ok(CANCEL, { i: { registrationId: results[0].id } }, { token: people[0].token });
    expect(cancelled.cancelEventRegistration.registration).toMatchObject({ status: "CANCELLED", ticketCode: null });
    const third = await t.ok(NODE_REGISTRATION, { id: results[2].id }, { token: people[2].token });
    expect(third.node).toMatchObject({ status: "REGISTERED", waitlistPosition: null, ticketCode: expect.any(String) });
    const fourth = await t.ok(NODE_REGISTRATION, { id: results[3].id }, { token: people[3].token });
    expect(fourth.node).toMatchObject({ status: "WAITLISTED", waitlistPosition: 1 });
    expect(await seatsAndRows(t, eventId)).toMatchObject({
      seatsTaken: 2,
      rows: { REGISTERED: 2, WAITLISTED: 1, CANCELLED: 1 },
    });

    // A waiting trainee who gives up frees no seat; a registrant who leaves with nobody waiting does.
    await t.ok(CANCEL, { i: { registrationId: results[3].id } }, { token: people[3].token });
    expect((await seatsAndRows(t, eventId)).seatsTaken).toBe(2);
    await t.ok(CANCEL, { i: { registrationId: results[1].id } }, { token: people[1].token });
    expect((await seatsAndRows(t, eventId)).seatsTaken).toBe(1);

    // The one who cancelled may come back.
    expect((await register(eventId, people[0])).registration.status).toBe("REGISTERED");
  });

  it("gives new seats to the waiting list first when staff raise the capacity", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 1 });
    const people = [await t.user(["TRAINEE"]), await t.user(["TRAINEE"]), await t.user(["TRAINEE"])];
    const regs = [];
    for (const p of people) regs.push((await register(eventId, p)).registration);
    const raised = await t.ok(UPDATE_EVENT, { i: { eventId, capacity: 2 } }, { token: staff.token });
    expect(raised.updateEvent.event).toMatchObject({ capacity: 2, seatsTaken: 2 });
    const second = await t.ok(NODE_REGISTRATION, { id: regs[1].id }, { token: people[1].token });
    expect(second.node.status).toBe("REGISTERED");
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 2, rows: { REGISTERED: 2, WAITLISTED: 1 } });
  });

  it("refuses a second registration, a closed window, non-trainees, unknown and foreign ids", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 5 });
    const p = await t.user(["TRAINEE"]);
    await register(eventId, p);
    const twice = await register(eventId, p);
    expect(twice.userErrors).toEqual([
      expect.objectContaining({ code: "ALREADY_REGISTERED", field: ["input", "eventId"], message: "您已报名该活动" }),
    ]);

    await t.ok(
      UPDATE_EVENT,
      { i: { eventId, registrationOpensAt: at(-2 * HOUR), registrationClosesAt: at(-HOUR) } },
      { token: staff.token },
    );
    const late = await register(eventId, await t.user(["TRAINEE"]));
    expect(late.userErrors[0].code).toBe("REGISTRATION_CLOSED");
    const early = await publishedEvent(t, staff, { capacity: 5 });
    await t.ok(UPDATE_EVENT, { i: { eventId: early, registrationOpensAt: at(HOUR) } }, { token: staff.token });
    expect((await register(early, p)).userErrors[0].code).toBe("REGISTRATION_CLOSED");

    const staffOnly = await register(eventId, staff);
    expect(staffOnly.userErrors[0].code).toBe("NOT_A_TRAINEE");
    expect((await register(toGlobalId("Event", 999999), p)).userErrors[0].code).toBe("NOT_FOUND");
    expect((await register(toGlobalId("Cohort", local(eventId)), p)).userErrors[0].code).toBe("NOT_FOUND");
    expect((await register("%%%", p)).userErrors[0].code).toBe("NOT_FOUND");
    const anon = await t.gql(REGISTER, { i: { eventId } });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await t.count(EventRegistration, { traineeId: p.traineeId! })).toBe(1);
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 1, rows: { REGISTERED: 1 } });
    expect(await seatsAndRows(t, early)).toMatchObject({ seatsTaken: 0, rows: {} });
  });

  it("lets only the holder (before the start) or staff cancel", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 3 });
    const [a, b] = [await t.user(["TRAINEE"]), await t.user(["TRAINEE"])];
    const reg = (await register(eventId, a)).registration;
    const foreign = await t.ok(CANCEL, { i: { registrationId: reg.id } }, { token: b.token });
    expect(foreign.cancelEventRegistration.userErrors[0].code).toBe("NOT_FOUND");
    const anon = await t.gql(CANCEL, { i: { registrationId: reg.id } });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 1, rows: { REGISTERED: 1 } });

    await t.ok(UPDATE_EVENT, { i: { eventId, startsAt: at(-10 * 60_000) } }, { token: staff.token });
    const started = await t.ok(CANCEL, { i: { registrationId: reg.id } }, { token: a.token });
    expect(started.cancelEventRegistration.userErrors[0].code).toBe("EVENT_STARTED");
    const byStaff = await t.ok(CANCEL, { i: { registrationId: reg.id, reason: "重复报名" } }, { token: staff.token });
    expect(byStaff.cancelEventRegistration.registration.status).toBe("CANCELLED");
    const again = await t.ok(CANCEL, { i: { registrationId: reg.id } }, { token: staff.token });
    expect(again.cancelEventRegistration.userErrors[0].code).toBe("WRONG_STATUS");
    expect(await seatsAndRows(t, eventId)).toMatchObject({ seatsTaken: 0, rows: { CANCELLED: 1 } });
  });
});

describe("check-in", () => {
  let eventId: string;
  let holders: TestUser[];
  let tickets: string[];
  let registrationIds: string[];
  beforeAll(async () => {
    // Starts in an hour: registration is still open and the check-in desk already is.
    eventId = await publishedEvent(t, staff, { capacity: 3, startsIn: HOUR, kind: "LECTURE" });
    holders = [
      await t.user(["TRAINEE"], "甲"),
      await t.user(["TRAINEE"], "乙"),
      await t.user(["TRAINEE"], "丙"),
      await t.user(["TRAINEE"], "丁"),
    ];
    const regs = [];
    for (const h of holders) regs.push((await register(eventId, h)).registration);
    tickets = regs.map((r) => r.ticketCode);
    registrationIds = regs.map((r) => r.id);
  });

  it("checks a ticket in once; a second scan answers when, without an error", async () => {
    const first = await t.ok(CHECK_IN, { i: { eventId, code: tickets[0] } }, { token: staff.token });
    expect(first.checkInTicket.userErrors).toEqual([]);
    expect(first.checkInTicket.alreadyCheckedInAt).toBeNull();
    expect(first.checkInTicket.registration.trainee.name).toBe("甲");
    const checkedInAt = first.checkInTicket.registration.checkedInAt;
    expect(checkedInAt).toEqual(expect.any(String));

    const second = await t.ok(
      CHECK_IN,
      { i: { eventId, code: ` ${tickets[0].toLowerCase()} ` } },
      { token: staff.token },
    );
    expect(second.checkInTicket.userErrors).toEqual([]);
    expect(second.checkInTicket.alreadyCheckedInAt).toBe(checkedInAt);
    expect(second.checkInTicket.registration.checkedInAt).toBe(checkedInAt);
    const [row] = await t.ds.query(
      `SELECT checked_in_at AS c, checked_in_by AS b FROM event_registration WHERE id = ?`,
      [local(registrationIds[0])],
    );
    expect(row.c).not.toBeNull();
    expect(Number(row.b)).toBe(staff.userId);
  });

  it("refuses unknown, forged, foreign, cancelled and waitlisted tickets, and non-staff", async () => {
    const code = async (ticket: string) =>
      (await t.ok(CHECK_IN, { i: { eventId, code: ticket } }, { token: staff.token })).checkInTicket.userErrors[0];
    expect(await code("AAAAAAAAAAAAAAAA")).toMatchObject({ code: "UNKNOWN_TICKET", field: ["input", "code"] });
    expect(await code("' OR 1=1 --")).toMatchObject({ code: "UNKNOWN_TICKET" });
    expect(await code(tickets[1].slice(0, 15) + (tickets[1][15] === "Z" ? "Y" : "Z"))).toMatchObject({
      code: "UNKNOWN_TICKET",
    });

    const other = await publishedEvent(t, staff, { title: "另一场沙龙", startsIn: HOUR });
    const foreignTicket = (await register(other, holders[1])).registration.ticketCode;
    expect(await code(foreignTicket)).toMatchObject({
      code: "TICKET_OTHER_EVENT",
      message: "该入场码属于其他活动：另一场沙龙",
    });

    await t.ok(CANCEL, { i: { registrationId: registrationIds[2] } }, { token: holders[2].token });
    expect(await code(tickets[2])).toMatchObject({ code: "TICKET_CANCELLED" });
    // The fourth moved up into the freed seat: no ticket while waiting, one now.
    expect(tickets[3]).toBeNull();
    const promoted = await t.ok(NODE_REGISTRATION, { id: registrationIds[3] }, { token: holders[3].token });
    expect(promoted.node).toMatchObject({ status: "REGISTERED", ticketCode: expect.stringMatching(/^[2-9A-Z]{16}$/) });

    const waiting = await publishedEvent(t, staff, { capacity: 1, startsIn: HOUR });
    await register(waiting, holders[0]);
    const queued = (await register(waiting, holders[1])).registration;
    expect(queued.status).toBe("WAITLISTED");
    // Hidden from the API while waiting; read as stored, as if someone had kept an old screenshot.
    const [{ c: waitTicket }] = await t.ds.query(`SELECT ticket_code AS c FROM event_registration WHERE id = ?`, [
      local(queued.id),
    ]);
    const waitlisted = await t.ok(CHECK_IN, { i: { eventId: waiting, code: waitTicket } }, { token: staff.token });
    expect(waitlisted.checkInTicket.userErrors[0].code).toBe("TICKET_WAITLISTED");

    const byTrainee = await t.gql(CHECK_IN, { i: { eventId, code: tickets[1] } }, { token: holders[1].token });
    expect(byTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
    const anon = await t.gql(CHECK_IN, { i: { eventId, code: tickets[1] } });
    expect(anon.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
    const checkedIn = await t.ds.query(
      `SELECT COUNT(*) AS n FROM event_registration WHERE event_id = ? AND checked_in_at IS NOT NULL`,
      [local(eventId)],
    );
    expect(Number(checkedIn[0].n)).toBe(1);
  });

  it("refuses check-in far from the event's time and a checked-in trainee's cancellation", async () => {
    const later = await publishedEvent(t, staff, { startsIn: 5 * HOUR });
    const ticket = (await register(later, holders[0])).registration.ticketCode;
    const early = await t.ok(CHECK_IN, { i: { eventId: later, code: ticket } }, { token: staff.token });
    expect(early.checkInTicket.userErrors[0]).toMatchObject({ code: "CHECK_IN_NOT_OPEN", field: ["input", "eventId"] });

    const cancel = await t.ok(CANCEL, { i: { registrationId: registrationIds[0] } }, { token: staff.token });
    expect(cancel.cancelEventRegistration.userErrors[0].code).toBe("ALREADY_CHECKED_IN");
  });
});

describe("survey and participation", () => {
  it("offers the survey to those who checked in, once, after the start; staff see the results", async () => {
    const eventId = await publishedEvent(t, staff, { capacity: 10, startsIn: HOUR, kind: "SALON" });
    const [came, absent, stranger] = [
      await t.user(["TRAINEE"], "到场学员"),
      await t.user(["TRAINEE"]),
      await t.user(["TRAINEE"]),
    ];
    const ticket = (await register(eventId, came)).registration.ticketCode;
    await register(eventId, absent);
    await t.ok(CHECK_IN, { i: { eventId, code: ticket } }, { token: staff.token });

    const tooEarly = await t.ok(SURVEY, { i: { eventId, rating: 5 } }, { token: came.token });
    expect(tooEarly.submitEventSurvey.userErrors[0].code).toBe("SURVEY_NOT_OPEN");
    await t.ok(UPDATE_EVENT, { i: { eventId, startsAt: at(-HOUR) } }, { token: staff.token });

    const open = `query($id: ID!) { node(id: $id) { ... on Event { surveyOpen } } }`;
    expect((await t.ok(open, { id: eventId }, { token: came.token })).node.surveyOpen).toBe(true);
    expect((await t.ok(open, { id: eventId }, { token: absent.token })).node.surveyOpen).toBe(false);
    for (const who of [absent, stranger]) {
      const refused = await t.ok(SURVEY, { i: { eventId, rating: 4 } }, { token: who.token });
      expect(refused.submitEventSurvey.userErrors[0]).toMatchObject({ code: "NOT_CHECKED_IN" });
    }
    const outOfRange = await t.ok(SURVEY, { i: { eventId, rating: 6 } }, { token: came.token });
    expect(outOfRange.submitEventSurvey.userErrors[0]).toMatchObject({
      code: "OUT_OF_RANGE",
      field: ["input", "rating"],
    });
    expect(await t.count(EventSurveyResponse, { eventId: local(eventId) })).toBe(0);

    const answered = await t.ok(
      SURVEY,
      { i: { eventId, rating: 4, comment: "交流充分，希望多组织" } },
      { token: came.token },
    );
    expect(answered.submitEventSurvey.response).toMatchObject({ rating: 4, comment: "交流充分，希望多组织" });
    const twice = await t.ok(SURVEY, { i: { eventId, rating: 1 } }, { token: came.token });
    expect(twice.submitEventSurvey.userErrors[0].code).toBe("SURVEY_EXISTS");
    expect(await t.count(EventSurveyResponse, { eventId: local(eventId) })).toBe(1);

    const results = `query($id: ID!) { node(id: $id) { ... on Event { surveySummary { count averageRating ratingCounts } surveyResponses(first: 10) { totalCount edges { node { rating comment } } } } } }`;
    const forStaff = await t.ok(results, { id: eventId }, { token: staff.token });
    expect(forStaff.node.surveySummary).toEqual({ count: 1, averageRating: 4, ratingCounts: [0, 0, 0, 1, 0] });
    expect(forStaff.node.surveyResponses.edges[0].node.comment).toBe("交流充分，希望多组织");
    const forTrainee = await t.gql(results, { id: eventId }, { token: came.token });
    expect(forTrainee.errors?.[0].extensions?.code).toBe("FORBIDDEN");
  });

  it("keeps one participation record: cohorts, salons and lectures attended, and registrations", async () => {
    const person = await t.user(["TRAINEE"], "记录学员");
    const course = await t.ds.getRepository(Course).save({ title: "研修班", organizers: ["学院"] });
    const cohort = await t.ds.getRepository(Cohort).save({
      courseId: course.id,
      number: 1,
      title: "研修班 第1期",
      startsOn: "2024-03-01",
      endsOn: "2024-03-03",
      capacity: 10,
      seatsTaken: 1,
      admission: "AUTO",
      status: "COMPLETED",
      completionThreshold: 80,
    });
    await t.ds.getRepository(Enrollment).insert({
      cohortId: cohort.id,
      traineeId: person.traineeId!,
      status: "COMPLETED",
      activeSlot: cohortSlot(cohort.id, person.traineeId!),
    });
    const salon = await publishedEvent(t, staff, { kind: "SALON", startsIn: HOUR, title: "沙龙A" });
    const lecture = await publishedEvent(t, staff, { kind: "LECTURE", startsIn: HOUR, title: "讲堂B" });
    const skipped = await publishedEvent(t, staff, { kind: "LECTURE", startsIn: HOUR, title: "讲堂C" });
    for (const id of [salon, lecture]) {
      const ticket = (await register(id, person)).registration.ticketCode;
      await t.ok(CHECK_IN, { i: { eventId: id, code: ticket } }, { token: staff.token });
    }
    await register(skipped, person);

    const record = `query($id: ID!) { node(id: $id) { ... on Trainee { participation { cohorts salons lectures studyActivities } attendedEvents { title kind } lectures: attendedEvents(kind: LECTURE) { title } eventRegistrations(first: 10) { totalCount edges { node { status event { title } } } } } } }`;
    const mine = await t.ok(record, { id: toGlobalId("Trainee", person.traineeId!) }, { token: person.token });
    expect(mine.node.participation).toEqual({ cohorts: 1, salons: 1, lectures: 1, studyActivities: 0 });
    expect(mine.node.attendedEvents.map((e: any) => e.title).sort()).toEqual(["沙龙A", "讲堂B"]);
    expect(mine.node.lectures).toEqual([{ title: "讲堂B" }]);
    expect(mine.node.eventRegistrations.totalCount).toBe(3);
    const bystander = await t.user(["TRAINEE"]);
    const foreign = await t.gql(
      `query($id: ID!) { node(id: $id) { id } }`,
      { id: toGlobalId("Trainee", person.traineeId!) },
      { token: bystander.token },
    );
    expect(foreign.data.node).toBeNull();
    const viaStaff = await t.ok(record, { id: toGlobalId("Trainee", person.traineeId!) }, { token: staff.token });
    expect(viaStaff.node.participation.salons).toBe(1);
  });
});
