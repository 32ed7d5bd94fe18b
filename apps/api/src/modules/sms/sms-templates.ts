import {
  NOTIFICATION_KINDS,
  notificationPlaceholders,
  PHONE_CODE_PURPOSES,
  type NotificationKind,
} from "@zuofu/shared";

/** What phone-code.service sends instead of a code, so that a requester learns nothing about the phone; no params. */
export const SMS_NOTICE_PURPOSES = ["REGISTERED_ALREADY", "PHONE_IN_USE"] as const;
export type SmsNoticePurpose = (typeof SMS_NOTICE_PURPOSES)[number];

/** Every purpose a cloud gateway needs a template for: phone codes, the notices sent instead, notification kinds. */
export const SMS_PURPOSES: readonly string[] = [...PHONE_CODE_PURPOSES, ...SMS_NOTICE_PURPOSES, ...NOTIFICATION_KINDS];

/** A template approved at the provider: its id, and the message params it takes in the order of its variables. */
export interface SmsTemplate {
  id: string;
  params: string[];
}

/**
 * The params a purpose's message carries, in the order a template's numbered variables take them
 * (Tencent's `{1}`, `{2}`): a code message has `code` and `minutes`, a notice none, a notification
 * the placeholders of its Chinese text.
 */
export function purposeParams(purpose: string): string[] {
  if ((PHONE_CODE_PURPOSES as readonly string[]).includes(purpose)) return ["code", "minutes"];
  if ((SMS_NOTICE_PURPOSES as readonly string[]).includes(purpose)) return [];
  return notificationPlaceholders(purpose as NotificationKind);
}

/**
 * `SMS_TEMPLATES`: a JSON object from purpose to template id (`{"REGISTER":"SMS_123"}`), or to
 * `{"id":"SMS_123","params":["code"]}` when a template takes fewer params or another order.
 */
export function parseSmsTemplates(json: string | undefined): Record<string, SmsTemplate> {
  if (!json?.trim()) return {};
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error("SMS_TEMPLATES must be a JSON object from purpose to template id");
  }
  if (!raw || typeof raw !== "object" || Array.isArray(raw))
    throw new Error("SMS_TEMPLATES must be a JSON object from purpose to template id");
  const templates: Record<string, SmsTemplate> = {};
  for (const [purpose, value] of Object.entries(raw)) {
    if (!SMS_PURPOSES.includes(purpose))
      throw new Error(`SMS_TEMPLATES: "${purpose}" is not a purpose; purposes are ${SMS_PURPOSES.join(", ")}`);
    const known = purposeParams(purpose);
    const entry = typeof value === "string" ? { id: value, params: known } : (value as Partial<SmsTemplate> | null);
    const params = entry?.params ?? known;
    if (typeof entry?.id !== "string" || !entry.id.trim())
      throw new Error(`SMS_TEMPLATES.${purpose} needs a template id`);
    if (!Array.isArray(params) || params.some((p) => !known.includes(p)))
      throw new Error(`SMS_TEMPLATES.${purpose}.params may only name ${known.join(", ") || "nothing"}`);
    templates[purpose] = { id: entry.id.trim(), params };
  }
  return templates;
}
