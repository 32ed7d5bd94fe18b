import { IsNull } from "typeorm";
import type { Role } from "@zuofu/shared";
import type { RequestContext, Viewer } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { hashPassword, randomToken, tokenHash, verifyPassword } from "../../common/crypto";
import { audit, subjectOf } from "../audit/audit.service";
import { Trainee } from "../trainees/trainee.entity";
import { prepareIdCard, assertEnterpriseExists } from "../trainees/trainee.service";
import { LoginThrottle } from "./login-throttle";
import { Session } from "./session.entity";
import { User } from "./user.entity";
import { userById } from "./account.loaders";
import { hydrate } from "../../graphql/rows";
import { traineeById, traineeByUser } from "../trainees/trainee.loaders";

/** How often a session's last-use time is written: not on every request. */
const TOUCH_EVERY_MS = 5 * 60 * 1000;

export interface RegisterTraineeInput {
  name: string;
  phone: string;
  password: string;
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

export async function registerTrainee(
  ctx: RequestContext,
  input: RegisterTraineeInput,
): Promise<{ user: User; token: string }> {
  const check = new InputCheck();
  const name = check.requiredText(input.name, "name", 64);
  const phone = check.phone(input.phone);
  const password = check.password(input.password);
  const idCard = input.idCardNumber ? check.idCard(input.idCardNumber) : undefined;
  check.done();
  if (input.enterpriseIdGiven && input.enterpriseId === null) fail("NOT_FOUND", "enterpriseId");
  const passwordHash = await hashPassword(password!);

  return ctx.transaction(async (tx) => {
    if (await phoneTaken(tx, phone!)) fail("PHONE_TAKEN", "phone");
    if (input.enterpriseId) await assertEnterpriseExists(tx, input.enterpriseId, "enterpriseId");
    const user = tx.em.create(User, { name: name!, phone: phone!, passwordHash, roles: ["TRAINEE"], active: true });
    await tx.em.save(user);
    // A person imported with a past cohort claims that record by registering with the same phone.
    let trainee = await tx.em.findOne(Trainee, { where: { phone: phone!, userId: IsNull() } });
    trainee ??= tx.em.create(Trainee, { name: name!, phone: phone! });
    trainee.userId = user.id;
    trainee.name = name!;
    if (input.enterpriseId) trainee.enterpriseId = input.enterpriseId;
    if (idCard) Object.assign(trainee, await prepareIdCard(tx, idCard, trainee.id ?? null));
    await tx.em.save(trainee);
    await audit(tx, "user.register", subjectOf(user), { traineeId: trainee.id });
    const token = await openSession(tx, user);
    return { user, token };
  });
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
  const minutes = await throttle.lockedFor(phone!, ctx.ip);
  if (minutes > 0) fail("TOO_MANY_ATTEMPTS", "phone", { minutes });

  const user = await ctx.em.findOne(User, { where: { phone: phone! } });
  const valid = user ? await verifyPassword(password, user.passwordHash) : await verifyPassword(password, DUMMY_HASH);
  if (!user || !valid) {
    const delay = await throttle.failed(phone!, ctx.ip);
    if (delay) await new Promise((r) => setTimeout(r, delay));
    fail("WRONG_CREDENTIALS", "password");
  }
  if (!user.active) fail("ACCOUNT_DISABLED", "phone");
  await throttle.succeeded(phone!);
  return ctx.transaction(async (tx) => {
    const token = await openSession(tx, user);
    await audit(tx, "user.login", subjectOf(user));
    return { user, token };
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
  if (!(await verifyPassword(currentPassword ?? "", user.passwordHash))) fail("WRONG_PASSWORD", "currentPassword");
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
