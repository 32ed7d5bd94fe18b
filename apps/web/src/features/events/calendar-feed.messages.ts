import { defineMessages } from "../../app/i18n";

/** Texts of the trainee's calendar subscription (/me/calendar). */
export const calendarFeedMessages = defineMessages({
  "zh-CN": {
    title: "日历订阅",
    intro:
      "把您的课程和已报名的活动订阅到手机或电脑的日历（苹果日历、Outlook、Google 日历等）：日程有变会自动更新，并按您选的时间提前提醒。",
    statusTitle: "订阅状态",
    statusNone: "尚未开启日历订阅。",
    statusActive: "订阅已开启：链接生成于 {issuedAt}，{reminder}。",
    statusRevoked: "订阅已于 {revokedAt} 停用，旧链接已失效。",
    reminderNone: "不提醒",
    reminderBefore: "提前 {span}提醒",
    minutes: "{n} 分钟",
    hours: "{n} 小时",
    days: "{n} 天",
    reminder: "提醒时间",
    create: "生成订阅链接",
    regenerate: "重新生成链接",
    regenerateHint: "重新生成后旧链接立即失效，已订阅的日历需要换成新链接。",
    created: "订阅链接已生成",
    createdHint:
      "链接只显示这一次，请现在添加到日历或复制保存。拿到链接的人都能看到您的日程；如不慎泄露，请重新生成或停用。",
    link: "订阅链接",
    addToCalendar: "添加到日历",
    howTo: "在电脑上，也可以在日历应用里选择“添加订阅日历”或“从 URL 添加”，粘贴这个链接。",
    revoke: "停用订阅",
    revokeQuestion: "停用后链接立即失效，确定吗？",
    revokeConfirm: "停用",
    keep: "保留",
    revoked: "日历订阅已停用",
    notTrainee: "日历订阅只对学员开放。",
  },
  en: {
    title: "Calendar subscription",
    intro:
      "Subscribe to your classes and the events you registered for in your phone's or computer's calendar (Apple Calendar, Outlook, Google Calendar…): changes arrive by themselves, with a reminder when you choose.",
    statusTitle: "Status",
    statusNone: "You have no calendar subscription yet.",
    statusActive: "Subscription on: link made {issuedAt}, {reminder}.",
    statusRevoked: "Subscription turned off on {revokedAt}; the old link no longer works.",
    reminderNone: "no reminder",
    reminderBefore: "reminder {span} before",
    minutes: "{n} min",
    hours: "{n} h",
    days: "{n} d",
    reminder: "Reminder",
    create: "Make a subscription link",
    regenerate: "Make a new link",
    regenerateHint: "A new link stops the old one at once; calendars subscribed to it need the new link.",
    created: "Your subscription link is ready",
    createdHint:
      "It is shown only now: add it to your calendar or copy it somewhere safe. Anyone with the link sees your schedule; if it leaks, make a new one or turn the subscription off.",
    link: "Subscription link",
    addToCalendar: "Add to calendar",
    howTo:
      "On a computer you can also choose “Add subscribed calendar” or “From URL” in your calendar app and paste the link.",
    revoke: "Turn off",
    revokeQuestion: "The link stops working at once. Turn it off?",
    revokeConfirm: "Turn off",
    keep: "Keep",
    revoked: "Calendar subscription turned off",
    notTrainee: "Calendar subscriptions are for trainees.",
  },
});

export type CalendarFeedText = keyof (typeof calendarFeedMessages)["en"];
