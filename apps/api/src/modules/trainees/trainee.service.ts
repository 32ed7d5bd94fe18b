import { Brackets } from "typeorm";
import { maskIdCard, type Gender } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { Enterprise } from "../enterprises/enterprise.entity";
import { Trainee } from "./trainee.entity";
import { recordEnterprise } from "./trainee-enterprise-link.service";

/** The three columns that hold an ID-card number, after checking that no one else uses it. */
export async function prepareIdCard(
  ctx: RequestContext,
  idCard: string,
  traineeId: number | null,
): Promise<Pick<Trainee, "idCardEncrypted" | "idCardHash" | "idCardMasked">> {
  const idCardHash = ctx.app.cipher.lookupHash(idCard);
  const holder = await ctx.em.findOne(Trainee, { where: { idCardHash }, select: { id: true } });
  if (holder && holder.id !== traineeId) fail("ID_CARD_TAKEN", "idCardNumber");
  return { idCardEncrypted: ctx.app.cipher.encrypt(idCard), idCardHash, idCardMasked: maskIdCard(idCard) };
}

export async function assertEnterpriseExists(ctx: RequestContext, id: number, field: string): Promise<void> {
  if (!(await ctx.em.countBy(Enterprise, { id }))) fail("NOT_FOUND", field);
}

export interface TraineeFields {
  name?: string;
  gender?: Gender | null;
  phone?: string | null;
  idCardNumber?: string | null;
  position?: string | null;
  /** null clears the enterprise; undefined leaves it. */
  enterpriseId?: number | null;
  /** The caller named an enterprise whose ID did not resolve. */
  enterpriseUnknown?: boolean;
}

/**
 * Checks and applies profile fields; ID-card changes go through the uniqueness check. The
 * enterprise is checked here and applied by the caller, as a claim or on the record.
 */
export async function applyFields(
  ctx: RequestContext,
  trainee: Trainee,
  input: TraineeFields,
  canSetPhone: boolean,
): Promise<string[]> {
  const check = new InputCheck();
  const name = input.name === undefined ? undefined : check.requiredText(input.name, "name", 64);
  const position = check.text(input.position, "position", { max: 64 });
  const phone = canSetPhone && input.phone ? check.phone(input.phone) : undefined;
  const idCard = input.idCardNumber ? check.idCard(input.idCardNumber) : undefined;
  if (input.enterpriseUnknown) check.add("NOT_FOUND", "enterpriseId");
  check.done();
  if (input.enterpriseId) await assertEnterpriseExists(ctx, input.enterpriseId, "enterpriseId");

  const changed: string[] = [];
  const set = <K extends keyof Trainee>(key: K, value: Trainee[K] | undefined) => {
    if (value !== undefined && trainee[key] !== value) {
      trainee[key] = value;
      changed.push(key);
    }
  };
  set("name", name);
  set("gender", input.gender);
  set("position", position);
  if (canSetPhone && input.phone !== undefined) set("phone", input.phone === null || input.phone === "" ? null : phone);
  if (idCard) {
    const sealed = await prepareIdCard(ctx, idCard, trainee.id ?? null);
    if (sealed.idCardHash !== trainee.idCardHash) {
      Object.assign(trainee, sealed);
      changed.push("idCardNumber");
    }
  } else if (input.idCardNumber === null || input.idCardNumber === "") {
    if (trainee.idCardHash) changed.push("idCardNumber");
    Object.assign(trainee, { idCardEncrypted: null, idCardHash: null, idCardMasked: null });
  }
  return changed;
}

export async function createTrainee(ctx: RequestContext, input: TraineeFields & { name: string }): Promise<Trainee> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const trainee = tx.em.create(Trainee, { name: "" });
    const changed = await applyFields(tx, trainee, input, true);
    await tx.em.save(trainee);
    if (input.enterpriseId && (await recordEnterprise(tx, trainee, input.enterpriseId, "STAFF")))
      changed.push("enterpriseId");
    await audit(tx, "trainee.create", subjectOf(trainee), { fields: changed });
    return trainee;
  });
}

export async function updateTrainee(
  ctx: RequestContext,
  traineeId: number | null,
  input: TraineeFields,
): Promise<Trainee> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const trainee = traineeId ? await tx.em.findOneBy(Trainee, { id: traineeId }) : null;
    if (!trainee) return fail("NOT_FOUND", "traineeId");
    const changed = await applyFields(tx, trainee, input, true);
    await tx.em.save(trainee);
    if (input.enterpriseId !== undefined && (await recordEnterprise(tx, trainee, input.enterpriseId, "STAFF")))
      changed.push("enterpriseId");
    await audit(tx, "trainee.update", subjectOf(trainee), { changed });
    return trainee;
  });
}

export interface TraineeFilter {
  search?: string | null;
  enterpriseId?: number | null;
}

export function searchTrainees(
  ctx: RequestContext,
  filter: TraineeFilter,
  args: ConnectionArgs,
): Promise<Page<Trainee>> {
  // A partner's key (MEMBERS_READ) sees only the people of its chamber's member enterprises.
  const members = ctx.memberScope();
  if (!members) ctx.requireRole("STAFF");
  const qb = ctx.em.createQueryBuilder(Trainee, "trainee");
  if (members) qb.andWhere(members.size ? "trainee.enterprise_id IN (:...ids)" : "1 = 0", { ids: [...members] });
  const search = filter.search?.trim();
  if (search) {
    qb.andWhere(
      new Brackets((w) => {
        w.where("trainee.name LIKE :q", { q: `${search}%` });
        // Keys see phones and ID numbers masked, so they may not confirm one by searching either.
        if (/^\d{11}$/.test(search) && !members) w.orWhere("trainee.phone = :phone", { phone: search });
        if (/^\d{17}[\dXx]$/.test(search) && !members) {
          w.orWhere("trainee.id_card_hash = :h", { h: ctx.app.cipher.lookupHash(search.toUpperCase()) });
        }
      }),
    );
  }
  if (filter.enterpriseId !== undefined) {
    qb.andWhere("trainee.enterprise_id = :eid", { eid: filter.enterpriseId ?? 0 });
  }
  return paginate(qb, args, [{ expr: "trainee.name", value: (t: Trainee) => t.name, direction: "ASC" }]);
}

/** The full ID-card number for its owner or an admin; an admin's read is audited. */
export async function revealIdCard(ctx: RequestContext, trainee: Trainee): Promise<string | null> {
  if (!trainee.idCardEncrypted) return null;
  const own = ctx.viewer?.traineeId === trainee.id;
  if (!own) {
    ctx.requireRole("ADMIN");
    await ctx.transaction((tx) => audit(tx, "trainee.revealIdCard", subjectOf(trainee)));
  }
  return ctx.app.cipher.decrypt(trainee.idCardEncrypted);
}
