import { IsNull } from "typeorm";
import { maskIdCard, maskPhone, type Role } from "@zuofu/shared";
import type { RequestContext, Viewer } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { hashPassword, randomToken, tokenHash, verifyPassword } from "../../common/crypto";
import { audit, subjectOf } from "../audit/audit.service";
import { Trainee } from "../trainees/trainee.entity";
import { claimEnterprise } from "../trainees/trainee-enterprise-link.service";
import { applyFields, assertEnterpriseExists, prepareIdCard, type TraineeFields } from "../trainees/trainee.service";
import { ACCOUNT_LIMITS, LoginThrottle, takeOrFail } from "./login-throttle";
import { checkPhoneCode, consumePhoneCode } from "./phone-code.service";
import { TraineeClaim } from "./trainee-claim.entity";
import { Session } from "./session.entity";
import { User } from "./user.entity";
import { userById } from "./account.loaders";
import { hydrate } from "../../loading/rows";
import { traineeById, traineeByUser } from "../trainees/trainee.loaders";

/** How often a session's last-use time is written: not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface RegisterTraineeInput {
  name: string;
  phone: string;
  password: string;
  phoneCode: string;
  idCardNumber?: string | null;
  enterpriseId?: number | null;
  enterpriseIdGiven?: boolean;
}

async function openSession(ctx: RequestContext, user: User): Promise<string> {
  const token = randomToken();
  const now = new Date();
  await ctx.em.insert(Session, {
    userId: user.id,
    tokenHash: tokenHash(ctx.app.config.sessionSecret, token),
    lastUsedAt: now,
    expiresAt: new Date(now.getTime() + ctx.app.config.sessionTtlSeconds * 1000),
    revokedAt: null,
  });
  return token;
}

async function phoneTaken(ctx: RequestContext, phone: string): Promise<boolean> {
  return (await ctx.em.count(User, { where: { phone } })) > 0;
}

/**
 * Creates a trainee account once the code proves the phone. A person imported with a past cohort
 * gets that record when the typed name (and ID number, if typed) agree with it; otherwise the
 * account waits for staff to confirm the claim. The record's name and ID number never change here.
 */
export async function registerTrainee(
  ctx: RequestContext,
  input: RegisterTraineeInput,
): Promise<{ user: User; token: string }> {
  const check = new InputCheck();
  const name = check.requiredText(input.name, "name", 64);
  const phone = check.phone(input.phone);
  const password = check.password(input.password);
  const idCard = input.idCardNumber ? check.idCard(input.idCardNumber) : undefined;
  if (!input.phoneCode?.trim()) check.add("REQUIRED", "phoneCode");
  check.done();
  if (input.enterpriseIdGiven && input.enterpriseId === null) fail("NOT_FOUND", "enterpriseId");
  await takeOrFail(
    ctx.app.store,
    `register:ip:${ctx.ip}`,
    ACCOUNT_LIMITS.registerPerAddress,
    "TOO_MANY_REQUESTS",
    "phone",
  );
  // What can be checked without the code is checked first: a mistake there costs no try.
  if (input.enterpriseId) await assertEnterpriseExists(ctx, input.enterpriseId, "enterpriseId");
  const code = await checkPhoneCode(ctx, phone!, "REGISTER", input.phoneCode);
  const passwordHash = await hashPassword(password!);

  return ctx.transaction(async (tx) => {
    if (await phoneTaken(tx, phone!)) fail("PHONE_TAKEN", "phone");
    if (input.enterpriseId) await assertEnterpriseExists(tx, input.enterpriseId, "enterpriseId");
    await consumePhoneCode(tx, code);
    const user = tx.em.create(User, { name: name!, phone: phone!, passwordHash, roles: ["TRAINEE"], active: true });
    await tx.em.save(user);
    const records = await tx.em.find(Trainee, { where: { phone: phone!, userId: IsNull() }, order: { id: "ASC" } });
    if (records.length) {
      await claimRecord(tx, user, records, { name: name!, idCard });
    } else {
      const trainee = tx.em.create(Trainee, { name: name!, phone: phone!, userId: user.id });
      if (idCard) Object.assign(trainee, await prepareIdCard(tx, idCard, null));
      await tx.em.save(trainee);
      // The enterprise a newcomer names is their own word: a claim staff confirm, like a profile change.
      if (input.enterpriseId) await claimEnterprise(tx, trainee, input.enterpriseId);
    }
    await audit(tx, "user.register", subjectOf(user), { claimedRecords: records.length });
    const token = await openSession(tx, user);
    return { user, token };
  });
}

