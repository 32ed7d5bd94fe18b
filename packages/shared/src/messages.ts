/**
 * Every code the API answers with, and its message in each language. `code` is the contract;
 * messages may be reworded. Placeholders `{name}` are filled from the error's params.
 */
export const LOCALES = ["zh-CN", "en"] as const;
export type Locale = (typeof LOCALES)[number];

const catalog = {
  // rights and transport
  UNAUTHENTICATED: { "zh-CN": "请先登录", en: "Please log in first" },
  FORBIDDEN: { "zh-CN": "没有权限执行此操作", en: "You do not have permission to do this" },
  INTERNAL: { "zh-CN": "服务器内部错误，请稍后再试", en: "Internal server error, please try again later" },
  BAD_USER_INPUT: { "zh-CN": "请求参数有误：{detail}", en: "Invalid request: {detail}" },
  SESSION_EXPIRED: { "zh-CN": "登录已失效，请重新登录", en: "Your session has expired, please log in again" },
  // generic input
  INVALID_VALUE: { "zh-CN": "{field}的值无效", en: "{field} is not valid" },
  REQUIRED: { "zh-CN": "请填写{field}", en: "{field} is required" },
  TOO_LONG: { "zh-CN": "{field}不能超过{max}个字符", en: "{field} must be at most {max} characters" },
  OUT_OF_RANGE: { "zh-CN": "{field}须在{min}到{max}之间", en: "{field} must be between {min} and {max}" },
  NOT_FOUND: { "zh-CN": "找不到该{field}", en: "No such {field}" },
  FIRST_TOO_LARGE: { "zh-CN": "first 最大为 {max}", en: "first may be at most {max}" },
  BAD_CURSOR: { "zh-CN": "分页游标无效", en: "The page cursor is not valid" },
  // people
  INVALID_PHONE: { "zh-CN": "请输入有效的中国大陆手机号", en: "Enter a valid mainland China mobile number" },
  INVALID_ID_CARD: { "zh-CN": "身份证号码无效（{reason}）", en: "The ID card number is not valid ({reason})" },
  INVALID_CREDIT_CODE: {
    "zh-CN": "统一社会信用代码无效（{reason}）",
    en: "The unified social credit code is not valid ({reason})",
  },
  PHONE_TAKEN: { "zh-CN": "该手机号已注册", en: "This phone number is already registered" },
  ID_CARD_TAKEN: { "zh-CN": "该身份证号码已被使用", en: "This ID card number is already in use" },
  CREDIT_CODE_TAKEN: {
    "zh-CN": "已有企业使用该统一社会信用代码",
    en: "An enterprise with this credit code already exists",
  },
  // accounts
  WRONG_CREDENTIALS: { "zh-CN": "手机号或密码错误", en: "Wrong phone number or password" },
  WRONG_PASSWORD: { "zh-CN": "当前密码不正确", en: "The current password is wrong" },
  PASSWORD_TOO_SHORT: { "zh-CN": "密码至少需要{min}个字符", en: "The password must have at least {min} characters" },
  PASSWORD_TOO_WEAK: {
    "zh-CN": "密码需同时包含字母和数字",
    en: "The password must contain both letters and digits",
  },
  TOO_MANY_ATTEMPTS: {
    "zh-CN": "登录失败次数过多，请在{minutes}分钟后再试",
    en: "Too many failed logins, try again in {minutes} minutes",
  },
  ACCOUNT_DISABLED: { "zh-CN": "该账号已停用", en: "This account is disabled" },
  LAST_ADMIN: {
    "zh-CN": "不能移除最后一位管理员的管理员角色",
    en: "The last administrator cannot lose the ADMIN role",
  },
  CANNOT_DISABLE_SELF: { "zh-CN": "不能停用自己的账号", en: "You cannot disable your own account" },
  ROLES_REQUIRED: { "zh-CN": "请至少选择一个角色", en: "Choose at least one role" },
  // training
  COHORT_NOT_OPEN: { "zh-CN": "该班次当前不接受报名", en: "This cohort is not open for enrollment" },
  ENROLLMENT_CLOSED: { "zh-CN": "不在报名时间内", en: "Enrollment is outside its window" },
  ALREADY_ENROLLED: { "zh-CN": "您已报名该班次", en: "You already have an enrollment in this cohort" },
  COHORT_FULL: { "zh-CN": "名额已满", en: "The cohort is full" },
  WRONG_STATUS: { "zh-CN": "当前状态（{status}）不允许此操作", en: "Not possible in the current status ({status})" },
  REASON_REQUIRED: { "zh-CN": "请填写原因", en: "Please give a reason" },
  NOT_A_TRAINEE: { "zh-CN": "仅学员可以报名", en: "Only trainees can enroll" },
  ENDS_BEFORE_START: { "zh-CN": "结束时间不能早于开始时间", en: "The end must not be before the start" },
  NUMBER_TAKEN: { "zh-CN": "该课程已有第{number}期", en: "This course already has cohort number {number}" },
  CAPACITY_BELOW_TAKEN: {
    "zh-CN": "名额不能少于已报名人数（{taken}）",
    en: "Capacity cannot be below the seats already taken ({taken})",
  },
  INVALID_TRANSITION: { "zh-CN": "不能从{from}变为{to}", en: "Cannot change from {from} to {to}" },
  NOT_ENROLLED: { "zh-CN": "您未在该班次中", en: "You are not enrolled in this cohort" },
  INVALID_CHECKIN_CODE: { "zh-CN": "签到码无效", en: "This check-in code is not valid" },
  CHECKIN_CODE_EXPIRED: {
    "zh-CN": "签到码已过期，请扫描最新的二维码",
    en: "This check-in code has expired; scan the current one",
  },
  WRONG_SESSION: { "zh-CN": "签到码不属于本节课", en: "This check-in code is for another session" },
  SESSION_NOT_NOW: { "zh-CN": "现在不是该课程的签到时间", en: "Check-in is not open for this session now" },
  SESSION_HAS_ATTENDANCE: {
    "zh-CN": "该课次已有考勤记录，不能删除",
    en: "This session has attendance records and cannot be deleted",
  },
  NOT_COMPLETED: { "zh-CN": "结业后才能评价", en: "Feedback opens once you have completed the cohort" },
  FEEDBACK_EXISTS: { "zh-CN": "您已评价过", en: "You have already given this feedback" },
  ALREADY_REVOKED: { "zh-CN": "该证书已被撤销", en: "This certificate is already revoked" },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof catalog;
export const ERROR_CODES = Object.keys(catalog) as ErrorCode[];

/** Field labels, so that "{field}" reads naturally in each language. */
const fieldLabels: Record<string, Record<Locale, string>> = {
  name: { "zh-CN": "姓名", en: "Name" },
  phone: { "zh-CN": "手机号", en: "Phone" },
  password: { "zh-CN": "密码", en: "Password" },
  currentPassword: { "zh-CN": "当前密码", en: "Current password" },
  newPassword: { "zh-CN": "新密码", en: "New password" },
  idCardNumber: { "zh-CN": "身份证号码", en: "ID card number" },
  creditCode: { "zh-CN": "统一社会信用代码", en: "Credit code" },
  enterpriseId: { "zh-CN": "企业", en: "Enterprise" },
  enterprise: { "zh-CN": "企业", en: "Enterprise" },
  trainee: { "zh-CN": "学员", en: "Trainee" },
  user: { "zh-CN": "用户", en: "User" },
  userId: { "zh-CN": "用户", en: "User" },
  id: { "zh-CN": "对象", en: "Object" },
  roles: { "zh-CN": "角色", en: "Roles" },
  position: { "zh-CN": "职务", en: "Position" },
  industry: { "zh-CN": "行业", en: "Industry" },
  town: { "zh-CN": "所在镇街", en: "Town or street" },
  foundedYear: { "zh-CN": "成立年份", en: "Founded year" },
  stockCode: { "zh-CN": "股票代码", en: "Stock code" },
  year: { "zh-CN": "年份", en: "Year" },
  amountYuan: { "zh-CN": "金额", en: "Amount" },
  certificateNumber: { "zh-CN": "证书编号", en: "Certificate number" },
  validUntil: { "zh-CN": "有效期", en: "Valid until" },
  description: { "zh-CN": "说明", en: "Description" },
  first: { "zh-CN": "每页条数", en: "first" },
  title: { "zh-CN": "名称", en: "Title" },
  summary: { "zh-CN": "简介", en: "Summary" },
  courseId: { "zh-CN": "课程", en: "Course" },
  cohortId: { "zh-CN": "班次", en: "Cohort" },
  sessionId: { "zh-CN": "课次", en: "Session" },
  enrollmentId: { "zh-CN": "报名记录", en: "Enrollment" },
  certificateId: { "zh-CN": "证书", en: "Certificate" },
  number: { "zh-CN": "期数", en: "Number" },
  capacity: { "zh-CN": "名额", en: "Capacity" },
  startsOn: { "zh-CN": "开始日期", en: "Start date" },
  endsOn: { "zh-CN": "结束日期", en: "End date" },
  startsAt: { "zh-CN": "开始时间", en: "Start" },
  endsAt: { "zh-CN": "结束时间", en: "End" },
  venue: { "zh-CN": "地点", en: "Venue" },
  topic: { "zh-CN": "主题", en: "Topic" },
  lecturer: { "zh-CN": "授课人", en: "Lecturer" },
  completionThreshold: { "zh-CN": "结业出勤率", en: "Completion threshold" },
  enrollmentClosesAt: { "zh-CN": "报名截止时间", en: "Enrollment close" },
  reason: { "zh-CN": "原因", en: "Reason" },
  rating: { "zh-CN": "评分", en: "Rating" },
  comment: { "zh-CN": "评语", en: "Comment" },
  code: { "zh-CN": "签到码", en: "Code" },
  status: { "zh-CN": "状态", en: "Status" },
};

const reasonLabels: Record<string, Record<Locale, string>> = {
  FORMAT: { "zh-CN": "格式错误", en: "wrong format" },
  REGION: { "zh-CN": "地区码错误", en: "unknown region" },
  BIRTH_DATE: { "zh-CN": "出生日期错误", en: "impossible birth date" },
  CHECK_DIGIT: { "zh-CN": "校验位错误", en: "wrong check digit" },
  CHECK_CHAR: { "zh-CN": "校验码错误", en: "wrong check character" },
};

export function pickLocale(acceptLanguage: string | undefined | null): Locale {
  if (!acceptLanguage) return "zh-CN";
  const ranked = acceptLanguage
    .split(",")
    .map((part) => {
      const [tag, q] = part.trim().split(";q=");
      return { tag: tag.toLowerCase(), q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.tag && !Number.isNaN(x.q))
    .sort((a, b) => b.q - a.q);
  for (const { tag } of ranked) {
    if (tag.startsWith("zh")) return "zh-CN";
    if (tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}

export function fieldLabel(field: string, locale: Locale): string {
  return fieldLabels[field]?.[locale] ?? field;
}

export function translate(code: ErrorCode, locale: Locale, params: Record<string, string | number> = {}): string {
  const template: string = catalog[code][locale];
  return template.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = params[key];
    if (value === undefined) return "";
    if (key === "field") return fieldLabel(String(value), locale);
    if (key === "reason") return reasonLabels[String(value)]?.[locale] ?? String(value);
    return String(value);
  });
}
