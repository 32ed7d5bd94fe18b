import { Brackets, In } from "typeorm";
import type { ChamberRegionKind } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { fail, UserErrors, type UserErrorSpec } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { Enterprise } from "../enterprises/enterprise.entity";
import { Chamber } from "./chamber.entity";
import { ChamberMembership } from "./chamber-membership.entity";

/** Enterprises one add or remove may name: one page of the admin console's picker. */
export const MAX_MEMBERS_PER_CALL = 100;

export interface ChamberFields {
  name?: string;
  regionKind?: ChamberRegionKind;
  city?: string;
  partnerSince?: string;
  contact?: string | null;
}

function checkChamber(input: ChamberFields, creating: boolean): Partial<Chamber> {
  const check = new InputCheck();
  const values: Partial<Chamber> = {};
  if (creating || input.name !== undefined) values.name = check.requiredText(input.name, "name", 100);
  if (input.regionKind) values.regionKind = input.regionKind;
  if (creating || input.city !== undefined) values.city = check.requiredText(input.city, "city", 64);
  if (creating || input.partnerSince !== undefined) {
    values.partnerSince = input.partnerSince
      ? (check.date(input.partnerSince, "partnerSince") ?? undefined)
      : check.add("REQUIRED", "partnerSince");
  }
  const contact = check.text(input.contact, "contact", { max: 200 });
  if (contact !== undefined) values.contact = contact;
  check.done();
  return values;
}

async function assertNameFree(ctx: RequestContext, name: string, ownId: number | null) {
  const holder = await ctx.em.findOne(Chamber, { where: { name }, select: { id: true } });
  if (holder && holder.id !== ownId) fail("CHAMBER_NAME_TAKEN", "name");
}

export async function createChamber(ctx: RequestContext, input: ChamberFields): Promise<Chamber> {
  ctx.requireRole("ADMIN");
  const values = checkChamber(input, true);
  return ctx.transaction(async (tx) => {
    await assertNameFree(tx, values.name!, null);
    const chamber = tx.em.create(Chamber, { contact: null, ...values });
    await tx.em.save(chamber);
    await audit(tx, "chamber.create", subjectOf(chamber), { name: chamber.name, regionKind: chamber.regionKind });
    return chamber;
  });
}

export async function updateChamber(ctx: RequestContext, id: number | null, input: ChamberFields): Promise<Chamber> {
  ctx.requireRole("ADMIN");
  const values = checkChamber(input, false);
  return ctx.transaction(async (tx) => {
    const chamber = id ? await tx.em.findOneBy(Chamber, { id }) : null;
    if (!chamber) return fail("NOT_FOUND", "chamberId");
    if (values.name) await assertNameFree(tx, values.name, chamber.id);
    const changed = Object.keys(values).filter((k) => chamber[k as keyof Chamber] !== values[k as keyof Chamber]);
    Object.assign(chamber, values);
    await tx.em.save(chamber);
    await audit(tx, "chamber.update", subjectOf(chamber), { changed });
    return chamber;
  });
}

/** One user error per enterprise at fault, pointing at its place in `enterpriseIds`. */
function memberError(code: "NOT_FOUND" | "ALREADY_MEMBER" | "NOT_MEMBER", index: number): UserErrorSpec {
  return { code, field: ["input", "enterpriseIds", String(index)], params: { field: "enterpriseIds" } };
}

function checkMemberList(enterpriseIds: (number | null)[]): void {
  const check = new InputCheck();
  if (!enterpriseIds.length) check.add("REQUIRED", "enterpriseIds");
  if (enterpriseIds.length > MAX_MEMBERS_PER_CALL) check.add("TOO_MANY_ITEMS", "enterpriseIds", { max: 100 });
  check.done();
}

