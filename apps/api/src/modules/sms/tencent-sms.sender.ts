import { sms } from "tencentcloud-sdk-nodejs-sms";
import { normalizePhone } from "@zuofu/shared";
import type { SmsGatewayConfig } from "../../config";
import type { SmsTemplate } from "./sms-templates";
import { networkCode, SmsGatewayError, type CloudSmsSender, type SmsFailure, type SmsReceipt } from "./sms-sender";

type SmsClient = InstanceType<typeof sms.v20210111.Client>;

/**
 * Tencent Cloud SMS (2021-01-11, SendSms). Templates number their variables
 * (`您的验证码为{1}，{2}分钟内有效`), so params go as a list in the template's order.
 */
export class TencentSmsSender implements CloudSmsSender {
  readonly provider = "tencent";
  private readonly client: SmsClient;

  constructor(private readonly settings: SmsGatewayConfig) {
    this.client = new sms.v20210111.Client({
      credential: { secretId: settings.keyId, secretKey: settings.keySecret },
      region: settings.region,
      profile: {
        httpProfile: {
          // The SDK signs for the service named by the host's first label: an endpoint must keep `sms.`.
          endpoint: settings.endpoint?.host,
          protocol: settings.endpoint ? `${settings.endpoint.protocol}://` : undefined,
          reqTimeout: 10,
        },
      },
    });
  }

  async deliver(to: string, template: SmsTemplate, params: string[]): Promise<SmsReceipt> {
    let answer;
    try {
      answer = await this.client.SendSms({
        // E.164; Tencent reads a bare number as mainland too, but says so only in a footnote.
        PhoneNumberSet: [e164(to)],
        SmsSdkAppId: this.settings.appId!,
        SignName: this.settings.signName,
        TemplateId: template.id,
        TemplateParamSet: params,
      });
    } catch (err) {
      throw tencentError(err);
    }
    const status = answer.SendStatusSet?.[0];
    const code = status?.Code ?? "EMPTY_ANSWER";
    if (code !== "Ok") throw new SmsGatewayError(tencentReason(code), code, answer.RequestId);
    return { requestId: answer.RequestId, messageId: status?.SerialNo };
  }
}

/** `13800000001` → `+8613800000001`; a number already in E.164 stays. */
export function e164(phone: string): string {
  const p = normalizePhone(phone);
  return p.startsWith("+") ? p : `+86${p}`;
}

/**
 * Tencent's codes: `LimitExceeded.*` (per phone per 30 s, hour, day; the app's daily cap) and
 * `RequestLimitExceeded` are THROTTLED, except too many numbers in one call; bad numbers, templates,
 * signatures and params (`InvalidParameter*`, `MissingParameter`, `UnsupportedOperation.*`,
 * `FailedOperation.*` but the balance) are REJECTED; credentials (`AuthFailure.*`,
 * `UnauthorizedOperation.*`), `InternalError.*`, the balance and unknown codes are UNAVAILABLE.
 */
export function tencentReason(code: string): SmsFailure {
  if (code === "LimitExceeded.PhoneNumberCountLimit") return "REJECTED";
  if (/^(LimitExceeded\.|RequestLimitExceeded)/.test(code)) return "THROTTLED";
  if (code === "FailedOperation.InsufficientBalanceInSmsPackage") return "UNAVAILABLE";
  if (/^(InvalidParameter|MissingParameter|UnsupportedOperation\.|FailedOperation\.)/.test(code)) return "REJECTED";
  return "UNAVAILABLE";
}

/** The SDK's exception: an API error has a code and a request id; HTTP errors a status; transport failures neither. */
function tencentError(err: unknown): SmsGatewayError {
  const e = err as { code?: unknown; httpCode?: number; requestId?: string };
  const requestId = e?.requestId || undefined;
  if (typeof e?.code === "string" && e.code) return new SmsGatewayError(tencentReason(e.code), e.code, requestId);
  if (typeof e?.httpCode === "number") return new SmsGatewayError("UNAVAILABLE", `HTTP_${e.httpCode}`, requestId);
  return new SmsGatewayError("UNAVAILABLE", networkCode(err));
}
