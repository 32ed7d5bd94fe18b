import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { paginate, type ConnectionArgs, type Page } from "../../graphql/connection";
import { InputCheck } from "../../common/input-check";
import type { ContactRequestStatus, Role } from "@zuofu/shared";
import { audit, subjectOf } from "../audit/audit.service";
import { User } from "../accounts/user.entity";
import { checkPhoneCode, consumePhoneCode } from "../accounts/phone-code.service";
import { Enterprise } from "../enterprises/enterprise.entity";
import { EnterpriseContactRequest } from "./contact-request.entity";
import { EnterpriseContact } from "./department.entity";

const ROLE: Role = "ENTERPRISE_CONTACT";

/** Makes the user the enterprise's contact (once) and gives the account the role. */
async function link(tx: RequestContext, userId: number, enterpriseId: number): Promise<void> {
  // Once, even when staff confirm while the person proves the phone: the unique index keeps one row.
  await tx.em
    .createQueryBuilder()
    .insert()
    .into(EnterpriseContact)
    .values({ userId, enterpriseId })
    .orIgnore()
    .execute();
  const user = await tx.em.findOneByOrFail(User, { id: userId });
  if (!user.roles.includes(ROLE)) await tx.em.update(User, user.id, { roles: [...user.roles, ROLE] });
}

export interface ContactRequestInput {
  creditCode: string;
  phone?: string | null;
  phoneCode?: string | null;
}

/**
 * A signed-in person asks to become an enterprise's contact (绑定企业) by its credit code. With a
 * code sent to the phone the enterprise has on file, the request is confirmed at once; without one
 * (or for another phone) it waits for staff. The answer never says which phone is on file.
 */
export async function requestEnterpriseContact(
  ctx: RequestContext,
  input: ContactRequestInput,
): Promise<EnterpriseContactRequest> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const creditCode = check.creditCode(input.creditCode);
  const phone = input.phoneCode?.trim() ? check.phone(input.phone ?? "") : undefined;
  check.done();
  const enterprise = await ctx.em.findOneBy(Enterprise, { creditCode: creditCode! });
  if (!enterprise) return fail("NOT_FOUND", "creditCode");
  if (await ctx.em.countBy(EnterpriseContact, { userId: viewer.userId, enterpriseId: enterprise.id }))
    fail("ALREADY_CONTACT", "creditCode");
  // The code is checked (and its try counted) before anything else is written.
  const code = phone ? await checkPhoneCode(ctx, phone, "BIND_ENTERPRISE", input.phoneCode) : null;
  return ctx.transaction(async (tx) => {
    const pending = await tx.em.findOneBy(EnterpriseContactRequest, {
      userId: viewer.userId,
      enterpriseId: enterprise.id,
      status: "PENDING",
    });
    const proven = Boolean(code && enterprise.phone && enterprise.phone === phone);
    if (code) await consumePhoneCode(tx, code);
    if (!proven) {
      if (pending) fail("CONTACT_REQUEST_PENDING", "creditCode");
      const request = tx.em.create(EnterpriseContactRequest, {
        userId: viewer.userId,
        enterpriseId: enterprise.id,
        status: "PENDING",
        byPhoneCode: false,
        decisionNote: null,
        decidedBy: null,
        decidedAt: null,
      });
      await tx.em.save(request);
      await audit(tx, "enterprise.contact.request", subjectOf(request), {
        userId: viewer.userId,
        enterpriseId: enterprise.id,
        phoneProven: Boolean(code),
      });
      return request;
    }
    const decided = { status: "CONFIRMED" as const, byPhoneCode: true, decidedAt: new Date(), decidedBy: null };
    const request = pending
      ? Object.assign(pending, decided)
      : tx.em.create(EnterpriseContactRequest, {
          userId: viewer.userId,
          enterpriseId: enterprise.id,
          decisionNote: null,
          ...decided,
        });
    await tx.em.save(request);
    await link(tx, viewer.userId, enterprise.id);
    await audit(tx, "enterprise.contact.confirm", subjectOf(request), {
      userId: viewer.userId,
      enterpriseId: enterprise.id,
      by: "phoneCode",
    });
    return request;
  });
}

