/**
 * The district's awards (表彰): six programs, cycles 2018–2025 published with the article's "250余家次"
 * commendations, and this year's cycles: one drafted, one taking nominations, one being judged by
 * the demo judge and five others with part of the scores in. Past cycles go through the same
 * dossier, ranking and eligibility code as the API, so their winners are the ones it would pick.
 */
import { In } from "typeorm";
import { User } from "../modules/accounts/user.entity";
import { Certificate } from "../modules/training/certificate.entity";
import { Cohort } from "../modules/training/cohort.entity";
import { Enrollment } from "../modules/training/enrollment.entity";
import { Trainee } from "../modules/trainees/trainee.entity";
import { SocialResponsibilityRecord } from "../modules/enterprises/social-responsibility-record.entity";
import { AwardCriterion } from "../modules/awards/award-criterion.entity";
import { AwardCycle, type EligibilityRule } from "../modules/awards/award-cycle.entity";
import { AwardJudgeAssignment } from "../modules/awards/award-judge-assignment.entity";
import { AwardNomination, nomineeSlot } from "../modules/awards/award-nomination.entity";
import { AwardProgram } from "../modules/awards/award-program.entity";
import { AwardScore } from "../modules/awards/award-score.entity";
import { AwardWinner, rollKey } from "../modules/awards/award-winner.entity";
import type { AwardCyclePhase, NomineeKind } from "../modules/awards/award.enums";
import { computeDossiers, type DossierData } from "../modules/awards/award-dossier.service";
import { rankNominations, topByQuota, type ScoreSheet } from "../modules/awards/award-ranking";
import { awardCertificate } from "../modules/awards/award-decision.service";
import { JudgeAffiliation } from "../modules/awards/judge-affiliation.entity";
import { findConflicts } from "../modules/awards/judge-conflicts";
import { ChamberMembership } from "../modules/chambers/chamber-membership.entity";
import type { DemoContext, DemoPart } from "./context";
import { HEAD_POSITIONS, INDIVIDUAL_BUSINESS_POSITION } from "./names";

interface ProgramPlan {
  name: string;
  kind: NomineeKind;
  description: string;
  /** Winners a year at scale 1. */
  quota: number;
  /** Published years; the district's own awards every year since 2018. */
  years: number[];
  criteria: [string, number][];
  rules: EligibilityRule[];
  /** Who may be put forward. */
  pool: "ENTERPRISES" | "SOCIAL" | "HEADS" | "PROPRIETORS" | "ESTABLISHED_HEADS" | "YOUNG_HEADS";
}

