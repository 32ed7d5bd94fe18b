import { In, MoreThan } from "typeorm";
import type { Locale } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { codedError, fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { randomToken, tokenHash } from "../../common/crypto";
import { audit, subjectOf } from "../audit/audit.service";
import { isDuplicateKey } from "../../db/dialect";
import { ClassSession } from "../training/class-session.entity";
import { Cohort } from "../training/cohort.entity";
import { Enrollment } from "../training/enrollment.entity";
import { Trainee } from "../trainees/trainee.entity";
import { User } from "../accounts/user.entity";
import { CalendarFeed } from "./calendar-feed.entity";
import { renderCalendar, type CalendarEntry } from "./calendar";
import { Event } from "./event.entity";
import { EventRegistration } from "./event-registration.entity";
import type { Speaker } from "./speaker.entity";
import { SERIES_NAMES } from "./event.enums";
import { speakerById, speakersByEvent } from "./event.loaders";

/** Tokens are 32 random bytes, base64url: 43 characters. */
const FEED_TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DEFAULT_REMINDER_MINUTES = 60;
/** The public feed's reminder: a day ahead, time to arrange the evening. */
const PUBLIC_REMINDER_MINUTES = 24 * 60;
/** A personal feed keeps what happened this long ago, so the month view is not empty after a class. */
const PERSONAL_HISTORY_MS = 30 * 86_400_000;
const MAX_ENTRIES = 500;

const TEXTS = {
  "zh-CN": {
    publicName: "作孚活动日历",
    publicDescription: "中国（卢作孚）民营经济学院：作孚沙龙、作孚讲堂与学讲做活动",
    personalName: "我的作孚日程",
    personalDescription: "我报名的活动与所在班次的课程",
    reminder: "即将开始：",
    speakers: "嘉宾",
    lecturer: "授课",
    online: "线上链接",
    waitlisted: "（候补中）",
    // Chinese text takes full-width punctuation, in a calendar too.
    colon: "：",
    separator: "；",
  },
  en: {
    publicName: "Zuofu events",
    publicDescription: "China (Lu Zuofu) Private Economy Institute: salons, lectures and study activities",
    personalName: "My Zuofu schedule",
    personalDescription: "Events I registered for and the classes of my cohorts",
    reminder: "Starting soon: ",
    speakers: "Speakers",
    lecturer: "Lecturer",
    online: "Online",
    waitlisted: " (waitlisted)",
    colon: ": ",
    separator: "; ",
  },
} satisfies Record<Locale, Record<string, string>>;

function feedPath(token: string): string {
  return `/calendar/${token}.ics`;
}

/** Makes the signed-in trainee's feed URL, or a new one in place of the old (which then stops working). */
export async function createCalendarFeed(
  ctx: RequestContext,
  reminderMinutes: number | null | undefined,
): Promise<{ feed: CalendarFeed; path: string }> {
  const viewer = ctx.requireViewer();
  if (!viewer.traineeId) throw codedError("FORBIDDEN", ctx.locale);
  const traineeId = viewer.traineeId;
  const check = new InputCheck();
  const minutes = check.integer(reminderMinutes, "reminderMinutes", 0, 10080) ?? DEFAULT_REMINDER_MINUTES;
  check.done();
  const token = randomToken(32);
  const issue = () =>
    ctx.transaction(async (tx) => {
      const feed = (await tx.em.findOneBy(CalendarFeed, { traineeId })) ?? tx.em.create(CalendarFeed, { traineeId });
      const replaced = Boolean(feed.id && !feed.revokedAt);
      Object.assign(feed, {
        tokenHash: tokenHash(tx.app.config.sessionSecret, token),
        reminderMinutes: minutes,
        issuedAt: new Date(),
        revokedAt: null,
      });
      await tx.em.save(feed);
      await audit(tx, "calendarFeed.create", subjectOf(feed), { reminderMinutes: minutes, replaced });
      return { feed, path: feedPath(token) };
    });
  try {
    return await issue();
  } catch (err) {
    // A concurrent first request (a double click) made the row: this one then replaces its URL.
    if (isDuplicateKey(err)) return issue();
    throw err;
  }
}

export async function revokeCalendarFeed(ctx: RequestContext, feedId: number | null): Promise<CalendarFeed> {
  const viewer = ctx.requireViewer();
  return ctx.transaction(async (tx) => {
    const feed = feedId ? await tx.em.findOneBy(CalendarFeed, { id: feedId }) : null;
    if (!feed || feed.traineeId !== viewer.traineeId) return fail("NOT_FOUND", "feedId");
    if (feed.revokedAt) fail("WRONG_STATUS", "feedId", { status: "REVOKED" });
    Object.assign(feed, { tokenHash: null, revokedAt: new Date() });
    await tx.em.save(feed);
    await audit(tx, "calendarFeed.revoke", subjectOf(feed));
    return feed;
  });
}

function eventSummary(event: Event): string {
  return `${SERIES_NAMES[event.kind]} 第${event.number}期｜${event.title}`;
}

async function eventEntries(
  ctx: RequestContext,
  events: Event[],
  statusOf: (event: Event) => CalendarEntry["status"],
  suffixOf: (event: Event) => string = () => "",
): Promise<CalendarEntry[]> {
  const texts = TEXTS[ctx.locale];
  const programmes = await Promise.all(events.map((e) => ctx.loader(speakersByEvent).load(e.id)));
  const speakerIds = [...new Set(programmes.flatMap((p) => p!.map((s) => s.speakerId)))];
  const speakers = new Map<number, Speaker>();
  for (const s of await Promise.all(speakerIds.map((id) => ctx.loader(speakerById).load(id))))
    if (s) speakers.set(s.id, s);
  return events.map((event, i) => {
    const names = programmes[i]!.map((p) => speakers.get(p.speakerId))
      .filter((s) => s !== undefined)
      .map((s) => [s.name, s.organization, s.title].filter(Boolean).join(" "));
    const description = [
      event.summary,
      names.length ? `${texts.speakers}${texts.colon}${names.join(texts.separator)}` : null,
      event.onlineUrl ? `${texts.online}${texts.colon}${event.onlineUrl}` : null,
    ]
      .filter(Boolean)
      .join("\n");
    return {
      uid: `event-${event.id}@zuofu`,
      start: event.startsAt,
      end: event.endsAt,
      summary: eventSummary(event) + suffixOf(event),
      description,
      location: event.venue ?? event.onlineUrl,
      url: event.onlineUrl,
      status: statusOf(event),
      categories: [SERIES_NAMES[event.kind]],
      lastModified: event.updatedAt,
    };
  });
}

/** Published events that have not ended, and cancelled ones (so subscribers see the cancellation). */
export async function publicCalendar(ctx: RequestContext, now = new Date()): Promise<string> {
  const events = await ctx.em.find(Event, {
    where: { status: In(["PUBLISHED", "CANCELLED"]), endsAt: MoreThan(now) },
    order: { startsAt: "ASC", id: "ASC" },
    take: MAX_ENTRIES,
  });
  const entries = await eventEntries(ctx, events, (e) => (e.status === "CANCELLED" ? "CANCELLED" : "CONFIRMED"));
  const texts = TEXTS[ctx.locale];
  return renderCalendar(entries, {
    name: texts.publicName,
    description: texts.publicDescription,
    reminderMinutes: PUBLIC_REMINDER_MINUTES,
    reminderLabel: texts.reminder,
    now,
  });
}

/**
 * The personal feed of the trainee whose token this is, or null for an unknown or revoked one, or
 * one whose trainee is no longer linked to an active account (a link is worth what a sign-in is):
 * the class sessions of cohorts they are enrolled in, and the events they registered for.
 */
export async function personalCalendar(ctx: RequestContext, token: string, now = new Date()): Promise<string | null> {
  if (!FEED_TOKEN.test(token)) return null;
  const feed = await ctx.em
    .createQueryBuilder(CalendarFeed, "feed")
    .innerJoin(Trainee, "t", "t.id = feed.trainee_id")
    .innerJoin(User, "u", "u.id = t.user_id AND u.active = :active", { active: true })
    .where("feed.token_hash = :hash AND feed.revoked_at IS NULL", {
      hash: tokenHash(ctx.app.config.sessionSecret, token),
    })
    .getOne();
  if (!feed) return null;
  const since = new Date(now.getTime() - PERSONAL_HISTORY_MS);
  const texts = TEXTS[ctx.locale];

  const sessions = await ctx.em
    .createQueryBuilder(ClassSession, "s")
    .innerJoin(Enrollment, "en", "en.cohort_id = s.cohort_id")
    .where("en.trainee_id = :trainee AND en.status = :enrolled AND s.ends_at > :since", {
      trainee: feed.traineeId,
      enrolled: "ENROLLED",
      since,
    })
    .orderBy("s.starts_at", "ASC")
    .take(MAX_ENTRIES)
    .getMany();
  const cohortIds = [...new Set(sessions.map((s) => s.cohortId))];
  const cohorts = new Map(
    (cohortIds.length ? await ctx.em.findBy(Cohort, { id: In(cohortIds) }) : []).map((c) => [c.id, c]),
  );
  const sessionEntries: CalendarEntry[] = sessions.map((s) => {
    const cohort = cohorts.get(s.cohortId);
    return {
      uid: `class-session-${s.id}@zuofu`,
      start: s.startsAt,
      end: s.endsAt,
      summary: cohort ? `${cohort.title}｜${s.topic}` : s.topic,
      description: s.lecturer ? `${texts.lecturer}${texts.colon}${s.lecturer}` : null,
      location: s.venue ?? cohort?.venue ?? null,
      status: "CONFIRMED",
    };
  });

  const registrations = await ctx.em.find(EventRegistration, {
    select: { id: true, eventId: true, status: true },
    where: { traineeId: feed.traineeId, status: In(["REGISTERED", "WAITLISTED"]) },
  });
  const waiting = new Set(registrations.filter((r) => r.status === "WAITLISTED").map((r) => r.eventId));
  const events = registrations.length
    ? await ctx.em.find(Event, {
        where: { id: In(registrations.map((r) => r.eventId)), endsAt: MoreThan(since) },
        order: { startsAt: "ASC" },
        take: MAX_ENTRIES,
      })
    : [];
  const registered = await eventEntries(
    ctx,
    events,
    (e) => (waiting.has(e.id) ? "TENTATIVE" : "CONFIRMED"),
    (e) => (waiting.has(e.id) ? texts.waitlisted : ""),
  );

  const entries = [...sessionEntries, ...registered].sort((a, b) => a.start.getTime() - b.start.getTime());
  return renderCalendar(entries, {
    name: texts.personalName,
    description: texts.personalDescription,
    reminderMinutes: feed.reminderMinutes,
    reminderLabel: texts.reminder,
    now,
  });
}
