import { In } from "typeorm";
import { beijingDateTime } from "../../common/beijing-time";
import type { Locale } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { fail } from "../../graphql/errors";
import { Trainee } from "../trainees/trainee.entity";
import { Enterprise } from "../enterprises/enterprise.entity";
import { Attendance } from "../training/attendance.entity";
import { Certificate } from "../training/certificate.entity";
import { ClassSession } from "../training/class-session.entity";
import { Cohort } from "../training/cohort.entity";
import { Enrollment } from "../training/enrollment.entity";
import { Feedback } from "../training/feedback.entity";
import { Event } from "../events/event.entity";
import { EventRegistration } from "../events/event-registration.entity";
import { AwardCycle } from "../awards/award-cycle.entity";
import { AwardProgram } from "../awards/award-program.entity";
import { AwardWinner } from "../awards/award-winner.entity";
import { cycleRanking } from "../awards/award-judging.service";
import { nomineeInfo } from "../awards/award-nomination.service";
import { statistics } from "../statistics/statistics.service";
import { figuresBy, type FigureDimension, type FigureRow } from "../desk/desk-figures.service";
import { cohortParams } from "../training/training-recipients";
import type { ExportKind } from "./export.enums";

export type Cell = string | number | null;
type Label = Record<Locale, string>;

/** One table to write: its headers in both languages and its rows, read page by page. */
export interface ExportTable {
  title: Label;
  columns: Label[];
  rows: AsyncIterable<Cell[]>;
}

/** Rows per statement: large tables stream through in pages of this many, never whole. */
export const PAGE_ROWS = 1000;

const L = (zh: string, en: string): Label => ({ "zh-CN": zh, en });

const STATUS: Record<string, Label> = {
  PENDING: L("待审核", "Pending"),
  ENROLLED: L("已录取", "Enrolled"),
  WAITLISTED: L("候补", "Waitlisted"),
  REJECTED: L("未通过", "Rejected"),
  CANCELLED: L("已取消", "Cancelled"),
  COMPLETED: L("已结业", "Completed"),
  NOT_COMPLETED: L("未结业", "Not completed"),
  REGISTERED: L("已报名", "Registered"),
};
/** The attendance sheet's marks: a tick for present, words for late and excused leave, blank for absent. */
const MARK: Record<string, Label> = {
  PRESENT: L("✓", "✓"),
  LATE: L("迟到", "late"),
  LEAVE: L("请假", "leave"),
};
const PROBLEM_CATEGORY: Record<string, Label> = {
  ADMINISTRATION: L("办事", "Administration"),
  FINANCING: L("融资", "Financing"),
  EMPLOYMENT: L("用工", "Employment"),
  LAND: L("用地", "Land"),
  TRANSFORMATION: L("转型升级", "Transformation"),
  POLICY: L("政策", "Policy"),
  OTHER: L("其他", "Other"),
};
const PROBLEM_LEVEL: Record<string, Label> = {
  DEPARTMENT: L("承办部门", "Department"),
  LEADER: L("分管区领导", "Leader in charge"),
  DISTRICT_HEAD: L("区长", "District head"),
};
const NOMINEE_KIND: Record<string, Label> = {
  ENTERPRISE: L("优秀民营企业", "Enterprise"),
  ENTREPRENEUR: L("优秀民营企业家", "Entrepreneur"),
  INDIVIDUAL_BUSINESS: L("个体工商户", "Individual business"),
};

/** Reads a keyset-ordered query page by page, so only one page is ever held. */
async function* paged<T extends { id: number | string }>(
  read: (afterId: number, size: number) => Promise<T[]>,
): AsyncIterable<T> {
  for (let after = 0; ;) {
    const rows = await read(after, PAGE_ROWS);
    yield* rows;
    if (rows.length < PAGE_ROWS) return;
    after = Number(rows.at(-1)!.id);
  }
}

async function* mapRows<T>(rows: AsyncIterable<T>, fn: (row: T) => Cell[]): AsyncIterable<Cell[]> {
  for await (const row of rows) yield fn(row);
}

interface PersonRow {
  id: number;
  name: string;
  phone: string | null;
  enterprise: string | null;
  position: string | null;
  status: string;
  outcome?: string | null;
  createdAt: Date | string;
}

