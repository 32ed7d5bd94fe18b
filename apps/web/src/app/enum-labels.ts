import type {
  AdmissionMode,
  AttendanceStatus,
  CheckInMethod,
  CohortStatus,
  EnrollmentStatus,
  EnterpriseSize,
  Gender,
  HonorKind,
  HonorLevel,
  ProblemCategory,
  ProblemEventKind,
  ProblemLevel,
  ProblemRating,
  ProblemReporterKind,
  ProblemStatus,
  Role,
  SocialProgramme,
} from "../gql/graphql";
import type { Locale, Messages } from "./i18n";

/** How the schema's enums read in the UI; typed by the generated enums, so a new value fails the build. */
export const roleLabels: Messages<Role> = {
  "zh-CN": {
    TRAINEE: "学员",
    STAFF: "工作人员",
    JUDGE: "评委",
    ADMIN: "管理员",
    ENTERPRISE_CONTACT: "企业联络人",
    DEPARTMENT_HANDLER: "承办部门",
    LEADER_IN_CHARGE: "分管区领导",
    DISTRICT_HEAD: "区长",
    COMMISSIONER: "亲清特使",
  },
  en: {
    TRAINEE: "Trainee",
    STAFF: "Staff",
    JUDGE: "Judge",
    ADMIN: "Administrator",
    ENTERPRISE_CONTACT: "Enterprise contact",
    DEPARTMENT_HANDLER: "Department handler",
    LEADER_IN_CHARGE: "Leader in charge",
    DISTRICT_HEAD: "District head",
    COMMISSIONER: "Service commissioner",
  },
};

export const genderLabels: Messages<Gender> = {
  "zh-CN": { MALE: "男", FEMALE: "女" },
  en: { MALE: "Male", FEMALE: "Female" },
};

export const sizeLabels: Messages<EnterpriseSize> = {
  "zh-CN": { MICRO: "微型", SMALL: "小型", MEDIUM: "中型", LARGE: "大型" },
  en: { MICRO: "Micro", SMALL: "Small", MEDIUM: "Medium", LARGE: "Large" },
};

export const honorKindLabels: Messages<HonorKind> = {
  "zh-CN": {
    SRDI: "专精特新",
    LITTLE_GIANT: "小巨人",
    HIDDEN_CHAMPION: "隐形冠军",
    WELL_KNOWN_TRADEMARK: "全国驰名商标",
    HIGH_TECH: "高新技术企业",
    TECH_SME: "科技型中小企业",
  },
  en: {
    SRDI: "SRDI (specialised, refined, distinctive, innovative)",
    LITTLE_GIANT: "Little giant",
    HIDDEN_CHAMPION: "Hidden champion",
    WELL_KNOWN_TRADEMARK: "Well-known trademark",
    HIGH_TECH: "High-tech enterprise",
    TECH_SME: "Tech SME",
  },
};

export const honorLevelLabels: Messages<HonorLevel> = {
  "zh-CN": { NATIONAL: "国家级", MUNICIPAL: "市级", DISTRICT: "区级" },
  en: { NATIONAL: "National", MUNICIPAL: "Municipal", DISTRICT: "District" },
};

export const programmeLabels: Messages<SocialProgramme> = {
  "zh-CN": {
    VILLAGE_HELP: "万企帮万村",
    CONSUMPTION_POVERTY_RELIEF: "消费扶贫",
    DONATION: "捐赠",
    EPIDEMIC_RELIEF: "抗疫捐助",
    OTHER: "其他",
  },
  en: {
    VILLAGE_HELP: "Village-help pairing",
    CONSUMPTION_POVERTY_RELIEF: "Consumption poverty relief",
    DONATION: "Donation",
    EPIDEMIC_RELIEF: "Epidemic relief",
    OTHER: "Other",
  },
};

/** A cohort's life, in the order it goes through it (for status filters). */
export const cohortStatusLabels: Messages<CohortStatus> = {
  "zh-CN": { DRAFT: "草稿", OPEN: "报名中", IN_PROGRESS: "进行中", COMPLETED: "已结业", CANCELLED: "已取消" },
  en: { DRAFT: "Draft", OPEN: "Open", IN_PROGRESS: "In progress", COMPLETED: "Completed", CANCELLED: "Cancelled" },
};

export const admissionLabels: Messages<AdmissionMode> = {
  "zh-CN": { AUTO: "自动录取", REVIEW: "审核录取" },
  en: { AUTO: "Automatic admission", REVIEW: "Reviewed by staff" },
};