const EVERY_YEAR = [2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
const notRecentWinner = (years: number): EligibilityRule => ({ type: "NOT_RECENT_WINNER", honorKind: null, years });

/** 5 + 10 + 10 + 8 a year over eight years, and the six Beibei entrepreneurs on the city's top-ten lists: 270. */
const PROGRAMS: ProgramPlan[] = [
  {
    name: "卢作孚光彩奖",
    kind: "ENTERPRISE",
    description: "表彰践行卢作孚“服务社会、便利人群”精神、积极投身光彩事业和社会公益的民营企业。",
    quota: 5,
    years: EVERY_YEAR,
    criteria: [
      ["社会责任贡献", 40],
      ["带动就业与乡村振兴", 30],
      ["诚信经营", 30],
    ],
    rules: [notRecentWinner(3)],
    pool: "SOCIAL",
  },
  {
    name: "优秀民营企业",
    kind: "ENTERPRISE",
    description: "北碚区年度优秀民营企业评选表彰。",
    quota: 10,
    years: EVERY_YEAR,
    criteria: [
      ["经营业绩", 30],
      ["创新能力", 25],
      ["社会责任", 25],
      ["诚信合规", 20],
    ],
    rules: [notRecentWinner(2)],
    pool: "ENTERPRISES",
  },
  {
    name: "优秀民营企业家",
    kind: "ENTREPRENEUR",
    description: "北碚区年度优秀民营企业家评选表彰，候选人须为学院结业学员。",
    quota: 10,
    years: EVERY_YEAR,
    criteria: [
      ["企业经营成效", 35],
      ["创新与担当", 25],
      ["社会贡献", 25],
      ["个人品德", 15],
    ],
    rules: [{ type: "COMPLETED_COHORT", honorKind: null, years: null }, notRecentWinner(3)],
    pool: "HEADS",
  },
  {
    name: "优秀个体工商户",
    kind: "INDIVIDUAL_BUSINESS",
    description: "北碚区年度优秀个体工商户评选表彰。",
    quota: 8,
    years: EVERY_YEAR,
    criteria: [
      ["诚信经营", 40],
      ["服务质量", 30],
      ["带动就业", 30],
    ],
    rules: [notRecentWinner(3)],
    pool: "PROPRIETORS",
  },
  {
    name: "十大年度渝商",
    kind: "ENTREPRENEUR",
    description: "重庆市年度十大渝商评选；北碚区推荐并入选的企业家。",
    quota: 1,
    years: [2021, 2023, 2024],
    criteria: [
      ["企业影响力", 40],
      ["经营业绩", 30],
      ["社会贡献", 30],
    ],
    rules: [notRecentWinner(5)],
    pool: "ESTABLISHED_HEADS",
  },
  {
    name: "十大新锐渝商",
    kind: "ENTREPRENEUR",
    description: "重庆市年度十大新锐渝商评选；北碚区推荐并入选的青年企业家。",
    quota: 1,
    years: [2022, 2023, 2025],
    criteria: [
      ["成长性", 40],
      ["创新能力", 40],
      ["社会贡献", 20],
    ],
    rules: [notRecentWinner(5)],
    pool: "YOUNG_HEADS",
  },
];

/** This year's cycles: what staff and the demo judge find to work on. */
const CURRENT_YEAR = 2026;
const CURRENT: { program: string; phase: AwardCyclePhase; nominations: number }[] = [
  { program: "卢作孚光彩奖", phase: "DRAFT", nominations: 0 },
  { program: "优秀民营企业", phase: "NOMINATING", nominations: 8 },
  { program: "优秀民营企业家", phase: "JUDGING", nominations: 15 },
];
/** 2026's 光彩奖 also asks for a social record; its draft shows a richer rule set. */
const CURRENT_RULES: Record<string, EligibilityRule[]> = {
  卢作孚光彩奖: [{ type: "SOCIAL_RECORD_WITHIN_YEARS", honorKind: null, years: 7 }, notRecentWinner(3)],
};

/** The demo judge 13800000003 and five more, from the Institute's partners. */
const MORE_JUDGES = [
  { phone: "13800000101", name: "黄明德" },
  { phone: "13800000102", name: "罗晓梅" },
  { phone: "13800000103", name: "邓志远" },
  { phone: "13800000104", name: "冉清华" },
  { phone: "13800000105", name: "谭建国" },
];
const JUDGES_PER_NOMINATION = 3;
/** Nominations per winner in a cycle. */
const FIELD = 1.6;

const JUSTIFICATIONS = [
  "坚持诚信经营，近年营业收入稳步增长，带动本地就业。",
  "积极参与“万企帮万村”和消费扶贫，热心社会公益。",
  "持续投入研发创新，产品获得市场广泛认可。",
  "弘扬卢作孚企业家精神，在行业内具有示范带动作用。",
  "疫情期间捐款捐物、减免租金，展现民营企业担当。",
];

const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date, 2, 0, 0));

interface Candidate {
  enterpriseId: number | null;
  traineeId: number | null;
  /** First year the candidate may be nominated in (e.g. after completing a cohort). */
  from: number;
  weight: number;
}

