import { In, type EntityManager } from "typeorm";
import { defineLoader } from "../../graphql/context";
import { Trainee } from "../trainees/trainee.entity";
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

/**
 * Every rule that finds conflicts in the data. The "same chamber" rule joins this list with
 * partner chambers (issue 6): a source that maps a judge's and a nominee's enterprises to their
 * chambers, answering SAME_CHAMBER for a shared one.
 */
const CONFLICT_SOURCES: ConflictSource[] = [sameEnterprise];

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
