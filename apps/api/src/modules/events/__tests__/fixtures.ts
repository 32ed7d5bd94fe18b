import type { TestApp, TestUser } from "../../../testing/harness";
import { fromGlobalId } from "../../../graphql/ids";

export const CREATE_EVENT = `mutation($i: CreateEventInput!) { createEvent(input: $i) { event { id kind number title status capacity seatsTaken } userErrors { code field message } } }`;
export const UPDATE_EVENT = `mutation($i: UpdateEventInput!) { updateEvent(input: $i) { event { id capacity seatsTaken startsAt } userErrors { code field message } } }`;
export const EVENT_STATUS = `mutation($i: ChangeEventStatusInput!) { changeEventStatus(input: $i) { event { id status seatsTaken cancelReason } userErrors { code field } } }`;
export const REGISTER = `mutation($i: RegisterForEventInput!) { registerForEvent(input: $i) { registration { id status waitlistPosition ticketCode } userErrors { code field message } } }`;
export const CANCEL = `mutation($i: CancelEventRegistrationInput!) { cancelEventRegistration(input: $i) { registration { id status ticketCode } userErrors { code field } } }`;
export const CHECK_IN = `mutation($i: CheckInTicketInput!) { checkInTicket(input: $i) { registration { id status checkedInAt trainee { name } } alreadyCheckedInAt userErrors { code field message } } }`;

export const HOUR = 3600_000;
export const at = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();

/** A published event starting in `startsIn` ms (default: tomorrow), open for registration. */
export async function publishedEvent(
  t: TestApp,
  staff: TestUser,
  opts: { capacity?: number; kind?: string; title?: string; startsIn?: number; hours?: number } = {},
): Promise<string> {
  const startsIn = opts.startsIn ?? 24 * HOUR;
  const created = await t.ok(
    CREATE_EVENT,
    {
      i: {
        kind: opts.kind ?? "SALON",
        title: opts.title ?? "民营企业数字化转型的机遇与挑战",
        summary: "企业家围坐交流，分享数字化转型的实践经验。",
        startsAt: at(startsIn),
        endsAt: at(startsIn + (opts.hours ?? 2) * HOUR),
        venue: "中国（卢作孚）民营经济学院 报告厅",
        capacity: opts.capacity ?? 30,
      },
    },
    { token: staff.token },
  );
  expect(created.createEvent.userErrors).toEqual([]);
  const id = created.createEvent.event.id;
  const published = await t.ok(EVENT_STATUS, { i: { eventId: id, status: "PUBLISHED" } }, { token: staff.token });
  expect(published.changeEventStatus.event.status).toBe("PUBLISHED");
  return id;
}

export const local = (globalId: string) => fromGlobalId(globalId)!.id;

/** The event row's seat counter and its registrations by status, as stored. */
export async function seatsAndRows(t: TestApp, eventId: string) {
  const id = local(eventId);
  const [row] = await t.ds.query(`SELECT seats_taken AS s, capacity AS c FROM event WHERE id = ?`, [id]);
  const rows: { status: string; n: number | string }[] = await t.ds.query(
    `SELECT status, COUNT(*) AS n FROM event_registration WHERE event_id = ? GROUP BY status`,
    [id],
  );
  return {
    seatsTaken: Number(row.s),
    capacity: Number(row.c),
    rows: Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>,
  };
}
