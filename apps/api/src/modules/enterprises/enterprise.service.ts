import { Brackets } from "typeorm";
import {
  validateCreditCode,
  type EnterpriseSize,
  type HonorKind,
  type HonorLevel,
  type SocialProgramme,
} from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import { audit, subjectOf } from "../audit/audit.service";
import { Enterprise } from "./enterprise.entity";
import { EnterpriseHonor } from "./enterprise-honor.entity";
import { SocialResponsibilityRecord } from "./social-responsibility-record.entity";

export interface EnterpriseFields {
  name?: string;
  creditCode?: string;
  industry?: string | null;
  town?: string | null;
  size?: EnterpriseSize | null;
  foundedYear?: number | null;
  listed?: boolean;
  stockCode?: string | null;
}

const thisYear = () => new Date().getFullYear();

function checkFields(input: EnterpriseFields, creating: boolean) {
  const check = new InputCheck();
  const values: Partial<Enterprise> = {};
  const name = creating || input.name !== undefined ? check.requiredText(input.name, "name", 100) : undefined;
  if (name) values.name = name;
  if (creating || input.creditCode !== undefined) {
    const code = check.creditCode(input.creditCode ?? "");
    if (code) values.creditCode = code;
  }
  const industry = check.text(input.industry, "industry", { max: 64 });
  if (industry !== undefined) values.industry = industry;
  const town = check.text(input.town, "town", { max: 64 });
  if (town !== undefined) values.town = town;
  if (input.size !== undefined) values.size = input.size;
  const founded = check.integer(input.foundedYear, "foundedYear", 1800, thisYear());
  if (founded !== undefined) values.foundedYear = founded;
  if (input.listed !== undefined) values.listed = input.listed;
  const stock = check.text(input.stockCode, "stockCode", { max: 16 });
  if (stock !== undefined) values.stockCode = stock;
  check.done();
  return values;
}

async function assertCodeFree(ctx: RequestContext, creditCode: string, ownId: number | null) {
  const holder = await ctx.em.findOne(Enterprise, { where: { creditCode }, select: { id: true } });
  if (holder && holder.id !== ownId) fail("CREDIT_CODE_TAKEN", "creditCode");
}

export async function createEnterprise(ctx: RequestContext, input: EnterpriseFields): Promise<Enterprise> {
  ctx.requireRole("STAFF");
  const values = checkFields(input, true);
  return ctx.transaction(async (tx) => {
    await assertCodeFree(tx, values.creditCode!, null);
    const enterprise = tx.em.create(Enterprise, { listed: false, ...values });
    await tx.em.save(enterprise);
    await audit(tx, "enterprise.create", subjectOf(enterprise), {
      name: enterprise.name,
      creditCode: enterprise.creditCode,
    });
    return enterprise;
  });
}

export async function updateEnterprise(
  ctx: RequestContext,
  id: number | null,
  input: EnterpriseFields,
): Promise<Enterprise> {
  ctx.requireRole("STAFF");
  const values = checkFields(input, false);
  return ctx.transaction(async (tx) => {
    const enterprise = id ? await tx.em.findOneBy(Enterprise, { id }) : null;
    if (!enterprise) return fail("NOT_FOUND", "enterpriseId");
    if (values.creditCode) await assertCodeFree(tx, values.creditCode, enterprise.id);
    const changed = Object.keys(values).filter(
      (k) => enterprise[k as keyof Enterprise] !== values[k as keyof Enterprise],
    );
    Object.assign(enterprise, values);
    await tx.em.save(enterprise);
    await audit(tx, "enterprise.update", subjectOf(enterprise), { changed });
    return enterprise;
  });
}

export interface EnterpriseFilter {
  search?: string | null;
  honorKind?: HonorKind | null;
}

export function searchEnterprises(
  ctx: RequestContext,
  filter: EnterpriseFilter,
  args: ConnectionArgs,
): Promise<Page<Enterprise>> {
  const qb = ctx.em.createQueryBuilder(Enterprise, "enterprise");
  const search = filter.search?.trim();
  if (search) {
    const asCode = validateCreditCode(search);
    qb.andWhere(
      new Brackets((w) => {
        w.where("enterprise.name LIKE :q", { q: `%${search.replace(/[%_\\]/g, "\\$&")}%` });
        if (asCode.ok) w.orWhere("enterprise.credit_code = :code", { code: asCode.value });
      }),
    );
  }
  if (filter.honorKind) {
    qb.andWhere("enterprise.id IN (SELECT h.enterprise_id FROM enterprise_honor h WHERE h.kind = :kind)", {
      kind: filter.honorKind,
    });
  }
  return paginate(qb, args, [{ expr: "enterprise.name", value: (e: Enterprise) => e.name, direction: "ASC" }]);
}