/** The people of a cohort or an event, with their enterprise, in id order. */
function people(ctx: RequestContext, target: typeof Enrollment | typeof EventRegistration, where: string, id: number) {
  return paged<PersonRow & { checkedInAt?: Date | string | null }>((after, size) => {
    const qb = ctx.em
      .createQueryBuilder(target, "r")
      .innerJoin(Trainee, "t", "t.id = r.trainee_id")
      .leftJoin(Enterprise, "x", "x.id = t.enterprise_id")
      .select("r.id", "id")
      .addSelect("t.name", "name")
      .addSelect("t.phone", "phone")
      .addSelect("x.name", "enterprise")
      .addSelect("t.position", "position")
      .addSelect("r.status", "status")
      .addSelect("r.created_at", "createdAt")
      .where(`${where} = :id AND r.id > :after`, { id, after })
      .orderBy("r.id", "ASC")
      .limit(size);
    if (target === EventRegistration) qb.addSelect("r.checked_in_at", "checkedInAt");
    else qb.addSelect("r.outcome", "outcome");
    return qb.getRawMany();
  });
}

/** Groups a stream into pages of PAGE_ROWS, so each page's lookups are one batched statement. */
async function* byPage<T>(rows: AsyncIterable<T>, fn: (page: T[]) => Promise<Cell[][]>): AsyncIterable<Cell[]> {
  let page: T[] = [];
  for await (const row of rows) {
    page.push(row);
    if (page.length === PAGE_ROWS) {
      yield* await fn(page);
      page = [];
    }
  }
  if (page.length) yield* await fn(page);
}

/** Sessions attended (present or late) and the certificate serial, per enrollment of one page. */
async function rosterExtras(ctx: RequestContext, ids: number[]) {
  const [counts, certificates] = await Promise.all([
    ctx.em
      .createQueryBuilder(Attendance, "a")
      .select("a.enrollment_id", "eid")
      .addSelect("COUNT(*)", "n")
      .where("a.enrollment_id IN (:...ids) AND a.present = :p", { ids, p: true })
      .groupBy("a.enrollment_id")
      .getRawMany<{ eid: number | string; n: number | string }>(),
    ctx.em.find(Certificate, {
      select: { id: true, enrollmentId: true, serial: true },
      where: { enrollmentId: In(ids) },
    }),
  ]);
  return {
    attended: new Map(counts.map((c) => [Number(c.eid), Number(c.n)])),
    serial: new Map(certificates.map((c) => [c.enrollmentId, c.serial])),
  };
}

/** Statuses whose attendance means something: in the cohort, or finished with it. */
const TOOK_PART = new Set(["ENROLLED", "COMPLETED"]);

async function cohortOf(ctx: RequestContext, id: number | undefined): Promise<Cohort> {
  const cohort = id ? await ctx.em.findOneBy(Cohort, { id }) : null;
  return cohort ?? fail("NOT_FOUND", "cohortId");
}

