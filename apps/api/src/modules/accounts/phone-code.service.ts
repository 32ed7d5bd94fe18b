import { randomInt, timingSafeEqual } from "node:crypto";
import { maskPhone, type PhoneCodePurpose } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { InputCheck } from "../../common/input-check";
import { SmsGatewayError } from "../sms/sms.gateway";
import type { SmsNoticePurpose } from "../sms/sms-templates";
import { Trainee } from "../trainees/trainee.entity";
import { Enterprise } from "../enterprises/enterprise.entity";
import { ACCOUNT_LIMITS, phoneKey, takeOrFail } from "./login-throttle";
import { PhoneCode } from "./phone-code.entity";
import { User } from "./user.entity";
import { IsNull } from "typeorm";

/** Six digits, good for five minutes and five tries (what Chinese services commonly use). */
export const PHONE_CODE_RULES = { digits: 6, ttlSeconds: 5 * 60, triesPerCode: 5 };

/** What the message says, per purpose; `{code}` and `{minutes}` are filled in. */
const TEXTS: Record<PhoneCodePurpose | SmsNoticePurpose, string> = {
  REGISTER: "您正在注册作孚学院账号，验证码{code}，{minutes}分钟内有效。如非本人操作，请忽略本短信。",
  LOGIN: "您正在登录作孚学院账号，验证码{code}，{minutes}分钟内有效。请勿将验证码告诉他人。",
  RESET_PASSWORD: "您正在重置作孚学院账号的密码，验证码{code}，{minutes}分钟内有效。如非本人操作，请勿泄露。",
  CHANGE_PHONE: "您正在将作孚学院账号的手机号更换为本号码，验证码{code}，{minutes}分钟内有效。",
  CLAIM: "您正在认领作孚学院的学员档案，验证码{code}，{minutes}分钟内有效。如非本人操作，请忽略本短信。",
  BIND_ENTERPRISE:
    "您正在绑定企业为作孚学院政企直通车联络人，验证码{code}，{minutes}分钟内有效。如非本企业人员操作，请忽略本短信。",
  // Told to the phone's owner instead of a code, so the requester learns nothing about the phone.
  REGISTERED_ALREADY: "有人尝试用本手机号注册作孚学院账号。本号码已注册，可直接登录或找回密码；如非本人操作，请忽略。",
  PHONE_IN_USE: "有人尝试将本手机号绑定到另一个作孚学院账号。本号码已绑定账号，未作更改；如非本人操作，请忽略。",
};

const fill = (text: string, params: Record<string, string>) => text.replace(/\{(\w+)\}/g, (_, k) => params[k] ?? "");

const hashOf = (ctx: RequestContext, phone: string) => ctx.app.cipher.lookupHash(`phone:${phone}`);
const codeHashOf = (ctx: RequestContext, phone: string, purpose: PhoneCodePurpose, code: string) =>
  ctx.app.cipher.lookupHash(`phone-code:${purpose}:${phone}:${code}`);

/**
 * What the phone should get for this purpose: a code, a notice instead of one (the phone cannot be
 * used so, and its owner should know someone tried), or nothing (no account to sign in to).
 */
async function messageFor(
  ctx: RequestContext,
  phone: string,
  purpose: PhoneCodePurpose,
): Promise<"code" | "REGISTERED_ALREADY" | "PHONE_IN_USE" | null> {
  const user = await ctx.em.findOne(User, { where: { phone }, select: { id: true, active: true } });
  switch (purpose) {
    case "REGISTER":
      return user ? "REGISTERED_ALREADY" : "code";
    case "LOGIN":
    case "RESET_PASSWORD":
      return user?.active ? "code" : null;
    case "CHANGE_PHONE":
      return user ? (user.id === ctx.viewer?.userId ? null : "PHONE_IN_USE") : "code";
    case "CLAIM":
      return (await ctx.em.countBy(Trainee, { phone, userId: IsNull() })) > 0 ? "code" : null;
    case "BIND_ENTERPRISE":
      // Only a phone some enterprise has on file can prove anything: others get no message.
      return (await ctx.em.countBy(Enterprise, { phone })) > 0 ? "code" : null;
  }
}

export interface PhoneCodeSent {
  /** The phone, masked, as the screen shows it: 138****0001. */
  sentTo: string;
  resendAfterSeconds: number;
  expiresInSeconds: number;
}

/**
 * Sends a code for `purpose` (手机验证码). The answer is the same whether or not the phone has an
 * account: a code is made every time and sent only where it can be used.
 */
