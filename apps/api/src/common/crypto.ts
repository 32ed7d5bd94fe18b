import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  scrypt,
  timingSafeEqual,
} from "node:crypto";
import { promisify } from "node:util";

const scryptAsync = promisify(scrypt) as (pw: string, salt: Buffer, len: number, opts: object) => Promise<Buffer>;
const SCRYPT = { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scryptAsync(password, salt, 32, SCRYPT);
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString("base64")}$${hash.toString("base64")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt") return false;
  const expected = Buffer.from(hash, "base64");
  const actual = await scryptAsync(password, Buffer.from(salt, "base64"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: SCRYPT.maxmem,
  });
  return timingSafeEqual(actual, expected);
}

/** A random secret for tokens and codes, URL-safe. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString("base64url");
}

/**
 * Encrypts sensitive columns (AES-256-GCM) and hashes them for lookups. Both keys are derived from
 * DATA_KEY, so one secret serves both and neither key is used for two purposes.
 */
export class DataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(dataKey: Buffer) {
    this.encKey = Buffer.from(hkdfSync("sha256", dataKey, Buffer.alloc(0), "zuofu:column-encryption", 32));
    this.macKey = Buffer.from(hkdfSync("sha256", dataKey, Buffer.alloc(0), "zuofu:lookup-hash", 32));
  }

  /** `boundTo` (GCM's additional data, not stored): the text opens only with the same value, e.g. its owner. */
  encrypt(plain: string, boundTo?: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.encKey, iv);
    if (boundTo !== undefined) cipher.setAAD(Buffer.from(boundTo, "utf8"));
    const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64")}`;
  }

  decrypt(sealed: string, boundTo?: string): string {
    if (!sealed.startsWith("v1:")) throw new Error("unknown ciphertext version");
    const raw = Buffer.from(sealed.slice(3), "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.encKey, raw.subarray(0, 12));
    if (boundTo !== undefined) decipher.setAAD(Buffer.from(boundTo, "utf8"));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
  }

  /** Keyed hash: equal inputs match, but the column reveals nothing without DATA_KEY. */
  lookupHash(value: string): string {
    return createHmac("sha256", this.macKey).update(value).digest("hex");
  }
}

/** Session tokens are stored only as a keyed hash, so a database dump holds no usable token. */
export function tokenHash(secret: string, token: string): string {
  return createHmac("sha256", secret).update(token).digest("hex");
}
