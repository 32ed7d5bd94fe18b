import type { EntityManager } from "typeorm";
import { defineLoader, type RequestContext } from "../../graphql/context";
import type { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import type { AwardNomination } from "./award-nomination.entity";
import type { ConflictKind } from "./award.enums";

export interface JudgePair {
  judgeUserId: number;
  nomination: Pick<AwardNomination, "id">;
}

export const pairKey = (judgeUserId: number, nominationId: number) => `${judgeUserId}:${nominationId}`;

type Escape = (name: string) => string;

/**
 * The conflict of interest the platform's records show between a judge and a nomination, as one
 * SQL expression over two expressions of the enclosing statement (the judge's user id, the
 * nomination's id): 'SAME_PERSON', 'SAME_ENTERPRISE', 'SAME_CHAMBER' or NULL. The first rule that
 * matches names the reason:
 * - SAME_PERSON: the judge's own trainee profile is the nominated person;
 * - SAME_ENTERPRISE: the judge works at the nominee's enterprise (the nominated enterprise, or
 *   the nominated person's);
 * - SAME_CHAMBER: the judge's enterprise and the nominee's belong to one partner chamber.
 * A judge without a trainee profile has none. One expression serves every reader: the checks
 * before an assignment or a score (`findConflicts`), and a page of assignments, where it is one
 * more column of the statement that reads them (`conflictColumn`).
 */
export function conflictSql(q: Escape, judgeUserId: string, nominationId: string): string {
  const nominee = `COALESCE(n.${q("enterprise_id")}, nt.${q("enterprise_id")})`;
  return (
    `(SELECT CASE` +
    ` WHEN jt.${q("id")} = n.${q("trainee_id")} THEN 'SAME_PERSON'` +
    ` WHEN jt.${q("enterprise_id")} = ${nominee} THEN 'SAME_ENTERPRISE'` +
    ` WHEN EXISTS (SELECT 1 FROM ${q("chamber_membership")} m1 JOIN ${q("chamber_membership")} m2 ON m2.${q("chamber_id")} = m1.${q("chamber_id")}` +
    ` WHERE m1.${q("enterprise_id")} = jt.${q("enterprise_id")} AND m2.${q("enterprise_id")} = ${nominee}) THEN 'SAME_CHAMBER'` +
    ` END FROM ${q("trainee")} jt JOIN ${q("award_nomination")} n ON n.${q("id")} = ${nominationId}` +
    ` LEFT JOIN ${q("trainee")} nt ON nt.${q("id")} = n.${q("trainee_id")} WHERE jt.${q("user_id")} = ${judgeUserId})`
  );
}

/** `conflictSql` for the assignment rows of a statement, aliased `a`. */
export function conflictColumn(ctx: RequestContext): string {
  const q: Escape = (name) => ctx.app.dataSource.driver.escape(name);
  return conflictSql(q, `a.${q("judge_user_id")}`, `a.${q("nomination_id")}`);
}

/** The judge–nomination pairs the records rule out ("judge:nomination" → why), in one statement for all. */
export async function findConflicts(em: EntityManager, pairs: JudgePair[]): Promise<Map<string, ConflictKind>> {
  const found = new Map<string, ConflictKind>();
  if (!pairs.length) return found;
  const q: Escape = (name) => em.connection.driver.escape(name);
  const judges = [...new Set(pairs.map((p) => p.judgeUserId))];
  const nominations = [...new Set(pairs.map((p) => p.nomination.id))];
  const list = (ids: number[]) => ids.map(() => "?").join(", ");
  // Every judge (with a trainee profile) against every nomination named; the pairs asked are among them.
  const rows: { judge_user_id: number | string; nomination_id: number | string; conflict: ConflictKind | null }[] =
    await em.query(
      `SELECT x.judge_user_id, x.nomination_id, x.conflict FROM (SELECT p.${q("user_id")} AS judge_user_id, o.${q("id")} AS nomination_id, ${conflictSql(q, `p.${q("user_id")}`, `o.${q("id")}`)} AS conflict FROM ${q("trainee")} p CROSS JOIN ${q("award_nomination")} o WHERE p.${q("user_id")} IN (${list(judges)}) AND o.${q("id")} IN (${list(nominations)})) x WHERE x.conflict IS NOT NULL`,
      [...judges, ...nominations],
    );
  const asked = new Set(pairs.map((p) => pairKey(p.judgeUserId, p.nomination.id)));
  for (const row of rows) {
    const key = pairKey(Number(row.judge_user_id), Number(row.nomination_id));
    if (row.conflict && asked.has(key)) found.set(key, row.conflict);
  }
  return found;
}

/** An assignment's conflict: declared by the judge, or found in the records; null when there is none. */
export const conflictOfAssignment = defineLoader<AwardJudgeAssignment, ConflictKind | null>(
  "conflictOfAssignment",
  async (ctx, assignments) => {
    const found = await findConflicts(
      ctx.em,
      assignments.map((a) => ({ judgeUserId: a.judgeUserId, nomination: { id: a.nominationId } })),
    );
    return assignments.map((a) => declaredOr(a, found.get(pairKey(a.judgeUserId, a.nominationId)) ?? null));
  },
  (a) => a.id,
);

/** A declared conflict comes before any found in the records. */
export function declaredOr(assignment: AwardJudgeAssignment, found: ConflictKind | null): ConflictKind | null {
  return assignment.conflictDeclaredAt ? "DECLARED" : found;
}