/** Adds enterprises to a chamber, all or none: unknown ones and existing members are user errors. */
export async function addChamberMembers(
  ctx: RequestContext,
  chamberId: number | null,
  enterpriseIds: (number | null)[],
): Promise<number> {
  ctx.requireRole("ADMIN");
  checkMemberList(enterpriseIds);
  return ctx.transaction(async (tx) => {
    const chamber = chamberId ? await tx.em.findOneBy(Chamber, { id: chamberId }) : null;
    if (!chamber) return fail("NOT_FOUND", "chamberId");
    const wanted = enterpriseIds.filter((id): id is number => id !== null);
    const known = new Set(
      (await tx.em.find(Enterprise, { select: { id: true }, where: { id: In(wanted) } })).map((e) => e.id),
    );
    const already = new Set(
      (
        await tx.em.find(ChamberMembership, {
          select: { enterpriseId: true },
          where: { chamberId: chamber.id, enterpriseId: In(wanted) },
        })
      ).map((m) => m.enterpriseId),
    );
    const errors: UserErrorSpec[] = [];
    const seen = new Set<number>();
    enterpriseIds.forEach((id, i) => {
      if (id === null || !known.has(id)) errors.push(memberError("NOT_FOUND", i));
      else if (already.has(id) || seen.has(id)) errors.push(memberError("ALREADY_MEMBER", i));
      else seen.add(id);
    });
    if (errors.length) throw new UserErrors(errors);
    await tx.em.insert(
      ChamberMembership,
      [...seen].map((enterpriseId) => ({ chamberId: chamber.id, enterpriseId })),
    );
    await audit(tx, "chamber.addMembers", subjectOf(chamber), { enterpriseIds: [...seen] });
    return chamber.id;
  });
}

export async function removeChamberMembers(
  ctx: RequestContext,
  chamberId: number | null,
  enterpriseIds: (number | null)[],
): Promise<number> {
  ctx.requireRole("ADMIN");
  checkMemberList(enterpriseIds);
  return ctx.transaction(async (tx) => {
    const chamber = chamberId ? await tx.em.findOneBy(Chamber, { id: chamberId }) : null;
    if (!chamber) return fail("NOT_FOUND", "chamberId");
    const wanted = enterpriseIds.filter((id): id is number => id !== null);
    const members = new Set(
      (
        await tx.em.find(ChamberMembership, {
          select: { enterpriseId: true },
          where: { chamberId: chamber.id, enterpriseId: In(wanted) },
        })
      ).map((m) => m.enterpriseId),
    );
    const errors = enterpriseIds.flatMap((id, i) =>
      id === null || !members.has(id) ? [memberError("NOT_MEMBER", i)] : [],
    );
    if (errors.length) throw new UserErrors(errors);
    await tx.em.delete(ChamberMembership, { chamberId: chamber.id, enterpriseId: In([...members]) });
    await audit(tx, "chamber.removeMembers", subjectOf(chamber), { enterpriseIds: [...members] });
    return chamber.id;
  });
}

export interface ChamberFilter {
  search?: string | null;
  regionKind?: ChamberRegionKind | null;
}

/** Chambers by name, for staff; search matches part of the name or the city. */
export function searchChambers(
  ctx: RequestContext,
  filter: ChamberFilter,
  args: ConnectionArgs,
): Promise<Page<Chamber>> {
  ctx.requireRole("STAFF");
  const qb = ctx.em.createQueryBuilder(Chamber, "chamber");
  const search = filter.search?.trim();
  if (search) {
    const q = `%${search.replace(/[%_\\]/g, "\\$&")}%`;
    qb.andWhere(new Brackets((w) => w.where("chamber.name LIKE :q", { q }).orWhere("chamber.city LIKE :q", { q })));
  }
  if (filter.regionKind) qb.andWhere("chamber.region_kind = :kind", { kind: filter.regionKind });
  return paginate(qb, args, [{ expr: "chamber.name", value: (c: Chamber) => c.name, direction: "ASC" }]);
}

/** Partners whose partnership has begun, for the public statistics. */
export function countPartnerChambers(ctx: RequestContext): Promise<number> {
  const today = new Date().toISOString().slice(0, 10);
  return ctx.em.createQueryBuilder(Chamber, "c").where("c.partner_since <= :today", { today }).getCount();
}
