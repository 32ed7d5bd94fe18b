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

/** Finds, from the platform's records, the judge–nomination pairs it rules out ("judge:nomination" → why). */
type ConflictSource = (em: EntityManager, pairs: JudgePair[]) => Promise<Map<string, ConflictKind>>;

/** The judge is the nominee, or works at the nominee's enterprise (their own trainee profile says where). */
const sameEnterprise: ConflictSource = async (em, pairs) => {
  const judgeIds = [...new Set(pairs.map((p) => p.judgeUserId))];
  const personIds = [...new Set(pairs.flatMap((p) => (p.nomination.traineeId ? [p.nomination.traineeId] : [])))];
  const select = { id: true, userId: true, enterpriseId: true } as const;
  const judges = judgeIds.length ? await em.find(Trainee, { select, where: { userId: In(judgeIds) } }) : [];
  const nominees = personIds.length ? await em.find(Trainee, { select, where: { id: In(personIds) } }) : [];
  const judgeProfile = new Map(judges.map((t) => [t.userId!, t]));
  const nomineeEnterprise = new Map(nominees.map((t) => [t.id, t.enterpriseId]));
  const found = new Map<string, ConflictKind>();
  for (const { judgeUserId, nomination } of pairs) {
    const judge = judgeProfile.get(judgeUserId);
    if (!judge) continue;
    const enterpriseId =
      nomination.enterpriseId ?? (nomination.traineeId ? nomineeEnterprise.get(nomination.traineeId) : null) ?? null;
    if (nomination.traineeId && judge.id === nomination.traineeId)
      found.set(pairKey(judgeUserId, nomination.id), "SAME_PERSON");
    else if (enterpriseId && judge.enterpriseId === enterpriseId)
      found.set(pairKey(judgeUserId, nomination.id), "SAME_ENTERPRISE");
  }
  return found;
};

/** The judge's enterprise and the nominee's enterprise belong to one partner chamber. */
const sameChamber: ConflictSource = async (em, pairs) => {
  const judgeIds = [...new Set(pairs.map((p) => p.judgeUserId))];
  const personIds = [...new Set(pairs.flatMap((p) => (p.nomination.traineeId ? [p.nomination.traineeId] : [])))];
  const select = { id: true, userId: true, enterpriseId: true } as const;
  const judges = judgeIds.length ? await em.find(Trainee, { select, where: { userId: In(judgeIds) } }) : [];
  const nominees = personIds.length ? await em.find(Trainee, { select, where: { id: In(personIds) } }) : [];
  const judgeEnterprise = new Map(judges.map((t) => [t.userId!, t.enterpriseId]));
  const nomineeEnterprise = new Map(nominees.map((t) => [t.id, t.enterpriseId]));
  const enterpriseOf = (p: JudgePair) =>
    p.nomination.enterpriseId ??
    (p.nomination.traineeId ? nomineeEnterprise.get(p.nomination.traineeId) : null) ??
    null;
  const enterpriseIds = [
    ...new Set([...judgeEnterprise.values(), ...pairs.map(enterpriseOf)].filter((id): id is number => Boolean(id))),
  ];
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
    const judgeChambers = chambersOf.get(judgeEnterprise.get(pair.judgeUserId) ?? 0);
    const nomineeChambers = chambersOf.get(enterpriseOf(pair) ?? 0);
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
  for (const source of CONFLICT_SOURCES) {
    for (const [key, kind] of await source(em, pairs)) if (!found.has(key)) found.set(key, kind);
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
