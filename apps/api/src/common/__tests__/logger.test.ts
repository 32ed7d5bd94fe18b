import { Writable } from "node:stream";
import { createLogger } from "../logger";

describe("the server's logger", () => {
  it("writes no credential: headers, GraphQL variables and input fields are redacted", () => {
    const lines: string[] = [];
    const log = createLogger(
      "debug",
      new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) }),
    );
    log.info(
      {
        req: {
          headers: { authorization: "Bearer tok-header", cookie: "session=tok-cookie", "idempotency-key": "k-1" },
        },
        variables: { input: { phone: "13800000001", password: "pw-variables" } },
        input: {
          password: "pw-input",
          newPassword: "pw-new",
          phoneCode: "654321",
          token: "tok-input",
          secret: "sk-input",
        },
        payload: { token: "tok-payload", secret: "sk-payload" },
      },
      "a request",
    );
    const out = lines.join("");
    expect(out).toContain('"msg":"a request"');
    for (const value of [
      "tok-header",
      "tok-cookie",
      "k-1",
      "13800000001",
      "pw-variables",
      "pw-input",
      "pw-new",
      "654321",
      "tok-input",
      "sk-input",
      "tok-payload",
      "sk-payload",
    ])
      expect([value, out.includes(value)]).toEqual([value, false]);
  });
});
