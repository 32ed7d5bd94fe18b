import { createHash, createHmac, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One SendSms the provider accepted or refused after checking its signature. */
export interface ReceivedSms {
  phone: string;
  signName: string;
  templateId: string;
  /** Aliyun: the TemplateParam object; Tencent: the TemplateParamSet list. */
  params: Record<string, string> | string[];
  answer: string;
}

export interface FakeAccount {
  keyId: string;
  keySecret: string;
  signName: string;
  /** Approved templates: id to the variable names (Aliyun) or their count (Tencent, as names for the count). */
  templates: Record<string, string[]>;
  /** How many messages one phone may get before the provider's flow control answers (as for codes: 1 a minute). */
  perPhoneLimit?: number;
  /** Tencent's SmsSdkAppId. */
  appId?: string;
}

/**
 * A provider's SMS endpoint on a kernel-assigned loopback port, checking each request as the
 * provider does: the signature recomputed with the account's secret, the clock, the action and
 * version, then the phone, the signature name, the template and its params. `outage` makes it
 * answer 5xx as an overloaded gateway would.
 */
export abstract class FakeProvider {
  readonly received: ReceivedSms[] = [];
  /** Requests refused before the SMS checks (signature, clock, action), by error code. */
  readonly refused: string[] = [];
  outage = false;
  private readonly server: Server;
  private readonly sentTo = new Map<string, number>();
  url = "";

  constructor(protected readonly account: FakeAccount) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => this.handle(req, Buffer.concat(chunks), res));
    });
  }

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, "127.0.0.1", done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((done) => this.server.close(() => done()));
  }

  /** The flow control's window passes: every phone may receive again. */
  resetLimits(): void {
    this.sentTo.clear();
  }

  /** The provider's flow control: true when this phone has had its share. */
  protected overLimit(phone: string): boolean {
    const sent = this.sentTo.get(phone) ?? 0;
    this.sentTo.set(phone, sent + 1);
    return sent >= (this.account.perPhoneLimit ?? Infinity);
  }

  protected abstract handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");
const hmac = (key: string | Buffer, data: string) => createHmac("sha256", key).update(data).digest();
/** RFC 3986 percent-encoding, which both providers' canonical forms use. */
const rfc3986 = (s: string) =>
  encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function json(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json;charset=utf-8" });
  res.end(JSON.stringify(body));
}

/**
 * Alibaba Cloud's dysmsapi as SDK v4 calls it: RPC style over the V3 signature
 * (`Authorization: ACS3-HMAC-SHA256 Credential=..,SignedHeaders=..,Signature=..`, the hex
 * HMAC-SHA256 of the hashed canonical request), the action in `x-acs-action`, the params in the query.
 */
export class FakeAliyun extends FakeProvider {
  private readonly nonces = new Set<string>();