export const enrollmentStatusLabels: Messages<EnrollmentStatus> = {
  "zh-CN": {
    PENDING: "待审核",
    ENROLLED: "已录取",
    WAITLISTED: "候补中",
    REJECTED: "未通过",
    CANCELLED: "已取消",
    COMPLETED: "已结业",
  },
  en: {
    PENDING: "Awaiting review",
    ENROLLED: "Enrolled",
    WAITLISTED: "On the waitlist",
    REJECTED: "Not admitted",
    CANCELLED: "Cancelled",
    COMPLETED: "Completed",
  },
};

export const notCompletedLabel: Record<Locale, string> = { "zh-CN": "未结业", en: "Not completed" };

export const attendanceStatusLabels: Messages<AttendanceStatus> = {
  "zh-CN": { PRESENT: "出勤", LATE: "迟到", LEAVE: "请假", ABSENT: "缺勤" },
  en: { PRESENT: "Present", LATE: "Late", LEAVE: "Excused leave", ABSENT: "Absent" },
};

export const checkInMethodLabels: Messages<CheckInMethod> = {
  "zh-CN": { QR: "扫码签到", STAFF: "工作人员登记" },
  en: { QR: "QR check-in", STAFF: "Marked by staff" },
};

export const problemCategoryLabels: Messages<ProblemCategory> = {
  "zh-CN": {
    ADMINISTRATION: "办事",
    FINANCING: "融资",
    EMPLOYMENT: "用工",
    LAND: "用地",
    TRANSFORMATION: "转型升级",
    POLICY: "政策",
    OTHER: "其他",
  },
  en: {
    ADMINISTRATION: "Administration",
    FINANCING: "Financing",
    EMPLOYMENT: "Employment",
    LAND: "Land",
    TRANSFORMATION: "Transformation",
    POLICY: "Policy",
    OTHER: "Other",
  },
};

export const problemStatusLabels: Messages<ProblemStatus> = {
  "zh-CN": {
    REPORTED: "已反映",
    TRIAGED: "已受理",
    ASSIGNED: "已交办",
    IN_PROGRESS: "办理中",
    ANSWERED: "已答复",
    REOPENED: "重新办理",
    CLOSED: "已办结",
  },
  en: {
    REPORTED: "Reported",
    TRIAGED: "Accepted",
    ASSIGNED: "Assigned",
    IN_PROGRESS: "In progress",
    ANSWERED: "Answered",
    REOPENED: "Reopened",
    CLOSED: "Closed",
  },
};

/** The service desk (直通车): a problem's level, rating, source and the steps of its timeline. */
export const problemLevelLabels: Messages<ProblemLevel> = {
  "zh-CN": { DEPARTMENT: "承办部门", LEADER: "分管区领导", DISTRICT_HEAD: "区长" },
  en: { DEPARTMENT: "Department", LEADER: "Leader in charge", DISTRICT_HEAD: "District head" },
};

export const problemRatingLabels: Messages<ProblemRating> = {
  "zh-CN": { SATISFIED: "满意", BASICALLY_SATISFIED: "基本满意", NOT_SATISFIED: "不满意" },
  en: { SATISFIED: "Satisfied", BASICALLY_SATISFIED: "Basically satisfied", NOT_SATISFIED: "Not satisfied" },
};

export const problemReporterKindLabels: Messages<ProblemReporterKind> = {
  "zh-CN": { ENTERPRISE: "企业反映", COMMISSIONER: "亲清特使走访", STAFF_PHONE: "电话受理", CHAMBER: "合作商会代报" },
  en: {
    ENTERPRISE: "By the enterprise",
    COMMISSIONER: "By its commissioner",
    STAFF_PHONE: "By phone to the desk",
    CHAMBER: "By a partner chamber",
  },
};

export const problemEventKindLabels: Messages<ProblemEventKind> = {
  "zh-CN": {
    REPORTED: "反映问题",
    TRIAGED: "受理",
    ASSIGNED: "交办",
    TRANSFERRED: "转办",
    STARTED: "开始办理",
    NOTE: "办理进展",
    ANSWERED: "答复",
    RATED: "评价",
    REOPENED: "重新办理",
    ESCALATED: "上报",
    SENT_BACK: "退回",
    CLOSED: "办结",
    SUPPLEMENTED: "企业补充材料",
  },
  en: {
    REPORTED: "Reported",
    TRIAGED: "Accepted",
    ASSIGNED: "Assigned",
    TRANSFERRED: "Transferred",
    STARTED: "Work started",
    NOTE: "Progress note",
    ANSWERED: "Answered",
    RATED: "Rated",
    REOPENED: "Reopened",
    ESCALATED: "Escalated",
    SENT_BACK: "Sent back",
    CLOSED: "Closed",
    SUPPLEMENTED: "Added to by the enterprise",
  },
};

/** The values of an enum in the order its labels list them: option lists follow the schema's types. */
export function enumValues<K extends string>(labels: Messages<K>): K[] {
  return Object.keys(labels["zh-CN"]) as K[];
}
