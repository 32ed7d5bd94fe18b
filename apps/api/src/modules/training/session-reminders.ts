import { beijingClock } from "../../common/beijing-time";
import type { ReminderSource } from "../notifications/reminder.worker";
import { ClassSession } from "./class-session.entity";
import { Cohort } from "./cohort.entity";
import { cohortParams, usersInCohort } from "./training-recipients";

/** "Class session tomorrow", to the cohort's enrolled trainees, while the cohort is open or running. */
export const sessionReminders: ReminderSource = {
  job: "SESSION_REMINDER",
  notification: "SESSION_TOMORROW",
  async upcoming(ctx, now, until) {
    const sessions = await ctx.em
      .createQueryBuilder(ClassSession, "s")
      .innerJoin(Cohort, "c", "c.id = s.cohortId")
      .select(["s.id", "s.startsAt"])
      .where("s.starts_at > :now AND s.starts_at <= :until", { now, until })
      .andWhere("c.status IN ('OPEN', 'IN_PROGRESS')")
      .getMany();
    return sessions.map((s) => ({ subjectId: s.id, startsAt: s.startsAt }));
  },
  async current(tx, subjectId) {
    const session = await tx.em.findOneBy(ClassSession, { id: subjectId });
    const cohort = session && (await tx.em.findOneBy(Cohort, { id: session.cohortId }));
    if (!session || !cohort || !["OPEN", "IN_PROGRESS"].includes(cohort.status)) return null;
    return {
      startsAt: session.startsAt,
      audience: async () => ({
        userIds: await usersInCohort(tx, cohort.id, ["ENROLLED"]),
        params: {
          ...(await cohortParams(tx, cohort.id)),
          topic: session.topic,
          time: beijingClock(session.startsAt),
          venue: session.venue ?? cohort.venue ?? "—",
        },
      }),
    };
  },
};
