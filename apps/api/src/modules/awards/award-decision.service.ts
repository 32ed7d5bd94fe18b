import { IsNull } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { Certificate } from "../training/certificate.entity";
import { ISSUER, newVerificationCode } from "../training/completion.service";
import type { AwardCycle } from "./award-cycle.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardWinner, rollKey } from "./award-winner.entity";
import { dossierByNomination } from "./award-dossier.service";
import { cycleSheets } from "./award-judging.service";
import { nomineeInfo } from "./award-nomination.service";
import { rankNominations, topByQuota } from "./award-ranking";

export interface DecisionOptions {
  reason?: string | null;
  allowIncompleteScores?: boolean;
  /** Local ids; null for an ID that names no nomination. */
  winnerNominationIds?: (number | null)[];
  normalizeScores?: boolean;
}

/**
 * JUDGING → DECIDED: the winners are the top `quota` eligible nominations of the ranking. Staff may
 * name other winners, or decide before every score set is in, but only explicitly and with a
 * written reason; a tie on the last place must be settled that way too.
 */
export async function decideCycle(
  tx: RequestContext,
  cycle: AwardCycle,
  options: DecisionOptions,
): Promise<Record<string, unknown>> {
  const sheets = await cycleSheets(tx.em, cycle.id);
  const missing = sheets.expected - sheets.complete;
  if (missing > 0) {
    if (!options.allowIncompleteScores) fail("SCORES_INCOMPLETE", "phase", { missing });
    if (!options.reason) fail("REASON_REQUIRED", "reason");
  }
  const normalize = Boolean(options.normalizeScores);
  const ranked = rankNominations(
    sheets.nominations.map((n) => n.id),
    sheets.criteria,
    sheets.sheets,
    normalize,
  );
  const dossiers = await Promise.all(sheets.nominations.map((n) => tx.loader(dossierByNomination).load(n)));
  const eligible = new Set(sheets.nominations.filter((_, i) => dossiers[i]?.eligible).map((n) => n.id));
  const top = topByQuota(ranked, (id) => eligible.has(id), cycle.quota);
  let winners = top.winners;
  let overridden = false;
  if (options.winnerNominationIds) {
    const chosen = new Set(options.winnerNominationIds);
    const active = new Set(sheets.nominations.map((n) => n.id));
    if ([...chosen].some((id) => id === null || !active.has(id))) fail("NOT_FOUND", "winnerNominationIds");
    winners = ranked.map((r) => r.nominationId).filter((id) => chosen.has(id));
    overridden = top.ambiguous || winners.length !== top.winners.length || top.winners.some((id) => !chosen.has(id));
    if (overridden && !options.reason) fail("REASON_REQUIRED", "reason");
  } else if (top.ambiguous) {
    fail("TIE_AT_QUOTA", "winnerNominationIds", { quota: cycle.quota });
  }
  const byId = new Map(sheets.nominations.map((n) => [n.id, n]));
  const info = await nomineeInfo(
    tx.em,
    winners.map((id) => byId.get(id)!),
  );
  const rows = winners.map((id, i) => {
    const n = byId.get(id)!;
    const who = info.get(id)!;
    return {
      programId: cycle.programId,
      cycleId: cycle.id,
      year: cycle.year,
      rank: i + 1,
      nomineeKind: n.nomineeKind,
      name: who.name,
      enterpriseName: who.enterpriseName,
      enterpriseId: who.enterpriseId,
      traineeId: n.traineeId,
      nominationId: n.id,
      rollKey: rollKey(cycle.programId, cycle.year, { ...who, traineeId: n.traineeId }),
      source: "DECISION" as const,
      publishedAt: null,
    };
  });
  if (rows.length) await tx.em.insert(AwardWinner, rows);
  cycle.decisionReason = overridden || missing > 0 ? options.reason! : null;
  return { winners: winners.length, overridden, missingScoreSets: missing, normalized: normalize };
}

/** DECIDED → JUDGING: the decision is taken back; the scores stay. */
export async function undoDecision(tx: RequestContext, cycle: AwardCycle): Promise<Record<string, unknown>> {
  const removed = await tx.em.delete(AwardWinner, { cycleId: cycle.id, publishedAt: IsNull() });
  cycle.decisionReason = null;
  return { winnersRemoved: removed.affected ?? 0 };
}

/**
 * DECIDED → PUBLISHED: the winners join the public honor roll and each gets an award certificate
 * that verifyCertificate checks like a completion certificate.
 */
export async function publishCycle(tx: RequestContext, cycle: AwardCycle, now: Date): Promise<Record<string, unknown>> {
  const program = await tx.em.findOneByOrFail(AwardProgram, { id: cycle.programId });
  const winners = await tx.em.find(AwardWinner, { where: { cycleId: cycle.id }, order: { rank: "ASC", id: "ASC" } });
  await tx.em.update(AwardWinner, { cycleId: cycle.id }, { publishedAt: now });
  const certificates = winners.map((w, i) => awardCertificate(w, program, i + 1, now));
  for (let i = 0; i < certificates.length; i += 500) await tx.em.insert(Certificate, certificates.slice(i, i + 500));
  cycle.publishedAt = now;
  return { winners: winners.length, certificates: certificates.length };
}

/** The certificate of one commendation; serials read ZFA<year>-<cycle>-<place>. */
export function awardCertificate(
  winner: Pick<AwardWinner, "id" | "year" | "cycleId" | "name" | "traineeId">,
  program: Pick<AwardProgram, "name">,
  place: number,
  issuedAt: Date,
) {
  return {
    enrollmentId: null,
    traineeId: winner.traineeId,
    awardWinnerId: winner.id,
    serial: `ZFA${winner.year}-${String(winner.cycleId).padStart(3, "0")}-${String(place).padStart(4, "0")}`,
    verificationCode: newVerificationCode(),
    // The column holds 64 characters; enterprise names stay well below.
    holderName: winner.name.slice(0, 64),
    title: `${winner.year}年度${program.name}`,
    courseTitle: null,
    cohortNumber: null,
    startsOn: null,
    endsOn: null,
    issuer: ISSUER,
    issuedAt,
    revokedAt: null,
    revokeReason: null,
  };
}
