import { In, type EntityManager } from "typeorm";
import { defineLoader } from "../../graphql/context";
import { Trainee } from "../trainees/trainee.entity";
import { ChamberMembership } from "../chambers/chamber-membership.entity";
import type { AwardJudgeAssignment } from "./award-judge-assignment.entity";
import type { AwardNomination } from "./award-nomination.entity";
import type { ConflictKind } from "./award.enums";

export interface JudgePair {
  judgeUserId: number;
  nomination: Pick<AwardNomination, "id" | "enterpriseId" | "traineeId">;
}

export const pairKey = (judgeUserId: number, nominationId: number) => `${judgeUserId}:${nominationId}`;

/** What the rules below read of the people concerned, in one statement for all of them. */
interface People {
  /** A judge's own trainee profile, by user id. */
  judges: Map<number, Pick<Trainee, "id" | "enterpriseId">>;
  /** The nominee's enterprise: the nominated enterprise, or the nominated person's. */
  enterpriseOf(nomination: JudgePair["nomination"]): number | null;
}

async function readPeople(em: EntityManager, pairs: JudgePair[]): Promise<People> {
  const judgeIds = [...new Set(pairs.map((p) => p.judgeUserId))];
  const personIds = [...new Set(pairs.flatMap((p) => (p.nomination.traineeId ? [p.nomination.traineeId] : [])))];
  const where = [
    ...(judgeIds.length ? [{ userId: In(judgeIds) }] : []),
    ...(personIds.length ? [{ id: In(personIds) }] : []),
  ];
  const rows = where.length
    ? await em.find(Trainee, { select: { id: true, userId: true, enterpriseId: true }, where })
    : [];
  const judges = new Map(rows.filter((t) => t.userId !== null).map((t) => [t.userId!, t]));
  const enterpriseOfPerson = new Map(rows.map((t) => [t.id, t.enterpriseId]));
  return {
    judges,
    enterpriseOf: (n) => n.enterpriseId ?? (n.traineeId ? enterpriseOfPerson.get(n.traineeId) : null) ?? null,
  };
}

/** Finds, from the platform's records, the judge–nomination pairs it rules out ("judge:nomination" → why). */
type ConflictSource = (em: EntityManager, pairs: JudgePair[], people: People) => Promise<Map<string, ConflictKind>>;

/** The judge is the nominee, or works at the nominee's enterprise (their own trainee profile says where). */
const sameEnterprise: ConflictSource = async (_em, pairs, people) => {
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
const sameChamber: ConflictSource = async (em, pairs, people) => {
  const judgeEnterprise = (p: JudgePair) => people.judges.get(p.judgeUserId)?.enterpriseId ?? null;
  const enterpriseIds = [
    ...new Set(pairs.flatMap((p) => [judgeEnterprise(p), people.enterpriseOf(p.nomination)])),
  ].filter((id): id is number => Boolean(id));
  if (!enterpriseIds.length) return new Map();
  const memberships = await em.find(ChamberMembership, {
    select: { chamberId: true, enterpriseId: true },
    where: { enterpriseId: In(enterpriseIds) },
  });
  const chambersOf = new Map<number, Set<number>>();
  for (const m of memberships)
    chambersOf.set(m.enterpriseId, (chambersOf.get(m.enterpriseId) ?? new Set()).add(m.chamberId));
  const found = new Map<string, ConflictKind>();
  for (const pair of pairs) {
    const judgeChambers = chambersOf.get(judgeEnterprise(pair) ?? 0);
    const nomineeChambers = chambersOf.get(people.enterpriseOf(pair.nomination) ?? 0);
    if (judgeChambers && nomineeChambers && [...judgeChambers].some((c) => nomineeChambers.has(c))) {
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
    for (const [key, kind] of await source(em, pairs, people)) if (!found.has(key)) found.set(key, kind);
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