export interface HonorInput {
  enterpriseId: number | null;
  kind: HonorKind;
  level: HonorLevel;
  year: number;
  certificateNumber?: string | null;
  validUntil?: string | null;
}

export async function addEnterpriseHonor(ctx: RequestContext, input: HonorInput): Promise<EnterpriseHonor> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  check.integer(input.year, "year", 1980, thisYear());
  const certificateNumber = check.text(input.certificateNumber, "certificateNumber", { max: 64 });
  const validUntil = check.date(input.validUntil, "validUntil");
  check.done();
  return ctx.transaction(async (tx) => {
    const enterprise = input.enterpriseId ? await tx.em.findOneBy(Enterprise, { id: input.enterpriseId }) : null;
    if (!enterprise) return fail("NOT_FOUND", "enterpriseId");
    const honor = tx.em.create(EnterpriseHonor, {
      enterpriseId: enterprise.id,
      kind: input.kind,
      level: input.level,
      year: input.year,
      certificateNumber: certificateNumber ?? null,
      validUntil: validUntil ?? null,
    });
    await tx.em.save(honor);
    await audit(tx, "enterprise.addHonor", subjectOf(enterprise), {
      honorId: honor.id,
      kind: honor.kind,
      year: honor.year,
    });
    return honor;
  });
}

export async function removeEnterpriseHonor(ctx: RequestContext, honorId: number | null): Promise<number> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const honor = honorId ? await tx.em.findOneBy(EnterpriseHonor, { id: honorId }) : null;
    if (!honor) return fail("NOT_FOUND", "honorId");
    await tx.em.delete(EnterpriseHonor, { id: honor.id });
    await audit(
      tx,
      "enterprise.removeHonor",
      { type: "Enterprise", id: honor.enterpriseId },
      { honorId: honor.id, kind: honor.kind },
    );
    return honor.enterpriseId;
  });
}

export interface SocialRecordInput {
  enterpriseId: number | null;
  programme: SocialProgramme;
  amountYuan: number;
  year: number;
  description?: string | null;
}

export async function addSocialResponsibilityRecord(
  ctx: RequestContext,
  input: SocialRecordInput,
): Promise<SocialResponsibilityRecord> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  check.integer(input.year, "year", 1980, thisYear());
  check.integer(input.amountYuan, "amountYuan", 0, 2_000_000_000);
  const description = check.text(input.description, "description", { max: 500 });
  check.done();
  return ctx.transaction(async (tx) => {
    const enterprise = input.enterpriseId ? await tx.em.findOneBy(Enterprise, { id: input.enterpriseId }) : null;
    if (!enterprise) return fail("NOT_FOUND", "enterpriseId");
    const record = tx.em.create(SocialResponsibilityRecord, {
      enterpriseId: enterprise.id,
      programme: input.programme,
      amountYuan: input.amountYuan,
      year: input.year,
      description: description ?? null,
    });
    await tx.em.save(record);
    await audit(tx, "enterprise.addSocialRecord", subjectOf(enterprise), {
      recordId: record.id,
      programme: record.programme,
      amountYuan: record.amountYuan,
    });
    return record;
  });
}

export async function removeSocialResponsibilityRecord(ctx: RequestContext, recordId: number | null): Promise<number> {
  ctx.requireRole("STAFF");
  return ctx.transaction(async (tx) => {
    const record = recordId ? await tx.em.findOneBy(SocialResponsibilityRecord, { id: recordId }) : null;
    if (!record) return fail("NOT_FOUND", "recordId");
    await tx.em.delete(SocialResponsibilityRecord, { id: record.id });
    await audit(
      tx,
      "enterprise.removeSocialRecord",
      { type: "Enterprise", id: record.enterpriseId },
      { recordId: record.id },
    );
    return record.enterpriseId;
  });
}