export async function requestPhoneCode(
  ctx: RequestContext,
  rawPhone: string,
  purpose: PhoneCodePurpose,
): Promise<PhoneCodeSent> {
  const check = new InputCheck();
  const phone = check.phone(rawPhone);
  check.done();
  // Changing one's phone and claiming a record are things an account does.
  if (purpose === "CHANGE_PHONE" || purpose === "CLAIM" || purpose === "BIND_ENTERPRISE") ctx.requireViewer();

  const store = ctx.app.store;
  const key = phoneKey(phone!);
  await takeOrFail(store, `code:ip:${ctx.ip}`, ACCOUNT_LIMITS.codeRequestsPerAddress, "TOO_MANY_REQUESTS", "phone");
  const resend = await store.take(`code:resend:${purpose}:${key}`, 1, 1, ACCOUNT_LIMITS.codeResendSeconds);
  if (!resend.granted) fail("CODE_TOO_SOON", "phone", { seconds: Math.max(1, resend.resetsIn) });
  await takeOrFail(store, `code:day:${key}`, ACCOUNT_LIMITS.codeRequestsPerPhone, "CODE_DAILY_LIMIT", "phone");

  const code = String(randomInt(0, 10 ** PHONE_CODE_RULES.digits)).padStart(PHONE_CODE_RULES.digits, "0");
  const what = await messageFor(ctx, phone!, purpose);
  const row = await ctx.transaction(async (tx) =>
    tx.em.save(
      tx.em.create(PhoneCode, {
        phoneHash: hashOf(tx, phone!),
        purpose,
        codeHash: codeHashOf(tx, phone!, purpose, code),
        attempts: 0,
        expiresAt: new Date(Date.now() + PHONE_CODE_RULES.ttlSeconds * 1000),
        consumedAt: null,
      }),
    ),
  );
  if (what) {
    const params = { code, minutes: String(PHONE_CODE_RULES.ttlSeconds / 60) };
    const withCode = what === "code";
    try {
      await ctx.app.sms.send({
        to: phone!,
        purpose: withCode ? purpose : what,
        text: fill(TEXTS[withCode ? purpose : what], params),
        params: withCode ? params : {},
        code: withCode ? code : undefined,
      });
    } catch (err) {
      // Nothing half-done: the code that was not sent is gone, and the caller may try again at once.
      await ctx.transaction((tx) => tx.em.delete(PhoneCode, { id: row.id }));
      await store.reset(`code:resend:${purpose}:${key}`);
      if (!(err instanceof SmsGatewayError)) throw err;
      ctx.log.warn({ reason: err.reason, providerCode: err.providerCode, purpose }, "phone code not sent");
      fail(err.reason === "REJECTED" ? "SMS_REJECTED" : "SMS_UNAVAILABLE", "phone");
    }
  }
  return {
    sentTo: maskPhone(phone!),
    resendAfterSeconds: ACCOUNT_LIMITS.codeResendSeconds,
    expiresInSeconds: PHONE_CODE_RULES.ttlSeconds,
  };
}

/**
 * Checks a code for a phone and purpose, counting the try first (in its own short transaction, so a
 * failed mutation does not give the try back). Answers the code's row, which the caller consumes
 * with `consumePhoneCode` in the transaction that does what the code allowed.
 */
export async function checkPhoneCode(
  ctx: RequestContext,
  phone: string,
  purpose: PhoneCodePurpose,
  rawCode: string | null | undefined,
  field = "phoneCode",
): Promise<PhoneCode> {
  const code = (rawCode ?? "").trim();
  if (!code) fail("REQUIRED", field);
  await takeOrFail(
    ctx.app.store,
    `code:check:${ctx.ip}`,
    ACCOUNT_LIMITS.codeChecksPerAddress,
    "TOO_MANY_REQUESTS",
    field,
  );
  const latest = await ctx.em.findOne(PhoneCode, {
    where: { phoneHash: hashOf(ctx, phone), purpose },
    order: { id: "DESC" },
  });
  if (!latest) fail("CODE_WRONG", field);
  if (latest.consumedAt || latest.expiresAt.getTime() <= Date.now()) fail("CODE_EXPIRED", field);
  const counted = await ctx.transaction(async (tx) => {
    const result = await tx.em
      .createQueryBuilder()
      .update(PhoneCode)
      .set({ attempts: () => "attempts + 1" })
      .where("id = :id AND attempts < :max AND consumed_at IS NULL", {
        id: latest.id,
        max: PHONE_CODE_RULES.triesPerCode,
      })
      .execute();
    return result.affected ?? 0;
  });
  if (!counted) fail("CODE_TRIES_EXHAUSTED", field);
  const expected = Buffer.from(latest.codeHash, "hex");
  const actual = Buffer.from(codeHashOf(ctx, phone, purpose, /^\d{6}$/.test(code) ? code : "-"), "hex");
  if (!timingSafeEqual(expected, actual)) fail("CODE_WRONG", field);
  return latest;
}

/** Uses the code up, inside the caller's transaction; a code used meanwhile by another request fails. */
export async function consumePhoneCode(tx: RequestContext, row: PhoneCode, field = "phoneCode"): Promise<void> {
  const result = await tx.em
    .createQueryBuilder()
    .update(PhoneCode)
    .set({ consumedAt: new Date() })
    .where("id = :id AND consumed_at IS NULL", { id: row.id })
    .execute();
  if (!result.affected) fail("CODE_EXPIRED", field);
}