const sources: Record<ExportKind, (ctx: RequestContext, p: Record<string, number>) => Promise<ExportTable>> = {
  async COHORT_ROSTER(ctx, p) {
    const cohort = await cohortOf(ctx, p.cohortId);
    const { cohort: name } = await cohortParams(ctx, cohort.id);
    const sessions = await ctx.em.countBy(ClassSession, { cohortId: cohort.id });
    let n = 0;
    return {
      title: L(`${name} 学员名单`, `${name} roster`),
      columns: [
        L("序号", "No."),
        L("姓名", "Name"),
        L("手机号", "Phone"),
        L("所在企业", "Enterprise"),
        L("职务", "Position"),
        L("状态", "Status"),
        L("报名时间", "Enrolled at"),
        L("出勤率(%)", "Attendance (%)"),
        L("证书编号", "Certificate serial"),
      ],
      rows: byPage(people(ctx, Enrollment, "r.cohort_id", cohort.id), async (page) => {
        const { attended, serial } = await rosterExtras(
          ctx,
          page.map((r) => Number(r.id)),
        );
        return page.map((r) => {
          const id = Number(r.id);
          const tookPart = TOOK_PART.has(r.status) || r.outcome === "NOT_COMPLETED";
          const status = r.outcome === "NOT_COMPLETED" ? "NOT_COMPLETED" : r.status;
          return [
            ++n,
            r.name,
            r.phone,
            r.enterprise,
            r.position,
            STATUS[status]?.[ctx.locale] ?? status,
            beijingDateTime(r.createdAt),
            tookPart && sessions ? Math.round(((attended.get(id) ?? 0) * 100) / sessions) : null,
            serial.get(id) ?? null,
          ];
        });
      }),
    };
  },

  async ATTENDANCE_SHEET(ctx, p) {
    const cohort = await cohortOf(ctx, p.cohortId);
    const { cohort: name } = await cohortParams(ctx, cohort.id);
    const sessions = await ctx.em.find(ClassSession, { where: { cohortId: cohort.id }, order: { startsAt: "ASC" } });
    async function* rows(): AsyncIterable<Cell[]> {
      const enrolled = paged<{ id: number; name: string; enterprise: string | null }>((after, size) =>
        ctx.em
          .createQueryBuilder(Enrollment, "e")
          .innerJoin(Trainee, "t", "t.id = e.trainee_id")
          .leftJoin(Enterprise, "x", "x.id = t.enterprise_id")
          .select("e.id", "id")
          .addSelect("t.name", "name")
          .addSelect("x.name", "enterprise")
          .where(
            "e.cohort_id = :c AND (e.status IN ('ENROLLED', 'COMPLETED') OR e.outcome = 'NOT_COMPLETED') AND e.id > :after",
            {
              c: cohort.id,
              after,
            },
          )
          .orderBy("e.id", "ASC")
          .limit(size)
          .getRawMany(),
      );
      let page: { id: number; name: string; enterprise: string | null }[] = [];
      const flush = async function* (): AsyncIterable<Cell[]> {
        const present = page.length
          ? await ctx.em.find(Attendance, {
              select: { id: true, enrollmentId: true, sessionId: true, status: true, present: true },
              where: { enrollmentId: In(page.map((e) => Number(e.id))), status: In(["PRESENT", "LATE", "LEAVE"]) },
            })
          : [];
        const seen = new Map(present.map((a) => [`${a.enrollmentId}:${a.sessionId}`, a]));
        for (const e of page) {
          const found = sessions.map((s) => seen.get(`${e.id}:${s.id}`));
          const marks = found.map((a) => (a ? (MARK[a.status]?.[ctx.locale] ?? "") : ""));
          const attended = found.filter((a) => a?.present).length;
          yield [e.name, e.enterprise, ...marks, sessions.length ? Math.round((attended * 100) / sessions.length) : 0];
        }
        page = [];
      };
      for await (const e of enrolled) {
        page.push(e);
        if (page.length === PAGE_ROWS) yield* flush();
      }
      yield* flush();
    }
    return {
      title: L(`${name} 考勤表`, `${name} attendance`),
      columns: [
        L("姓名", "Name"),
        L("所在企业", "Enterprise"),
        ...sessions.map((s) => {
          const day = beijingDateTime(s.startsAt)!.slice(5, 10);
          return L(`${day} ${s.topic}`, `${day} ${s.topic}`);
        }),
        L("出勤率(%)", "Attendance (%)"),
      ],
      rows: rows(),
    };
  },

  async FEEDBACK(ctx, p) {
    const cohort = await cohortOf(ctx, p.cohortId);
    const { cohort: name } = await cohortParams(ctx, cohort.id);
    const sessions = await ctx.em.find(ClassSession, {
      select: { id: true, topic: true },
      where: { cohortId: cohort.id },
    });
    const topic = new Map(sessions.map((s) => [s.id, s.topic]));
    const rows = paged((after, size) =>
      ctx.em
        .createQueryBuilder(Feedback, "f")
        .where("f.cohort_id = :c AND f.id > :after", { c: cohort.id, after })
        .orderBy("f.id", "ASC")
        .limit(size)
        .getMany(),
    );
    return {
      title: L(`${name} 学员评价`, `${name} feedback`),
      columns: [
        L("提交时间", "Submitted"),
        L("评价对象", "About"),
        L("课次", "Session"),
        L("评分", "Rating"),
        L("意见", "Comment"),
      ],
      // Feedback is anonymous to staff: no names.
      rows: mapRows(rows, (f) => [
        beijingDateTime(f.createdAt),
        f.target,
        f.sessionId ? (topic.get(f.sessionId) ?? null) : null,
        f.rating,
        f.comment,
      ]),
    };
  },

  async EVENT_REGISTRATIONS(ctx, p) {
    const event = p.eventId ? await ctx.em.findOneBy(Event, { id: p.eventId }) : null;
    if (!event) return fail("NOT_FOUND", "eventId");
    return {
      title: L(`${event.title} 报名名单`, `${event.title} registrations`),
      columns: [
        L("姓名", "Name"),
        L("手机号", "Phone"),
        L("所在企业", "Enterprise"),
        L("职务", "Position"),
        L("状态", "Status"),
        L("报名时间", "Registered at"),
        L("签到时间", "Checked in at"),
      ],
      rows: mapRows(people(ctx, EventRegistration, "r.event_id", event.id), (r) => [
        r.name,
        r.phone,
        r.enterprise,
        r.position,
        STATUS[r.status]?.[ctx.locale] ?? r.status,
        beijingDateTime(r.createdAt),
        beijingDateTime(r.checkedInAt ?? null),
      ]),
    };
  },

  async AWARD_RANKING(ctx, p) {
    const cycle = p.cycleId ? await ctx.em.findOneBy(AwardCycle, { id: p.cycleId }) : null;
    if (!cycle) return fail("NOT_FOUND", "cycleId");
    const program = await ctx.em.findOneByOrFail(AwardProgram, { id: cycle.programId });
    // A cycle has tens of nominations, not thousands: the ranking is computed whole, as on screen.
    const ranking = await cycleRanking(ctx, cycle, false);
    const names = await nomineeInfo(
      ctx.em,
      ranking.map((r) => r.nomination),
    );
    const yes = L("是", "yes")[ctx.locale];
    async function* rows(): AsyncIterable<Cell[]> {
      for (const r of ranking) {
        const who = names.get(r.nomination.id);
        yield [
          r.rank,
          who?.name ?? null,
          who?.enterpriseName ?? null,
          r.score === null ? null : Math.round(r.score * 100) / 100,
          r.completeScoreSets,
          r.assignedJudges,
          r.eligible ? yes : "",
          r.winner ? yes : "",
        ];
      }
    }
    return {
      title: L(`${program.name} ${cycle.year} 评审排名`, `${program.name} ${cycle.year} ranking`),
      columns: [
        L("名次", "Rank"),
        L("被提名者", "Nominee"),
        L("所在企业", "Enterprise"),
        L("加权得分", "Weighted score"),
        L("完整评分", "Complete score sets"),
        L("评委数", "Judges"),
        L("符合条件", "Eligible"),
        L("获奖", "Winner"),
      ],
      rows: rows(),
    };
  },

  async HONOR_ROLL(ctx, p) {
    const programs = new Map((await ctx.em.find(AwardProgram)).map((pr) => [pr.id, pr.name]));
    const rows = paged((after, size) => {
      const qb = ctx.em
        .createQueryBuilder(AwardWinner, "w")
        .where("w.published_at IS NOT NULL AND w.id > :after", { after })
        .orderBy("w.id", "ASC")
        .limit(size);
      if (p.year) qb.andWhere("w.year = :year", { year: p.year });
      if (p.programId) qb.andWhere("w.program_id = :pid", { pid: p.programId });
      return qb.getMany();
    });
    return {
      title: L("光荣榜", "Honor roll"),
      columns: [
        L("年度", "Year"),
        L("奖项", "Award"),
        L("名次", "Rank"),
        L("获奖者", "Winner"),
        L("所在企业", "Enterprise"),
        L("类别", "Category"),
      ],
      rows: mapRows(rows, (w) => [
        w.year,
        programs.get(w.programId) ?? null,
        w.rank,
        w.name,
        w.enterpriseName,
        NOMINEE_KIND[w.nomineeKind]?.[ctx.locale] ?? w.nomineeKind,
      ]),
    };
  },

  async STATISTICS(ctx) {
    const figures = await statistics(ctx);
    async function* rows(): AsyncIterable<Cell[]> {
      for (const y of figures.byYear) yield [y.year, y.cohorts, y.traineeAttendances];
      yield [L("合计", "Total")[ctx.locale], figures.cohorts, figures.traineeAttendances];
      const extra: [Label, number][] = [
        [L("学员人数", "Unique trainees"), figures.uniqueTrainees],
        [L("作孚沙龙", "Salons"), figures.salons],
        [L("作孚讲堂", "Lectures"), figures.lectures],
        [L("表彰", "Commendations"), figures.commendations],
      ];
      for (const [label, value] of extra) yield [label[ctx.locale], null, value];
    }
    return {
      title: L("统计数据", "Statistics"),
      columns: [L("年度", "Year"), L("培训期数", "Cohorts"), L("培训人次", "Trainee attendances")],
      rows: rows(),
    };
  },

  async DESK_FIGURES(ctx, p) {
    // The range as on the figures page: instants, carried in the link as epoch seconds.
    const range = {
      from: p.from ? new Date(p.from * 1000) : null,
      to: p.to ? new Date(p.to * 1000) : null,
    };
    const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : null);
    const line = (dimension: Label, group: string | null, r: FigureRow): Cell[] => [
      dimension[ctx.locale],
      group,
      r.total,
      r.open,
      r.overdue,
      r.closed,
      percent(r.onTime, r.answered),
      percent(r.satisfied, r.rated),
    ];
    // Each dimension is one grouped statement, read on download: the rows are few (32 departments, 36 months).
    async function* rows(): AsyncIterable<Cell[]> {
      const [all] = await figuresBy(ctx, "ALL", range);
      yield line(L("合计", "Total"), null, all);
      const dimensions: [FigureDimension, Label, (r: FigureRow) => string][] = [
        ["DEPARTMENT", L("承办部门", "Department"), (r) => r.label ?? L("未交办", "Not assigned yet")[ctx.locale]],
        ["CATEGORY", L("问题类别", "Category"), (r) => PROBLEM_CATEGORY[r.key]?.[ctx.locale] ?? r.key],
        ["LEVEL", L("办理层级", "Level"), (r) => PROBLEM_LEVEL[r.key]?.[ctx.locale] ?? r.key],
        ["MONTH", L("月份", "Month"), (r) => r.key],
      ];
      for (const [dimension, label, group] of dimensions)
        for (const r of await figuresBy(ctx, dimension, range)) yield line(label, group(r), r);
      const [handled] = await figuresBy(ctx, "ALL", {});
      yield [
        L("累计办结（自开通以来）", "Handled since the start")[ctx.locale],
        null,
        null,
        null,
        null,
        handled.closed,
        null,
        null,
      ];
    }
    return {
      title: L("直通车办理统计", "Service desk figures"),
      columns: [
        L("维度", "Dimension"),
        L("分组", "Group"),
        L("问题数", "Problems"),
        L("未办结", "Open"),
        L("逾期", "Overdue"),
        L("已办结", "Closed"),
        L("按期办结率（%）", "On time (%)"),
        L("满意率（%）", "Satisfied (%)"),
      ],
      rows: rows(),
    };
  },
};

/** Which ids each kind needs, so that a link for a missing one is refused before it is made. */
export const REQUIRED_PARAMS: Record<ExportKind, ("cohortId" | "eventId" | "cycleId")[]> = {
  COHORT_ROSTER: ["cohortId"],
  ATTENDANCE_SHEET: ["cohortId"],
  FEEDBACK: ["cohortId"],
  EVENT_REGISTRATIONS: ["eventId"],
  AWARD_RANKING: ["cycleId"],
  HONOR_ROLL: [],
  STATISTICS: [],
  DESK_FIGURES: [],
};

export function exportTable(
  ctx: RequestContext,
  kind: ExportKind,
  params: Record<string, number>,
): Promise<ExportTable> {
  ctx.requireRole("STAFF");
  return sources[kind](ctx, params);
}
