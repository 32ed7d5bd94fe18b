// PRC resident identity card numbers, GB 11643-1999 (18 characters).

export type IdCardResult =
  | { ok: true; value: string; birthDate: string; gender: "MALE" | "FEMALE" }
  | { ok: false; reason: "FORMAT" | "REGION" | "BIRTH_DATE" | "CHECK_DIGIT" };

const FORMAT = /^\d{17}[\dX]$/;
// Province-level codes of GB/T 2260; 71 Taiwan; 81/82/83 residence permits (HK, Macao, Taiwan residents).
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);
// ISO 7064 MOD 11-2: weight i = 2^(17-i) mod 11; remainder → check char.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

export function normalizeIdCard(raw: string): string {
  return raw.trim().replace(/x$/, "X");
}

/** Check character for the first 17 digits (the demo-data generator uses it). */
export function idCardCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError("idCardCheckChar expects 17 digits");
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Returns YYYY-MM-DD, or null if not a real date between 1900-01-01 and today (local time). */
function birthDateOf(yyyymmdd: string): string | null {
  const y = Number(yyyymmdd.slice(0, 4));
  const m = Number(yyyymmdd.slice(4, 6));
  const d = Number(yyyymmdd.slice(6, 8));
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  const now = new Date();
  const today = `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
  // Zero-padded ISO dates compare correctly as strings.
  return iso > today ? null : iso;
}

export function validateIdCard(raw: string): IdCardResult {
  const value = normalizeIdCard(raw);
  if (!FORMAT.test(value)) return { ok: false, reason: "FORMAT" };
  if (!PROVINCES.has(Number(value.slice(0, 2)))) return { ok: false, reason: "REGION" };
  const birthDate = birthDateOf(value.slice(6, 14));
  if (birthDate === null) return { ok: false, reason: "BIRTH_DATE" };
  if (idCardCheckChar(value.slice(0, 17)) !== value[17]) return { ok: false, reason: "CHECK_DIGIT" };
  // 17th character is the sequence code: odd for men, even for women.
  const gender = Number(value[16]) % 2 === 1 ? "MALE" : "FEMALE";
  return { ok: true, value, birthDate, gender };
}

/** `50010119900101123X` → `500101********123X`. */
export function maskIdCard(id: string): string {
  const v = normalizeIdCard(id);
  // Short or malformed input: hide it all rather than leak most of it.
  if (v.length <= 10) return "*".repeat(v.length);
  return `${v.slice(0, 6)}${"*".repeat(v.length - 10)}${v.slice(-4)}`;
}
