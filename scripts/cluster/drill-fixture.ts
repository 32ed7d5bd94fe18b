import type { DataSource } from "typeorm";
import { randomToken, tokenHash } from "../../apps/api/src/common/crypto";
import { inserters } from "../../apps/api/src/demo/context";
import { toGlobalId } from "../../apps/api/src/graphql/ids";
import { Session } from "../../apps/api/src/modules/accounts/session.entity";
import { User } from "../../apps/api/src/modules/accounts/user.entity";
import { Event } from "../../apps/api/src/modules/events/event.entity";
import { NotificationChannelSetting } from "../../apps/api/src/modules/notifications/notification-channel-setting.entity";
import { Trainee } from "../../apps/api/src/modules/trainees/trainee.entity";
import { Cohort } from "../../apps/api/src/modules/training/cohort.entity";
import { Course } from "../../apps/api/src/modules/training/course.entity";

const DAY = 86_400_000;

export interface Person {
  userId: number;
  phone: string;
  token: string;
}

/** What the drill races for: one course, cohorts and one event, made directly in the database. */
export interface Stage {
  courseId: number;
  cohort: (capacity: number, label: string) => Promise<{ id: number; gid: string }>;
  /** A published event starting in `startsInHours`; its reminder goes out a day ahead. */
  event: (capacity: number, startsInHours: number) => Promise<{ id: number; gid: string }>;
  /** `count` signed-in trainees (sessions made the way the bench makes them: scrypt per user would take minutes). */
  trainees: (count: number, options?: { sms?: boolean }) => Promise<Person[]>;
}

let nextPhone = 0;

export async function stage(ds: DataSource, sessionSecret: string): Promise<Stage> {
  const insert = inserters(ds.manager, {});
  const run = Date.now().toString(36);
  const [courseId] = await insert.insertReturningIds(
    Course,
    [{ title: `集群演练课程 ${run}`, summary: null, category: null, organizers: ["中国（卢作孚）民营经济学院"] }],
    "title",
  );
  let cohortNumber = 0;
  let eventNumber = 0;
  return {
    courseId,
    cohort: async (capacity, label) => {
      const now = Date.now();
      const number = ++cohortNumber;
      const [id] = await insert.insertReturningIds(
        Cohort,
        [
          {
            courseId,
            number,
            title: `集群演练 第${number}期（${label}）`,
            startsOn: "2030-03-04",
            endsOn: "2030-03-06",
            venue: "中国（卢作孚）民营经济学院报告厅",
            capacity,
            seatsTaken: 0,
            admission: "AUTO",
            status: "OPEN",
            enrollmentOpensAt: new Date(now - DAY),
            enrollmentClosesAt: new Date(now + 30 * DAY),
            completionThreshold: 80,
          },
        ],
        "title",
      );
      return { id, gid: toGlobalId("Cohort", id) };
    },
    event: async (capacity, startsInHours) => {
      const now = Date.now();
      const number = 9000 + ++eventNumber;
      const [id] = await insert.insertReturningIds(
        Event,
        [
          {
            kind: "SALON",
            number,
            title: `作孚沙龙 集群演练 ${run}-${number}`,
            summary: null,
            startsAt: new Date(now + startsInHours * 3600_000),
            endsAt: new Date(now + (startsInHours + 2) * 3600_000),
            venue: "北碚区 作孚沙龙",
            onlineUrl: null,
            capacity,
            seatsTaken: 0,
            registrationOpensAt: new Date(now - DAY),
            registrationClosesAt: null,
            status: "PUBLISHED",
            cancelReason: null,
          },
        ],
        "title",
      );
      return { id, gid: toGlobalId("Event", id) };
    },
    trainees: async (count, options = {}) => {
      const phones = Array.from({ length: count }, () => `172${String(nextPhone++).padStart(8, "0")}`);
      const userIds = await insert.insertReturningIds(
        User,
        phones.map((phone, i) => ({
          name: `演练学员${i + 1}`,
          phone,
          passwordHash: "scrypt$16384$8$1$AAAA$AAAA",
          roles: ["TRAINEE" as const],
          active: true,
        })),
        "phone",
      );
      await insert.insert(
        Trainee,
        userIds.map((userId, i) => ({ name: `演练学员${i + 1}`, phone: phones[i], userId })),
      );
      if (options.sms) {
        await insert.insert(
          NotificationChannelSetting,
          userIds.map((userId) => ({ userId, email: false, sms: true, emailAddress: null, locale: "zh-CN" })),
        );
      }
      const tokens = userIds.map(() => randomToken());
      const now = Date.now();
      await insert.insert(
        Session,
        userIds.map((userId, i) => ({
          userId,
          tokenHash: tokenHash(sessionSecret, tokens[i]),
          lastUsedAt: new Date(now),
          expiresAt: new Date(now + 3 * 3600_000),
          revokedAt: null,
        })),
      );
      return userIds.map((userId, i) => ({ userId, phone: phones[i], token: tokens[i] }));
    },
  };
}
