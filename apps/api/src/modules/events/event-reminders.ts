import { beijingClock } from "../../common/beijing-time";
import type { ReminderSource } from "../notifications/reminder.worker";
import { usersOfTrainees } from "../trainees/trainee-recipients";
import { Event } from "./event.entity";
import { EventRegistration } from "./event-registration.entity";

/** "Event tomorrow", to those registered (not waitlisted), while the event is published. */
export const eventReminders: ReminderSource = {
  job: "EVENT_REMINDER",
  notification: "EVENT_TOMORROW",
  async upcoming(ctx, now, until) {
    const events = await ctx.em
      .createQueryBuilder(Event, "e")
      .select(["e.id", "e.startsAt"])
      .where("e.starts_at > :now AND e.starts_at <= :until AND e.status = 'PUBLISHED'", { now, until })
      .getMany();
    return events.map((e) => ({ subjectId: e.id, startsAt: e.startsAt }));
  },
  async current(tx, subjectId) {
    const event = await tx.em.findOneBy(Event, { id: subjectId });
    if (!event || event.status !== "PUBLISHED") return null;
    return {
      startsAt: event.startsAt,
      audience: async () => {
        const rows = await tx.em.find(EventRegistration, {
          select: { id: true, traineeId: true },
          where: { eventId: event.id, status: "REGISTERED" },
        });
        return {
          userIds: await usersOfTrainees(
            tx,
            rows.map((r) => r.traineeId),
          ),
          params: {
            event: event.title,
            time: beijingClock(event.startsAt),
            venue: event.venue ?? event.onlineUrl ?? "—",
          },
        };
      },
    };
  },
};
