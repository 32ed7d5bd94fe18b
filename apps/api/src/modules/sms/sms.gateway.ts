import { appendFile, mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "pino";
import { maskPhone } from "@zuofu/shared";
import type { SmsConfig, SmsGatewayConfig } from "../../config";
import { networkCode, SmsGatewayError, type CloudSmsSender, type SmsFailure } from "./sms-sender";

// The gateway's errors are part of its interface for callers (phone codes, the delivery worker).
export { SmsGatewayError, type SmsFailure };

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

/**
 * A cloud provider behind the SmsGateway interface: picks the purpose's template and its params,
 * and logs each outcome with the provider's code and request id, the phone masked; never the text,
 * the params (a code is one) or the keys. A purpose without a template (only outside production:
 * config refuses it there) is written to the inbox, so development works before every template is approved.
 */
export class CloudSmsGateway implements SmsGateway {
  private readonly sender: Promise<CloudSmsSender>;
  constructor(
    readonly provider: CloudSmsSender["provider"],
    loadSender: () => Promise<CloudSmsSender>,
    private readonly templates: SmsGatewayConfig["templates"],
    private readonly inbox: SmsGateway,
    private readonly log: Logger,
  ) {
    // Loaded at once, in the background: a send never waits for the SDK unless it comes first.
    this.sender = loadSender();
    this.sender.catch((err) => log.error({ err, provider }, "SMS gateway SDK failed to load"));
  }

  async send(message: SmsMessage): Promise<void> {
    const fields = { provider: this.provider, purpose: message.purpose, to: maskPhone(message.to) };
    const template = this.templates[message.purpose];
    if (!template) {
      this.log.warn(fields, "no SMS template for this purpose: message written to the inbox instead");
      return this.inbox.send(message);
    }
    try {
      const sender = await this.sender;
      const receipt = await sender.deliver(
        message.to,
        template,
        template.params.map((name) => message.params[name] ?? ""),
      );
      this.log.info({ ...fields, ...receipt }, "SMS sent");
    } catch (err) {
      const failure = err instanceof SmsGatewayError ? err : new SmsGatewayError("UNAVAILABLE", networkCode(err));
      const { reason, providerCode, requestId } = failure;
      this.log.warn({ ...fields, reason, providerCode, requestId }, "SMS not sent");
      throw failure;
    }
  }
}

/** The gateway the settings choose. */
export function createSmsGateway(config: SmsConfig, log: Logger): SmsGateway {
  const inbox = new InboxSmsGateway(config.inboxFile);
  if (config.provider === "inbox") return inbox;
  const gateway = config.gateway;
  if (!gateway) throw new Error(`SMS_PROVIDER=${config.provider} needs its gateway settings`);
  // Each SDK costs a process 0.2 to 0.5 s and 20 to 35 MB to load: only the chosen one is.
  const load =
    config.provider === "aliyun"
      ? () => import("./aliyun-sms.sender").then((m) => new m.AliyunSmsSender(gateway))
      : () => import("./tencent-sms.sender").then((m) => new m.TencentSmsSender(gateway));
  return new CloudSmsGateway(config.provider, load, gateway.templates, inbox, log.child({ module: "sms" }));
}