/** The people and enterprises each program can draw its nominees from. */
async function candidatePools(ctx: DemoContext): Promise<Record<ProgramPlan["pool"], Candidate[]>> {
  const { em, ids } = ctx;
  const people = await em.find(Trainee, {
    select: { id: true, enterpriseId: true, position: true },
    where: { id: In(ids.trainees) },
    order: { id: "ASC" },
  });
  const completed: { t: number | string; y: string | Date }[] = await em
    .createQueryBuilder(Enrollment, "e")
    .innerJoin(Cohort, "c", "c.id = e.cohort_id")
    .select("e.trainee_id", "t")
    .addSelect("MIN(c.ends_on)", "y")
    .where("e.status = :s", { s: "COMPLETED" })
    .groupBy("e.trainee_id")
    .getRawMany();
  const completedIn = new Map(
    completed.map((r) => [Number(r.t), Number((r.y instanceof Date ? r.y.toISOString() : String(r.y)).slice(0, 4))]),
  );
  const social = new Set(
    (
      await em
        .createQueryBuilder(SocialResponsibilityRecord, "r")
        .select("DISTINCT r.enterprise_id", "e")
        .getRawMany<{ e: number | string }>()
    ).map((r) => Number(r.e)),
  );
  const heads = new Set(HEAD_POSITIONS.map(([p]) => p));
  const info = (id: number) => ids.enterpriseInfo.get(id)!;
  const sizeWeight = { MICRO: 1, SMALL: 2, MEDIUM: 4, LARGE: 8 } as const;
  const enterprise = (id: number): Candidate => ({
    enterpriseId: id,
    traineeId: null,
    from: info(id).foundedYear + 1,
    weight: sizeWeight[info(id).size],
  });
  const article = new Set(ids.enterpriseByShortName.values());
  const headRows = people.filter((p) => p.enterpriseId !== null && heads.has(p.position ?? ""));
  const head = (p: Trainee, weight = 1): Candidate => ({
    enterpriseId: null,
    traineeId: p.id,
    from: completedIn.get(p.id) ?? 9999,
    weight: weight * sizeWeight[info(p.enterpriseId!).size],
  });
  return {
    ENTERPRISES: ids.enterprises.map(enterprise),
    SOCIAL: ids.enterprises.filter((id) => social.has(id)).map(enterprise),
    HEADS: headRows.map((p) => head(p)),
    PROPRIETORS: people
      .filter((p) => p.enterpriseId === null && p.position === INDIVIDUAL_BUSINESS_POSITION)
      .map((p) => ({ enterpriseId: null, traineeId: p.id, from: 2018, weight: 1 })),
    // The city's lists: the article's companies and other large firms; young founders for the rising list.
    ESTABLISHED_HEADS: headRows
      .filter((p) => article.has(p.enterpriseId!) || info(p.enterpriseId!).size === "LARGE")
      .map((p) => ({ ...head(p, article.has(p.enterpriseId!) ? 10 : 1), from: 2018 })),
    YOUNG_HEADS: headRows
      .filter((p) => info(p.enterpriseId!).foundedYear >= 2010 && info(p.enterpriseId!).size !== "MICRO")
      .map((p) => ({ ...head(p), from: 2018 })),
  };
}

interface CyclePlan {
  program: ProgramPlan;
  programId: number;
  year: number;
  phase: AwardCyclePhase;
  quota: number;
  nominations: number;
  rules: EligibilityRule[];
}

/** The state the part carries from cycle to cycle. */
interface Run {
  ctx: DemoContext;
  judges: number[];
  staffId: number;
  pools: Record<ProgramPlan["pool"], Candidate[]>;
  /** Program id → years a nominee (by slot key) won it. */
  wins: Map<number, Map<string, number[]>>;
  /** How lenient each judge is: added to every score they give. */
  leniency: Map<number, number>;
  now: Date;
}

const who = (c: Candidate) => (c.traineeId ? `T${c.traineeId}` : `E${c.enterpriseId}`);

