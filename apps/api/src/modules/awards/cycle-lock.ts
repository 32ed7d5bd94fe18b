import type { RequestContext } from "../../graphql/context";
import { isMysql } from "../../db/dialect";
import { AwardCycle } from "./award-cycle.entity";
import { AwardNomination } from "./award-nomination.entity";

/**
 * Locks the cycle row for the rest of the transaction; every change inside a cycle takes it
 * first, so a phase change and a nomination or score never interleave. Taken before any other
 * read, MySQL's snapshot then already contains what the previous holder committed. SQLite runs
 * one transaction at a time anyway.
 */
export async function lockCycle(tx: RequestContext, cycleId: number | null): Promise<AwardCycle | null> {
  if (!cycleId) return null;
  const qb = tx.em.createQueryBuilder(AwardCycle, "c").where("c.id = :id", { id: cycleId });
  if (isMysql(tx.app.dataSource)) qb.setLock("pessimistic_write");
  return qb.getOne();
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
  return qb.getOne();
}
