import { createHash } from "node:crypto";
import type { CounterStore } from "../../common/store";
import { fail } from "../../graphql/errors";

/**
 * Limits on guessing (OWASP's guidance). Every attempt is counted before its check, atomically
 * (CounterStore.take), so N parallel tries never check more than the limit.
 * - A phone and the address it is tried from, together, lock after `perPair` failures: someone
 *   guessing from elsewhere cannot lock the owner (or the admin) out of their own address.
 * - One address locks after `perAddress` failures over any phones (spraying one password).
 * - A phone's failures from everywhere slow its answers down; past `phoneCeiling` password sign-in
 *   pauses for that phone, while sign-in by SMS code (which proves the phone) still works.
 */
export const LOGIN_LIMITS = {
  windowSeconds: 15 * 60,
  perPair: 5,
  perAddress: 20,
  slowAfter: 3,
  delayStepMs: 250,
  maxDelayMs: 2000,
  phoneCeiling: 50,
};

/** Other account actions that guess or cost: a count per window, taken before the action runs. */
export const ACCOUNT_LIMITS = {
  /** Registrations from one address per hour. */
  registerPerAddress: { limit: 20, windowSeconds: 3600 },
  /** Wrong current passwords per account (changePassword, changePhone). */
  passwordPerUser: { limit: 5, windowSeconds: 15 * 60 },
  /** Phone-code requests from one address per hour, over all phones. */
  codeRequestsPerAddress: { limit: 20, windowSeconds: 3600 },
  /** Phone-code requests for one phone per day, from anywhere. */
  codeRequestsPerPhone: { limit: 10, windowSeconds: 24 * 3600 },
  /** Seconds before the same phone may have a new code for the same purpose. */
  codeResendSeconds: 60,
  /** Phone-code checks from one address per hour, over all phones and codes. */
  codeChecksPerAddress: { limit: 60, windowSeconds: 3600 },
};

/** Phones are hashed before they become store keys: Redis keys are not a place for personal data. */
export const phoneKey = (phone: string) => createHash("sha256").update(`zuofu:${phone}`).digest("hex").slice(0, 32);

const minutes = (seconds: number) => Math.max(1, Math.ceil(seconds / 60));

/**
 * Counts one action against a limit before it runs; past the limit it stops with `code` and the
 * minutes until the window ends. Answers the count so far.
 */
export async function takeOrFail(
  store: CounterStore,
  key: string,
  rule: { limit: number; windowSeconds: number },
  code: "TOO_MANY_REQUESTS" | "TOO_MANY_ATTEMPTS" | "CODE_DAILY_LIMIT",
  field: string,
): Promise<number> {
  const taken = await store.take(key, 1, rule.limit, rule.windowSeconds);
  if (!taken.granted) fail(code, field, { minutes: minutes(taken.resetsIn) });
  return taken.count;
}

/** Returns one counted attempt; a window that ended meanwhile is not left below zero. */
async function giveBack(store: CounterStore, key: string, windowSeconds: number): Promise<void> {
  const after = await store.hit(key, windowSeconds, -1);
  if (after.count < 0) await store.reset(key);
}

export class LoginThrottle {
  constructor(
    private readonly store: CounterStore,
    private readonly limits = LOGIN_LIMITS,
  ) {}

  private keys(phone: string, ip: string) {
    const p = phoneKey(phone);
    return { pair: `login:pair:${p}:${ip}`, address: `login:ip:${ip}`, phone: `login:phone:${p}` };
  }

  /**
   * Counts this attempt before the password is checked; throws TOO_MANY_ATTEMPTS or
   * PASSWORD_SIGNIN_SUSPENDED when it may not be checked at all.
   */
  async begin(phone: string, ip: string): Promise<void> {
    const k = this.keys(phone, ip);
    const w = this.limits.windowSeconds;
    const byPhone = await this.store.peek(k.phone);
    if (byPhone.count >= this.limits.phoneCeiling)
      fail("PASSWORD_SIGNIN_SUSPENDED", "phone", { minutes: minutes(byPhone.resetsIn) });
    await takeOrFail(
      this.store,
      k.address,
      { limit: this.limits.perAddress, windowSeconds: w },
      "TOO_MANY_ATTEMPTS",
      "phone",
    );
    const pair = await this.store.take(k.pair, 1, this.limits.perPair, w);
    if (!pair.granted) {
      await giveBack(this.store, k.address, w); // the address's count is for checks made, and none was
      fail("TOO_MANY_ATTEMPTS", "phone", { minutes: minutes(pair.resetsIn) });
    }
  }

  /** Counts a failure for the phone everywhere; answers how long to hold the answer back. */
  async failed(phone: string, ip: string): Promise<number> {
    const byPhone = await this.store.hit(this.keys(phone, ip).phone, this.limits.windowSeconds);
    const over = byPhone.count - this.limits.slowAfter;
    return over > 0 ? Math.min(this.limits.maxDelayMs, over * this.limits.delayStepMs) : 0;
  }

  /** A right password: this pair starts over, and the address gets back the attempt it spent. */
  async succeeded(phone: string, ip: string): Promise<void> {
    const k = this.keys(phone, ip);
    await Promise.all([this.store.reset(k.pair), giveBack(this.store, k.address, this.limits.windowSeconds)]);
  }

  /** The owner proved the phone by code (signed in or reset the password): its locks end. */
  async cleared(phone: string, ip: string): Promise<void> {
    const k = this.keys(phone, ip);
    await Promise.all([this.store.reset(k.pair), this.store.reset(k.phone)]);
  }
}
