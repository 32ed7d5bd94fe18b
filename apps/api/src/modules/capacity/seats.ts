import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";
import { isMysql } from "../../db/dialect";

/**
 * The one capacity mechanism (cohorts now, events next): a seat is taken by a conditional UPDATE,
 * so the database itself refuses the seat past capacity, on SQLite and on MySQL alike, without
 * row locks held across statements. Both columns are `seats_taken` and `capacity` on the row.
 */
export async function takeSeat(em: EntityManager, target: EntityTarget<ObjectLiteral>, id: number): Promise<boolean> {
  const result = await em
    .createQueryBuilder()
    .update(target)
    .set({ seatsTaken: () => "seats_taken + 1" })
    .where("id = :id AND seats_taken < capacity", { id })
    .execute();
  return result.affected === 1;
}

export async function releaseSeat(em: EntityManager, target: EntityTarget<ObjectLiteral>, id: number): Promise<void> {
  await em
    .createQueryBuilder()
    .update(target)
    .set({ seatsTaken: () => "seats_taken - 1" })
    .where("id = :id AND seats_taken > 0", { id })
    .execute();
}

/** Where the rows waiting for a seat of one parent row live, and what seating one of them writes. */
export interface WaitingLine {
  target: EntityTarget<ObjectLiteral>;
  /** Property naming the parent, e.g. `eventId`. */
  parentProperty: string;
  /** The waiting status, e.g. `WAITLISTED`. */
  waiting: string;
  /** Columns written on the row that gets the seat, e.g. `{ status: "REGISTERED" }`; made at the moment of seating. */
  seated: () => ObjectLiteral;
}

/**
 * Seats the first waiting row (lowest id) if a seat is free; answers its id, or null. On MySQL the
 * waiting row is read with FOR UPDATE, a current read that also sees rows committed since this
 * transaction's snapshot; SQLite transactions take turns, so a plain read is current there.
 */
export async function seatNextInLine(
  em: EntityManager,
  parent: EntityTarget<ObjectLiteral>,
  parentId: number,
  line: WaitingLine,
): Promise<number | null> {
  const query = em
    .createQueryBuilder(line.target, "w")
    .select("w.id", "id")
    .where(`w.${line.parentProperty} = :parentId AND w.status = :waiting`, { parentId, waiting: line.waiting })
    .orderBy("w.id", "ASC")
    .limit(1);
  if (isMysql(em.connection)) query.setLock("pessimistic_write");
  const next = await query.getRawOne<{ id: number | string }>();
  if (!next || !(await takeSeat(em, parent, parentId))) return null;
  const claimed = await em
    .createQueryBuilder()
    .update(line.target)
    .set(line.seated())
    .where("id = :id AND status = :waiting", { id: Number(next.id), waiting: line.waiting })
    .execute();
  if (claimed.affected === 1) return Number(next.id);
  await releaseSeat(em, parent, parentId);
  return null;
}

/**
 * A seat holder left: the seat goes to the first waiting row, else back to the pool. The seat is
 * released first: that UPDATE waits for concurrent takers of the parent row, so a row they put on
 * the waiting list is seen by the look-up that follows instead of being left behind a free seat.
 */
export async function passSeatOn(
  em: EntityManager,
  parent: EntityTarget<ObjectLiteral>,
  parentId: number,
  line: WaitingLine,
): Promise<number | null> {
  await releaseSeat(em, parent, parentId);
  return seatNextInLine(em, parent, parentId, line);
}
