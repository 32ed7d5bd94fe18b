// Mainland China mobile numbers: 11 digits, 1 + second digit 3-9 (MIIT segments in use).
const MOBILE = /^1[3-9]\d{9}$/;

/** Trims, drops spaces/dashes and a leading +86 / 86 country prefix. */
export function normalizePhone(raw: string): string {
  const compact = raw.trim().replace(/[\s-]/g, "");
  if (compact.startsWith("+86")) return compact.slice(3);
  // A bare "86" is only a prefix when a full 11-digit number follows; keeps short inputs intact.
  if (/^86\d{11}$/.test(compact)) return compact.slice(2);
  return compact;
}

export function isMainlandMobile(raw: string): boolean {
  return MOBILE.test(normalizePhone(raw));
}

/** `13800000001` → `138****0001`. */
export function maskPhone(phone: string): string {
  const p = normalizePhone(phone);
  // Too short to keep 3 + 4 visible without revealing everything: hide it all.
  if (p.length < 8) return "*".repeat(p.length);
  return `${p.slice(0, 3)}****${p.slice(-4)}`;
}
