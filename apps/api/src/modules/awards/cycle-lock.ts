import type { RequestContext } from "../../graphql/context";
import { isGalera } from "../../db/data-source";
import { isMysql } from "../../db/dialect";
import { AwardCycle } from "./award-cycle.entity";
import { AwardNomination } from "./award-nomination.entity";

/**
 * Locks the cycle row for the rest of the transaction; every change inside a cycle takes it
 * first, so a phase change and a nomination or score never interleave. Taken before any other
 * read, MySQL's snapshot then already contains what the previous holder committed. SQLite runs
 * one transaction at a time anyway. On Galera the holder also writes the row (galeraTouch).
 */
export async function lockCycle(tx: RequestContext, cycleId: number | null): Promise<AwardCycle | null> {
  if (!cycleId) return null;
  const qb = tx.em.createQueryBuilder(AwardCycle, "c").where("c.id = :id", { id: cycleId });
  if (isMysql(tx.app.dataSource)) qb.setLock("pessimistic_write");
  return galeraTouch(tx, await qb.getOne());
}

/**
 * A Galera node's row lock does not reach the other nodes: two transactions there would both get
 * "the" lock. Writing the row makes them conflict at COMMIT, where one loses its certification
 * and is retried (context.ts) after the other, as a lock wait would have ordered them.
 */
async function galeraTouch(tx: RequestContext, cycle: AwardCycle | null): Promise<AwardCycle | null> {
  if (cycle && isGalera(tx.app.dataSource)) {
    await tx.em.query("UPDATE award_cycle SET updated_at = CURRENT_TIMESTAMP(6) WHERE id = ?", [cycle.id]);
  }
  return cycle;
}

/** The same lock, found through one of the cycle's nominations. */
export async function lockCycleOfNomination(
  tx: RequestContext,
  nominationId: number | null,
): Promise<AwardCycle | null> {
  if (!nominationId) return null;
  const qb = tx.em
    .createQueryBuilder(AwardCycle, "c")
    .innerJoin(AwardNomination, "n", "n.cycle_id = c.id")
    .where("n.id = :id", { id: nominationId });
  if (isMysql(tx.app.dataSource)) qb.setLock("pessimistic_write");
  return galeraTouch(tx, await qb.getOne());
}
