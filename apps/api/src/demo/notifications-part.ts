/**
 * A few notifications for the demo accounts, so that the bell has something to show: the demo
 * trainee's admission and certificate, and the demo judge's assignments.
 */
import { Cohort } from "../modules/training/cohort.entity";
import { Course } from "../modules/training/course.entity";
import { Enrollment } from "../modules/training/enrollment.entity";
import { Trainee } from "../modules/trainees/trainee.entity";
import { AwardCycle } from "../modules/awards/award-cycle.entity";
import { AwardProgram } from "../modules/awards/award-program.entity";
import { Notification } from "../modules/notifications/notification.entity";
import type { DemoContext, DemoPart } from "./context";

export const notificationsPart: DemoPart = {
  name: "notifications",
  async run(ctx: DemoContext) {
    const rows: Partial<Notification>[] = [];
    const trainee = ctx.ids.demoTraineeId ? await ctx.em.findOneBy(Trainee, { id: ctx.ids.demoTraineeId }) : null;
    const enrollment =
      trainee?.userId &&
      (await ctx.em.findOne(Enrollment, { where: { traineeId: trainee.id }, order: { id: "DESC" } }));
    if (trainee?.userId && enrollment) {
      const cohort = await ctx.em.findOneByOrFail(Cohort, { id: enrollment.cohortId });
      const course = await ctx.em.findOneByOrFail(Course, { id: cohort.courseId });
      const params = JSON.stringify({ cohort: `${course.title} 第${cohort.number}期` });
      rows.push(
        { recipientUserId: trainee.userId, kind: "ENROLLMENT_APPROVED", params, readAt: new Date() },
        ...(enrollment.status === "COMPLETED"
          ? [{ recipientUserId: trainee.userId, kind: "CERTIFICATE_ISSUED" as const, params, readAt: null }]
          : []),
      );
    }
    const judgeId = ctx.ids.usersByRole.JUDGE[0];
    const cycle = await ctx.em.findOne(AwardCycle, { where: {}, order: { year: "DESC" } });
    if (judgeId && cycle) {
      const program = await ctx.em.findOneByOrFail(AwardProgram, { id: cycle.programId });
      rows.push({
        recipientUserId: judgeId,
        kind: "JUDGE_ASSIGNED",
        params: JSON.stringify({ cycle: `${program.name} ${cycle.year}`, count: 3 }),
        readAt: null,
      });
    }
    await ctx.insert(Notification, rows);
  },
};
