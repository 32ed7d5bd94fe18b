import { In } from "typeorm";
import { Attendance } from "../modules/training/attendance.entity";
import { Certificate } from "../modules/training/certificate.entity";
import { ClassSession } from "../modules/training/class-session.entity";
import { Cohort } from "../modules/training/cohort.entity";
import { Course } from "../modules/training/course.entity";
import { Enrollment, activeSlot } from "../modules/training/enrollment.entity";
import { ISSUER } from "../modules/training/completion.service";
import type { DemoContext, DemoPart } from "./context";

/** The article: 41 cohorts so far (the PER_YEAR counts add up to it) (培训班41期) with about 3,500 trainee attendances (3500多人次). */
const ATTENDANCES = 3512;
/** Held cohorts per year since 2018 (2020 was thin: the epidemic). */
const PER_YEAR: [number, number][] = [
  [2018, 4],
  [2019, 6],
  [2020, 3],
  [2021, 6],
  [2022, 5],
  [2023, 6],
  [2024, 6],
  [2025, 5],
];

const ORGANIZERS = ["中国（卢作孚）民营经济学院", "西南大学", "重庆市工商业联合会"];
const COURSES = [
  {
    title: "民营企业家经营管理研修班",
    category: "经营管理",
    summary: "面向民营企业主要负责人，系统学习战略、财务、人力资源与合规经营。",
  },
  {
    title: "卢作孚企业家精神专题培训班",
    category: "企业家精神",
    summary: "走进卢作孚纪念馆，学习爱国实业家的家国情怀、经营能力与社会责任。",
  },
  {
    title: "数字化转型与智能制造专题班",
    category: "数字化转型",
    summary: "聚焦智能制造、工业互联网与数字化管理，结合北碚重点企业现场教学。",
  },
  {
    title: "民营经济人士理想信念教育培训班",
    category: "理想信念",
    summary: "全国民营经济人士理想信念教育基地特色课程。",
  },
  { title: "新生代企业家成长营", category: "青年企业家", summary: "帮助新生代企业家传承创业精神、提升治理能力。" },
  { title: "个体工商户经营能力提升班", category: "个体工商户", summary: "面向个体工商户的经营、营销与政策解读课程。" },
];
const TOPICS = [
  "宏观经济形势与民营经济政策",
  "卢作孚的实业救国之路",
  "企业战略与商业模式创新",
  "现代企业财务管理",
  "合规经营与风险防范",
  "数字化转型实践",
  "专精特新企业培育路径",
  "企业文化与社会责任",
  "现场教学：北碚重点企业参观",
];
const LECTURERS = [
  "西南大学经济管理学院 教授",
  "市工商联 研究室主任",
  "北碚区民营经济发展服务局 局长",
  "卢作孚研究会 研究员",
  "重庆大学 副教授",
  "优秀民营企业家代表",
];
const VENUES = ["北碚区卢作孚纪念馆", "西南大学经济管理学院", "中国（卢作孚）民营经济学院报告厅"];
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

const iso = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (day: string, n: number) => iso(new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000));

interface PlannedCohort {
  course: number;
  startsOn: string;
  days: number;
  enrollments: number;
  status: Cohort["status"];
  admission: Cohort["admission"];
  capacity: number;
}

/** An open REVIEW cohort's applicants wait for staff: the console's review queue has work. */
const pendingReview = (p: PlannedCohort) => p.status === "OPEN" && p.admission === "REVIEW";

