import type { Messages } from "../../app/i18n";
import type { EventKind, EventStatus, MaterialKind, RegistrationStatus, SpeakerRole } from "../../gql/graphql";

/** The Institute's activities: 作孚沙龙, 作孚讲堂, 学讲做. */
export const eventKindLabels: Messages<EventKind> = {
  "zh-CN": { SALON: "作孚沙龙", LECTURE: "作孚讲堂", STUDY_ACTIVITY: "学讲做" },
  en: { SALON: "Zuofu Salon", LECTURE: "Zuofu Lecture", STUDY_ACTIVITY: "Study-talk-act" },
};

export const eventStatusLabels: Messages<EventStatus> = {
  "zh-CN": { DRAFT: "草稿", PUBLISHED: "已发布", CANCELLED: "已取消" },
  en: { DRAFT: "Draft", PUBLISHED: "Published", CANCELLED: "Cancelled" },
};

export const registrationStatusLabels: Messages<RegistrationStatus> = {
  "zh-CN": { REGISTERED: "已报名", WAITLISTED: "候补中", CANCELLED: "已取消" },
  en: { REGISTERED: "Registered", WAITLISTED: "On the waitlist", CANCELLED: "Cancelled" },
};

export const speakerRoleLabels: Messages<SpeakerRole> = {
  "zh-CN": { SPEAKER: "主讲", HOST: "主持", GUEST: "嘉宾" },
  en: { SPEAKER: "Speaker", HOST: "Host", GUEST: "Guest" },
};

export const materialKindLabels: Messages<MaterialKind> = {
  "zh-CN": { SLIDES: "课件", DOCUMENT: "文档", VIDEO: "视频", LINK: "链接" },
  en: { SLIDES: "Slides", DOCUMENT: "Document", VIDEO: "Video", LINK: "Link" },
};
