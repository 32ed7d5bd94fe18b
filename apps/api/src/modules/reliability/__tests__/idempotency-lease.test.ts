import "reflect-metadata";
import { loadConfig } from "../../../config";

const base = {
  NODE_ENV: "test",
  DATABASE_URL: "sqlite::memory:",
  SESSION_SECRET: "test-session-secret-of-at-least-32-characters",
  DATA_KEY: "7a".repeat(32),
};

describe("IDEMPOTENCY_LEASE_SECONDS", () => {
  it("is two minutes unless set, and whole seconds when set", () => {
    expect(loadConfig(base).idempotencyLeaseMs).toBe(120_000);
    expect(loadConfig({ ...base, IDEMPOTENCY_LEASE_SECONDS: "8" }).idempotencyLeaseMs).toBe(8_000);
  });

  it("refuses to start on a value that is not a positive whole number of seconds", () => {
    for (const bad of ["0", "-5", "1.5", "soon"]) {
      expect(() => loadConfig({ ...base, IDEMPOTENCY_LEASE_SECONDS: bad })).toThrow(
        "IDEMPOTENCY_LEASE_SECONDS must be a whole number of seconds",
      );
    }
  });
});
