import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";
import { maskPhone, type NotificationKind } from "@zuofu/shared";
import type { Config } from "../../config";
import type { SmsGateway } from "../sms/sms.gateway";
import type { DeliveryChannel } from "./notification.enums";

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  /** What the message is about: an SMS gateway's template is chosen by it. */
  kind: NotificationKind;
  /** The notification's placeholders, which fill an SMS template. */
  params: Record<string, string>;
}

/** One interface for every gateway: it resolves when the gateway accepted the message, else throws. */
export interface NotificationSender {
  send(message: OutgoingMessage): Promise<void>;
}

export type Senders = Record<DeliveryChannel, NotificationSender>;

/** `wang.jianguo@example.com` → `w***@example.com`: enough to tell addresses apart in a log. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf("@");
  return at > 0 ? `${address[0]}***${address.slice(at)}` : "***";
}

export class SmtpSender implements NotificationSender {
  private readonly transport: Transporter;
  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(url);
  }
  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }
}

/** Development stand-in for a gateway: it only logs, and never a whole address or phone number. */
export class LogSender implements NotificationSender {
  constructor(
    private readonly log: Logger,
    private readonly channel: DeliveryChannel,
  ) {}
  async send(message: OutgoingMessage): Promise<void> {
    const to = this.channel === "SMS" ? maskPhone(message.to) : maskEmail(message.to);
    this.log.info({ channel: this.channel, to, chars: message.text.length }, "notification delivered (log sender)");
  }
}

/**
 * Text messages through the SMS gateway, the notification's kind as the purpose that picks the
 * template. The gateway's refusal (SmsGatewayError) tells the delivery worker whether to try again.
 */
export class SmsSender implements NotificationSender {
  constructor(private readonly gateway: SmsGateway) {}
  send(message: OutgoingMessage): Promise<void> {
    return this.gateway.send({ to: message.to, purpose: message.kind, text: message.text, params: message.params });
  }
}

/** SMTP when SMTP_URL is set, else e-mail is only logged (masked); SMS through the gateway SMS_PROVIDER chooses. */
export function createSenders(config: Config, log: Logger, sms: SmsGateway): Senders {
  return {
    EMAIL: config.smtpUrl ? new SmtpSender(config.smtpUrl, config.smtpFrom) : new LogSender(log, "EMAIL"),
    SMS: new SmsSender(sms),
  };
}
