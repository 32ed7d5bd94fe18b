import type { EntityManager } from "typeorm";
import { Event } from "../events/event.entity";
import { EventRegistration } from "../events/event-registration.entity";
import type { EventKind } from "../events/event.enums";

/** One salon, lecture or study activity a person checked in to. */
export interface EventAttended {
  traineeId: number;
  kind: EventKind;
  title: string;
  /** YYYY-MM-DD */
  startsOn: string;
}

/**
 * The one place the awards module reads the events module, for dossiers: a check-in is what
 * counts as taking part, as in the trainee's participation record.
 */
export async function eventParticipation(em: EntityManager, traineeIds: number[]): Promise<EventAttended[]> {
  const rows = await em
    .createQueryBuilder(EventRegistration, "r")
    .innerJoin(Event, "e", "e.id = r.event_id")
    .select("r.trainee_id", "traineeId")
    .addSelect("e.kind", "kind")
    .addSelect("e.title", "title")
    .addSelect("e.starts_at", "startsAt")
    .where("r.trainee_id IN (:...ids) AND r.checked_in_at IS NOT NULL", { ids: traineeIds })
    .orderBy("e.starts_at", "DESC")
    .getRawMany<{ traineeId: number | string; kind: EventKind; title: string; startsAt: string | Date }>();
  return rows.map((r) => ({
    traineeId: Number(r.traineeId),
    kind: r.kind,
    title: r.title,
    // SQLite answers UTC text, MySQL a Date.
    startsOn: (r.startsAt instanceof Date ? r.startsAt.toISOString() : String(r.startsAt)).slice(0, 10),
  }));
}
