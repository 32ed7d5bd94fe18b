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
