/**
 * Valid, unique identifiers for invented people and enterprises: unified social credit codes,
 * resident ID-card numbers and mainland mobile numbers. Check characters come from the shared
 * validators, so every generated value passes the same checks as user input.
 */
import { creditCodeCheckChar, idCardCheckChar, type Gender } from "@zuofu/shared";
import type { Random } from "./random";

/** 9 = registered by the market regulator, 1 = enterprise; 500109 = Beibei district. */
export const BEIBEI_CREDIT_PREFIX = "91500109";

const CODE_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const BASE31_5 = 31 ** 5;
// Prefixes of codes Chongqing issued after the 2015 reform (…MA5U…, …MA60…, …MA61…).
const NEW_CODE_PREFIXES = ["MA5U", "MA60", "MA61"];

/** GB 11714 check character of an old 8-digit organization code. */
function orgCodeCheckChar(digits8: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits8[i]) * weights[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/**
 * The credit code of the `index`-th enterprise. Uniqueness comes from the index alone (a
 * multiplication that is a bijection modulo the code space), never from retrying: enterprises
 * founded before 2016 carry their old organization code, later ones a post-reform "MA" code.
 */
export function creditCode(index: number, foundedYear: number): string {
  let org: string;
  if (foundedYear < 2016) {
    // 37,654,321 is odd and not a multiple of 5, hence invertible modulo 10^8: distinct index, distinct code.
    const body = String((index * 37_654_321 + 20_318_557) % 100_000_000).padStart(8, "0");
    org = body + orgCodeCheckChar(body);
  } else {
    // 9,876,543 is not a multiple of 31, hence invertible modulo 31^5.
    let n = (index * 9_876_543 + 1_234_567) % BASE31_5;
    let body = "";
    for (let i = 0; i < 5; i++, n = Math.floor(n / 31)) body = CODE_ALPHABET[n % 31] + body;
    org = NEW_CODE_PREFIXES[index % NEW_CODE_PREFIXES.length] + body;
  }
  const first17 = BEIBEI_CREDIT_PREFIX + org;
  return first17 + creditCodeCheckChar(first17);
}

/** Chongqing district codes (GB/T 2260): Beibei first, then the districts people move from. */
// prettier-ignore
export const ID_REGIONS: readonly (readonly [string, number])[] = [
  ["500109", 55], ["500106", 6], ["500112", 6], ["500117", 5], ["500103", 3], ["500105", 3], ["500107", 3],
  ["500108", 3], ["500120", 2], ["500151", 2], ["500152", 2], ["500113", 2], ["500116", 2], ["500118", 1],
  ["500101", 1], ["500102", 1], ["500115", 1], ["500111", 1], ["500153", 1], ["500154", 1], ["500230", 1],
  ["500231", 1], ["500233", 1], ["500235", 1], ["500236", 1],
];

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** A random real date of the given year, as YYYYMMDD. */
export function randomDate(rng: Random, year: number): string {
  const month = rng.int(1, 12);
  return `${year}${pad(month)}${pad(rng.int(1, daysInMonth(year, month)))}`;
}

/**
 * A valid 18-digit ID-card number not yet in `used` (which it joins). The 17th digit is odd for
 * men and even for women, as GB 11643 prescribes.
 */
export function idCardNumber(
  rng: Random,
  region: string,
  birthYear: number,
  gender: Gender,
  used: Set<string>,
): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const birth = randomDate(rng, birthYear);
    const sexDigit = 2 * rng.int(0, 4) + (gender === "MALE" ? 1 : 0);
    const first17 = `${region}${birth}${pad(rng.int(0, 99))}${sexDigit}`;
    const id = first17 + idCardCheckChar(first17);
    if (!used.has(id)) {
      used.add(id);
      return id;
    }
  }
  throw new Error("could not find a free ID-card number");
}

/** Mobile prefixes of the three operators, weighted roughly by their share of subscribers. */
// prettier-ignore
const MOBILE_PREFIXES: readonly (readonly [string, number])[] = [
  ["130", 3], ["131", 3], ["132", 3], ["133", 3], ["134", 3], ["135", 5], ["136", 5], ["137", 5], ["138", 6],
  ["139", 7], ["150", 4], ["151", 4], ["152", 4], ["153", 2], ["155", 3], ["156", 3], ["157", 3], ["158", 4],
  ["159", 4], ["177", 2], ["180", 2], ["181", 2], ["182", 3], ["183", 3], ["186", 3], ["187", 3], ["188", 3],
  ["189", 3], ["199", 2],
];

/** The demo accounts live in 1380000xxxx; generated people never get a number there. */
export const RESERVED_PHONE_BLOCK = "1380000";

/** A factory of unique mainland mobile numbers, starting with the numbers already taken. */
export function mobileNumbers(rng: Random, used: Set<string>): () => string {
  const prefix = rng.weightedTable(MOBILE_PREFIXES);
  return () => {
    for (;;) {
      const phone = prefix() + pad(rng.int(0, 99_999_999), 8);
      if (!phone.startsWith(RESERVED_PHONE_BLOCK) && !used.has(phone)) {
        used.add(phone);
        return phone;
      }
    }
  };
}

/**
 * The mobile an enterprise has on file (登记电话) in the demo: 139 and the last eight digits of its
 * credit code, so that a test that reads the (public) code knows where the binding code goes.
 */
export function enterprisePhoneOnFile(code: string): string {
  return `139${code.replace(/\D/g, "").slice(-8).padStart(8, "0")}`;
}
