import { In, type EntityManager } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { fromGlobalId } from "../../graphql/ids";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { isDuplicateKey } from "../../db/dialect";
import { Enterprise } from "../enterprises/enterprise.entity";
import { Trainee } from "../trainees/trainee.entity";
import { AwardCycle } from "./award-cycle.entity";
import { AwardNomination, nomineeSlot } from "./award-nomination.entity";
import { AwardProgram } from "./award-program.entity";
import type { NomineeKind } from "./award.enums";
import type { AwardDossier } from "./award.inputs";
import { lockCycle, lockCycleOfNomination } from "./cycle-lock";
import { computeDossiers } from "./award-dossier.service";

/**
 * Who nominates: staff, or a partner chamber through its API key. The partner-access layer calls
 * the services with a CHAMBER nominator only for a key that has the NOMINATIONS_WRITE scope, and
 * with that key's own chamber; the audit log then names the key.
 */
export type Nominator = { kind: "STAFF" } | { kind: "CHAMBER"; chamberId: number };

export interface NomineeRef {
  enterpriseId: number | null;
  traineeId: number | null;
}

/** The nominee a global ID names (an Enterprise or a Trainee); null for anything else. */
export function nomineeOf(globalId: string): NomineeRef | null {
  const parsed = fromGlobalId(globalId);
  if (parsed?.type === "Enterprise") return { enterpriseId: parsed.id, traineeId: null };
  if (parsed?.type === "Trainee") return { enterpriseId: null, traineeId: parsed.id };
  return null;
}

/** 个体工商户 carry registration type "92" in their unified social credit code (GB 32100-2015). */
export const isIndividualBusiness = (creditCode: string) => creditCode.startsWith("92");

/**
 * What kind of nominee a record is. An enterprise is an ENTERPRISE unless registered as an
 * individual business; a person is an ENTREPRENEUR at a registered enterprise, else the
 * proprietor of an INDIVIDUAL_BUSINESS (a 个体工商户 is legally a natural person's business).
 */
async function kindOf(em: EntityManager, nominee: NomineeRef): Promise<NomineeKind | "UNKNOWN" | null> {
  if (nominee.enterpriseId) {
    const enterprise = await em.findOneBy(Enterprise, { id: nominee.enterpriseId });
    if (!enterprise) return null;
    return isIndividualBusiness(enterprise.creditCode) ? "UNKNOWN" : "ENTERPRISE";
  }
  const trainee = nominee.traineeId ? await em.findOneBy(Trainee, { id: nominee.traineeId }) : null;
  if (!trainee) return null;
  const enterprise = trainee.enterpriseId ? await em.findOneBy(Enterprise, { id: trainee.enterpriseId }) : null;
  return enterprise && !isIndividualBusiness(enterprise.creditCode) ? "ENTREPRENEUR" : "INDIVIDUAL_BUSINESS";
}

/** Staff must be signed in as such; a chamber's key was checked by the partner-access layer. */
function authorize(ctx: RequestContext, nominator: Nominator): void {
  if (nominator.kind === "STAFF") ctx.requireRole("STAFF");
}

export async function nominate(
  ctx: RequestContext,
  nominator: Nominator,
  input: { cycleId: number | null; nominee: NomineeRef | null; justification: string },
): Promise<AwardNomination> {
  authorize(ctx, nominator);
  const check = new InputCheck();
  const justification = check.requiredText(input.justification, "justification", 5000);
  check.done();
  try {
    return await ctx.transaction(async (tx) => {
      const cycle = await lockCycle(tx, input.cycleId);
      if (!cycle || (cycle.phase === "DRAFT" && nominator.kind === "CHAMBER")) return fail("NOT_FOUND", "cycleId");
      if (cycle.phase !== "NOMINATING") fail("WRONG_PHASE", "cycleId", { phase: cycle.phase });
      if (cycle.nominationsCloseAt && cycle.nominationsCloseAt <= new Date()) fail("NOMINATIONS_CLOSED", "cycleId");
      const nominee = input.nominee;
      const kind = nominee ? await kindOf(tx.em, nominee) : null;
      if (!nominee || !kind) return fail("NOT_FOUND", "nomineeId");
      const program = await tx.em.findOneByOrFail(AwardProgram, { id: cycle.programId });
      if (kind !== program.nomineeKind) fail("NOMINEE_KIND_MISMATCH", "nomineeId");
      const slot = nomineeSlot(cycle.id, nominee);
      if (await tx.em.countBy(AwardNomination, { nomineeSlot: slot })) fail("ALREADY_NOMINATED", "nomineeId");
      const nomination = tx.em.create(AwardNomination, {
        cycleId: cycle.id,
        nomineeKind: program.nomineeKind,
        enterpriseId: nominee.enterpriseId,
        traineeId: nominee.traineeId,
        justification,
        status: "ACTIVE",
        nomineeSlot: slot,
        nominatedByUserId: ctx.viewer?.userId ?? null,
        nominatedByChamberId: nominator.kind === "CHAMBER" ? nominator.chamberId : null,
        dossierSnapshot: null,
        dossierFrozenAt: null,
        withdrawnAt: null,
        withdrawReason: null,
      });
      await tx.em.insert(AwardNomination, nomination);
      await audit(tx, "awardNomination.create", subjectOf(nomination), {
        cycleId: cycle.id,
        nominee: slot,
        chamberId: nomination.nominatedByChamberId,
      });
      return nomination;
    });
  } catch (err) {
    // A concurrent request for the same nominee won the unique slot.
    if (isDuplicateKey(err)) fail("ALREADY_NOMINATED", "nomineeId");
    throw err;
  }
}