function pickNominees(run: Run, plan: CyclePlan): Candidate[] {
  const won = run.wins.get(plan.programId)!;
  const recent = (c: Candidate) => {
    const years = won.get(who(c)) ?? [];
    const window = plan.rules.find((r) => r.type === "NOT_RECENT_WINNER")?.years ?? 0;
    return years.some((y) => y < plan.year && y >= plan.year - window);
  };
  const open = run.ctx.rng.weightedSample(
    run.pools[plan.program.pool].filter((c) => c.from <= plan.year && !recent(c)),
    (c) => c.weight,
    plan.nominations,
  );
  // The demo trainee's enterprise gets its chance: he is nominated as an entrepreneur whenever eligible.
  const demo = run.pools.HEADS.find((c) => c.traineeId === run.ctx.ids.demoTraineeId);
  if (plan.program.pool === "HEADS" && demo && demo.from <= plan.year && !recent(demo) && !open.includes(demo))
    open[open.length - 1] = demo;
  return open;
}

/** Each judge's sheet for a nominee of latent quality q: q, plus the judge's leniency, plus noise. */
function sheetFor(run: Run, criteria: number[], judge: number, quality: number): Map<number, number> {
  const { rng } = run.ctx;
  const lean = run.leniency.get(judge)!;
  return new Map(
    criteria.map((c) => [c, Math.max(0, Math.min(10, Math.round(quality + lean + (rng.next() - 0.5) * 2)))]),
  );
}

const DAY_MS = 86_400_000;

/**
 * A cycle's deadlines in order (nominations close, then judging ends): the current cycles' around
 * today, so the one taking nominations is not already past its judging deadline; past ones in autumn.
 */
function deadlines(now: Date, plan: CyclePlan): { nominationsCloseAt: Date; judgingEndsAt: Date } {
  const from = (days: number) => new Date(now.getTime() + days * DAY_MS);
  switch (plan.phase) {
    case "DRAFT":
      return { nominationsCloseAt: from(60), judgingEndsAt: from(90) };
    case "NOMINATING":
      return { nominationsCloseAt: from(30), judgingEndsAt: from(60) };
    case "JUDGING":
      return { nominationsCloseAt: from(-7), judgingEndsAt: from(14) };
    default:
      return { nominationsCloseAt: day(plan.year, 9, 30), judgingEndsAt: day(plan.year, 11, 30) };
  }
}

