import type { Locale } from "./locales";

/**
 * Every code the API answers with, and its message in each language. `code` is the contract;
 * messages may be reworded. Placeholders `{name}` are filled from the error's params.
 */

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
  NOT_WHOLE_NUMBER: {
    "zh-CN": "{field}须为{min}到{max}之间的整数",
    en: "{field} must be a whole number from {min} to {max}",
  },
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
  PASSWORD_SIGNIN_SUSPENDED: {
    "zh-CN": "该账号近期密码错误次数过多，密码登录已暂停{minutes}分钟，请使用短信验证码登录",
    en: "Too many wrong passwords for this account: password sign-in is paused for {minutes} minutes, sign in with an SMS code",
  },
  TOO_MANY_REQUESTS: {
    "zh-CN": "操作过于频繁，请在{minutes}分钟后再试",
    en: "Too many requests, try again in {minutes} minutes",
  },
  // phone codes (手机验证码)
  CODE_WRONG: { "zh-CN": "验证码不正确", en: "The code is not correct" },
  CODE_EXPIRED: { "zh-CN": "验证码已失效，请重新获取", en: "The code is no longer valid, request a new one" },
  CODE_TRIES_EXHAUSTED: {
    "zh-CN": "验证码错误次数过多，请重新获取",
    en: "Too many wrong tries for this code, request a new one",
  },
  CODE_TOO_SOON: {
    "zh-CN": "请在{seconds}秒后重新获取验证码",
    en: "Wait {seconds} seconds before requesting a new code",
  },
  CODE_DAILY_LIMIT: {
    "zh-CN": "该手机号今日获取验证码的次数已达上限，请明天再试",
    en: "This phone has had its codes for today, try again tomorrow",
  },
  SMS_UNAVAILABLE: {
    "zh-CN": "短信暂时无法发送，请稍后再试",
    en: "Text messages cannot be sent right now, try again later",
  },
  SMS_REJECTED: {
    "zh-CN": "短信未能发送到该号码，请核对手机号",
    en: "The text could not be sent to this number, check the phone number",
  },
  ALREADY_HAS_PROFILE: {
    "zh-CN": "您的账号已有学员档案；如需合并档案，请联系工作人员",
    en: "Your account already has a trainee profile; ask staff to merge records",
  },
  NO_RECORD_TO_CLAIM: {
    "zh-CN": "没有可认领的学员档案",
    en: "There is no trainee record to claim",
  },
  CLAIM_DECIDED: { "zh-CN": "该认领申请已处理", en: "This claim has already been decided" },
  RECORD_ALREADY_LINKED: {
    "zh-CN": "该学员档案已关联其他账号",
    en: "This trainee record is already linked to another account",
  },
  LAST_ADMIN: {
    "zh-CN": "不能移除最后一位管理员的管理员角色",
    en: "The last administrator cannot lose the ADMIN role",
  },
  CANNOT_DISABLE_SELF: { "zh-CN": "不能停用自己的账号", en: "You cannot disable your own account" },
  ROLES_REQUIRED: { "zh-CN": "请至少选择一个角色", en: "Choose at least one role" },
  // service desk (直通车)
  NOT_LINKED_ENTERPRISE: {
    "zh-CN": "您不能为该企业反映问题",
    en: "You cannot report problems for this enterprise",
  },
  NOT_YOUR_PROBLEM: {
    "zh-CN": "该问题当前未交办给您",
    en: "This problem is not with you at present",
  },
  NOT_THE_ENTERPRISE: {
    "zh-CN": "只有反映问题的企业可以评价",
    en: "Only the enterprise that reported the problem can rate the answer",
  },
  ALREADY_RATED: { "zh-CN": "该答复已评价", en: "This answer has already been rated" },
  ALREADY_ANSWERED: { "zh-CN": "该问题已被答复", en: "This problem has already been answered" },
  TOP_LEVEL_REACHED: {
    "zh-CN": "问题已在区长层级，无法再上报",
    en: "The problem is with the district head already and cannot go higher",
  },
  BOTTOM_LEVEL_REACHED: {
    "zh-CN": "问题已在承办部门层级，无法再退回",
    en: "The problem is with the department already and cannot go lower",
  },
  NOT_A_HANDLER: {
    "zh-CN": "该用户不是承办部门的经办人",
    en: "This user does not handle problems for a department",
  },
  ALREADY_HANDLER: {
    "zh-CN": "{name}已是该部门的经办人",
    en: "{name} already handles problems for this department",
  },
  NOT_A_LEADER: { "zh-CN": "{name}不是在用的分管区领导账号", en: "{name} is not an active leader in charge" },
  NOT_A_COMMISSIONER: { "zh-CN": "{name}不是在用的亲清特使账号", en: "{name} is not an active commissioner" },
  ALREADY_ASSIGNED: {
    "zh-CN": "{name}已由该亲清特使服务",
    en: "{name} is served by this commissioner already",
  },
  NO_COMMISSIONER: { "zh-CN": "{name}当前没有亲清特使", en: "{name} has no commissioner at present" },
  NOT_YOUR_ENTERPRISE: {
    "zh-CN": "该企业当前不由您服务",
    en: "You do not serve this enterprise at present",
  },
  VISIT_IN_FUTURE: { "zh-CN": "走访日期不能晚于今天（{today}）", en: "The visit date cannot be after today ({today})" },
  VISIT_BEFORE_ASSIGNMENT: {
    "zh-CN": "走访日期不能早于您开始服务该企业的日期（{since}）",
    en: "The visit date cannot be before you began to serve this enterprise ({since})",
  },
  VISIT_OF_ANOTHER_ENTERPRISE: {
    "zh-CN": "该走访记录不属于所选企业",
    en: "This visit was to another enterprise",
  },
  ALREADY_CONTACT: { "zh-CN": "您已是该企业的联络人", en: "You are this enterprise's contact already" },
  CONTACT_REQUEST_PENDING: {
    "zh-CN": "您绑定该企业的申请正在等待工作人员确认",
    en: "Your request to become this enterprise's contact is waiting for staff",
  },
  ATTACHMENT_TOO_LARGE: {
    "zh-CN": "附件“{name}”超过 {max} MB",
    en: "The attachment “{name}” is larger than {max} MB",
  },
  ATTACHMENT_TYPE_FORBIDDEN: {
    "zh-CN": "附件“{name}”的类型不允许，只能上传图片（JPG、PNG、GIF、WebP、HEIC）、PDF 或 Office 文档",
    en: "The attachment “{name}” is of a type not allowed: images (JPG, PNG, GIF, WebP, HEIC), PDF or Office documents only",
  },
  ATTACHMENT_UNREADABLE: {
    "zh-CN": "附件“{name}”无法读取，请重新选择文件",
    en: "The attachment “{name}” cannot be read; choose the file again",
  },
  TOO_MANY_ATTACHMENTS: {
    "zh-CN": "每个问题最多 {max} 个附件",
    en: "A problem may have at most {max} attachments",
  },
  PROBLEM_CLOSED: { "zh-CN": "该问题已办结", en: "This problem is closed" },
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
  SESSION_NOT_STARTED: {
    "zh-CN": "该课次尚未开始，只能登记请假",
    en: "This session has not started yet: only excused leave can be recorded",
  },
  SESSION_NOT_NOW: { "zh-CN": "现在不是该课程的签到时间", en: "Check-in is not open for this session now" },
  SESSION_HAS_ATTENDANCE: {
    "zh-CN": "该课次已有考勤记录，不能删除",
    en: "This session has attendance records and cannot be deleted",
  },
  NOT_COMPLETED: { "zh-CN": "结业后才能评价", en: "Feedback opens once you have completed the cohort" },
  FEEDBACK_EXISTS: { "zh-CN": "您已评价过", en: "You have already given this feedback" },
  ALREADY_REVOKED: { "zh-CN": "该证书已被撤销", en: "This certificate is already revoked" },
  // import of past cohorts
  IMPORT_UNSUPPORTED_FILE: {
    "zh-CN": "仅支持导入 CSV 或 XLSX 文件（旧版 .xls 请另存为 .xlsx）",
    en: "Only CSV or XLSX files can be imported (save an old .xls as .xlsx)",
  },
  IMPORT_FILE_TOO_LARGE: { "zh-CN": "文件不能超过 {max} MB", en: "The file must be at most {max} MB" },
  IMPORT_ARCHIVE_TOO_LARGE: {
    "zh-CN":
      "该 XLSX 文件解压后超过 {max} MB、包含超过 {entries} 个部件或压缩比超过 {ratio}:1，已拒绝；请在 Excel 中另存后重试或拆分文件",
    en: "This XLSX file unpacks to more than {max} MB, holds more than {entries} parts or is compressed more than {ratio}:1, so it was refused; save it again from Excel or split it",
  },
  IMPORT_TOO_MANY_ROWS: { "zh-CN": "文件最多 {max} 行数据", en: "The file may have at most {max} data rows" },
  IMPORT_UNREADABLE_FILE: {
    "zh-CN": "无法读取该文件，请确认文件格式与扩展名一致",
    en: "The file could not be read; check that its format matches its extension",
  },
  IMPORT_EMPTY_FILE: { "zh-CN": "文件中没有表头或数据行", en: "The file has no header or no data rows" },
  IMPORT_HAS_PROBLEMS: {
    "zh-CN": "文件中有 {count} 处问题，未导入任何数据",
    en: "The file has {count} problems; nothing was imported",
  },
  IMPORT_MISSING_COLUMN: { "zh-CN": "缺少“{column}”列", en: "The column “{column}” is missing" },
  IMPORT_UNKNOWN_COLUMN: { "zh-CN": "无法识别“{column}”列", en: "The column “{column}” is not known" },
  IMPORT_DUPLICATE_COLUMN: { "zh-CN": "“{column}”列出现了两次", en: "The column “{column}” appears twice" },
  IMPORT_UNKNOWN_STATUS: {
    "zh-CN": "无法识别的状态“{value}”，请填写“结业”或“在读”",
    en: "Unknown status “{value}”; use COMPLETED (结业) or ENROLLED (在读)",
  },
  IMPORT_CONTACT_REQUIRED: {
    "zh-CN": "手机号和身份证号至少填写一项",
    en: "Give a phone number, an ID card number or both",
  },
  IMPORT_NOT_STARTED: {
    "zh-CN": "该班次尚未开班，只能导入已开班的班次",
    en: "This cohort has not started; only cohorts that have started can be imported",
  },
  IMPORT_NOT_ENDED: {
    "zh-CN": "班次尚未结束，不能标记为结业",
    en: "The cohort has not ended, so no one can have completed it",
  },
  IMPORT_COHORT_MISMATCH: {
    "zh-CN": "同一班次的{field}与第 {line} 行不一致",
    en: "{field} differs from line {line} of the same cohort",
  },
  IMPORT_COHORT_DIFFERS: {
    "zh-CN": "系统中已有该课程第{number}期，其{field}为 {value}",
    en: "Cohort {number} of this course already exists with {field} {value}",
  },
  IMPORT_DUPLICATE_ROW: {
    "zh-CN": "与第 {line} 行重复：同一学员在同一班次只能出现一次",
    en: "Repeats line {line}: a trainee appears once per cohort",
  },
  IMPORT_PERSON_CONFLICT: {
    "zh-CN": "手机号与身份证号分属不同的学员",
    en: "The phone number and the ID card number belong to different trainees",
  },
  IMPORT_NAME_MISMATCH: {
    "zh-CN": "姓名与已登记的“{name}”不一致",
    en: "The name differs from “{name}” on record",
  },
  IMPORT_CONFLICT: {
    "zh-CN": "导入期间数据被他人修改，请重新导入",
    en: "Someone changed the data during the import; please import again",
  },
  // events
  EVENT_CANCELLED: { "zh-CN": "该活动已取消", en: "This event has been cancelled" },
  REGISTRATION_CLOSED: { "zh-CN": "不在活动报名时间内", en: "Registration for this event is outside its window" },
  ALREADY_REGISTERED: { "zh-CN": "您已报名该活动", en: "You are already registered for this event" },
  EVENT_STARTED: {
    "zh-CN": "活动已开始，不能取消报名",
    en: "The event has started; the registration cannot be cancelled",
  },
  ALREADY_CHECKED_IN: {
    "zh-CN": "已签到，不能取消报名",
    en: "Already checked in; the registration cannot be cancelled",
  },
  EVENT_NUMBER_TAKEN: { "zh-CN": "该系列已有第{number}期", en: "This series already has number {number}" },
  VENUE_REQUIRED: { "zh-CN": "请填写活动地点或线上链接", en: "Give a venue, an online link, or both" },
  REGISTRATION_CLOSES_AFTER_EVENT: {
    "zh-CN": "报名截止时间不能晚于活动结束时间",
    en: "Registration must close before the event ends",
  },
  INVALID_URL: { "zh-CN": "{field}须为 http 或 https 开头的网址", en: "{field} must be an http or https address" },
  SPEAKER_LISTED_TWICE: { "zh-CN": "同一位嘉宾不能重复列出", en: "A speaker can be listed only once" },
  UNKNOWN_TICKET: { "zh-CN": "无效的入场码", en: "This ticket code is not valid" },
  TICKET_OTHER_EVENT: { "zh-CN": "该入场码属于其他活动：{title}", en: "This ticket is for another event: {title}" },
  TICKET_CANCELLED: { "zh-CN": "该报名已取消，入场码无效", en: "This registration was cancelled; the ticket is void" },
  TICKET_WAITLISTED: {
    "zh-CN": "该报名仍在候补中，尚未获得席位",
    en: "This registration is still on the waiting list, without a seat",
  },
  CHECK_IN_NOT_OPEN: {
    "zh-CN": "签到于活动开始前2小时开放，活动结束后关闭",
    en: "Check-in opens 2 hours before the event and closes when it ends",
  },
  NOT_CHECKED_IN: { "zh-CN": "签到参加活动后才能填写问卷", en: "The survey is for those who checked in" },
  SURVEY_NOT_OPEN: { "zh-CN": "活动开始后才能填写问卷", en: "The survey opens when the event starts" },
  SURVEY_EXISTS: { "zh-CN": "您已填写过该问卷", en: "You have already answered this survey" },
  // partner chambers and their API keys
  CHAMBER_NAME_TAKEN: { "zh-CN": "已有同名商会", en: "A chamber with this name already exists" },
  ALREADY_MEMBER: { "zh-CN": "该企业已是本商会会员", en: "This enterprise is already a member of the chamber" },
  NOT_MEMBER: { "zh-CN": "该企业不是本商会会员", en: "This enterprise is not a member of the chamber" },
  TOO_MANY_ITEMS: { "zh-CN": "{field}一次最多{max}项", en: "{field} may hold at most {max} items" },
  SCOPES_REQUIRED: { "zh-CN": "请至少选择一个权限范围", en: "Choose at least one scope" },
  API_KEY_NOT_ACTIVE: {
    "zh-CN": "该 API 密钥已失效（{status}）",
    en: "This API key is no longer active ({status})",
  },
  API_KEY_INVALID: {
    "zh-CN": "API 密钥无效：请检查 Authorization 请求头",
    en: "The API key is not valid: check the Authorization header",
  },
  API_KEY_REVOKED: {
    "zh-CN": "该 API 密钥已于 {at} 吊销，请向学院管理员申请新密钥",
    en: "This API key was revoked at {at}; ask the Institute's administrator for a new one",
  },
  API_KEY_EXPIRED: {
    "zh-CN": "该 API 密钥已于 {at} 过期，请向学院管理员申请轮换",
    en: "This API key expired at {at}; ask the Institute's administrator to rotate it",
  },
  SCOPE_REQUIRED: {
    "zh-CN": "该 API 密钥没有 {scope} 权限范围",
    en: "This API key does not have the {scope} scope",
  },
  KEY_MUTATION_FORBIDDEN: {
    "zh-CN":
      "API 密钥不能调用 {operation}：密钥只能推荐提名（需要 NOMINATIONS_WRITE 权限范围）或代会员企业反映问题（需要 PROBLEMS_WRITE 权限范围）",
    en: "API keys cannot call {operation}: a key may only recommend nominees (with the NOMINATIONS_WRITE scope) or report problems for members (with the PROBLEMS_WRITE scope)",
  },
  // request limits of the GraphQL endpoint
  INTROSPECTION_DISABLED: {
    "zh-CN": "仅登录的工作人员和合作商会 API 密钥可以内省 schema；完整 schema 见 GET /schema.graphql",
    en: "Only signed-in staff and partner API keys may introspect the schema; the full schema is at GET /schema.graphql",
  },
  QUERY_TOO_LARGE: {
    "zh-CN": "该查询最多可能返回 {found} 个节点，超过每次查询 {max} 个的上限；请减小 first 或拆分查询",
    en: "This query may return up to {found} nodes, above the limit of {max} per query; lower first or split the query",
  },
  QUERY_TOO_DEEP: {
    "zh-CN": "查询嵌套 {found} 层，超过 {max} 层的上限",
    en: "The query is nested {found} levels deep, above the limit of {max}",
  },
  TOO_MANY_ALIASES: {
    "zh-CN": "查询使用了 {found} 个别名，超过 {max} 个的上限",
    en: "The query uses {found} aliases, above the limit of {max}",
  },
  TOO_MANY_DIRECTIVES: {
    "zh-CN": "查询使用了 {found} 个指令，超过 {max} 个的上限",
    en: "The query uses {found} directives, above the limit of {max}",
  },
  TOO_MANY_TOKENS: {
    "zh-CN": "查询文本超过 {max} 个词法单元（token）的上限",
    en: "The query text has more than {max} tokens, the limit",
  },
  PAYLOAD_TOO_LARGE: { "zh-CN": "请求体超过 {max} 的上限", en: "The request body is larger than the limit of {max}" },
  BAD_JSON: { "zh-CN": "请求体不是有效的 JSON", en: "The request body is not valid JSON" },
  RATE_LIMITED: {
    "zh-CN":
      "本小时的 API 额度不足：上限 {limit} 点，本次查询需要 {cost} 点，剩余 {remaining} 点；额度将于 {resetAt} 重置",
    en: "The hourly API budget does not cover this query: limit {limit} points, this query costs {cost}, {remaining} remain; the budget resets at {resetAt}",
  },
  REQUEST_TIMEOUT: {
    "zh-CN": "请求处理超过 {seconds} 秒的上限，已停止",
    en: "The request ran past the time limit of {seconds} seconds and was stopped",
  },
  TEMPORARILY_UNAVAILABLE: {
    "zh-CN": "服务暂时不可用（数据库连接中断），请稍后重试",
    en: "The service is temporarily unavailable (database connection lost), please try again shortly",
  },
  IDEMPOTENCY_KEY_REUSED: {
    "zh-CN": "该 Idempotency-Key 已用于另一个不同的请求，请为新的操作生成新的键",
    en: "This Idempotency-Key was already used for a different request; use a new key for a new operation",
  },
  IDEMPOTENCY_IN_PROGRESS: {
    "zh-CN": "使用该 Idempotency-Key 的请求仍在处理中，请稍后用同一个键重试",
    en: "A request with this Idempotency-Key is still being processed; retry with the same key shortly",
  },
  IDEMPOTENCY_REPLAY_TOO_LARGE: {
    "zh-CN": "该请求已经完成，但其结果过大无法重放，请刷新查看最新状态",
    en: "This request already completed, but its answer is too large to replay; reload to see the current state",
  },
  IDEMPOTENCY_REPLAY_UNAVAILABLE: {
    "zh-CN": "该请求已经完成，但其结果无法再次打开（密钥已更换），请刷新查看最新状态",
    en: "This request already completed, but its stored answer can no longer be opened (the key changed); reload to see the current state",
  },
  IDEMPOTENCY_KEY_INVALID: {
    "zh-CN": "Idempotency-Key 须为 1 到 {max} 个可见 ASCII 字符",
    en: "The Idempotency-Key must be 1 to {max} visible ASCII characters",
  },
  // awards
  PROGRAM_NAME_TAKEN: { "zh-CN": "已有同名奖项", en: "An award with this name already exists" },
  YEAR_TAKEN: { "zh-CN": "该奖项已有{year}年度的评选", en: "This award already has a {year} cycle" },
  CRITERIA_REQUIRED: { "zh-CN": "请至少设置一项评分标准", en: "Set at least one scoring criterion" },
  DUPLICATE_VALUE: { "zh-CN": "{field}重复", en: "{field} appears twice" },
  WRONG_PHASE: {
    "zh-CN": "本届评选当前阶段（{phase}）不允许此操作",
    en: "Not possible in the cycle's current phase ({phase})",
  },
  NOMINATIONS_CLOSED: { "zh-CN": "提名已截止", en: "Nominations are closed" },
  JUDGING_CLOSED: { "zh-CN": "评审已截止，评分不能再修改", en: "Judging has ended; scores can no longer change" },
  NOMINEE_KIND_MISMATCH: {
    "zh-CN": "被提名对象与该奖项的评选类别不符",
    en: "The nominee does not fit this award's kind of nominee",
  },
  ALREADY_NOMINATED: { "zh-CN": "该对象已在本届被提名", en: "This nominee is already nominated in this cycle" },
  NOT_A_JUDGE: { "zh-CN": "{name}不是在用的评委账号", en: "{name} is not an active judge" },
  JUDGE_CONFLICTED: {
    "zh-CN": "评委{name}与被提名对象存在利益冲突（{conflict}），不能分配",
    en: "Judge {name} has a conflict of interest with the nominee ({conflict}) and cannot be assigned",
  },
  NOT_ENOUGH_JUDGES: {
    "zh-CN": "没有足够的无利益冲突评委评审“{nominee}”",
    en: "Not enough judges without a conflict for “{nominee}”",
  },
  NOT_ASSIGNED: { "zh-CN": "您未被分配评审该提名", en: "You are not assigned to this nomination" },
  CONFLICT_OF_INTEREST: {
    "zh-CN": "您与该提名存在利益冲突，不能查看或评分",
    en: "You have a conflict of interest with this nomination and cannot see or score it",
  },
  WRONG_CRITERION: { "zh-CN": "该评分标准不属于本届评选", en: "This criterion belongs to another cycle" },
  SCORES_INCOMPLETE: {
    "zh-CN": "还有{missing}份评分未完成；如需提前决定，请明确确认并说明原因",
    en: "{missing} score sets are missing; to decide anyway, confirm explicitly and give a reason",
  },
  TIE_AT_QUOTA: {
    "zh-CN": "第{quota}名出现并列，请指定获奖名单并说明原因",
    en: "Place {quota} is tied; name the winners and give a reason",
  },
  IMPORT_UNKNOWN_PROGRAM: { "zh-CN": "没有名为“{name}”的奖项", en: "There is no award called “{name}”" },
  IMPORT_CYCLE_EXISTS: {
    "zh-CN": "该奖项{year}年度已在平台评选，其结果不能导入",
    en: "The {year} cycle of this award ran on the platform; its results cannot be imported",
  },
  IMPORT_DUPLICATE_COMMENDATION: {
    "zh-CN": "与第 {line} 行重复：同一获奖者在同一奖项同一年度只能出现一次",
    en: "Repeats line {line}: a winner appears once per award and year",
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type ErrorCode = keyof typeof catalog;
export const ERROR_CODES = Object.keys(catalog) as ErrorCode[];

/** Field labels, so that "{field}" reads naturally in each language. */
const fieldLabels: Record<string, Record<Locale, string>> = {
  name: { "zh-CN": "姓名", en: "Name" },
  problemId: { "zh-CN": "问题", en: "Problem" },
  attachments: { "zh-CN": "附件", en: "Attachments" },
  requestId: { "zh-CN": "绑定申请", en: "Request" },
  contactId: { "zh-CN": "企业联络人", en: "Enterprise contact" },
  problemIds: { "zh-CN": "所选问题", en: "Selected problems" },
  dueOn: { "zh-CN": "办理期限", en: "Due date" },
  search: { "zh-CN": "搜索词", en: "Search text" },
  departmentId: { "zh-CN": "承办部门", en: "Department" },
  answer: { "zh-CN": "答复", en: "Answer" },
  instructions: { "zh-CN": "指示", en: "Instructions" },
  phone: { "zh-CN": "手机号", en: "Phone" },
  password: { "zh-CN": "密码", en: "Password" },
  currentPassword: { "zh-CN": "当前密码", en: "Current password" },
  newPassword: { "zh-CN": "新密码", en: "New password" },
  phoneCode: { "zh-CN": "验证码", en: "Verification code" },
  note: { "zh-CN": "说明", en: "Note" },
  claimId: { "zh-CN": "认领申请", en: "Claim" },
  idCardNumber: { "zh-CN": "身份证号码", en: "ID card number" },
  creditCode: { "zh-CN": "统一社会信用代码", en: "Credit code" },
  enterpriseId: { "zh-CN": "企业", en: "Enterprise" },
  commissionerId: { "zh-CN": "亲清特使", en: "Commissioner" },
  leaderId: { "zh-CN": "分管区领导", en: "Leader in charge" },
  visitId: { "zh-CN": "走访记录", en: "Visit" },
  visitedOn: { "zh-CN": "走访日期", en: "Visit date" },
  met: { "zh-CN": "走访对象", en: "Who was met" },
  findings: { "zh-CN": "走访情况", en: "What was found" },
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
  enrollmentIds: { "zh-CN": "报名记录", en: "Enrollments" },
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
  course: { "zh-CN": "课程", en: "Course" },
  cohortNumber: { "zh-CN": "期数", en: "Cohort number" },
  cohortTitle: { "zh-CN": "班次名称", en: "Cohort title" },
  enterpriseName: { "zh-CN": "企业名称", en: "Enterprise name" },
  fileName: { "zh-CN": "文件名", en: "File name" },
  contentBase64: { "zh-CN": "文件内容", en: "File content" },
  status: { "zh-CN": "状态", en: "Status" },
  eventId: { "zh-CN": "活动", en: "Event" },
  kind: { "zh-CN": "活动类型", en: "Kind" },
  onlineUrl: { "zh-CN": "线上链接", en: "Online link" },
  registrationClosesAt: { "zh-CN": "报名截止时间", en: "Registration close" },
  registrationId: { "zh-CN": "报名记录", en: "Registration" },
  speakerId: { "zh-CN": "嘉宾", en: "Speaker" },
  speakers: { "zh-CN": "嘉宾", en: "Speakers" },
  organization: { "zh-CN": "单位", en: "Organization" },
  bio: { "zh-CN": "简介", en: "Biography" },
  photoUrl: { "zh-CN": "照片链接", en: "Photo URL" },
  materialId: { "zh-CN": "资料", en: "Material" },
  url: { "zh-CN": "链接", en: "Link" },
  reminderMinutes: { "zh-CN": "提前提醒分钟数", en: "Reminder minutes" },
  feedId: { "zh-CN": "日历订阅", en: "Calendar feed" },
  chamberId: { "zh-CN": "商会", en: "Chamber" },
  regionKind: { "zh-CN": "地区类别", en: "Region kind" },
  city: { "zh-CN": "所在城市", en: "City" },
  partnerSince: { "zh-CN": "合作起始日期", en: "Partner since" },
  contact: { "zh-CN": "联系方式", en: "Contact" },
  enterpriseIds: { "zh-CN": "企业", en: "Enterprises" },
  scopes: { "zh-CN": "权限范围", en: "Scopes" },
  apiKeyId: { "zh-CN": "API 密钥", en: "API key" },
  label: { "zh-CN": "密钥名称", en: "Key name" },
  expiresInDays: { "zh-CN": "有效天数", en: "Days valid" },
  hourlyBudget: { "zh-CN": "每小时额度", en: "Hourly budget" },
  overlapHours: { "zh-CN": "旧密钥保留小时数", en: "Hours the old key stays valid" },
  quota: { "zh-CN": "获奖名额", en: "Quota" },
  criteria: { "zh-CN": "评分标准", en: "Criteria" },
  weight: { "zh-CN": "权重", en: "Weight" },
  eligibilityRules: { "zh-CN": "资格条件", en: "Eligibility rules" },
  honorKind: { "zh-CN": "荣誉类别", en: "Honor" },
  years: { "zh-CN": "年数", en: "Years" },
  programId: { "zh-CN": "奖项", en: "Award" },
  program: { "zh-CN": "奖项", en: "Award" },
  cycleId: { "zh-CN": "评选年度", en: "Award cycle" },
  phase: { "zh-CN": "评选阶段", en: "Phase" },
  nominationsCloseAt: { "zh-CN": "提名截止时间", en: "Nominations close" },
  judgingEndsAt: { "zh-CN": "评审截止时间", en: "Judging ends" },
  nomineeId: { "zh-CN": "被提名对象", en: "Nominee" },
  justification: { "zh-CN": "推荐理由", en: "Justification" },
  nominationId: { "zh-CN": "提名", en: "Nomination" },
  judgeIds: { "zh-CN": "评委", en: "Judges" },
  judgeId: { "zh-CN": "评委", en: "Judge" },
  chamberIds: { "zh-CN": "商会", en: "Chambers" },
  linkId: { "zh-CN": "任职申请", en: "Enterprise claim" },
  judgesPerNomination: { "zh-CN": "每项提名的评委人数", en: "Judges per nomination" },
  scores: { "zh-CN": "评分", en: "Scores" },
  score: { "zh-CN": "分数", en: "Score" },
  criterionId: { "zh-CN": "评分标准", en: "Criterion" },
  winnerNominationIds: { "zh-CN": "获奖名单", en: "Winners" },
  ids: { "zh-CN": "通知", en: "Notifications" },
  emailAddress: { "zh-CN": "电子邮箱", en: "E-mail address" },
  rank: { "zh-CN": "名次", en: "Rank" },
};

const reasonLabels: Record<string, Record<Locale, string>> = {
  FORMAT: { "zh-CN": "格式错误", en: "wrong format" },
  REGION: { "zh-CN": "地区码错误", en: "unknown region" },
  BIRTH_DATE: { "zh-CN": "出生日期错误", en: "impossible birth date" },
  CHECK_DIGIT: { "zh-CN": "校验位错误", en: "wrong check digit" },
  CHECK_CHAR: { "zh-CN": "校验码错误", en: "wrong check character" },
};

/** Conflict kinds (`ConflictKind`) in a sentence, as the error messages name them. */
const conflictLabels: Record<string, Record<Locale, string>> = {
  DECLARED: { "zh-CN": "本人已申明回避", en: "declared by the judge" },
  SAME_PERSON: { "zh-CN": "评委即被提名人", en: "the judge is the nominee" },
  SAME_ENTERPRISE: { "zh-CN": "同属一家企业", en: "linked to the same enterprise" },
  SAME_CHAMBER: { "zh-CN": "同属一家商会", en: "members of the same chamber" },
};

const conflictReasons: Record<string, Record<Locale, string>> = {
  DECLARED: { "zh-CN": "评委已申明回避：{detail}", en: "The judge declared a conflict: {detail}" },
  SAME_PERSON: { "zh-CN": "评委本人即被提名人", en: "The judge is the nominee" },
  SAME_ENTERPRISE: {
    "zh-CN": "评委与被提名对象同属“{detail}”",
    en: "The judge and the nominee are both linked to {detail}",
  },
  SAME_CHAMBER: {
    "zh-CN": "评委与被提名对象同属商会“{detail}”",
    en: "The judge and the nominee both belong to the chamber {detail}",
  },
};

/** Why a judge may not judge a nomination, in a sentence: `detail` names the enterprise, chamber or declared reason. */
export function conflictReason(kind: string, locale: Locale, detail: string): string {
  const template = conflictReasons[kind]?.[locale] ?? kind;
  return template.replace("{detail}", detail);
}

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
    if (key === "conflict") return conflictLabels[String(value)]?.[locale] ?? String(value);
    return String(value);
  });
}