/**
 * Links an account whose phone is proven to the imported record with that phone, or files a claim
 * for staff when the person's typed name or ID number disagree (or several records share the phone).
 */
async function claimRecord(
  tx: RequestContext,
  user: User,
  records: Trainee[],
  typed: { name: string; idCard?: string },
): Promise<"LINKED" | "PENDING"> {
  const record = records[0];
  const typedIdHash = typed.idCard ? tx.app.cipher.lookupHash(typed.idCard) : null;
  const mismatches = [
    ...(record.name !== typed.name ? ["NAME"] : []),
    ...(typedIdHash && record.idCardHash && record.idCardHash !== typedIdHash ? ["ID_CARD"] : []),
    ...(records.length > 1 ? ["SEVERAL_RECORDS"] : []),
  ];
  if (!mismatches.length) {
    const linked = await tx.em
      .createQueryBuilder()
      .update(Trainee)
      .set({ userId: user.id })
      .where("id = :id AND user_id IS NULL", { id: record.id })
      .execute();
    if (!linked.affected) fail("RECORD_ALREADY_LINKED", "phone");
    await audit(tx, "trainee.claim.linked", { type: "Trainee", id: record.id }, { userId: user.id, by: "phoneCode" });
    return "LINKED";
  }
  const claim = await tx.em.save(
    tx.em.create(TraineeClaim, {
      userId: user.id,
      traineeId: record.id,
      status: "PENDING",
      typedName: typed.name,
      typedIdCardHash: typedIdHash,
      typedIdCardMasked: typed.idCard ? maskIdCard(typed.idCard) : null,
      mismatches,
      decisionNote: null,
      decidedBy: null,
      decidedAt: null,
    }),
  );
  await audit(tx, "trainee.claim.pending", subjectOf(claim), { userId: user.id, traineeId: record.id, mismatches });
  return "PENDING";
}

export async function login(
  ctx: RequestContext,
  rawPhone: string,
  password: string,
): Promise<{ user: User; token: string }> {
  const check = new InputCheck();
  const phone = check.phone(rawPhone);
  if (!password) check.add("REQUIRED", "password");
  check.done();

  const throttle = new LoginThrottle(ctx.app.store);
  await throttle.begin(phone!, ctx.ip);
  const user = await ctx.em.findOne(User, { where: { phone: phone! } });
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH);
  if (!user || !valid) {
    const delay = await throttle.failed(phone!, ctx.ip);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    fail("WRONG_CREDENTIALS", "password");
  }
  if (!user.active) fail("ACCOUNT_DISABLED", "phone");
  await throttle.succeeded(phone!, ctx.ip);
  return ctx.transaction(async (tx) => {
    const token = await openSession(tx, user);
    await audit(tx, "user.login", subjectOf(user));
    return { user, token };
  });
}

/** Signs in with a code sent to the phone (短信验证码登录): the phone is the proof, no password. */
export async function loginWithCode(
  ctx: RequestContext,
  rawPhone: string,
  phoneCode: string,
): Promise<{ user: User; token: string }> {
  const check = new InputCheck();
  const phone = check.phone(rawPhone);
  check.done();
  const code = await checkPhoneCode(ctx, phone!, "LOGIN", phoneCode);
  // A code is sent only to a phone with an active account; one disabled since then is refused here.
  const user = await ctx.em.findOne(User, { where: { phone: phone! } });
  if (!user) fail("CODE_WRONG", "phoneCode");
  if (!user.active) fail("ACCOUNT_DISABLED", "phone");
  const result = await ctx.transaction(async (tx) => {
    await consumePhoneCode(tx, code);
    const token = await openSession(tx, user);
    await audit(tx, "user.login", subjectOf(user), { by: "phoneCode" });
    return { user, token };
  });
  await new LoginThrottle(ctx.app.store).cleared(phone!, ctx.ip);
  return result;
}

