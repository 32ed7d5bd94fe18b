import { createHash } from "node:crypto";
import type { CounterStore } from "../../common/store";

/** Limits (OWASP's guidance: slow down first, then lock for a while, per account and per address). */
export const LOGIN_LIMITS = {
  windowSeconds: 15 * 60,
  slowAfter: 3,
  delayStepMs: 250,
  maxDelayMs: 2000,
  perPhone: 5,
  perAddress: 20,
};

/** Phones are hashed before they become store keys: Redis keys are not a place for personal data. */
const phoneKey = (phone: string) => `login:phone:${createHash("sha256").update(phone).digest("hex").slice(0, 32)}`;
const addressKey = (ip: string) => `login:ip:${ip}`;

export class LoginThrottle {
  constructor(
    private readonly store: CounterStore,
    private readonly limits = LOGIN_LIMITS,
  ) {}

  /** Minutes until another try is allowed, or 0 when it is allowed now. */
  async lockedFor(phone: string, ip: string): Promise<number> {
    const [byPhone, byIp] = await Promise.all([this.store.peek(phoneKey(phone)), this.store.peek(addressKey(ip))]);
    const locked = [
      byPhone.count >= this.limits.perPhone ? byPhone.resetsIn : 0,
      byIp.count >= this.limits.perAddress ? byIp.resetsIn : 0,
    ];
    const seconds = Math.max(...locked);
    return seconds > 0 ? Math.ceil(seconds / 60) : 0;
  }

  /** Counts a failure and answers how long to hold the answer back, so guessing gets slower. */
  async failed(phone: string, ip: string): Promise<number> {
    const [byPhone] = await Promise.all([
      this.store.hit(phoneKey(phone), this.limits.windowSeconds),
      this.store.hit(addressKey(ip), this.limits.windowSeconds),
    ]);
    const over = byPhone.count - this.limits.slowAfter;
    return over > 0 ? Math.min(this.limits.maxDelayMs, over * this.limits.delayStepMs) : 0;
  }

  async succeeded(phone: string): Promise<void> {
    await this.store.reset(phoneKey(phone));
  }
}