  protected handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const requestId = randomUUID().toUpperCase();
    const refuse = (status: number, code: string) => {
      this.refused.push(code);
      json(res, status, { RequestId: requestId, HostId: "dysmsapi.aliyuncs.com", Code: code, Message: code });
    };
    if (this.outage) return refuse(503, "ServiceUnavailable");
    const auth = /^ACS3-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization ?? ""),
    );
    if (!auth) return refuse(400, "IncompleteSignature");
    const [, keyId, signedHeaderList, signature] = auth;
    if (keyId !== this.account.keyId) return refuse(404, "InvalidAccessKeyId.NotFound");
    const signed = signedHeaderList.split(";");
    const mustSign = [
      "host",
      "x-acs-action",
      "x-acs-content-sha256",
      "x-acs-date",
      "x-acs-signature-nonce",
      "x-acs-version",
    ];
    if (mustSign.some((h) => !signed.includes(h))) return refuse(400, "IncompleteSignature");
    if (req.headers["x-acs-content-sha256"] !== sha256(body)) return refuse(400, "SignatureDoesNotMatch");
    const date = Date.parse(String(req.headers["x-acs-date"]));
    if (!(Math.abs(Date.now() - date) < 15 * 60_000)) return refuse(400, "InvalidTimeStamp.Expired");
    const nonce = String(req.headers["x-acs-signature-nonce"]);
    if (this.nonces.has(nonce)) return refuse(400, "SignatureNonceUsed");
    this.nonces.add(nonce);

    const url = new URL(req.url!, "http://x");
    const query = [...url.searchParams.entries()]
      .map(([k, v]) => [rfc3986(k), rfc3986(v)])
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${k}=${v}`)
      .join("&");
    const headers = [...signed]
      .sort()
      .map((h) => `${h}:${String(req.headers[h] ?? "").trim()}\n`)
      .join("");
    const canonical = [req.method, url.pathname, query, headers, signed.join(";"), sha256(body)].join("\n");
    const expected = hmac(this.account.keySecret, `ACS3-HMAC-SHA256\n${sha256(canonical)}`).toString("hex");
    if (expected !== signature) return refuse(400, "SignatureDoesNotMatch");
    if (req.headers["x-acs-action"] !== "SendSms" || req.headers["x-acs-version"] !== "2017-05-25")
      return refuse(400, "InvalidAction.NotFound");

    const q = url.searchParams;
    const sms: ReceivedSms = {
      phone: q.get("PhoneNumbers") ?? "",
      signName: q.get("SignName") ?? "",
      templateId: q.get("TemplateCode") ?? "",
      params: JSON.parse(q.get("TemplateParam") ?? "{}"),
      answer: "OK",
    };
    const variables = this.account.templates[sms.templateId];
    const given = Object.keys(sms.params);
    if (!/^1[3-9]\d{9}$/.test(sms.phone)) sms.answer = "isv.MOBILE_NUMBER_ILLEGAL";
    else if (sms.signName !== this.account.signName) sms.answer = "isv.SMS_SIGNATURE_ILLEGAL";
    else if (!variables) sms.answer = "isv.SMS_TEMPLATE_ILLEGAL";
    else if (variables.some((v) => !given.includes(v))) sms.answer = "isv.TEMPLATE_MISSING_PARAMETERS";
    else if (this.overLimit(sms.phone)) sms.answer = "isv.BUSINESS_LIMIT_CONTROL";
    this.received.push(sms);
    json(res, 200, {
      RequestId: requestId,
      Code: sms.answer,
      Message: sms.answer === "OK" ? "OK" : "refused",
      ...(sms.answer === "OK" ? { BizId: `${Date.now()}^0` } : {}),
    });
  }
}

/**
 * Tencent Cloud's sms API 2021-01-11: a JSON POST signed with TC3-HMAC-SHA256 (the key derived
 * from the secret, the credential's date and service), the action in `X-TC-Action`. Per-number
 * outcomes (throttling) come in SendStatusSet; a bad request in Response.Error.
 */
export class FakeTencent extends FakeProvider {
  protected handle(req: IncomingMessage, body: Buffer, res: ServerResponse): void {
    const requestId = randomUUID();
    const error = (code: string) => {
      this.refused.push(code);
      json(res, 200, { Response: { Error: { Code: code, Message: code }, RequestId: requestId } });
    };
    if (this.outage) {
      res.writeHead(502).end("Bad Gateway");
      return;
    }
    const auth =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization ?? ""),
      );
    if (!auth) return error("AuthFailure.InvalidAuthorization");
    const [, secretId, date, service, signedHeaderList, signature] = auth;
    if (secretId !== this.account.keyId) return error("AuthFailure.SecretIdNotFound");
    const timestamp = Number(req.headers["x-tc-timestamp"]);
    if (!(Math.abs(Date.now() / 1000 - timestamp) < 300)) return error("AuthFailure.SignatureExpire");
    if (new Date(timestamp * 1000).toISOString().slice(0, 10) !== date) return error("AuthFailure.SignatureFailure");
    // Tencent's gateway knows the service by the host it was called at (`sms.tencentcloudapi.com`).
    const host = String(req.headers.host ?? "").replace(/:\d+$/, "");
    if (service !== host.split(".")[0]) return error("AuthFailure.SignatureFailure");
    const signed = signedHeaderList.split(";");
    if (!signed.includes("host") || !signed.includes("content-type")) return error("AuthFailure.SignatureFailure");
    const headers = signed
      .map((h) => `${h}:${(h === "host" ? host : String(req.headers[h] ?? "")).trim().toLowerCase()}\n`)
      .join("");
    const url = new URL(req.url!, "http://x");
    const canonical = [req.method, url.pathname, url.search.slice(1), headers, signedHeaderList, sha256(body)].join(
      "\n",
    );
    const toSign = `TC3-HMAC-SHA256\n${timestamp}\n${date}/${service}/tc3_request\n${sha256(canonical)}`;
    const key = hmac(hmac(hmac(`TC3${this.account.keySecret}`, date), service), "tc3_request");
    if (hmac(key, toSign).toString("hex") !== signature) return error("AuthFailure.SignatureFailure");
    if (req.headers["x-tc-action"] !== "SendSms" || req.headers["x-tc-version"] !== "2021-01-11")
      return error("InvalidAction");
    if (!req.headers["x-tc-region"]) return error("MissingParameter");

    const call = JSON.parse(body.toString("utf8"));
    if (call.SmsSdkAppId !== this.account.appId) return error("UnauthorizedOperation.SmsSdkAppIdVerifyFail");
    if (call.SignName !== this.account.signName) return error("FailedOperation.SignatureIncorrectOrUnapproved");
    const variables = this.account.templates[call.TemplateId];
    if (!variables) return error("FailedOperation.TemplateIncorrectOrUnapproved");
    const params: unknown = call.TemplateParamSet ?? [];
    if (!Array.isArray(params) || params.length !== variables.length || params.some((p) => typeof p !== "string"))
      return error("InvalidParameterValue.TemplateParameterFormatError");
    const phone = String(call.PhoneNumberSet?.[0] ?? "");
    const sms: ReceivedSms = { phone, signName: call.SignName, templateId: call.TemplateId, params, answer: "Ok" };
    if (!/^\+861[3-9]\d{9}$/.test(phone)) sms.answer = "InvalidParameterValue.IncorrectPhoneNumber";
    else if (this.overLimit(phone)) sms.answer = "LimitExceeded.PhoneNumberThirtySecondLimit";
    this.received.push(sms);
    json(res, 200, {
      Response: {
        SendStatusSet: [
          {
            SerialNo: randomUUID(),
            PhoneNumber: phone,
            Fee: sms.answer === "Ok" ? 1 : 0,
            SessionContext: "",
            Code: sms.answer,
            Message: sms.answer === "Ok" ? "send success" : "refused",
            IsoCode: "CN",
          },
        ],
        RequestId: requestId,
      },
    });
  }
}
