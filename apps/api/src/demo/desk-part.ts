/**
 * The service desk (直通车) as the article describes it: 32 district departments, nearly 500
 * resident service commissioners (亲清特使) for the key enterprises, 5,800+ problems handled over
 * three years through the three levels (部门、分管区领导、区长), and a few open and overdue today.
 * Each problem's life is simulated step by step up to now; what lies after now has not happened.
 */
import { createHash } from "node:crypto";
import { In } from "typeorm";
import type { Gender, ProblemCategory, ProblemLevel, ProblemRating, ProblemStatus, Role } from "@zuofu/shared";
import { User } from "../modules/accounts/user.entity";
import { beijingDay } from "../common/beijing-time";
import { CommissionerAssignment, Visit } from "../modules/desk/commissioner.entity";
import { Department, DepartmentHandler, EnterpriseContact } from "../modules/desk/department.entity";
import type { ProblemEventKind } from "../modules/desk/desk.enums";
import { Problem, ProblemEvent } from "../modules/desk/problem.entity";
import { ProblemAttachment, ProblemAttachmentPart } from "../modules/desk/problem-attachment.entity";
import { EnterpriseContactRequest } from "../modules/desk/contact-request.entity";
import { DUE_DAYS, LEVEL_DUE_DAYS } from "../modules/desk/problem.service";
import { ScheduledJob } from "../modules/notifications/scheduled-job.entity";
import type { DemoContext, DemoPart } from "./context";
import { SURNAMES, personName } from "./names";

export const DESK_FIGURES = {
  /** 5,800+ problems handled (the running total of closed ones stays above it). */
  problems: 6050,
  /** 近500名亲清特使. */
  commissioners: 480,
  /** Key enterprises served by a commissioner; the others by their town or street. */
  keyEnterprises: 720,
  departments: 32,
  leaders: 8,
} as const;

/** The desk's demo accounts (DESIGN.md), password zuofu-demo; 13800000009 is the district head. */
export const DESK_ACCOUNTS: readonly { phone: string; name: string; role: Role }[] = [
  { phone: "13800000005", name: "何建国", role: "ENTERPRISE_CONTACT" },
  { phone: "13800000006", name: "唐晓琳", role: "DEPARTMENT_HANDLER" },
  { phone: "13800000007", name: "杨文斌", role: "LEADER_IN_CHARGE" },
  { phone: "13800000008", name: "蒋丽萍", role: "COMMISSIONER" },
  { phone: "13800000009", name: "罗正平", role: "DISTRICT_HEAD" },
];

// prettier-ignore
const DEPARTMENTS: readonly string[] = [
  "区发展改革委", "区经济信息委", "区金融发展中心", "区人力社保局", "区规划自然资源局", "区住房城乡建委",
  "区市场监管局", "区税务局", "区商务委", "区科技局", "区政务服务管理办", "区生态环境局",
  "区财政局", "区司法局", "区公安分局", "区交通局", "区水利局", "区农业农村委",
  "区城市管理局", "区应急管理局", "区教委", "区卫生健康委", "区文化旅游委", "区统计局",
  "区医保局", "区林业局", "区退役军人事务局", "区民政局", "区消防救援支队", "区供电公司",
  "区工商联", "区招商投资促进局",
];

/** Which departments usually take each category (indexes into DEPARTMENTS), first the likeliest. */
const DEPARTMENTS_BY_CATEGORY: Record<ProblemCategory, number[]> = {
  ADMINISTRATION: [10, 6, 7, 5, 14, 18],
  FINANCING: [2, 2, 12, 0],
  EMPLOYMENT: [3, 3, 20, 24],
  LAND: [4, 4, 5, 11],
  TRANSFORMATION: [1, 9, 0, 31],
  POLICY: [0, 1, 8, 30, 12],
  OTHER: [16, 15, 29, 19, 21, 22],
};

