import "reflect-metadata";
import { spawnSync } from "node:child_process";
import { NOTIFICATION_KINDS, PHONE_CODE_PURPOSES } from "@zuofu/shared";
import { parseSmsConfig } from "../../../config";
import { BUILT_MAIN } from "../../../testing/built-server";
import { SMS_NOTICE_PURPOSES, SMS_PURPOSES } from "../sms-templates";

const ALIYUN = {
  SMS_PROVIDER: "aliyun",
  SMS_ACCESS_KEY_ID: "LTAI5tZuofuTestKeyId",
  SMS_ACCESS_KEY_SECRET: "aliyun-secret",
  SMS_SIGN_NAME: "卢作孚民营经济学院",
};
const TENCENT = {
  SMS_PROVIDER: "tencent",
  SMS_SECRET_ID: "AKIDzuofuTestSecretId",
  SMS_SECRET_KEY: "tencent-secret",
  SMS_SDK_APP_ID: "1400123456",
  SMS_SIGN_NAME: "卢作孚民营经济学院",
};
const every = (prefix: string) => JSON.stringify(Object.fromEntries(SMS_PURPOSES.map((p, i) => [p, `${prefix}${i}`])));

describe("SMS settings", () => {
  it("default to the inbox outside production and are required in production", () => {
    expect(parseSmsConfig({}, "development")).toEqual({
      provider: "inbox",
      inboxFile: expect.stringMatching(/sms-inbox\.jsonl$/),
    });
    expect(() => parseSmsConfig({}, "production")).toThrow("SMS_PROVIDER is required when NODE_ENV=production");
    expect(parseSmsConfig({ SMS_PROVIDER: "inbox" }, "production").provider).toBe("inbox");
    expect(() => parseSmsConfig({ SMS_PROVIDER: "twilio" }, "development")).toThrow("SMS_PROVIDER must be");
  });

  it("refuse a gateway without its keys or signature, in any environment", () => {
    expect(() => parseSmsConfig({ SMS_PROVIDER: "aliyun" }, "development")).toThrow(
      "SMS_PROVIDER=aliyun needs SMS_ACCESS_KEY_ID, SMS_ACCESS_KEY_SECRET, SMS_SIGN_NAME",
    );
    expect(() => parseSmsConfig({ ...TENCENT, SMS_SDK_APP_ID: "" }, "test")).toThrow(
      "SMS_PROVIDER=tencent needs SMS_SDK_APP_ID",
    );
  });

  it("need a template for every code purpose and notification kind in production", () => {
    const some = JSON.stringify({ REGISTER: "SMS_1", LOGIN: "SMS_2" });
    expect(() => parseSmsConfig({ ...ALIYUN, SMS_TEMPLATES: some }, "production")).toThrow(
      /SMS_TEMPLATES has no template for RESET_PASSWORD, CHANGE_PHONE, CLAIM, BIND_ENTERPRISE, REGISTERED_ALREADY, PHONE_IN_USE, ENROLLMENT_APPROVED, .*EVENT_TOMORROW, PROBLEM_ASSIGNED, .*PROBLEM_NOT_SATISFIED: every purpose needs one when NODE_ENV=production/,
    );
    expect(parseSmsConfig({ ...ALIYUN, SMS_TEMPLATES: some }, "development").gateway?.templates).toEqual({
      REGISTER: { id: "SMS_1", params: ["code", "minutes"] },
      LOGIN: { id: "SMS_2", params: ["code", "minutes"] },
    });
    expect(SMS_PURPOSES).toEqual([...PHONE_CODE_PURPOSES, ...SMS_NOTICE_PURPOSES, ...NOTIFICATION_KINDS]);

    const config = parseSmsConfig({ ...TENCENT, SMS_TEMPLATES: every("20010") }, "production");
    expect(config.gateway).toMatchObject({
      keyId: TENCENT.SMS_SECRET_ID,
      appId: TENCENT.SMS_SDK_APP_ID,
      signName: "卢作孚民营经济学院",
      region: "ap-guangzhou",
      endpoint: undefined,
    });
    expect(config.gateway?.templates.COHORT_CHANGED).toEqual({
      id: expect.any(String),
      params: ["cohort", "startsOn", "endsOn", "venue"],
    });
    expect(parseSmsConfig({ ...ALIYUN, SMS_TEMPLATES: every("SMS_") }, "production").gateway?.region).toBe(
      "cn-hangzhou",
    );
  });

  it("take a template's own params and order, and refuse what no message carries", () => {
    const custom = JSON.stringify({ ENROLLMENT_REJECTED: { id: "2001002", params: ["cohort"] } });
    expect(parseSmsConfig({ ...TENCENT, SMS_TEMPLATES: custom }, "test").gateway?.templates).toEqual({
      ENROLLMENT_REJECTED: { id: "2001002", params: ["cohort"] },
    });
    const bad: [string, string][] = [
      ["{not json", "SMS_TEMPLATES must be a JSON object"],
      ['["SMS_1"]', "SMS_TEMPLATES must be a JSON object"],
      ['{"SIGNUP":"SMS_1"}', 'SMS_TEMPLATES: "SIGNUP" is not a purpose'],
      ['{"LOGIN":""}', "SMS_TEMPLATES.LOGIN needs a template id"],
      ['{"LOGIN":{"id":"SMS_1","params":["password"]}}', "SMS_TEMPLATES.LOGIN.params may only name code, minutes"],
    ];
    for (const [templates, message] of bad)
      expect(() => parseSmsConfig({ ...ALIYUN, SMS_TEMPLATES: templates }, "test")).toThrow(message);
  });

  it("take an endpoint as a bare http(s) URL", () => {
    const at = (SMS_ENDPOINT: string) => parseSmsConfig({ ...ALIYUN, SMS_ENDPOINT }, "test").gateway?.endpoint;
    expect(at("https://dysmsapi.aliyuncs.com")).toEqual({ protocol: "https", host: "dysmsapi.aliyuncs.com" });
    expect(at("http://127.0.0.1:8080/")).toEqual({ protocol: "http", host: "127.0.0.1:8080" });
    for (const bad of ["dysmsapi.aliyuncs.com", "ftp://x", "https://x/path", "https://user:pw@x"])
      expect(() => at(bad)).toThrow("SMS_ENDPOINT must be a bare URL");
  });

  it("stop a production server from starting with a clear message", () => {
    const run = spawnSync(process.execPath, [BUILT_MAIN], {
      env: {
        PATH: process.env.PATH,
        NODE_ENV: "production",
        SESSION_SECRET: "s".repeat(40),
        DATA_KEY: "7a".repeat(32),
        DATABASE_URL: "sqlite::memory:",
        ...ALIYUN,
        SMS_TEMPLATES: JSON.stringify({ REGISTER: "SMS_1" }),
      },
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Zuofu failed to start: SMS_TEMPLATES has no template for LOGIN, /);
    expect(run.stderr).not.toContain("aliyun-secret");
  });
});