/** Forgotten password (找回密码): the code proves the phone; every session ends and a new one opens. */
export async function resetPassword(
  ctx: RequestContext,
  input: { phone: string; phoneCode: string; newPassword: string },
): Promise<{ user: User; token: string }> {
  const check = new InputCheck();
  const phone = check.phone(input.phone);
  const next = check.password(input.newPassword, "newPassword");
  if (!input.phoneCode?.trim()) check.add("REQUIRED", "phoneCode");
  check.done();
  const code = await checkPhoneCode(ctx, phone!, "RESET_PASSWORD", input.phoneCode);
  const user = await ctx.em.findOne(User, { where: { phone: phone! } });
  if (!user) fail("CODE_WRONG", "phoneCode");
  if (!user.active) fail("ACCOUNT_DISABLED", "phone");
  const passwordHash = await hashPassword(next!);
  const result = await ctx.transaction(async (tx) => {
    await consumePhoneCode(tx, code);
    await tx.em.update(User, { id: user.id }, { passwordHash });
    const ended = await tx.em.update(Session, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await audit(tx, "user.resetPassword", subjectOf(user), { sessionsRevoked: ended.affected ?? 0 });
    const token = await openSession(tx, user);
    return { user: Object.assign(user, { passwordHash }), token };
  });
  await new LoginThrottle(ctx.app.store).cleared(phone!, ctx.ip);
  return result;
}

/** Checks the signed-in user's password, counting the try first (5 wrong per 15 minutes). */
async function checkOwnPassword(ctx: RequestContext, user: User, password: string, field: string): Promise<void> {
  const key = `password:user:${user.id}`;
  await takeOrFail(ctx.app.store, key, ACCOUNT_LIMITS.passwordPerUser, "TOO_MANY_ATTEMPTS", field);
  if (!(await verifyPassword(password ?? "", user.passwordHash))) fail("WRONG_PASSWORD", field);
  await ctx.app.store.reset(key);
}

/**
 * Moves the account to a new phone once a code sent there proves it, with the current password as
 * a second proof; the trainee profile follows, and every other device signs in again.
 */
export async function changePhone(
  ctx: RequestContext,
  input: { phone: string; phoneCode: string; password: string },
): Promise<User> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const phone = check.phone(input.phone);
  if (!input.phoneCode?.trim()) check.add("REQUIRED", "phoneCode");
  if (!input.password) check.add("REQUIRED", "password");
  check.done();
  const user = await ctx.em.findOneByOrFail(User, { id: viewer.userId });
  if (user.phone === phone) fail("INVALID_VALUE", "phone");
  await checkOwnPassword(ctx, user, input.password, "password");
  const code = await checkPhoneCode(ctx, phone!, "CHANGE_PHONE", input.phoneCode);
  return ctx.transaction(async (tx) => {
    if (await phoneTaken(tx, phone!)) fail("PHONE_TAKEN", "phone");
    await consumePhoneCode(tx, code);
    const before = user.phone;
    await tx.em.update(User, { id: user.id }, { phone: phone! });
    await tx.em.update(Trainee, { userId: user.id }, { phone: phone! });
    await tx.em
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: new Date() })
      .where("user_id = :uid AND id <> :sid AND revoked_at IS NULL", { uid: user.id, sid: viewer.sessionId })
      .execute();
    await audit(tx, "user.changePhone", subjectOf(user), { before: maskPhone(before), after: maskPhone(phone!) });
    return Object.assign(user, { phone: phone! });
  });
}

/**
 * An account without a trainee profile (staff, a judge, or a person whose registration claim was
 * rejected) claims the imported record of a phone it proves by code.
 */
