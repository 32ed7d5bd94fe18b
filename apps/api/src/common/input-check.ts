import {
  PASSWORD_MIN_LENGTH,
  isMainlandMobile,
  normalizePhone,
  validateCreditCode,
  validateIdCard,
  type ErrorCode,
} from "@zuofu/shared";
import { UserErrors, type ErrorParams, type UserErrorSpec } from "../graphql/errors";

/**
 * Collects every problem of one input before anything changes, so a form can show all of them at
 * once. Each method answers the cleaned value (or undefined after recording an error).
 */
export class InputCheck {
  private readonly errors: UserErrorSpec[] = [];

  add(code: ErrorCode, field: string, params: ErrorParams = {}): undefined {
    this.errors.push({ code, field: ["input", field], params: { field, ...params } });
    return undefined;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  /** Throws the collected errors, if any. */
  done(): void {
    if (this.errors.length) throw new UserErrors(this.errors);
  }

  text(
    raw: string | null | undefined,
    field: string,
    opts: { max: number; required?: boolean },
  ): string | null | undefined {
    if (raw === undefined) return opts.required ? this.add("REQUIRED", field) : undefined;
    const value = (raw ?? "").trim();
    if (!value) return opts.required ? this.add("REQUIRED", field) : null;
    if (value.length > opts.max) return this.add("TOO_LONG", field, { max: opts.max });
    return value;
  }

  requiredText(raw: string | null | undefined, field: string, max: number): string | undefined {
    return this.text(raw, field, { max, required: true }) ?? undefined;
  }

  phone(raw: string, field = "phone"): string | undefined {
    const value = normalizePhone(raw ?? "");
    return isMainlandMobile(value) ? value : this.add("INVALID_PHONE", field);
  }

  idCard(raw: string, field = "idCardNumber"): string | undefined {
    const result = validateIdCard(raw ?? "");
    return result.ok ? result.value : this.add("INVALID_ID_CARD", field, { reason: result.reason });
  }

  creditCode(raw: string, field = "creditCode"): string | undefined {
    const result = validateCreditCode(raw ?? "");
    return result.ok ? result.value : this.add("INVALID_CREDIT_CODE", field, { reason: result.reason });
  }

  password(raw: string, field = "password"): string | undefined {
    if ((raw ?? "").length < PASSWORD_MIN_LENGTH)
      return this.add("PASSWORD_TOO_SHORT", field, { min: PASSWORD_MIN_LENGTH });
    if (raw.length > 128) return this.add("TOO_LONG", field, { max: 128 });
    if (!/[A-Za-z]/.test(raw) || !/\d/.test(raw)) return this.add("PASSWORD_TOO_WEAK", field);
    return raw;
  }

  integer(raw: number | null | undefined, field: string, min: number, max: number): number | null | undefined {
    if (raw === undefined || raw === null) return raw;
    if (!Number.isInteger(raw) || raw < min || raw > max) return this.add("OUT_OF_RANGE", field, { min, max });
    return raw;
  }

  /** A date in YYYY-MM-DD form that exists in the calendar. */
  date(raw: string | null | undefined, field: string): string | null | undefined {
    if (raw === undefined || raw === null || raw === "") return raw === "" ? null : raw;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
    const d = m ? new Date(Date.UTC(+m[1], +m[2] - 1, +m[3])) : null;
    if (!d || d.toISOString().slice(0, 10) !== raw) return this.add("INVALID_VALUE", field);
    return raw;
  }
}