async function runCycle(run: Run, plan: CyclePlan): Promise<number> {
  const { ctx } = run;
  const { rng } = ctx;
  await ctx.insert(AwardCycle, [
    {
      programId: plan.programId,
      year: plan.year,
      quota: plan.quota,
      phase: plan.phase,
      eligibilityRules: plan.rules,
      ...deadlines(run.now, plan),
      decisionReason: null,
      publishedAt: plan.phase === "PUBLISHED" ? day(plan.year, 12, 20) : null,
      openedAt: plan.phase === "DRAFT" ? null : day(plan.year, 6, 1),
      createdAt: day(plan.year, 6, 1),
      updatedAt: day(plan.year, 6, 1),
    },
  ]);
  const cycle = await ctx.em.findOneByOrFail(AwardCycle, { programId: plan.programId, year: plan.year });
  await ctx.insert(
    AwardCriterion,
    plan.program.criteria.map(([name, weight], i) => ({
      cycleId: cycle.id,
      name,
      description: null,
      weight,
      position: i + 1,
    })),
  );
  if (!plan.nominations) return 0;
  const criteria = (
    await ctx.em.find(AwardCriterion, { where: { cycleId: cycle.id }, order: { position: "ASC" } })
  ).map((c) => c.id);
  const nominees = pickNominees(run, plan);
  const frozen = plan.phase !== "NOMINATING";
  const dossiers: Map<number, DossierData> = frozen
    ? await computeDossiers(
        ctx.em,
        nominees.map((c, key) => ({
          key,
          kind: plan.program.kind,
          ...c,
          programId: plan.programId,
          year: plan.year,
          rules: plan.rules,
        })),
      )
    : new Map();
  const nominatedAt =
    plan.phase === "PUBLISHED" ? day(plan.year, 7, 15) : new Date(run.now.getTime() - 20 * 86_400_000);
  const frozenAt = plan.phase === "PUBLISHED" ? day(plan.year, 10, 8) : new Date(run.now.getTime() - 6 * 86_400_000);
  const nominationIds = await ctx.insertReturningIds(
    AwardNomination,
    nominees.map((c, i) => ({
      cycleId: cycle.id,
      nomineeKind: plan.program.kind,
      enterpriseId: c.enterpriseId,
      traineeId: c.traineeId,
      justification: rng.pick(JUSTIFICATIONS),
      status: "ACTIVE" as const,
      nomineeSlot: nomineeSlot(cycle.id, c),
      nominatedByUserId: run.staffId,
      nominatedByChamberId: null,
      dossierSnapshot: frozen ? JSON.stringify(dossiers.get(i)) : null,
      dossierFrozenAt: frozen ? frozenAt : null,
      withdrawnAt: null,
      withdrawReason: null,
      createdAt: nominatedAt,
      updatedAt: frozen ? frozenAt : nominatedAt,
    })),
    "nomineeSlot",
  );
  if (plan.phase === "NOMINATING") return 0;

  // Judges in turn, so every judge carries the same load; the demo judge is always among them.
  const assignments = nominationIds.flatMap((nominationId, i) =>
    Array.from({ length: JUDGES_PER_NOMINATION }, (_, k) => ({
      cycleId: cycle.id,
      nominationId,
      judgeUserId: run.judges[(i * JUDGES_PER_NOMINATION + k) % run.judges.length],
      conflictDeclaredAt: null,
      conflictReason: null,
      createdAt: frozenAt,
    })),
  );
  await ctx.insert(AwardJudgeAssignment, assignments);
  const assignmentIds = new Map(
    (await ctx.em.find(AwardJudgeAssignment, { where: { cycleId: cycle.id } })).map((a) => [
      `${a.nominationId}:${a.judgeUserId}`,
      a.id,
    ]),
  );
  const quality = new Map(nominationIds.map((id) => [id, 5 + rng.next() * 4.5]));
  // Judging in progress: the demo judge has scored two, begun a third; the others about two thirds.
  const demoJudge = run.judges[0];
  let demoSheets = 0;
  const sheets: ScoreSheet[] = [];
  const scoreRows: object[] = [];
  for (const a of assignments) {
    let scored = criteria;
    if (plan.phase === "JUDGING") {
      if (a.judgeUserId === demoJudge)
        scored = criteria.slice(0, [criteria.length, criteria.length, 2][demoSheets++] ?? 0);
      else if (!rng.chance(0.65)) scored = [];
    }
    const sheet = sheetFor(run, criteria, a.judgeUserId, quality.get(a.nominationId)!);
    sheets.push({ nominationId: a.nominationId, judgeUserId: a.judgeUserId, scores: sheet });
    for (const c of scored)
      scoreRows.push({
        cycleId: cycle.id,
        assignmentId: assignmentIds.get(`${a.nominationId}:${a.judgeUserId}`)!,
        criterionId: c,
        score: sheet.get(c)!,
        comment: null,
        updatedAt: frozenAt,
      });
  }
  await ctx.insert(AwardScore, scoreRows);
  if (plan.phase !== "PUBLISHED") return 0;

  // The decision: the eligible top of the ranking, as the API would take it.
  const ranked = rankNominations(
    nominationIds,
    criteria.map((id, i) => ({ id, weight: plan.program.criteria[i][1] })),
    sheets,
    false,
  );
  const eligible = new Set(nominationIds.filter((_, i) => dossiers.get(i)!.eligible));
  const top = topByQuota(ranked, (id) => eligible.has(id), plan.quota);
  const byNomination = new Map(nominationIds.map((id, i) => [id, nominees[i]]));
  const names = await nomineeNames(
    ctx,
    top.winners.map((id) => byNomination.get(id)!),
  );
  const publishedAt = day(plan.year, 12, 20);
  const winners = top.winners.map((nominationId, i) => {
    const c = byNomination.get(nominationId)!;
    const named = names.get(who(c))!;
    return {
      programId: plan.programId,
      cycleId: cycle.id,
      year: plan.year,
      rank: i + 1,
      nomineeKind: plan.program.kind,
      name: named.name,
      enterpriseName: named.enterpriseName,
      enterpriseId: named.enterpriseId,
      traineeId: c.traineeId,
      nominationId,
      rollKey: rollKey(plan.programId, plan.year, { ...named, traineeId: c.traineeId }),
      source: "DECISION" as const,
      publishedAt,
      createdAt: day(plan.year, 12, 10),
    };
  });
  const winnerIds = await ctx.insertReturningIds(AwardWinner, winners, "rollKey");
  // A shared last place was settled by the committee, as staff settle it in the API: with a reason.
  if (top.ambiguous)
    await ctx.em.update(
      AwardCycle,
      { id: cycle.id },
      { decisionReason: `第${plan.quota}名并列，由评审委员会投票确定` },
    );
  await ctx.insert(
    Certificate,
    winners.map((w, i) =>
      awardCertificate(
        { id: winnerIds[i], year: w.year, cycleId: cycle.id, name: w.name, traineeId: w.traineeId },
        plan.program,
        i + 1,
        publishedAt,
      ),
    ),
  );
  const won = run.wins.get(plan.programId)!;
  for (const id of top.winners) {
    const key = who(byNomination.get(id)!);
    won.set(key, [...(won.get(key) ?? []), plan.year]);
  }
  return winners.length;
}

