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
  "*.token",
  "*.secret",
  "variables",
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: "[redacted]" }, base: { service: "zuofu-api" } });
}
