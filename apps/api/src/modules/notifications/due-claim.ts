import { randomUUID } from "node:crypto";
import type { EntityTarget, ObjectLiteral } from "typeorm";
import type { RequestContext } from "../../graphql/context";

/** A table of due work: `status`, `attempts`, `claim_token`, `claimed_at` and a due-time column. */
export interface DueWork<T> {
  target: EntityTarget<T>;
  /** The column holding when a PENDING row is due, e.g. `next_attempt_at`. */
  dueColumn: string;
  /** The status a claimed row has while its worker runs it. */
  claimed: string;
  /** Narrows the rows to one worker's (several kinds of job share a table), e.g. `kind IN (:...kinds)`. */
  only?: { sql: string; params: Record<string, unknown> };
}

/**
 * Claims up to `limit` rows that are due (PENDING and the due time reached, or claimed by a
 * worker that stopped answering `leaseMs` ago) for this caller alone. The claim is a conditional
 * UPDATE: on MySQL it re-reads each row under its lock, on SQLite writers take turns, so a row
 * another process claimed first no longer matches and is left out, whatever the candidates read.
 */
export async function claimDue<T extends ObjectLiteral>(
  ctx: RequestContext,
  work: DueWork<T>,
  opts: { now: Date; limit: number; leaseMs: number },
): Promise<T[]> {
  const only = work.only ? ` AND ${work.only.sql}` : "";
  const due = `((status = 'PENDING' AND ${work.dueColumn} <= :now) OR (status = :claimed AND claimed_at < :stale))${only}`;
  const params = {
    now: opts.now,
    claimed: work.claimed,
    stale: new Date(opts.now.getTime() - opts.leaseMs),
    ...work.only?.params,
  };
  const token = randomUUID();
  return ctx.transaction(async (tx) => {
    const candidates: { id: number }[] = await tx.em
      .createQueryBuilder(work.target, "w")
      .select("w.id", "id")
      .where(due, params)
      .orderBy(`w.${work.dueColumn}`, "ASC")
      .limit(opts.limit)
      .getRawMany();
    if (!candidates.length) return [];
    await tx.em
      .createQueryBuilder()
      .update(work.target)
      .set({ status: work.claimed, claimToken: token, claimedAt: opts.now, attempts: () => "attempts + 1" } as never)
      .where(`id IN (:...ids) AND ${due}`, { ...params, ids: candidates.map((c) => Number(c.id)) })
      .execute();
    return tx.em.findBy(work.target, { claimToken: token } as never);
  });
}