/** Staff withdraw any nomination, a chamber its own, until the decision. */
export async function withdrawNomination(
  ctx: RequestContext,
  nominator: Nominator,
  nominationId: number | null,
  reason?: string | null,
): Promise<AwardNomination> {
  authorize(ctx, nominator);
  const check = new InputCheck();
  const why = check.text(reason, "reason", { max: 500 }) ?? null;
  check.done();
  return ctx.transaction(async (tx) => {
    const cycle = await lockCycleOfNomination(tx, nominationId);
    const nomination = cycle ? await tx.em.findOneBy(AwardNomination, { id: nominationId! }) : null;
    if (
      !cycle ||
      !nomination ||
      (nominator.kind === "CHAMBER" && nomination.nominatedByChamberId !== nominator.chamberId)
    )
      return fail("NOT_FOUND", "nominationId");
    if (cycle.phase !== "NOMINATING" && cycle.phase !== "JUDGING")
      fail("WRONG_PHASE", "nominationId", { phase: cycle.phase });
    if (nomination.status !== "ACTIVE") fail("WRONG_STATUS", "nominationId", { status: nomination.status });
    Object.assign(nomination, { status: "WITHDRAWN", nomineeSlot: null, withdrawnAt: new Date(), withdrawReason: why });
    await tx.em.save(nomination);
    await audit(tx, "awardNomination.withdraw", subjectOf(nomination), { cycleId: cycle.id, reason: why });
    return nomination;
  });
}

export interface NomineeInfo {
  name: string;
  enterpriseId: number | null;
  enterpriseName: string | null;
}

/** Names of the nominees and of their enterprises, in two statements. */
export async function nomineeInfo(
  em: EntityManager,
  nominees: (NomineeRef & { id: number })[],
): Promise<Map<number, NomineeInfo>> {
  const traineeIds = [...new Set(nominees.flatMap((n) => (n.traineeId ? [n.traineeId] : [])))];
  const trainees = traineeIds.length
    ? await em.find(Trainee, { select: { id: true, name: true, enterpriseId: true }, where: { id: In(traineeIds) } })
    : [];
  const person = new Map(trainees.map((t) => [t.id, t]));
  const enterpriseIds = [
    ...new Set([
      ...nominees.flatMap((n) => (n.enterpriseId ? [n.enterpriseId] : [])),
      ...trainees.flatMap((t) => (t.enterpriseId ? [t.enterpriseId] : [])),
    ]),
  ];
  const enterprises = enterpriseIds.length
    ? await em.find(Enterprise, { select: { id: true, name: true }, where: { id: In(enterpriseIds) } })
    : [];
  const enterpriseName = new Map(enterprises.map((e) => [e.id, e.name]));
  return new Map(
    nominees.map((n) => {
      const t = n.traineeId ? person.get(n.traineeId) : undefined;
      const enterpriseId = n.enterpriseId ?? t?.enterpriseId ?? null;
      const name = (t ? t.name : enterpriseName.get(n.enterpriseId ?? 0)) ?? "";
      return [
        n.id,
        { name, enterpriseId, enterpriseName: enterpriseId ? (enterpriseName.get(enterpriseId) ?? null) : null },
      ];
    }),
  );
}

/** What a nominee's dossier would show in a cycle, before nominating it (staff). */
export async function previewDossier(
  ctx: RequestContext,
  cycleId: number | null,
  nominee: NomineeRef | null,
): Promise<AwardDossier | null> {
  ctx.requireRole("STAFF");
  const cycle = cycleId ? await ctx.em.findOneBy(AwardCycle, { id: cycleId }) : null;
  if (!cycle || !nominee || !(await kindOf(ctx.em, nominee))) return null;
  const program = await ctx.em.findOneByOrFail(AwardProgram, { id: cycle.programId });
  const dossiers = await computeDossiers(ctx.em, [
    {
      key: 0,
      kind: program.nomineeKind,
      ...nominee,
      programId: cycle.programId,
      year: cycle.year,
      rules: cycle.eligibilityRules,
    },
  ]);
  return { ...dossiers.get(0)!, frozenAt: null };
}
