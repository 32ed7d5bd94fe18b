import { IsNull } from "typeorm";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { Trainee } from "./trainee.entity";
import { TraineeEnterpriseLink } from "./trainee-enterprise-link.entity";
import type { TraineeEnterpriseLinkStatus } from "./trainee.enums";

/** Ends the trainee's current confirmed link, if any, at `now`. */
async function endCurrentLink(ctx: RequestContext, traineeId: number, now: Date): Promise<void> {
  await ctx.em.update(TraineeEnterpriseLink, { traineeId, status: "CONFIRMED", validTo: IsNull() }, { validTo: now });
}

/** Closes the trainee's open claims, except one for `keep`. */
async function withdrawClaims(ctx: RequestContext, traineeId: number, keep: number | null, now: Date): Promise<void> {
  const open = await ctx.em.findBy(TraineeEnterpriseLink, { traineeId, status: "PENDING" });
  const stale = open.filter((l) => l.enterpriseId !== keep).map((l) => l.id);
  if (stale.length) await ctx.em.update(TraineeEnterpriseLink, stale, { status: "WITHDRAWN", validTo: now });
}

/**
 * Staff (or an import) put an enterprise on the trainee's record: it is confirmed at once and ends
 * the previous link; a claim of the trainee's for the same enterprise is the one confirmed.
 * The trainee must be saved (have an id). Returns whether anything changed.
 */
export async function recordEnterprise(
  ctx: RequestContext,
  trainee: Trainee,
  enterpriseId: number | null,
  source: "STAFF" | "IMPORT",
): Promise<boolean> {
  const now = new Date();
  const current = await ctx.em.findOneBy(TraineeEnterpriseLink, {
    traineeId: trainee.id,
    status: "CONFIRMED",
    validTo: IsNull(),
  });
  if (trainee.enterpriseId === enterpriseId && (current?.enterpriseId ?? null) === enterpriseId) return false;
  await endCurrentLink(ctx, trainee.id, now);
  if (enterpriseId) {
    const decided = { status: "CONFIRMED" as const, validFrom: now, decidedByUserId: ctx.viewer?.userId ?? null };
    const claim = await ctx.em.findOneBy(TraineeEnterpriseLink, {
      traineeId: trainee.id,
      status: "PENDING",
      enterpriseId,
    });
    if (claim) await ctx.em.update(TraineeEnterpriseLink, claim.id, { ...decided, decidedAt: now });
    else await ctx.em.insert(TraineeEnterpriseLink, { traineeId: trainee.id, enterpriseId, source, ...decided });
  }
  trainee.enterpriseId = enterpriseId;
  await ctx.em.update(Trainee, trainee.id, { enterpriseId });
  return true;
}

/**
 * The trainee's own change of enterprise. A new enterprise is a claim that staff confirm
 * (`decideEnterpriseLink`); until then the record keeps the confirmed one, which is all that
 * eligibility and partner scope read. Leaving an enterprise takes effect at once: it grants
 * nothing, and judge conflicts still see the ended link. Returns the claim, if one is open.
 */
export async function claimEnterprise(
  ctx: RequestContext,
  trainee: Trainee,
  enterpriseId: number | null,
): Promise<{ changed: boolean; claimId: number | null }> {
  const now = new Date();
  const before = await ctx.em.findOneBy(TraineeEnterpriseLink, { traineeId: trainee.id, status: "PENDING" });
  await withdrawClaims(ctx, trainee.id, enterpriseId, now);
  if (enterpriseId === null) {
    if (!trainee.enterpriseId) return { changed: Boolean(before), claimId: null };
    await endCurrentLink(ctx, trainee.id, now);
    trainee.enterpriseId = null;
    await ctx.em.update(Trainee, trainee.id, { enterpriseId: null });
    return { changed: true, claimId: null };
  }
  if (enterpriseId === trainee.enterpriseId) return { changed: Boolean(before), claimId: null };
  if (before?.enterpriseId === enterpriseId) return { changed: false, claimId: before.id };
  const { identifiers } = await ctx.em.insert(TraineeEnterpriseLink, {
    traineeId: trainee.id,
    enterpriseId,
    status: "PENDING",
    source: "SELF",
  });
  return { changed: true, claimId: Number(identifiers[0].id) };
}

/** Staff confirm a trainee's claim (it becomes the record's enterprise) or reject it with a reason. */
export async function decideEnterpriseLink(
  ctx: RequestContext,
  linkId: number | null,
  confirm: boolean,
  rawReason: string | null | undefined,
): Promise<TraineeEnterpriseLink> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const reason = check.text(rawReason, "reason", { max: 500, required: !confirm }) ?? null;
  check.done();
  return ctx.transaction(async (tx) => {
    const link = linkId ? await tx.em.findOneBy(TraineeEnterpriseLink, { id: linkId }) : null;
    if (!link) return fail("NOT_FOUND", "linkId");
    if (link.status !== "PENDING") fail("WRONG_STATUS", "linkId", { status: link.status });
    const now = new Date();
    const status: TraineeEnterpriseLinkStatus = confirm ? "CONFIRMED" : "REJECTED";
    const decision = { status, decidedByUserId: tx.viewer!.userId, decidedAt: now, decisionReason: reason };
    if (confirm) await endCurrentLink(tx, link.traineeId, now);
    // Only a pending claim is decided, and only once, even when two staff decide it at the same time.
    const decided = await tx.em.update(
      TraineeEnterpriseLink,
      { id: link.id, status: "PENDING" },
      confirm ? { ...decision, validFrom: now } : { ...decision, validTo: now },
    );
    if (!decided.affected) fail("WRONG_STATUS", "linkId", { status: "DECIDED" });
    if (confirm) await tx.em.update(Trainee, link.traineeId, { enterpriseId: link.enterpriseId });
    Object.assign(link, decision, confirm ? { validFrom: now } : { validTo: now });
    await audit(tx, confirm ? "trainee.confirmEnterprise" : "trainee.rejectEnterprise", subjectOf(link), {
      traineeId: link.traineeId,
      enterpriseId: link.enterpriseId,
      reason,
    });
    return link;
  });
}

/** The staff queue: links by status (claims waiting for a decision by default), oldest first. */
export function searchEnterpriseLinks(
  ctx: RequestContext,
  status: TraineeEnterpriseLinkStatus,
  args: ConnectionArgs,
): Promise<Page<TraineeEnterpriseLink>> {
  ctx.requireRole("STAFF");
  const qb = ctx.em.createQueryBuilder(TraineeEnterpriseLink, "link").where("link.status = :status", { status });
  return paginate(qb, args, []);
}
