import "reflect-metadata";
import { TestApp, type TestUser } from "../../../testing/harness";
import { Enterprise } from "../../enterprises/enterprise.entity";
import { Trainee } from "../../trainees/trainee.entity";
import { Event } from "../event.entity";
import { EventMaterial } from "../event-material.entity";
import { EventRegistration, activeSlot } from "../event-registration.entity";
import { EventSpeaker } from "../event-speaker.entity";
import { EventSurveyResponse } from "../event-survey-response.entity";
import { Speaker } from "../speaker.entity";

const QUERY = `{ events(first: 20) { edges { node { number seatsLeft waitlistLength myRegistration { status }
  speakers { role speaker { name enterprise { name } } } materials { title }
  registrations(first: 50) { totalCount edges { node { status ticketCode trainee { name } } } }
  surveySummary { count averageRating } } } } }`;

/** `size` events, each with speakers of enterprises, materials, `perEvent` registrations and survey answers. */
async function grow(t: TestApp, size: number, perEvent: number, offset: number) {
  const enterprises = await t.ds.getRepository(Enterprise).save(
    Array.from({ length: size }, (_, i) => ({
      name: `企业${offset}-${i}`,
      creditCode: `E${String(offset * 100000 + i).padStart(17, "0")}`,
      listed: false,
    })),
  );
  const speakers = await t.ds
    .getRepository(Speaker)
    .save(enterprises.map((e, i) => ({ name: `嘉宾${offset}-${i}`, enterpriseId: e.id })));
  const trainees = await t.ds.getRepository(Trainee).save(
    Array.from({ length: perEvent }, (_, i) => ({ name: `学员${offset}-${i}` })),
    { chunk: 200 },
  );
  for (let n = 0; n < size; n++) {
    const startsAt = new Date(Date.UTC(2024, n % 12, 1, 11));
    const event = await t.ds.getRepository(Event).save({
      kind: "SALON" as const,
      number: offset * 1000 + n,
      title: "沙龙",
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3600_000),
      venue: "学院",
      capacity: perEvent,
      seatsTaken: perEvent,
      status: "PUBLISHED" as const,
    });
    await t.ds
      .getRepository(EventSpeaker)
      .insert(
        speakers
          .slice(0, 2)
          .map((s, i) => ({ eventId: event.id, speakerId: s.id, role: "SPEAKER" as const, position: i })),
      );
    await t.ds
      .getRepository(EventMaterial)
      .insert([
        { eventId: event.id, kind: "SLIDES" as const, title: "幻灯片", url: "https://x.cn/a.pdf", position: 1 },
      ]);
    await t.ds.getRepository(EventRegistration).insert(
      trainees.map((tr, i) => ({
        eventId: event.id,
        traineeId: tr.id,
        status: "REGISTERED" as const,
        activeSlot: activeSlot(event.id, tr.id),
        ticketCode: `T${offset}${n}X${i}`.padEnd(16, "Z").slice(0, 16),
        checkedInAt: startsAt,
      })),
    );
    const regs = await t.ds.getRepository(EventRegistration).findBy({ eventId: event.id });
    await t.ds
      .getRepository(EventSurveyResponse)
      .insert(regs.slice(0, 3).map((r) => ({ registrationId: r.id, eventId: event.id, rating: 5 })));
  }
}

describe("loading discipline", () => {
  jest.setTimeout(60_000);
  let t: TestApp;
  let staff: TestUser;
  beforeAll(async () => {
    t = await TestApp.start();
    staff = await t.user(["STAFF"]);
  });
  afterAll(() => t.close());

  it("answers the nested events query with one statement per relation, whatever the data size", async () => {
    await grow(t, 3, 5, 1);
    const small = await t.gql(QUERY, {}, { token: staff.token });
    expect(small.errors).toBeUndefined();
    const smallCount = Number(small.headers.get("x-sql-statements"));
    await grow(t, 25, 60, 2);
    const large = await t.gql(QUERY, {}, { token: staff.token });
    expect(large.errors).toBeUndefined();
    const edges = large.data.events.edges;
    expect(edges).toHaveLength(20);
    expect(edges[0].node.registrations.edges).toHaveLength(50);
    expect(edges[0].node.speakers[0].speaker.enterprise.name).toMatch(/^企业/);
    const largeCount = Number(large.headers.get("x-sql-statements"));
    expect(largeCount).toBe(smallCount);
    // session, events, waitlists, speakers, speaker rows, enterprises, materials, registrations (windowed),
    // their count, trainees, survey summaries
    expect(largeCount).toBeLessThanOrEqual(11);
  });
});
