import { appendFile, mkdir } from "node:fs/promises";
import type { SmsConfig } from "../../config";
import { dirname } from "node:path";

/** Why a text was not sent: the user is told "try later" for the first two, "could not send" for the last. */
export type SmsFailure = "THROTTLED" | "UNAVAILABLE" | "REJECTED";

/** A gateway's refusal, with the provider's own code kept for the log (never the message text). */
export class SmsGatewayError extends Error {
  constructor(
    readonly reason: SmsFailure,
    readonly providerCode: string,
  ) {
    super(`SMS gateway refused (${reason}: ${providerCode})`);
    this.name = "SmsGatewayError";
  }
}

/**
 * One text message. `purpose` picks the gateway's template (a phone-code purpose such as
 * REGISTER, or a notification kind); `params` fill it; `text` is the same message as plain text
 * for the inbox and the log-free gateways.
 */
export interface SmsMessage {
  to: string;
  purpose: string;
  text: string;
  params: Record<string, string>;
  /** The one-time code the message carries, when it carries one (the inbox records it for scripts). */
  code?: string;
}

/** Resolves when the gateway accepted the message; throws SmsGatewayError when it refused. */
export interface SmsGateway {
  readonly provider: string;
  send(message: SmsMessage): Promise<void>;
}

/**
 * Development and test gateway: sends nothing and appends one JSON line per message to a file
 * that developers, the test harness and scripts read (`to`, `purpose`, `text`, `code`, `at`).
 */
export class InboxSmsGateway implements SmsGateway {
  readonly provider = "inbox";
  constructor(readonly file: string) {}
  async send(message: SmsMessage): Promise<void> {
    const line = { to: message.to, purpose: message.purpose, text: message.text, code: message.code ?? null };
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify({ ...line, at: new Date().toISOString() })}\n`, { mode: 0o600 });
  }
}

/** The gateway the settings choose. */
export function createSmsGateway(config: SmsConfig): SmsGateway {
  switch (config.provider) {
    case "inbox":
      return new InboxSmsGateway(config.inboxFile);
    default:
      throw new Error(`SMS_PROVIDER=${config.provider} is not available in this build`);
  }
}