const CATEGORY_WEIGHTS: readonly (readonly [ProblemCategory, number])[] = [
  ["ADMINISTRATION", 30],
  ["FINANCING", 20],
  ["EMPLOYMENT", 15],
  ["LAND", 8],
  ["TRANSFORMATION", 10],
  ["POLICY", 12],
  ["OTHER", 5],
];

// prettier-ignore
const TITLES: Record<ProblemCategory, readonly string[]> = {
  ADMINISTRATION: ["新建厂房竣工验收办理进度慢", "食品经营许可证延续手续咨询", "消防验收材料反复补正", "不动产登记办理周期长", "施工许可审批材料清单不明确"],
  FINANCING: ["流动资金贷款续贷困难", "申请应急转贷资金", "知识产权质押融资对接", "担保费补贴申请进度", "银行抽贷压贷请求协调"],
  EMPLOYMENT: ["数控技工招聘难", "稳岗补贴申领咨询", "员工子女入学协调", "高校毕业生见习基地申报", "夜班员工通勤公交线路"],
  LAND: ["二期厂房扩建用地指标", "标准厂房租金减免", "工业用地土地证办理", "园区道路未通影响物流", "闲置用地盘活方案"],
  TRANSFORMATION: ["智能化改造项目补助申报", "数字化车间认定指导", "专精特新企业培育辅导", "技术改造设备购置补贴", "研发费用加计扣除辅导"],
  POLICY: ["惠企政策兑现进度", "高新技术企业认定政策解读", "出口退税办理咨询", "首台套政策适用范围", "社保费缓缴政策咨询"],
  OTHER: ["厂区周边道路照明不足", "园区供电线路检修频繁", "企业门前排水管网堵塞", "用水报装进度慢", "周边餐饮油烟扰民投诉"],
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
const RATINGS: readonly (readonly [ProblemRating, number])[] = [
  ["SATISFIED", 80],
  ["BASICALLY_SATISFIED", 14],
  ["NOT_SATISFIED", 6],
];

interface Step {
  kind: ProblemEventKind;
  at: number;
  level: ProblemLevel;
  note?: string;
  rating?: ProblemRating;
}

// prettier-ignore
const MET: readonly string[] = ["董事长", "总经理", "副总经理", "财务总监", "人事经理", "生产厂长", "办公室主任", "技术负责人"];
// prettier-ignore
const FINDINGS: readonly string[] = [
  "生产经营正常，订单饱满，暂无困难。", "新产线调试中，反映技术工人紧缺。", "一季度销售回落，资金周转偏紧。",
  "询问研发费用加计扣除政策，已现场讲解。", "厂区道路积水，已转告镇街。", "计划扩建二期厂房，关注用地指标。",
  "出口订单增长，咨询出口退税办理时限。", "数字化改造项目已立项，希望争取补助。", "员工通勤不便，建议增开公交线路。",
  "企业运行平稳，对惠企政策兑现表示满意。",
];

export const deskPart: DemoPart = {
  name: "desk",
  async run(ctx: DemoContext) {
    const { rng, scale } = ctx;
    const now = Date.now();
    const surname = rng.weightedTable(SURNAMES);
    const names = new Set<string>(DESK_ACCOUNTS.map((a) => a.name));
    const newName = () => {
      let name: string;
      do name = personName(rng, rng.chance(0.65) ? "MALE" : ("FEMALE" as Gender), surname);
      while (names.has(name));
      names.add(name);
      return name;
    };
    // When the desk went live and its people got accounts: fixed, so that accounts are the same on every run.
    const launched = new Date(Date.UTC(2021, 8, 1, 1, 0, 0));
    const userRow = (phone: string, name: string, role: Role) => ({
      name,
      phone,
      passwordHash: ctx.passwordHash,
      roles: [role],
      active: true,
      createdAt: launched,
      updatedAt: launched,
    });
    const phone = (block: number, i: number) => `1380000${String(block + i).padStart(4, "0")}`;

    // People: the demo accounts, the other leaders in charge, two handlers a department, the commissioners.
    // Their phones are in the demo block (1380000xxxx), which has room for 8,000.
    const commissionerCount = Math.min(DESK_FIGURES.commissioners * scale, 8000);
    const keyCount = Math.min(ctx.ids.enterprises.length, DESK_FIGURES.keyEnterprises * scale);
    const people = [
      ...DESK_ACCOUNTS.map((a) => userRow(a.phone, a.name, a.role)),
      ...Array.from({ length: DESK_FIGURES.leaders - 1 }, (_, i) =>
        userRow(phone(200, i), newName(), "LEADER_IN_CHARGE"),
      ),
      ...Array.from({ length: DESK_FIGURES.departments * 2 - 1 }, (_, i) =>
        userRow(phone(300, i), newName(), "DEPARTMENT_HANDLER"),
      ),
      ...Array.from({ length: commissionerCount - 1 }, (_, i) => userRow(phone(1000, i), newName(), "COMMISSIONER")),
    ];
    const userIds = await ctx.insertReturningIds(User, people, "phone");
    people.forEach((p, i) => ctx.ids.usersByRole[p.roles[0]].push(userIds[i]));
    const [contactId, handlerId, leaderId] = userIds;
    const leaders = ctx.ids.usersByRole.LEADER_IN_CHARGE;
    const handlers = ctx.ids.usersByRole.DEPARTMENT_HANDLER;
    const commissioners = ctx.ids.usersByRole.COMMISSIONER;

    // Departments, each with its leader in charge (the demo leader has the first four) and two handlers.
    const departmentIds = await ctx.insertReturningIds(
      Department,
      DEPARTMENTS.map((name, i) => ({
        name,
        leaderUserId: leaders[Math.floor(i / 4) % leaders.length],
        createdAt: launched,
      })),
      "name",
    );
    await ctx.insert(
      DepartmentHandler,
      handlers.map((userId, i) => ({ userId, departmentId: departmentIds[Math.floor(i / 2)] })),
    );
    // The key enterprises, the article's named companies first, each with one commissioner.
    const keys = ctx.ids.enterprises.slice(0, keyCount);
    // Visits over the past three years, every one to three months; a few key enterprises (one of the
    // demo commissioner's among them) have gone more than 90 days without one today.
    const visits: Record<string, unknown>[] = [];
    const lastVisit: (string | null)[] = [];
    const visitsFrom = now - 3 * 365 * DAY;
    keys.forEach((enterpriseId, i) => {
      const overdue = i % 40 === 7 || i === commissioners.length;
      const until = overdue ? now - rng.int(95, 200) * DAY : now;
      let last: string | null = null;
      for (let t = visitsFrom + rng.int(0, 60) * DAY + rng.int(1, 8) * HOUR; t <= until; t += rng.int(25, 80) * DAY) {
        last = beijingDay(new Date(t));
        visits.push({
          enterpriseId,
          commissionerUserId: commissioners[i % commissioners.length],
          visitedOn: last,
          met: `${personName(rng, rng.chance(0.7) ? "MALE" : "FEMALE", surname)}（${rng.pick(MET)}）`,
          findings: rng.pick(FINDINGS),
          createdAt: new Date(t),
        });
      }
      lastVisit.push(last);
    });
    await ctx.insert(
      CommissionerAssignment,
      keys.map((enterpriseId, i) => ({
        enterpriseId,
        commissionerUserId: commissioners[i % commissioners.length],
        current: true,
        lastVisitOn: lastVisit[i],
        createdAt: launched,
      })),
    );
    await ctx.insert(Visit, visits);
    const commissionerOf = new Map(keys.map((e, i) => [e, commissioners[i % commissioners.length]]));
    const demoFirm = ctx.ids.enterprises[0];
    await ctx.insert(EnterpriseContact, [{ userId: contactId, enterpriseId: demoFirm }]);
    // How contacts came about (绑定企业): the demo contact confirmed by staff at launch; two trainees'
    // requests, one waiting for staff, one rejected.
    const [deskStaff] = ctx.ids.usersByRole.STAFF;
    const [asker, refused] = ctx.ids.usersByRole.TRAINEE;
    const decided = { decidedBy: deskStaff, byPhoneCode: false };
    await ctx.insert(EnterpriseContactRequest, [
      {
        userId: contactId,
        enterpriseId: demoFirm,
        status: "CONFIRMED",
        ...decided,
        decidedAt: launched,
        createdAt: launched,
      },
      {
        userId: asker,
        enterpriseId: ctx.ids.enterprises[2],
        status: "PENDING",
        byPhoneCode: false,
        createdAt: new Date(now - DAY),
      },
      {
        userId: refused,
        enterpriseId: ctx.ids.enterprises[3],
        status: "REJECTED",
        ...decided,
        decisionNote: "非本企业人员，请由企业登记手机号验证绑定",
        decidedAt: new Date(now - 2 * DAY),
        createdAt: new Date(now - 3 * DAY),
      },
    ]);

    // Problems: simulated from the report on; steps after now have not happened yet.
    const category = rng.weightedTable(CATEGORY_WEIGHTS);
    const rating = rng.weightedTable(RATINGS);
    const staffId = ctx.ids.usersByRole.STAFF[0];
    const span = 3 * 365 * DAY;
    const total = DESK_FIGURES.problems * scale;
    const problems: Record<string, unknown>[] = [];
    const timelines: Step[][] = [];
    const usedTimes = new Set<number>();
    for (let n = 0; n < total; n++) {
      // The demo enterprise reports often; the last few are the slow ones still open at the top today.
      const slow = n >= total - 8;
      const enterpriseId =
        n % 50 === 0 ? demoFirm : keys.length && rng.chance(0.7) ? rng.pick(keys) : rng.pick(ctx.ids.enterprises);
      // The slow ones are quick matters (办事) that nobody could settle: overdue at the top by now.
      const cat = slow ? "ADMINISTRATION" : category();
      // Reports grow over the years as the desk became known; whole seconds, unique (rows are found by it).
      let created = slow ? now - rng.int(40, 50) * DAY : now - Math.floor(span * (1 - Math.sqrt(rng.next())));
      created = Math.floor(created / 1000) * 1000;
      while (usedTimes.has(created)) created += 1000;
      usedTimes.add(created);
      const commissioner = commissionerOf.get(enterpriseId);
      const reporterKind =
        enterpriseId === demoFirm
          ? "ENTERPRISE"
          : commissioner && rng.chance(0.35)
            ? "COMMISSIONER"
            : rng.chance(0.8)
              ? "ENTERPRISE"
              : "STAFF_PHONE";
      const reportedBy =
        reporterKind === "COMMISSIONER" ? commissioner! : enterpriseId === demoFirm ? contactId : staffId;
      const choices = DEPARTMENTS_BY_CATEGORY[cat];
      const dept = departmentIds[enterpriseId === demoFirm && rng.chance(0.5) ? 0 : rng.pick(choices)];

      const steps: Step[] = [{ kind: "REPORTED", at: created, level: "DEPARTMENT" }];
      let t = created + rng.int(1, 20) * HOUR;
      steps.push({ kind: "TRIAGED", at: t, level: "DEPARTMENT" });
      t += rng.int(1, 24) * HOUR;
      steps.push({ kind: "ASSIGNED", at: t, level: "DEPARTMENT" });
      let level: ProblemLevel = "DEPARTMENT";
      let due = t + DUE_DAYS[cat] * DAY;
      let late = false;
      let finalRating: ProblemRating | null = null;
      for (let round = 0; round < 3 && !finalRating; round++) {
        t += rng.int(2, 30) * HOUR;
        steps.push({ kind: "STARTED", at: t, level });
        // Most answers come in time; a slow one goes up a level at its due date.
        let answerAt = t + Math.floor((due - t) * (0.2 + 0.7 * rng.next()));
        while (slow || rng.chance(0.05)) {
          if (level === "DISTRICT_HEAD") {
            answerAt = slow ? now + 30 * DAY : due + rng.int(1, 5) * DAY;
            late = true;
            break;
          }
          level = level === "DEPARTMENT" ? "LEADER" : "DISTRICT_HEAD";
          steps.push({ kind: "ESCALATED", at: due, level });
          due += LEVEL_DUE_DAYS[level] * DAY;
          answerAt = due - Math.floor(rng.int(1, 4) * DAY);
          if (!slow) break;
        }
        steps.push({ kind: "ANSWERED", at: answerAt, level, note: "已协调相关单位办理，具体情况已电话告知企业。" });
        const rated = rating();
        const ratedAt = answerAt + rng.int(2, 72) * HOUR;
        const last = rated !== "NOT_SATISFIED" || level === "DISTRICT_HEAD" || round === 2;
        // At the top, or after three rounds, the enterprise accepts the answer at last.
        steps.push({
          kind: "RATED",
          at: ratedAt,
          level,
          rating: last && rated === "NOT_SATISFIED" ? "BASICALLY_SATISFIED" : rated,
        });
        if (last) {
          finalRating = rated === "NOT_SATISFIED" ? "BASICALLY_SATISFIED" : rated;
          steps.push({ kind: "CLOSED", at: ratedAt, level });
        } else {
          level = level === "DEPARTMENT" ? "LEADER" : "DISTRICT_HEAD";
          due = ratedAt + LEVEL_DUE_DAYS[level] * DAY;
          steps.push({ kind: "ESCALATED", at: ratedAt, level, note: "企业对答复不满意" });
          t = ratedAt;
        }
      }
      // What has happened by now.
      const happened = steps.filter((s) => s.at <= now);
      const last = happened[happened.length - 1];
      const reopened = last.kind === "ESCALATED" && last.note !== undefined;
      const status: ProblemStatus = reopened
        ? "REOPENED"
        : (
            {
              REPORTED: "REPORTED",
              TRIAGED: "TRIAGED",
              ASSIGNED: "ASSIGNED",
              STARTED: "IN_PROGRESS",
              ANSWERED: "ANSWERED",
              CLOSED: "CLOSED",
              ESCALATED: "ASSIGNED",
              RATED: "REOPENED",
            } as Record<string, ProblemStatus>
          )[last.kind];
      const answered = happened.filter((s) => s.kind === "ANSWERED").at(-1);
      const dueNow = ["REPORTED", "TRIAGED"].includes(status) ? null : dueAtOf(happened, cat);
      problems.push({
        enterpriseId,
        category: cat,
        title: rng.pick(TITLES[cat]),
        description: `${rng.pick(TITLES[cat])}，影响企业正常生产经营，请予协调解决。`,
        status,
        level: last.level,
        departmentId: ["REPORTED", "TRIAGED"].includes(status) ? null : dept,
        dueAt: dueNow ? new Date(dueNow) : null,
        reporterKind,
        reportedBy,
        answer: answered?.note ?? null,
        answeredAt: answered ? new Date(answered.at) : null,
        answeredBy: answered
          ? answered.level === "DEPARTMENT"
            ? dept === departmentIds[0]
              ? handlerId
              : null
            : answered.level === "LEADER"
              ? leaderId
              : userIds[4]
          : null,
        rating: status === "CLOSED" ? finalRating : status === "REOPENED" ? "NOT_SATISFIED" : null,
        instructions: null,
        escalations: happened.filter((s) => s.kind === "ESCALATED").length,
        // A due date passed without an answer: the escalation worker moved it up, or it is late at the top.
        late: (late && answered !== undefined) || happened.some((s) => s.kind === "ESCALATED" && !s.note),
        closedAt: status === "CLOSED" ? new Date(last.at) : null,
        createdAt: new Date(created),
        updatedAt: new Date(last.at),
      });
      timelines.push(happened);
    }
    await ctx.insert(Problem, problems);
    // Read back by the unique report times: ids need not be consecutive on a cluster.
    const rows = await ctx.em.find(Problem, { select: { id: true, createdAt: true } });
    const idAt = new Map(rows.map((r) => [r.createdAt.getTime(), r.id]));
    const events: Record<string, unknown>[] = [];
    const jobs: Record<string, unknown>[] = [];
    problems.forEach((p, i) => {
      const problemId = idAt.get((p.createdAt as Date).getTime())!;
      for (const step of timelines[i])
        events.push({
          problemId,
          kind: step.kind,
          level: step.level,
          departmentId: step.kind === "REPORTED" || step.kind === "TRIAGED" ? null : p.departmentId,
          actorUserId: null,
          note: step.note ?? null,
          rating: step.rating ?? null,
          createdAt: new Date(step.at),
        });
      // Open problems keep their due-date jobs, as the desk's mutations leave them.
      const due = p.dueAt as Date | null;
      if (due && ["ASSIGNED", "IN_PROGRESS", "REOPENED"].includes(p.status as string) && due.getTime() > now) {
        jobs.push({
          kind: "PROBLEM_DUE_SOON",
          subjectId: problemId,
          runAt: new Date(due.getTime() - DAY),
          status: "PENDING",
          attempts: 0,
        });
        jobs.push({ kind: "PROBLEM_OVERDUE", subjectId: problemId, runAt: due, status: "PENDING", attempts: 0 });
      }
    });
    await ctx.insert(ProblemEvent, events);
    if (jobs.length) await ctx.insert(ScheduledJob, jobs);

    // A few small files on the demo enterprise's latest reports, as the enterprise attached them.
    const own = problems.flatMap((p) =>
      p.enterpriseId === demoFirm ? [idAt.get((p.createdAt as Date).getTime())!] : [],
    );
    const files = demoAttachments();
    const attached = await ctx.em.find(ProblemEvent, {
      where: { kind: "REPORTED", problemId: In(own) },
      order: { createdAt: "DESC" },
      take: files.length,
    });
    for (const [i, event] of attached.entries()) {
      const file = files[i];
      const [attachmentId] = await ctx.insertReturningIds(
        ProblemAttachment,
        [
          {
            problemId: event.problemId,
            eventId: event.id,
            fileName: file.fileName,
            contentType: file.contentType,
            byteSize: file.bytes.length,
            sha256: createHash("sha256").update(file.bytes).digest("hex"),
            uploadedBy: contactId,
            createdAt: event.createdAt,
          },
        ],
        "eventId",
      );
      await ctx.insert(ProblemAttachmentPart, [{ attachmentId, position: 0, bytes: file.bytes }]);
    }
  },
};

/** Two tiny files a phone might send: a photo (PNG, 1×1) and a one-page PDF. */
function demoAttachments(): { fileName: string; contentType: string; bytes: Buffer }[] {
  const png = Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  );
  const pdf = Buffer.from(
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
      "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
    "latin1",
  );
  return [
    { fileName: "现场照片.png", contentType: "image/png", bytes: png },
    { fileName: "情况说明.pdf", contentType: "application/pdf", bytes: pdf },
  ];
}

/** The due date in force after the steps that happened: the last assignment's or escalation's. */
function dueAtOf(steps: Step[], category: ProblemCategory): number | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i];
    if (s.kind === "ASSIGNED") return s.at + DUE_DAYS[category] * DAY;
    if (s.kind === "ESCALATED" && s.level !== "DEPARTMENT") return s.at + LEVEL_DUE_DAYS[s.level] * DAY;
  }
  return null;
}
