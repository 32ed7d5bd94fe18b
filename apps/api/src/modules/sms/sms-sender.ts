import type { SmsTemplate } from "./sms-templates";

/**
 * The contract between the gateway (sms.gateway.ts) and each provider's sender, which the gateway
 * loads on first use: both import it, so neither imports the other.
 */

/** Why a text was not sent: the user is told "try later" for the first two, "could not send" for the last. */
export type SmsFailure = "THROTTLED" | "UNAVAILABLE" | "REJECTED";

/** A gateway's refusal, with the provider's own code kept for the log (never the message text). */
export class SmsGatewayError extends Error {
  constructor(
    readonly reason: SmsFailure,
    readonly providerCode: string,
    /** The provider's id of the call, which its support asks for. */
    readonly requestId?: string,
  ) {
    super(`SMS gateway refused (${reason}: ${providerCode})`);
    this.name = "SmsGatewayError";
  }
}

/** What a provider answered for an accepted message, for the log. */
export interface SmsReceipt {
  requestId?: string;
  messageId?: string;
}

/** One cloud provider's SDK call: it sends a template with its params, or throws SmsGatewayError. */
export interface CloudSmsSender {
  readonly provider: "aliyun" | "tencent";
  deliver(to: string, template: SmsTemplate, params: string[]): Promise<SmsReceipt>;
}

/**
 * A transport failure's code (`ECONNREFUSED`, `ETIMEDOUT`), never its message, which may quote the
 * request; an SDK that wraps the error keeps the code only in its message.
 */
export function networkCode(err: unknown): string {
  const { code, message } = (err ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === "string" && code) return code;
  return (typeof message === "string" && /\b(E[A-Z]{3,})\b/.exec(message)?.[1]) || "NETWORK_ERROR";
}
