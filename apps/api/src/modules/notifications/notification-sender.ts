import nodemailer, { type Transporter } from "nodemailer";
import type { Logger } from "pino";
import { maskPhone } from "@zuofu/shared";
import type { Config } from "../../config";
import type { DeliveryChannel } from "./notification.enums";

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
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

/** SMTP when SMTP_URL is set; SMS has no gateway contract yet, so it logs masked recipients. */
export function createSenders(config: Config, log: Logger): Senders {
  return {
    EMAIL: config.smtpUrl ? new SmtpSender(config.smtpUrl, config.smtpFrom) : new LogSender(log, "EMAIL"),
    SMS: new LogSender(log, "SMS"),
  };
}
