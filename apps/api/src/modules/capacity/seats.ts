import type { EntityManager, EntityTarget, ObjectLiteral } from "typeorm";

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

/** True for a unique-index violation (MySQL ER_DUP_ENTRY, SQLite UNIQUE constraint). */
export function isDuplicateKey(err: unknown): boolean {
  const e = err as { code?: string; driverError?: { code?: string; message?: string }; message?: string };
  const code = e?.driverError?.code ?? e?.code;
  return (
    code === "ER_DUP_ENTRY" || code === "SQLITE_CONSTRAINT_UNIQUE" || /UNIQUE constraint failed/.test(e?.message ?? "")
  );
}
