import type { EntityManager } from "typeorm";
import { defineLoader } from "../../graphql/context";
import type { Trainee } from "../trainees/trainee.entity";
import type { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import type { AwardNomination } from "./award-nomination.entity";
import type { ConflictKind } from "./award.enums";

export interface JudgePair {
  judgeUserId: number;
  nomination: Pick<AwardNomination, "id" | "enterpriseId" | "traineeId">;
}

export const pairKey = (judgeUserId: number, nominationId: number) => `${judgeUserId}:${nominationId}`;

/** What the rules below read of the people concerned, and the chambers of their enterprises: one statement for all. */
interface People {
  /** A judge's own trainee profile, by user id. */
  judges: Map<number, Pick<Trainee, "id" | "enterpriseId">>;
  /** The nominee's enterprise: the nominated enterprise, or the nominated person's. */
  enterpriseOf(nomination: JudgePair["nomination"]): number | null;
  /** The partner chambers an enterprise (of a judge or a nominee) is a member of. */
  chambersOf(enterpriseId: number | null): ReadonlySet<number>;
}

interface PersonRow {
  trainee_id: number | null;
  user_id: number | null;
  enterprise_id: number | null;
  chamber_id: number | null;
}

async function readPeople(em: EntityManager, pairs: JudgePair[]): Promise<People> {
  const judgeIds = [...new Set(pairs.map((p) => p.judgeUserId))];
  const personIds = [...new Set(pairs.flatMap((p) => (p.nomination.traineeId ? [p.nomination.traineeId] : [])))];
  const enterpriseIds = [
    ...new Set(pairs.flatMap((p) => (p.nomination.enterpriseId ? [p.nomination.enterpriseId] : []))),
  ];
  const q = (name: string) => em.connection.driver.escape(name);
  const list = (ids: number[]) => ids.map(() => "?").join(", ");
  // The judges and the nominated people with their enterprise's chambers, and the nominated enterprises' chambers.
  const people = [
    ...(judgeIds.length ? [`t.${q("user_id")} IN (${list(judgeIds)})`] : []),
    ...(personIds.length ? [`t.${q("id")} IN (${list(personIds)})`] : []),
  ];
  const parts = [
    ...(people.length
      ? [
          `SELECT t.${q("id")} AS trainee_id, t.${q("user_id")} AS user_id, t.${q("enterprise_id")} AS enterprise_id, m.${q("chamber_id")} AS chamber_id FROM ${q("trainee")} t LEFT JOIN ${q("chamber_membership")} m ON m.${q("enterprise_id")} = t.${q("enterprise_id")} WHERE ${people.join(" OR ")}`,
        ]
      : []),
    ...(enterpriseIds.length
      ? [
          `SELECT NULL AS trainee_id, NULL AS user_id, m.${q("enterprise_id")} AS enterprise_id, m.${q("chamber_id")} AS chamber_id FROM ${q("chamber_membership")} m WHERE m.${q("enterprise_id")} IN (${list(enterpriseIds)})`,
        ]
      : []),
  ];
  const rows: PersonRow[] = parts.length
    ? await em.query(parts.join(" UNION ALL "), [
        ...(people.length ? [...judgeIds, ...personIds] : []),
        ...enterpriseIds,
      ])
    : [];
  const judges = new Map<number, Pick<Trainee, "id" | "enterpriseId">>();
  const enterpriseOfPerson = new Map<number, number | null>();
  const chambers = new Map<number, Set<number>>();
  for (const row of rows) {
    const enterpriseId = row.enterprise_id === null ? null : Number(row.enterprise_id);
    if (row.trainee_id !== null) {
      const traineeId = Number(row.trainee_id);
      enterpriseOfPerson.set(traineeId, enterpriseId);
      if (row.user_id !== null) judges.set(Number(row.user_id), { id: traineeId, enterpriseId });
    }
    if (enterpriseId !== null && row.chamber_id !== null)
      chambers.set(enterpriseId, (chambers.get(enterpriseId) ?? new Set()).add(Number(row.chamber_id)));
  }
  const none: ReadonlySet<number> = new Set();
  return {
    judges,
    enterpriseOf: (n) => n.enterpriseId ?? (n.traineeId ? enterpriseOfPerson.get(n.traineeId) : null) ?? null,
    chambersOf: (enterpriseId) => (enterpriseId === null ? none : (chambers.get(enterpriseId) ?? none)),
  };
}

/** Finds, from what `readPeople` read, the judge–nomination pairs it rules out ("judge:nomination" → why). */
type ConflictSource = (pairs: JudgePair[], people: People) => Map<string, ConflictKind>;

/** The judge is the nominee, or works at the nominee's enterprise (their own trainee profile says where). */
const sameEnterprise: ConflictSource = (pairs, people) => {
  const found = new Map<string, ConflictKind>();
  for (const { judgeUserId, nomination } of pairs) {
    const judge = people.judges.get(judgeUserId);
    if (!judge) continue;
    const enterpriseId = people.enterpriseOf(nomination);
    if (nomination.traineeId && judge.id === nomination.traineeId)
      found.set(pairKey(judgeUserId, nomination.id), "SAME_PERSON");
    else if (enterpriseId && judge.enterpriseId === enterpriseId)
      found.set(pairKey(judgeUserId, nomination.id), "SAME_ENTERPRISE");
  }
  return found;
};

/** The judge's enterprise and the nominee's enterprise belong to one partner chamber. */
const sameChamber: ConflictSource = (pairs, people) => {
  const found = new Map<string, ConflictKind>();
  for (const pair of pairs) {
    const judgeChambers = people.chambersOf(people.judges.get(pair.judgeUserId)?.enterpriseId ?? null);
    const nomineeChambers = people.chambersOf(people.enterpriseOf(pair.nomination));
    if ([...judgeChambers].some((c) => nomineeChambers.has(c))) {
      found.set(pairKey(pair.judgeUserId, pair.nomination.id), "SAME_CHAMBER");
    }
  }
  return found;
};

/** Every rule that finds conflicts in the data; the first that matches a pair names the reason. */
const CONFLICT_SOURCES: ConflictSource[] = [sameEnterprise, sameChamber];

export async function findConflicts(em: EntityManager, pairs: JudgePair[]): Promise<Map<string, ConflictKind>> {
  const found = new Map<string, ConflictKind>();
  if (!pairs.length) return found;
  const people = await readPeople(em, pairs);
  for (const source of CONFLICT_SOURCES) {
    for (const [key, kind] of source(pairs, people)) if (!found.has(key)) found.set(key, kind);
  }
  return found;
}

/** An assignment's conflict: declared by the judge, or found in the data; null when there is none. */
export const conflictOfAssignment = defineLoader<
  { assignment: AwardJudgeAssignment; nomination: AwardNomination },
  ConflictKind | null
>(
  "conflictOfAssignment",
  async (ctx, keys) => {
    const found = await findConflicts(
      ctx.em,
      keys.map((k) => ({ judgeUserId: k.assignment.judgeUserId, nomination: k.nomination })),
    );
    return keys.map(({ assignment, nomination }) =>
      assignment.conflictDeclaredAt ? "DECLARED" : (found.get(pairKey(assignment.judgeUserId, nomination.id)) ?? null),
    );
  },
  (k) => k.assignment.id,
);
