import type { Locale } from "./locales";

/**
 * What each notification kind says, in each language. Rows keep the kind and its params; the text
 * is rendered when someone reads it, in the reader's language. Placeholders `{name}` come from params.
 */
const notificationCatalog = {
  ENROLLMENT_APPROVED: {
    "zh-CN": "您报名的“{cohort}”已通过审核，欢迎参加。",
    en: "Your enrollment in “{cohort}” has been approved. Welcome!",
  },
  ENROLLMENT_REJECTED: {
    "zh-CN": "您报名的“{cohort}”未通过审核：{reason}",
    en: "Your enrollment in “{cohort}” was not approved: {reason}",
  },
  WAITLIST_PROMOTED: {
    "zh-CN": "“{cohort}”有名额空出，您已从候补转为正式学员。",
    en: "A seat opened in “{cohort}”: you have moved up from the waitlist and are enrolled.",
  },
  COHORT_CHANGED: {
    "zh-CN": "“{cohort}”的安排有变更：{startsOn} 至 {endsOn}，地点：{venue}。",
    en: "“{cohort}” has changed: {startsOn} to {endsOn}, venue: {venue}.",
  },
  COHORT_CANCELLED: {
    "zh-CN": "很抱歉，“{cohort}”已取消：{reason}",
    en: "We are sorry: “{cohort}” has been cancelled. Reason: {reason}",
  },
  CERTIFICATE_ISSUED: {
    "zh-CN": "恭喜结业！您的“{cohort}”结业证书已颁发。",
    en: "Congratulations! Your certificate for “{cohort}” has been issued.",
  },
  JUDGE_ASSIGNED: {
    "zh-CN": "“{cycle}”有 {count} 份提名分配给您评审。",
    en: "{count} nomination(s) in “{cycle}” have been assigned to you for judging.",
  },
  CYCLE_PUBLISHED: {
    "zh-CN": "“{cycle}”评选结果已公布。",
    en: "The results of “{cycle}” have been published.",
  },
  SESSION_TOMORROW: {
    "zh-CN": "提醒：“{cohort}”明天 {time} 上课（{topic}），地点：{venue}。",
    en: "Reminder: “{cohort}” meets tomorrow at {time} ({topic}), venue: {venue}.",
  },
  EVENT_TOMORROW: {
    "zh-CN": "提醒：您报名的活动“{event}”将于明天 {time} 举行，地点：{venue}。",
    en: "Reminder: “{event}”, which you registered for, takes place tomorrow at {time}, venue: {venue}.",
  },
  PROBLEM_ASSIGNED: {
    "zh-CN": "企业问题“{title}”已交办给您，请于 {due} 前答复。",
    en: "The enterprise problem “{title}” is with you now; please answer by {due}.",
  },
  PROBLEM_DUE_TOMORROW: {
    "zh-CN": "提醒：企业问题“{title}”明天（{due}）到期。",
    en: "Reminder: the enterprise problem “{title}” is due tomorrow ({due}).",
  },
  PROBLEM_OVERDUE: {
    "zh-CN": "企业问题“{title}”已超过答复期限（{due}）。",
    en: "The enterprise problem “{title}” is past its due date ({due}).",
  },
  PROBLEM_ESCALATED: {
    "zh-CN": "企业问题“{title}”已上报至您，请于 {due} 前处理。",
    en: "The enterprise problem “{title}” has been escalated to you; please handle it by {due}.",
  },
  PROBLEM_ANSWERED: {
    "zh-CN": "您反映的问题“{title}”已答复，请查看并评价。",
    en: "The problem “{title}” you reported has been answered; please read and rate it.",
  },
  PROBLEM_NOT_SATISFIED: {
    "zh-CN": "企业对问题“{title}”的答复不满意。",
    en: "The enterprise is not satisfied with the answer to “{title}”.",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type NotificationKind = keyof typeof notificationCatalog;
export const NOTIFICATION_KINDS = Object.keys(notificationCatalog) as NotificationKind[];

export function renderNotification(
  kind: NotificationKind,
  locale: Locale,
  params: Record<string, string | number> = {},
): string {
  return notificationCatalog[kind][locale].replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ""));
}

/**
 * A kind's placeholders in the order its Chinese text uses them: the order of an SMS template's
 * numbered variables (`{1}`, `{2}`, ...) at gateways that take a list instead of names.
 */
export function notificationPlaceholders(kind: NotificationKind): string[] {
  return [...new Set([...notificationCatalog[kind]["zh-CN"].matchAll(/\{(\w+)\}/g)].map((m) => m[1]))];
}

/** The subject line of e-mailed notifications. */
export function notificationSubject(locale: Locale): string {
  return locale === "en" ? "Notice from the Lu Zuofu Private Economy Institute" : "中国（卢作孚）民营经济学院通知";
}