export async function claimTraineeRecord(
  ctx: RequestContext,
  input: { phone: string; phoneCode: string; name: string; idCardNumber?: string | null },
): Promise<{ status: "LINKED" | "PENDING" }> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const phone = check.phone(input.phone);
  const name = check.requiredText(input.name, "name", 64);
  const idCard = input.idCardNumber ? check.idCard(input.idCardNumber) : undefined;
  if (!input.phoneCode?.trim()) check.add("REQUIRED", "phoneCode");
  check.done();
  if (await ctx.em.countBy(Trainee, { userId: viewer.userId })) fail("ALREADY_HAS_PROFILE", "phone");
  const code = await checkPhoneCode(ctx, phone!, "CLAIM", input.phoneCode);
  return ctx.transaction(async (tx) => {
    if (await tx.em.countBy(TraineeClaim, { userId: viewer.userId, status: "PENDING" }))
      fail("ALREADY_HAS_PROFILE", "phone");
    const records = await tx.em.find(Trainee, { where: { phone: phone!, userId: IsNull() }, order: { id: "ASC" } });
    if (!records.length) fail("NO_RECORD_TO_CLAIM", "phone");
    await consumePhoneCode(tx, code);
    const user = await tx.em.findOneByOrFail(User, { id: viewer.userId });
    return { status: await claimRecord(tx, user, records, { name: name!, idCard }) };
  });
}

/**
 * Staff decide a pending claim: approved, the account gets the record as it is; rejected, the
 * account gets a new, empty profile under the name the person typed.
 */
export async function decideTraineeClaim(
  ctx: RequestContext,
  claimId: number | null,
  approve: boolean,
  note: string | null | undefined,
): Promise<TraineeClaim> {
  const viewer = ctx.requireRole("STAFF", "ADMIN");
  const check = new InputCheck();
  const reason = check.text(note, "note", { max: 200, required: !approve });
  check.done();
  return ctx.transaction(async (tx) => {
    const claim = claimId ? await tx.em.findOneBy(TraineeClaim, { id: claimId }) : null;
    if (!claim) return fail("NOT_FOUND", "claimId");
    if (claim.status !== "PENDING") fail("CLAIM_DECIDED", "claimId");
    const user = await tx.em.findOneByOrFail(User, { id: claim.userId });
    if (await tx.em.countBy(Trainee, { userId: user.id })) fail("ALREADY_HAS_PROFILE", "claimId");
    if (approve) {
      const linked = await tx.em
        .createQueryBuilder()
        .update(Trainee)
        .set({ userId: user.id })
        .where("id = :id AND user_id IS NULL", { id: claim.traineeId })
        .execute();
      if (!linked.affected) fail("RECORD_ALREADY_LINKED", "claimId");
    } else {
      await tx.em.insert(Trainee, { name: claim.typedName, phone: user.phone, userId: user.id });
    }
    Object.assign(claim, {
      status: approve ? "APPROVED" : "REJECTED",
      decisionNote: reason ?? null,
      decidedBy: viewer.userId,
      decidedAt: new Date(),
    });
    await tx.em.save(claim);
    await audit(tx, approve ? "trainee.claim.approve" : "trainee.claim.reject", subjectOf(claim), {
      userId: user.id,
      traineeId: claim.traineeId,
    });
    return claim;
  });
}

/** Same cost for unknown phones as for known ones, so timing does not tell which phones exist. */
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export async function logout(ctx: RequestContext, allDevices: boolean): Promise<void> {
  const viewer = ctx.requireViewer();
  await ctx.transaction(async (tx) => {
    const which = allDevices ? { userId: viewer.userId, revokedAt: IsNull() } : { id: viewer.sessionId };
    const result = await tx.em.update(Session, which, { revokedAt: new Date() });
    await audit(tx, "user.logout", { type: "User", id: viewer.userId }, { sessions: result.affected ?? 1 });
  });
}