/** Names as commended: the enterprise's, or the person's with their enterprise. */
async function nomineeNames(ctx: DemoContext, nominees: Candidate[]) {
  const trainees = await ctx.em.find(Trainee, {
    select: { id: true, name: true, enterpriseId: true },
    where: { id: In(nominees.flatMap((c) => (c.traineeId ? [c.traineeId] : [0]))) },
  });
  const person = new Map(trainees.map((t) => [t.id, t]));
  return new Map(
    nominees.map((c) => {
      const enterpriseId = c.enterpriseId ?? person.get(c.traineeId!)?.enterpriseId ?? null;
      const enterpriseName = enterpriseId ? ctx.ids.enterpriseInfo.get(enterpriseId)!.name : null;
      return [
        who(c),
        { name: c.traineeId ? person.get(c.traineeId)!.name : enterpriseName!, enterpriseId, enterpriseName },
      ];
    }),
  );
}

/**
 * Staff's records of three judges' own affiliations, so that the console shows a conflict before
 * assigning out of the box: 黄明德 is linked to the enterprise of one of this year's open
 * nominations, 罗晓梅 to a chamber that another nominee's enterprise belongs to, 邓志远 to an
 * enterprise that no open nominee shares. None of them touches the judging already under way.
 */
async function judgeAffiliations(run: Run, judges: number[]): Promise<void> {
  const { ctx } = run;
  const open = await ctx.em.findOneByOrFail(AwardCycle, { year: CURRENT_YEAR, phase: "NOMINATING" });
  const nominations = await ctx.em.find(AwardNomination, { where: { cycleId: open.id }, order: { id: "ASC" } });
  const nomineeEnterprises = nominations.flatMap((n) => (n.enterpriseId ? [n.enterpriseId] : []));
  const memberships = await ctx.em.find(ChamberMembership, {
    where: { enterpriseId: In(nomineeEnterprises) },
    order: { id: "ASC" },
  });
  const outsiders = ctx.ids.enterprises.filter((id) => !nomineeEnterprises.includes(id));
  const wanted: { userId: number; options: { enterpriseId: number | null; chamberId: number | null }[] }[] = [
    { userId: judges[0], options: nomineeEnterprises.map((enterpriseId) => ({ enterpriseId, chamberId: null })) },
    {
      userId: judges[1],
      options: memberships
        .filter((m) => m.enterpriseId !== nomineeEnterprises[0])
        .map((m) => ({ enterpriseId: null, chamberId: m.chamberId })),
    },
    { userId: judges[2], options: outsiders.map((enterpriseId) => ({ enterpriseId, chamberId: null })) },
  ];
  for (const { userId, options } of wanted) {
    const assigned = await ctx.em.find(AwardJudgeAssignment, { where: { judgeUserId: userId } });
    // The first that leaves every assignment of the judge free of conflict, by the API's own rule.
    for (const option of options) {
      const [row] = await ctx.em.save(JudgeAffiliation, [{ userId, ...option }]);
      const pairs = assigned.map((a) => ({ judgeUserId: userId, nomination: { id: a.nominationId } }));
      if (!(await findConflicts(ctx.em, pairs)).size) break;
      await ctx.em.delete(JudgeAffiliation, row.id);
    }
  }
}

