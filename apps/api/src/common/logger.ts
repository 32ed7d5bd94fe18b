import pino, { type Logger } from "pino";

/** Paths that may carry personal data or secrets; pino replaces them before a line is written. */
const REDACT = [
  "req.headers.authorization",
  "req.headers.cookie",
  'req.headers["idempotency-key"]',
  "*.password",
  "*.newPassword",
  "*.currentPassword",
  "*.phone",
  "*.idCardNumber",
  "*.phoneCode",
  "*.token",
  "*.secret",
  "variables",
];

/** `destination`: where lines go (stdout when left out); tests capture them to scan for secrets. */
export function createLogger(level: string, destination?: NodeJS.WritableStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service: "zuofu-api" } };
  return destination ? pino(options, destination) : pino(options);
}