export async function changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<User> {
  const viewer = ctx.requireViewer();
  const check = new InputCheck();
  const next = check.password(newPassword, "newPassword");
  check.done();
  const user = await ctx.em.findOneByOrFail(User, { id: viewer.userId });
  await checkOwnPassword(ctx, user, currentPassword, "currentPassword");
  const passwordHash = await hashPassword(next!);
  return ctx.transaction(async (tx) => {
    await tx.em.update(User, { id: user.id }, { passwordHash });
    // Every other device must sign in again with the new password.
    const others = await tx.em
      .createQueryBuilder()
      .update(Session)
      .set({ revokedAt: new Date() })
      .where("user_id = :uid AND id <> :sid AND revoked_at IS NULL", { uid: user.id, sid: viewer.sessionId })
      .execute();
    await audit(tx, "user.changePassword", subjectOf(user), { sessionsRevoked: others.affected ?? 0 });
    return Object.assign(user, { passwordHash });
  });
}

/** Resolves a bearer token to a viewer, or null when it is unknown, revoked or expired. */
export async function authenticate(ctx: RequestContext, token: string): Promise<Viewer | null> {
  const hash = tokenHash(ctx.app.config.sessionSecret, token);
  const ds = ctx.app.dataSource;
  // The user's and the trainee's rows come along: `me` and its trainee then need no statement of their own.
  const columns = (target: typeof User | typeof Trainee, alias: string) =>
    ds
      .getMetadata(target)
      .columns.map((c) => `${alias}.${ds.driver.escape(c.databaseName)} AS ${alias}_${c.databaseName}`);
  const row = await ctx.em
    .createQueryBuilder(Session, "s")
    .innerJoin(User, "u", "u.id = s.user_id")
    .leftJoin(Trainee, "t", "t.user_id = u.id")
    .select(["s.id AS sid", "s.expires_at AS expires", "s.revoked_at AS revoked", "s.last_used_at AS used"])
    .addSelect([...columns(User, "u"), ...columns(Trainee, "t")])
    .where("s.token_hash = :hash", { hash })
    .getRawOne<
      Record<string, unknown> & { sid: number; expires: string | Date; revoked: unknown; used: string | Date }
    >();
  if (!row) return null;
  const [user] = hydrate(ds, User, [row], "u_");
  const [trainee] = row.t_id === null ? [null] : hydrate(ds, Trainee, [row], "t_");
  if (row.revoked || !user.active) return null;
  const now = Date.now();
  if (asDate(row.expires).getTime() <= now) return null;
  if (now - asDate(row.used).getTime() > TOUCH_EVERY_MS) {
    // Sliding expiry, written at most every few minutes per session.
    const ttl = ctx.app.config.sessionTtlSeconds * 1000;
    await ctx.em.update(Session, { id: row.sid }, { lastUsedAt: new Date(now), expiresAt: new Date(now + ttl) });
  }
  return {
    userId: user.id,
    roles: user.roles,
    sessionId: Number(row.sid),
    traineeId: trainee?.id ?? null,
    rows: { user, trainee },
  };
}

/** Hands a request's loaders the viewer's own rows, read with the session. */
export function primeViewer(ctx: RequestContext): void {
  const rows = ctx.viewer?.rows;
  if (!rows) return;
  ctx.prime(userById, rows.user.id, rows.user);
  ctx.prime(traineeByUser, rows.user.id, rows.trainee);
  if (rows.trainee) ctx.prime(traineeById, rows.trainee.id, rows.trainee);
}

/** SQLite answers raw datetimes as UTC text without a zone; MySQL as Date objects. */
function asDate(value: string | Date): Date {
  return value instanceof Date ? value : new Date(value.includes("T") ? value : `${value.replace(" ", "T")}Z`);
}

export interface CreateUserInput {
  name: string;
  phone: string;
  password: string;
  roles: Role[];
}