/** Staff confirm a pending request (the person becomes the enterprise's contact) or reject it with a reason. */
export async function decideEnterpriseContact(
  ctx: RequestContext,
  requestId: number | null,
  confirm: boolean,
  rawReason: string | null | undefined,
): Promise<EnterpriseContactRequest> {
  const staff = ctx.requireRole("STAFF");
  const check = new InputCheck();
  const reason = check.text(rawReason, "reason", { max: 200, required: !confirm }) ?? null;
  check.done();
  return ctx.transaction(async (tx) => {
    const request = requestId ? await tx.em.findOneBy(EnterpriseContactRequest, { id: requestId }) : null;
    if (!request) return fail("NOT_FOUND", "requestId");
    if (request.status !== "PENDING") fail("CLAIM_DECIDED", "requestId");
    const status: ContactRequestStatus = confirm ? "CONFIRMED" : "REJECTED";
    const decision = { status, decidedBy: staff.userId, decidedAt: new Date(), decisionNote: reason };
    // Decided once, even when two staff decide it at the same time.
    const result = await tx.em.update(EnterpriseContactRequest, { id: request.id, status: "PENDING" }, decision);
    if (!result.affected) fail("CLAIM_DECIDED", "requestId");
    Object.assign(request, decision);
    if (confirm) await link(tx, request.userId, request.enterpriseId);
    await audit(tx, confirm ? "enterprise.contact.confirm" : "enterprise.contact.reject", subjectOf(request), {
      userId: request.userId,
      enterpriseId: request.enterpriseId,
      reason,
    });
    return request;
  });
}

/** Staff end a person's link to an enterprise; the account keeps the role only while it speaks for another. */
export async function removeEnterpriseContact(
  ctx: RequestContext,
  contactId: number | null,
  rawReason: string | null | undefined,
): Promise<EnterpriseContact> {
  ctx.requireRole("STAFF");
  const check = new InputCheck();
  const reason = check.text(rawReason, "reason", { max: 200 }) ?? null;
  check.done();
  return ctx.transaction(async (tx) => {
    const contact = contactId ? await tx.em.findOneBy(EnterpriseContact, { id: contactId }) : null;
    if (!contact) return fail("NOT_FOUND", "contactId");
    const removed = await tx.em.delete(EnterpriseContact, { id: contact.id });
    if (!removed.affected) fail("NOT_FOUND", "contactId");
    if (!(await tx.em.countBy(EnterpriseContact, { userId: contact.userId }))) {
      const user = await tx.em.findOneByOrFail(User, { id: contact.userId });
      await tx.em.update(User, user.id, { roles: user.roles.filter((r) => r !== ROLE) });
    }
    await audit(tx, "enterprise.contact.remove", subjectOf(contact), {
      userId: contact.userId,
      enterpriseId: contact.enterpriseId,
      reason,
    });
    return contact;
  });
}

/** The staff queue: requests by status (waiting ones by default), oldest first. */
export function searchContactRequests(
  ctx: RequestContext,
  status: ContactRequestStatus,
  args: ConnectionArgs,
): Promise<Page<EnterpriseContactRequest>> {
  ctx.requireRole("STAFF");
  const qb = ctx.em.createQueryBuilder(EnterpriseContactRequest, "r").where("r.status = :status", { status });
  return paginate(qb, args, []);
}

/** Staff: the contacts of every enterprise, or of one. */
export function searchContacts(
  ctx: RequestContext,
  enterpriseId: number | null,
  args: ConnectionArgs,
): Promise<Page<EnterpriseContact>> {
  ctx.requireRole("STAFF");
  const qb = ctx.em.createQueryBuilder(EnterpriseContact, "c");
  if (enterpriseId !== null) qb.where("c.enterprise_id = :enterpriseId", { enterpriseId });
  return paginate(qb, args, []);
}
