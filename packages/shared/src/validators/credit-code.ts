// Unified Social Credit Code (统一社会信用代码), GB 32100-2015.

export type CreditCodeResult = { ok: true; value: string } | { ok: false; reason: "FORMAT" | "CHECK_CHAR" };

// 31 characters: digits and capitals without I, O, S, V, Z (easily confused); index = value.
const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
// Authority, type, 6-digit region code, 9-char organization code, check char.
const FORMAT = new RegExp(`^[${ALPHABET}]{2}\\d{6}[${ALPHABET}]{10}$`);

export function normalizeCreditCode(raw: string): string {
  return raw.trim().toUpperCase();
}

/** Check character for the first 17 characters (the demo-data generator uses it). */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError("creditCodeCheckChar expects 17 characters");
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`creditCodeCheckChar: invalid character ${first17[i]}`);
    sum += v * WEIGHTS[i];
  }
  // A remainder of 0 would give 31, which wraps to '0'.
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(raw: string): CreditCodeResult {
  const value = normalizeCreditCode(raw);
  if (!FORMAT.test(value)) return { ok: false, reason: "FORMAT" };
  if (creditCodeCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: "CHECK_CHAR" };
  return { ok: true, value };
}
