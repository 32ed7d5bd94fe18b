import Dysmsapi, { SendSmsRequest } from "@alicloud/dysmsapi20170525";
import { $OpenApiUtil } from "@alicloud/openapi-core";
import { normalizePhone } from "@zuofu/shared";
import type { SmsGatewayConfig } from "../../config";
import type { SmsTemplate } from "./sms-templates";
import { networkCode, SmsGatewayError, type CloudSmsSender, type SmsFailure, type SmsReceipt } from "./sms-sender";

/**
 * Alibaba Cloud SMS (dysmsapi 2017-05-25, SendSms). Templates name their variables
 * (`您的验证码为${code}，${minutes}分钟内有效`), so params go as one JSON object.
 */
export class AliyunSmsSender implements CloudSmsSender {
  readonly provider = "aliyun";
  private readonly client: Dysmsapi;

  constructor(private readonly settings: SmsGatewayConfig) {
    this.client = new Dysmsapi(
      new $OpenApiUtil.Config({
        accessKeyId: settings.keyId,
        accessKeySecret: settings.keySecret,
        regionId: settings.region,
        endpoint: settings.endpoint?.host,
        protocol: settings.endpoint?.protocol ?? "https",
        connectTimeout: 5_000,
        readTimeout: 10_000,
      }),
    );
  }

  async deliver(to: string, template: SmsTemplate, params: string[]): Promise<SmsReceipt> {
    const request = new SendSmsRequest({
      // Mainland numbers go without a country code.
      phoneNumbers: normalizePhone(to),
      signName: this.settings.signName,
      templateCode: template.id,
      templateParam: JSON.stringify(Object.fromEntries(template.params.map((name, i) => [name, params[i]]))),
    });
    let body;
    try {
      ({ body } = await this.client.sendSms(request));
    } catch (err) {
      throw aliyunError(err);
    }
    const code = body?.code ?? "EMPTY_ANSWER";
    if (code !== "OK") throw new SmsGatewayError(aliyunReason(code), code, body?.requestId);
    return { requestId: body?.requestId, messageId: body?.bizId };
  }
}

// The account cannot send at all (balance, subscription, keys): nothing wrong with this message.
const ACCOUNT_CODES = new Set([
  "isv.OUT_OF_SERVICE",
  "isv.AMOUNT_NOT_ENOUGH",
  "isv.ACCOUNT_NOT_EXISTS",
  "isv.ACCOUNT_ABNORMAL",
  "isv.PRODUCT_UN_SUBSCRIPT",
  "isv.PRODUCT_UNSUBSCRIBE",
  "isv.BILLING_DEDUCTION_ERROR",
  "isv.DATA_NOT_EXIST",
  "isv.RAM_CHECK_FAILED",
]);

/**
 * Aliyun's answer codes: flow control per phone, signature or account (`isv.BUSINESS_LIMIT_CONTROL`,
 * `isv.DAY_LIMIT_CONTROL`, API `Throttling.*`) is THROTTLED; the account's own state, platform errors
 * (`isp.*`) and unknown codes are UNAVAILABLE (a later try may pass); any other `isv.*` code is about
 * this number, template, signature or params, and the same message would fail again: REJECTED.
 */
export function aliyunReason(code: string): SmsFailure {
  if (/^Throttling|^(isv\.)?(BUSINESS_LIMIT|DAY_LIMIT|MONTH_LIMIT)/.test(code)) return "THROTTLED";
  if (ACCOUNT_CODES.has(code)) return "UNAVAILABLE";
  if (code.startsWith("isv.") || /^(Missing|InvalidParameter)/.test(code)) return "REJECTED";
  return "UNAVAILABLE";
}

/** An SDK exception: HTTP 4xx/5xx answers carry a code and a request id; transport failures neither. */
function aliyunError(err: unknown): SmsGatewayError {
  const e = err as { name?: string; code?: unknown; statusCode?: number; requestId?: string };
  if (typeof e?.statusCode !== "number" || typeof e.code !== "string") {
    return new SmsGatewayError("UNAVAILABLE", networkCode(err));
  }
  const requestId = e.requestId && e.requestId !== "undefined" ? e.requestId : undefined;
  if (e.name === "ThrottlingError") return new SmsGatewayError("THROTTLED", e.code, requestId);
  if (e.statusCode >= 500) return new SmsGatewayError("UNAVAILABLE", e.code, requestId);
  return new SmsGatewayError(aliyunReason(e.code), e.code, requestId);
}