export const awardsPart: DemoPart = {
  name: "awards",
  async run(ctx) {
    const { rng, scale } = ctx;
    const judgeRows = MORE_JUDGES.map((j, i) => {
      const at = new Date(Date.UTC(2018, 2, 1, 2, i, 0));
      return {
        name: j.name,
        phone: j.phone,
        passwordHash: ctx.passwordHash,
        roles: ["JUDGE" as const],
        active: true,
        createdAt: at,
        updatedAt: at,
      };
    });
    for (const id of await ctx.insertReturningIds(User, judgeRows, "phone")) ctx.ids.usersByRole.JUDGE.push(id);

    const programIds = await ctx.insertReturningIds(
      AwardProgram,
      PROGRAMS.map((p) => ({
        name: p.name,
        nomineeKind: p.kind,
        description: p.description,
        createdAt: day(2018, 3, 1),
        updatedAt: day(2018, 3, 1),
      })),
      "name",
    );
    const run: Run = {
      ctx,
      judges: ctx.ids.usersByRole.JUDGE,
      staffId: ctx.ids.usersByRole.STAFF[0],
      pools: await candidatePools(ctx),
      wins: new Map(programIds.map((id) => [id, new Map()])),
      leniency: new Map(ctx.ids.usersByRole.JUDGE.map((id) => [id, (rng.next() - 0.5) * 2])),
      now: new Date(),
    };
    // Year by year: a cycle's dossiers and eligibility see the commendations of the years before.
    let commendations = 0;
    for (const year of EVERY_YEAR) {
      for (const [i, program] of PROGRAMS.entries()) {
        if (!program.years.includes(year)) continue;
        const quota = program.quota * scale;
        commendations += await runCycle(run, {
          program,
          programId: programIds[i],
          year,
          phase: "PUBLISHED",
          quota,
          nominations: Math.ceil(quota * FIELD),
          rules: program.rules,
        });
      }
    }
    for (const current of CURRENT) {
      const i = PROGRAMS.findIndex((p) => p.name === current.program);
      await runCycle(run, {
        program: PROGRAMS[i],
        programId: programIds[i],
        year: CURRENT_YEAR,
        phase: current.phase,
        quota: PROGRAMS[i].quota * scale,
        nominations: current.nominations * scale,
        rules: CURRENT_RULES[current.program] ?? PROGRAMS[i].rules,
      });
    }
    await judgeAffiliations(run, ctx.ids.usersByRole.JUDGE.slice(1));
    ctx.log.debug({ commendations }, "awards: commendations published");
  },
};