export async function createUser(ctx: RequestContext, input: CreateUserInput): Promise<User> {
  ctx.requireRole("ADMIN");
  const check = new InputCheck();
  const name = check.requiredText(input.name, "name", 64);
  const phone = check.phone(input.phone);
  const password = check.password(input.password);
  if (!input.roles?.length) check.add("ROLES_REQUIRED", "roles");
  check.done();
  const passwordHash = await hashPassword(password!);
  return ctx.transaction(async (tx) => {
    if (await phoneTaken(tx, phone!)) fail("PHONE_TAKEN", "phone");
    const user = tx.em.create(User, {
      name: name!,
      phone: phone!,
      passwordHash,
      roles: unique(input.roles),
      active: true,
    });
    await tx.em.save(user);
    if (user.roles.includes("TRAINEE"))
      await tx.em.insert(Trainee, { name: user.name, phone: user.phone, userId: user.id });
    await audit(tx, "user.create", subjectOf(user), { roles: user.roles });
    return user;
  });
}

const unique = (roles: Role[]) => [...new Set(roles)];

export async function setUserRoles(ctx: RequestContext, userId: number | null, roles: Role[]): Promise<User> {
  ctx.requireRole("ADMIN");
  if (!roles?.length) fail("ROLES_REQUIRED", "roles");
  return ctx.transaction(async (tx) => {
    const user = userId ? await tx.em.findOneBy(User, { id: userId }) : null;
    if (!user) return fail("NOT_FOUND", "userId");
    const next = unique(roles);
    if (user.roles.includes("ADMIN") && !next.includes("ADMIN")) {
      const admins = await tx.em
        .createQueryBuilder(User, "u")
        .where("u.roles LIKE :r AND u.active = :a", { r: "%ADMIN%", a: true })
        .getCount();
      if (admins <= 1) fail("LAST_ADMIN", "roles");
    }
    const before = user.roles;
    user.roles = next;
    await tx.em.save(user);
    if (next.includes("TRAINEE") && !(await tx.em.countBy(Trainee, { userId: user.id }))) {
      await tx.em.insert(Trainee, { name: user.name, phone: user.phone, userId: user.id });
    }
    await audit(tx, "user.setRoles", subjectOf(user), { before, after: next });
    return user;
  });
}

export async function setUserActive(ctx: RequestContext, userId: number | null, active: boolean): Promise<User> {
  const viewer = ctx.requireRole("ADMIN");
  return ctx.transaction(async (tx) => {
    const user = userId ? await tx.em.findOneBy(User, { id: userId }) : null;
    if (!user) return fail("NOT_FOUND", "userId");
    if (!active && user.id === viewer.userId) fail("CANNOT_DISABLE_SELF", "userId");
    user.active = active;
    await tx.em.save(user);
    if (!active) await tx.em.update(Session, { userId: user.id, revokedAt: IsNull() }, { revokedAt: new Date() });
    await audit(tx, active ? "user.enable" : "user.disable", subjectOf(user));
    return user;
  });
}

/** A trainee edits their own profile; here, not in trainees/, because a new name is the account's too. */
export async function updateMyProfile(ctx: RequestContext, input: TraineeFields): Promise<Trainee> {
  const viewer = ctx.requireViewer();
  return ctx.transaction(async (tx) => {
    const trainee = viewer.traineeId ? await tx.em.findOneBy(Trainee, { id: viewer.traineeId }) : null;
    if (!trainee) return fail("NOT_FOUND", "trainee");
    // The login phone is the account's; it is changed with the account, not the profile.
    const changed = await applyFields(tx, trainee, input, false);
    await tx.em.save(trainee);
    // Someone's own word on where they work waits for staff (trainee-enterprise-link.service.ts).
    const claim = input.enterpriseId === undefined ? null : await claimEnterprise(tx, trainee, input.enterpriseId);
    if (claim?.changed) changed.push("enterpriseId");
    // The account shows the same name as the profile.
    if (changed.includes("name") && trainee.userId)
      await tx.em.update(User, { id: trainee.userId }, { name: trainee.name });
    await audit(tx, "trainee.updateProfile", subjectOf(trainee), {
      changed,
      ...(claim?.claimId ? { enterpriseClaimId: claim.claimId } : {}),
    });
    return trainee;
  });
}
