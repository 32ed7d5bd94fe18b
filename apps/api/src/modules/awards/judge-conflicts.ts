import type { EntityManager } from "typeorm";
import { type RequestContext } from "../../graphql/context";
import { defineLoader } from "../../loading/loader";
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
 * What the records say binds a judge to a nomination, as SQL over two expressions of the
 * enclosing statement (the judge's user id, the nomination's id), inside `over` (which reads the
 * nomination `zn`, its cycle `zc` and its person `znt`):
 * - `samePerson`: the judge's trainee profile is the nominated person;
 * - `enterpriseId`: an enterprise both sides are linked to, or NULL;
 * - `chamberId`: a partner chamber both sides belong to, or NULL.
 * The judge's enterprises are their trainee profile's, every enterprise link of that profile
 * that was current at any time since the cycle opened (claims included: a claim is the
 * judge's own word), and the affiliations staff keep for the judge; their chambers are those
 * enterprises' chambers and the chambers staff name. The nominee's are the nominated enterprise,
 * or the nominated person's enterprise and links over the same time. No per-row statements:
 * each part is a correlated subquery that the database answers from indexes.
 */
function conflictParts(q: Escape, judgeUserId: string, nominationId: string) {
  const [id, traineeId, enterpriseId, chamberId, userId] = [
    "id",
    "trainee_id",
    "enterprise_id",
    "chamber_id",
    "user_id",
  ].map(q);
  const [trainee, link, affiliation, membership] = [
    "trainee",
    "trainee_enterprise_link",
    "judge_affiliation",
    "chamber_membership",
  ].map(q);
  // A link counts when it was claimed or confirmed and had not ended before the cycle opened.
  const linked = (l: string) =>
    `${l}.${q("status")} IN ('CONFIRMED', 'PENDING') AND (${l}.${q("valid_to")} IS NULL OR ${l}.${q("valid_to")} >= zc.${q("opened_at")})`;
  // Each side's sources, as [FROM, WHERE, column]: every subquery below starts from the judge's
  // few rows (by user id) and reaches the nominee's by index, never the other way round.
  const judgeEnterprises: [string, string, string][] = [
    [`${trainee} zjt`, `zjt.${userId} = ${judgeUserId}`, `zjt.${enterpriseId}`],
    [
      `${trainee} zjp JOIN ${link} zjl ON zjl.${traineeId} = zjp.${id}`,
      `zjp.${userId} = ${judgeUserId} AND ${linked("zjl")}`,
      `zjl.${enterpriseId}`,
    ],
    [`${affiliation} zja`, `zja.${userId} = ${judgeUserId}`, `zja.${enterpriseId}`],
  ];
  const judgeChambers: [string, string, string][] = [
    [`${affiliation} zjc`, `zjc.${userId} = ${judgeUserId}`, `zjc.${chamberId}`],
    ...judgeEnterprises.map(([from, where, column]): [string, string, string] => [
      `${from} JOIN ${membership} zjm ON zjm.${enterpriseId} = ${column}`,
      where,
      `zjm.${chamberId}`,
    ]),
  ];
  const nominee = `COALESCE(zn.${enterpriseId}, znt.${enterpriseId})`;
  const nomineeLinks = `${link} znl WHERE znl.${traineeId} = zn.${traineeId} AND ${linked("znl")}`;
  const sharesEnterprise = (column: string) =>
    `(${column} = ${nominee} OR EXISTS (SELECT 1 FROM ${nomineeLinks} AND znl.${enterpriseId} = ${column}))`;
  const sharesChamber = (column: string) =>
    `(EXISTS (SELECT 1 FROM ${membership} znm WHERE znm.${chamberId} = ${column} AND znm.${enterpriseId} = ${nominee})` +
    ` OR EXISTS (SELECT 1 FROM ${nomineeLinks.replace(" WHERE ", ` JOIN ${membership} zlm ON zlm.${enterpriseId} = znl.${enterpriseId} AND zlm.${chamberId} = ${column} WHERE `)}))`;
  const first = (sources: [string, string, string][], shares: (column: string) => string) =>
    `COALESCE(${sources.map(([from, where, column]) => `(SELECT MIN(${column}) FROM ${from} WHERE ${where} AND ${shares(column)})`).join(", ")})`;
  const over = (expr: string) =>
    `(SELECT ${expr} FROM ${q("award_nomination")} zn JOIN ${q("award_cycle")} zc ON zc.${id} = zn.${q("cycle_id")}` +
    ` LEFT JOIN ${trainee} znt ON znt.${id} = zn.${traineeId} WHERE zn.${id} = ${nominationId})`;
  return {
    over,
    // A judge with no trainee profile and no affiliation (most of them) costs two index look-ups.
    hasRecords:
      `(EXISTS (SELECT 1 FROM ${trainee} zjr WHERE zjr.${userId} = ${judgeUserId})` +
      ` OR EXISTS (SELECT 1 FROM ${affiliation} zjf WHERE zjf.${userId} = ${judgeUserId}))`,
    // Scalar and EXISTS forms, not IN (subquery): MariaDB would turn those into semi-joins that scan.
    samePerson: `zn.${traineeId} = (SELECT zjs.${id} FROM ${trainee} zjs WHERE zjs.${userId} = ${judgeUserId})`,
    enterpriseId: first(judgeEnterprises, sharesEnterprise),
    chamberId: first(judgeChambers, sharesChamber),
  };
}

/** `conflictParts` as scalar subqueries: what a conflict rests on, for the candidates shown before assigning. */
export function conflictEvidenceSql(
  q: Escape,
  judgeUserId: string,
  nominationId: string,
): { enterpriseId: string; chamberId: string } {
  const parts = conflictParts(q, judgeUserId, nominationId);
  return { enterpriseId: parts.over(parts.enterpriseId), chamberId: parts.over(parts.chamberId) };
}

/**
 * The conflict of interest the platform's records show between a judge and a nomination, as one
 * SQL expression over two expressions of the enclosing statement (the judge's user id, the
 * nomination's id): 'SAME_PERSON', 'SAME_ENTERPRISE', 'SAME_CHAMBER' or NULL. The first rule that
 * matches names the reason (see `conflictEvidenceSql` for what each side's records are):
 * - SAME_PERSON: the judge's own trainee profile is the nominated person;
 * - SAME_ENTERPRISE: the judge and the nominee are linked to one enterprise;
 * - SAME_CHAMBER: the judge and the nominee belong to one partner chamber.
 * One expression serves every reader: the checks before an assignment or a score
 * (`findConflicts`), the candidates shown before assigning, and a page of assignments, where it
 * is one more column of the statement that reads them (`conflictColumn`).
 */
export function conflictSql(q: Escape, judgeUserId: string, nominationId: string): string {
  const parts = conflictParts(q, judgeUserId, nominationId);
  return parts.over(
    `CASE WHEN NOT ${parts.hasRecords} THEN NULL` +
      ` WHEN ${parts.samePerson} THEN 'SAME_PERSON'` +
      ` WHEN ${parts.enterpriseId} IS NOT NULL THEN 'SAME_ENTERPRISE'` +
      ` WHEN ${parts.chamberId} IS NOT NULL THEN 'SAME_CHAMBER' END`,
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
  // Every judge against every nomination named; the pairs asked are among them.
  const rows: { judge_user_id: number | string; nomination_id: number | string; conflict: ConflictKind | null }[] =
    await em.query(
      `SELECT x.judge_user_id, x.nomination_id, x.conflict FROM (SELECT p.${q("id")} AS judge_user_id, o.${q("id")} AS nomination_id, ${conflictSql(q, `p.${q("id")}`, `o.${q("id")}`)} AS conflict FROM ${q("user")} p CROSS JOIN ${q("award_nomination")} o WHERE p.${q("id")} IN (${list(judges)}) AND o.${q("id")} IN (${list(nominations)})) x WHERE x.conflict IS NOT NULL`,
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

export interface JudgeCandidateRow {
  judgeUserId: number;
  conflict: ConflictKind | null;
  /** What the conflict rests on: the shared enterprise or chamber. */
  enterpriseId: number | null;
  chamberId: number | null;
}

/**
 * Every active judge for each nomination, with the conflict the records show and what it rests
 * on: one statement for all the nominations asked, whatever the number of judges.
 */
export const judgeCandidatesByNomination = defineLoader<number, JudgeCandidateRow[]>(
  "judgeCandidatesByNomination",
  async (ctx, ids) => {
    const q: Escape = (name) => ctx.app.dataSource.driver.escape(name);
    const [judge, nomination] = [`p.${q("id")}`, `o.${q("id")}`];
    const evidence = conflictEvidenceSql(q, judge, nomination);
    const rows: Record<string, number | string | null>[] = await ctx.em.query(
      `SELECT ${judge} AS judge_user_id, ${nomination} AS nomination_id, ${conflictSql(q, judge, nomination)} AS conflict,` +
        ` ${evidence.enterpriseId} AS enterprise_id, ${evidence.chamberId} AS chamber_id` +
        ` FROM ${q("user")} p CROSS JOIN ${q("award_nomination")} o` +
        ` WHERE p.${q("roles")} LIKE ? AND p.${q("active")} = ? AND ${nomination} IN (${ids.map(() => "?").join(", ")})` +
        ` ORDER BY ${nomination}, p.${q("name")}, ${judge}`,
      ["%JUDGE%", true, ...ids],
    );
    const num = (v: number | string | null) => (v === null ? null : Number(v));
    return ids.map((id) =>
      rows
        .filter((r) => Number(r.nomination_id) === id)
        .map((r) => ({
          judgeUserId: Number(r.judge_user_id),
          conflict: r.conflict as ConflictKind | null,
          enterpriseId: num(r.enterprise_id),
          chamberId: num(r.chamber_id),
        })),
    );
  },
);