export const trainingPart: DemoPart = {
  name: "training",
  async run(ctx: DemoContext) {
    const { rng, scale } = ctx;
    const courseIds = await ctx.insertReturningIds(
      Course,
      COURSES.map((c) => ({ ...c, organizers: ORGANIZERS.slice(0, rng.int(1, 3)) })),
      "title",
    );

    // Held cohorts: dates spread over each year, enrollments adding up to the article's total.
    const plans: PlannedCohort[] = [];
    const today = iso(new Date());
    for (const [year, count] of PER_YEAR) {
      for (let i = 0; i < count * scale; i++) {
        const month = 1 + Math.floor(((i % count) * 12) / count) + rng.int(0, 1);
        plans.push({
          course: rng.int(0, COURSES.length - 1),
          startsOn: `${year}-${String(Math.min(12, month)).padStart(2, "0")}-${String(rng.int(3, 24)).padStart(2, "0")}`,
          days: rng.int(2, 4),
          enrollments: 0,
          status: "COMPLETED",
          admission: rng.chance(0.7) ? "AUTO" : "REVIEW",
          capacity: 0,
        });
      }
    }
    plans.sort((a, b) => a.startsOn.localeCompare(b.startsOn));
    // The newest held cohort is running now: staff can show its QR code today.
    const running = plans[plans.length - 1];
    Object.assign(running, { status: "IN_PROGRESS", startsOn: addDays(today, -1), days: 3 });
    let left = ATTENDANCES * scale;
    plans.forEach((p, i) => {
      const share = Math.round(left / (plans.length - i));
      p.enrollments = i === plans.length - 1 ? left : Math.max(30, Math.min(140, share + rng.int(-25, 25)));
      left -= p.enrollments;
      p.capacity = p.enrollments + rng.int(0, 20);
    });
    // Upcoming cohorts open for enrollment, one of each admission mode, with free seats.
    const upcoming: PlannedCohort[] = [
      {
        course: 0,
        startsOn: addDays(today, 30),
        days: 3,
        enrollments: 12,
        status: "OPEN",
        admission: "AUTO",
        capacity: 60,
      },
      {
        course: 1,
        startsOn: addDays(today, 45),
        days: 2,
        enrollments: 8,
        status: "OPEN",
        admission: "REVIEW",
        capacity: 40,
      },
      {
        course: 2,
        startsOn: addDays(today, 75),
        days: 4,
        enrollments: 0,
        status: "DRAFT",
        admission: "AUTO",
        capacity: 50,
      },
    ];
    const all = [...plans, ...upcoming];
    const numbers = new Map<number, number>();
    const cohortRows = all.map((p) => {
      const number = (numbers.get(p.course) ?? 0) + 1;
      numbers.set(p.course, number);
      const open = p.status === "OPEN";
      return {
        courseId: courseIds[p.course],
        number,
        title: `${COURSES[p.course].title} 第${number}期`,
        startsOn: p.startsOn,
        endsOn: addDays(p.startsOn, p.days - 1),
        venue: rng.pick(VENUES),
        capacity: p.capacity,
        // Every planned enrollment holds a seat, so seatsTaken equals the rows written below.
        seatsTaken: pendingReview(p) ? 0 : Math.min(p.enrollments, ctx.ids.trainees.length),
        admission: p.admission,
        status: p.status,
        enrollmentOpensAt: open ? new Date(Date.now() - 7 * 86_400_000) : null,
        enrollmentClosesAt: open ? new Date(Date.parse(`${p.startsOn}T00:00:00Z`) - 86_400_000) : null,
        completionThreshold: 80,
      };
    });
    await ctx.insert(Cohort, cohortRows);
    const found = await ctx.em.find(Cohort, {
      select: { id: true, courseId: true, number: true },
      where: { courseId: In(courseIds) },
    });
    const cohortId = new Map(found.map((c) => [`${c.courseId}:${c.number}`, c.id]));
    const ids = cohortRows.map((r) => cohortId.get(`${r.courseId}:${r.number}`)!);

    // Sessions: a morning and an afternoon per day, at most six.
    const sessionRows: {
      cohortId: number;
      topic: string;
      lecturer: string;
      startsAt: Date;
      endsAt: Date;
      venue: string;
    }[] = [];
    all.forEach((p, i) => {
      for (let d = 0; d < Math.min(p.days, 3); d++) {
        for (const hour of [1, 6]) {
          const start = new Date(Date.parse(`${addDays(p.startsOn, d)}T00:00:00Z`) + hour * 3600_000); // 09:00 and 14:00 Beijing time
          sessionRows.push({
            cohortId: ids[i],
            topic: rng.pick(TOPICS),
            lecturer: rng.pick(LECTURERS),
            startsAt: start,
            endsAt: new Date(start.getTime() + 3 * 3600_000),
            venue: cohortRows[i].venue,
          });
        }
      }
    });
    await ctx.insert(ClassSession, sessionRows);
    const sessions = await ctx.em.find(ClassSession, {
      select: { id: true, cohortId: true, startsAt: true },
      where: { cohortId: In(ids) },
      order: { startsAt: "ASC" },
    });
    const sessionsOf = new Map<number, { id: number; startsAt: Date }[]>();
    for (const s of sessions) sessionsOf.set(s.cohortId, [...(sessionsOf.get(s.cohortId) ?? []), s]);

    // Enrollments: trainees drawn without repetition per cohort; many come back for a second course.
    const trainees = ctx.ids.trainees;
    const enrollmentRows: {
      cohortId: number;
      traineeId: number;
      status: Enrollment["status"];
      activeSlot: string;
      decidedAt: Date;
      outcome: Enrollment["outcome"];
    }[] = [];
    const attendancePlan: { slot: string; cohortIndex: number; present: boolean[] }[] = [];
    all.forEach((p, i) => {
      const chosen = new Set<number>();
      // The demo trainee has a certificate from last time and sits in the cohort running now.
      if (ctx.ids.demoTraineeId && (i === plans.length - 2 || i === plans.length - 1))
        chosen.add(ctx.ids.demoTraineeId);
      while (chosen.size < Math.min(p.enrollments, trainees.length)) chosen.add(rng.pick(trainees));
      const held = (sessionsOf.get(ids[i]) ?? []).filter((s) => s.startsAt.getTime() < Date.now());
      for (const traineeId of chosen) {
        const present = held.map(() => traineeId === ctx.ids.demoTraineeId || rng.chance(0.93));
        const rate = held.length ? present.filter(Boolean).length / (sessionsOf.get(ids[i])?.length ?? 1) : 0;
        const status: Enrollment["status"] = pendingReview(p)
          ? "PENDING"
          : p.status === "COMPLETED" && rate >= 0.8
            ? "COMPLETED"
            : "ENROLLED";
        enrollmentRows.push({
          cohortId: ids[i],
          traineeId,
          status,
          activeSlot: activeSlot(ids[i], traineeId),
          decidedAt: new Date(Date.parse(`${p.startsOn}T00:00:00Z`) - 7 * 86_400_000),
          outcome: status === "COMPLETED" ? "COMPLETED" : null,
        });
        attendancePlan.push({ slot: activeSlot(ids[i], traineeId), cohortIndex: i, present });
      }
    });
    await ctx.insert(Enrollment, enrollmentRows);
    const enrollments = await ctx.em.find(Enrollment, {
      select: { id: true, activeSlot: true, cohortId: true, traineeId: true, status: true },
      where: { cohortId: In(ids) },
    });
    const enrollmentBySlot = new Map(enrollments.map((e) => [e.activeSlot!, e]));

    const attendanceRows: {
      enrollmentId: number;
      sessionId: number;
      present: boolean;
      status: Attendance["status"];
      method: "STAFF" | "QR";
      recordedAt: Date;
    }[] = [];
    for (const plan of attendancePlan) {
      const enrollment = enrollmentBySlot.get(plan.slot)!;
      const held = (sessionsOf.get(enrollment.cohortId) ?? []).filter((s) => s.startsAt.getTime() < Date.now());
      held.forEach((s, k) =>
        attendanceRows.push({
          enrollmentId: enrollment.id,
          sessionId: s.id,
          present: plan.present[k],
          // Without drawing from the generator, so the rest of the data set stays as it was: every third absence was excused.
          status: plan.present[k] ? "PRESENT" : (enrollment.id + k) % 3 === 0 ? "LEAVE" : "ABSENT",
          method: rng.chance(0.6) ? "QR" : "STAFF",
          recordedAt: new Date(s.startsAt.getTime() + 10 * 60_000),
        }),
      );
    }
    await ctx.insert(Attendance, attendanceRows);
    // Below the threshold when their cohort completed: not completed, as completeCohort leaves them.
    const completedCohorts = ids.filter((_, i) => all[i].status === "COMPLETED");
    if (completedCohorts.length) {
      await ctx.em
        .createQueryBuilder()
        .update(Enrollment)
        .set({ status: "CANCELLED", outcome: "NOT_COMPLETED", activeSlot: null, reason: "未达到结业要求" })
        .where("status = :enrolled AND cohort_id IN (:...ids)", {
          enrolled: "ENROLLED",
          ids: completedCohorts,
        })
        .execute();
      // Their seats ended with their enrollments.
      await ctx.em.query(
        `UPDATE cohort SET seats_taken = (SELECT COUNT(*) FROM enrollment e WHERE e.cohort_id = cohort.id AND e.status IN ('ENROLLED', 'COMPLETED')) WHERE status = 'COMPLETED'`,
      );
    }

    const names = new Map<number, string>(
      (await ctx.em.query(`SELECT id, name FROM trainee`)).map((r: { id: number; name: string }) => [
        Number(r.id),
        r.name,
      ]),
    );
    const seq = new Map<number, number>();
    const indexOf = new Map(ids.map((id, i) => [id, i]));
    const certificateRows = enrollments
      .filter((e) => e.status === "COMPLETED")
      .sort((a, b) => a.id - b.id)
      .map((e) => {
        const i = indexOf.get(e.cohortId)!;
        const n = (seq.get(e.cohortId) ?? 0) + 1;
        seq.set(e.cohortId, n);
        const row = cohortRows[i];
        return {
          enrollmentId: e.id,
          traineeId: e.traineeId,
          serial: `ZF${row.endsOn.slice(0, 4)}-${String(e.cohortId).padStart(3, "0")}-${String(n).padStart(4, "0")}`,
          verificationCode: Array.from({ length: 16 }, () => CODE_ALPHABET[rng.int(0, 31)]).join(""),
          holderName: names.get(e.traineeId) ?? "",
          title: `${COURSES[all[i].course].title} 第${row.number}期 结业证书`,
          courseTitle: COURSES[all[i].course].title,
          cohortNumber: row.number,
          startsOn: row.startsOn,
          endsOn: row.endsOn,
          issuer: ISSUER,
          issuedAt: new Date(Date.parse(`${row.endsOn}T10:00:00Z`)),
        };
      });
    await ctx.insert(Certificate, certificateRows);
  },
};
