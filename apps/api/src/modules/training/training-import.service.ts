import { In, type FindOptionsWhere, type ObjectLiteral } from "typeorm";
import { cohortTitle, maskIdCard } from "@zuofu/shared";
import type { RequestContext } from "../../graphql/context";
import { fail, type UserErrorSpec } from "../../graphql/errors";
import { isDuplicateKey, isMysql } from "../../db/dialect";
import { audit } from "../audit/audit.service";
import { Enterprise } from "../enterprises/enterprise.entity";
import { TraineeEnterpriseLink } from "../trainees/trainee-enterprise-link.entity";
import { Trainee } from "../trainees/trainee.entity";
import { Cohort } from "./cohort.entity";
import { Course } from "./course.entity";
import { Enrollment, activeSlot } from "./enrollment.entity";
import { ISSUER, issueCertificates } from "./completion.service";
import { beijingDay } from "../../common/beijing-time";
import { readImportFile } from "./training-import.parser";
import { ProblemList, checkRows, type ImportProblem, type ImportRow, type ImportStatus } from "./training-import.rows";

export { IMPORT_MAX_MB, IMPORT_MAX_ROWS } from "./training-import.parser";
/** Keys per IN (...) list: far below SQLite's and MySQL's bound-parameter limits. */
const LOOKUP_CHUNK = 1000;
const INSERT_CHUNK = 500;

export interface ImportCounts {
  coursesCreated: number;
  coursesMatched: number;
  cohortsCreated: number;
  cohortsMatched: number;
  traineesCreated: number;
  traineesMatched: number;
  enterprisesCreated: number;
  enrollmentsCreated: number;
  enrollmentsMatched: number;
  certificatesIssued: number;
}

export interface ImportResult {
  rowCount: number;
  counts: ImportCounts;
  problems: ImportProblem[];
  userErrors: UserErrorSpec[];
}

type RowCohort = NonNullable<ImportRow["cohort"]>;
type RowPerson = NonNullable<ImportRow["person"]>;

interface CohortPlan extends RowCohort {
  line: number;
  existing: Cohort | null;
  newEnrollments: number;
}

interface PersonPlan extends RowPerson {
  line: number;
  idCardHash: string | null;
  existing: Trainee | null;
}

interface EnrollmentPlan {
  line: number;
  cohort: CohortPlan;
  person: PersonPlan;
  status: ImportStatus;
  existing: boolean;
}

/** What a file means once read: its cohorts, people and enrollments, matched in-file but not yet against the database. */
interface ImportPlan {
  cohorts: Map<string, CohortPlan>;
  persons: PersonPlan[];
  enrollments: EnrollmentPlan[];
  courses: Map<string, Course | null>;
  enterprises: Map<string, { id: number | null; name: string | null }>;
}

/** Groups valid lines into cohorts (by course and number) and people (by ID card or phone), with in-file checks. */
function planRows(ctx: RequestContext, rows: ImportRow[], problems: ProblemList): ImportPlan {
  const cohorts = new Map<string, CohortPlan>();
  for (const row of rows) {
    if (!row.cohort) continue;
    const key = `${row.cohort.course}\u0000${row.cohort.number}`;
    const first = cohorts.get(key);
    if (!first) {
      cohorts.set(key, { ...row.cohort, line: row.line, existing: null, newEnrollments: 0 });
      continue;
    }
    for (const field of ["startsOn", "endsOn", "venue", "capacity"] as const) {
      const value = row.cohort[field];
      if (value === null || value === first[field]) continue;
      if (first[field] === null) Object.assign(first, { [field]: value });
      else
        problems.add(row.line, field, "IMPORT_COHORT_MISMATCH", {
          line: first.line,
        });
    }
  }

  const persons: PersonPlan[] = [];
  const byHash = new Map<string, PersonPlan>();
  const byPhone = new Map<string, PersonPlan>();
  const personOf = new Map<number, PersonPlan>();
  for (const row of rows) {
    if (!row.person) continue;
    const hash = row.person.idCard ? ctx.app.cipher.lookupHash(row.person.idCard) : null;
    const viaId = hash ? byHash.get(hash) : undefined;
    const viaPhone = row.person.phone ? byPhone.get(row.person.phone) : undefined;
    const person = viaId ?? viaPhone;
    if (
      (viaId && viaPhone && viaId !== viaPhone) ||
      (person && hash && person.idCardHash && person.idCardHash !== hash)
    ) {
      problems.add(row.line, "phone", "IMPORT_PERSON_CONFLICT");
      continue;
    }
    if (person && person.name !== row.person.name) {
      problems.add(row.line, "name", "IMPORT_NAME_MISMATCH", { name: person.name });
      continue;
    }
    const plan = person ?? { ...row.person, line: row.line, idCardHash: hash, existing: null };
    if (!person) persons.push(plan);
    // A later line may add the number the first one lacked.
    if (hash && !plan.idCardHash)
      Object.assign(plan, { idCardHash: hash, idCard: row.person.idCard, gender: row.person.gender });
    if (row.person.phone && !plan.phone) plan.phone = row.person.phone;
    if (plan.idCardHash) byHash.set(plan.idCardHash, plan);
    if (plan.phone) byPhone.set(plan.phone, plan);
    personOf.set(row.line, plan);
  }

  const personIndex = new Map(persons.map((p, i) => [p, i]));
  const enrollments: EnrollmentPlan[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const person = personOf.get(row.line);
    if (!row.cohort || !person || !row.status) continue;
    const cohort = cohorts.get(`${row.cohort.course}\u0000${row.cohort.number}`)!;
    const key = `${row.cohort.course}\u0000${row.cohort.number}\u0000${personIndex.get(person)}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      problems.add(row.line, "name", "IMPORT_DUPLICATE_ROW", { line: earlier });
      continue;
    }
    seen.set(key, row.line);
    enrollments.push({ line: row.line, cohort, person, status: row.status, existing: false });
  }
  return { cohorts, persons, enrollments, courses: new Map(), enterprises: new Map() };
}

/** Rows whose `column` is in `keys`, read in chunks, by ascending id. */
async function findIn<T extends ObjectLiteral>(
  ctx: RequestContext,
  entity: new () => T,
  column: keyof T & string,
  keys: unknown[],
): Promise<T[]> {
  const found: T[] = [];
  const unique = [...new Set(keys)];
  for (let i = 0; i < unique.length; i += LOOKUP_CHUNK) {
    const where = { [column]: In(unique.slice(i, i + LOOKUP_CHUNK)) } as FindOptionsWhere<T>;
    found.push(...(await ctx.em.find(entity, { where, order: { id: "ASC" } as never })));
  }
  return found;
}

/** The first row (lowest id) per key. */
function firstBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T> {
  const map = new Map<K, T>();
  for (const row of rows) if (!map.has(key(row))) map.set(key(row), row);
  return map;
}

/**
 * Matches the plan against the database: courses by title, cohorts by course and number, trainees
 * by ID-card hash or phone, enrollments by their active slot. Existing rows are used, never changed.
 */
async function matchExisting(ctx: RequestContext, plan: ImportPlan, problems: ProblemList): Promise<void> {
  const titles = [...new Set([...plan.cohorts.values()].map((c) => c.course))];
  // First statement of the transaction, on MySQL a locking read: a second import of the same file
  // waits here (or deadlocks and is retried) and then sees the first one's rows.
  const lock = ctx.inTransaction && isMysql(ctx.app.dataSource) ? { mode: "pessimistic_write" as const } : undefined;
  const courses: Course[] = [];
  for (let i = 0; i < titles.length; i += LOOKUP_CHUNK) {
    const where = { title: In(titles.slice(i, i + LOOKUP_CHUNK)) };
    courses.push(...(await ctx.em.find(Course, { where, order: { id: "ASC" }, lock })));
  }
  const courseByTitle = firstBy(courses, (c) => c.title);
  for (const title of titles) plan.courses.set(title, courseByTitle.get(title) ?? null);

  const cohorts = firstBy(
    await findIn(
      ctx,
      Cohort,
      "courseId",
      courses.map((c) => c.id),
    ),
    (c) => `${c.courseId}:${c.number}`,
  );
  for (const cohort of plan.cohorts.values()) {
    cohort.existing = cohorts.get(`${plan.courses.get(cohort.course)?.id}:${cohort.number}`) ?? null;
    const existing = cohort.existing;
    if (!existing) continue;
    if (existing.status !== "IN_PROGRESS" && existing.status !== "COMPLETED")
      problems.add(cohort.line, "cohortNumber", "WRONG_STATUS", { status: existing.status });
    for (const field of ["startsOn", "endsOn"] as const) {
      if (existing[field] !== cohort[field])
        problems.add(cohort.line, field, "IMPORT_COHORT_DIFFERS", { number: existing.number, value: existing[field] });
    }
  }

  const hashes = plan.persons.filter((p) => p.idCardHash).map((p) => p.idCardHash);
  const phones = plan.persons.filter((p) => p.phone).map((p) => p.phone);
  const byHash = firstBy(await findIn(ctx, Trainee, "idCardHash", hashes), (t) => t.idCardHash);
  const byPhone = firstBy(await findIn(ctx, Trainee, "phone", phones), (t) => t.phone);
  for (const person of plan.persons) {
    const viaId = person.idCardHash ? byHash.get(person.idCardHash) : undefined;
    const viaPhone = person.phone ? byPhone.get(person.phone) : undefined;
    if (viaId) person.existing = viaId;
    else if (viaPhone && person.idCardHash && viaPhone.idCardHash) {
      problems.add(person.line, "idCardNumber", "IMPORT_PERSON_CONFLICT");
    } else if (viaPhone && viaPhone.name !== person.name) {
      problems.add(person.line, "name", "IMPORT_NAME_MISMATCH", { name: viaPhone.name });
    } else person.existing = viaPhone ?? null;
  }

  const fresh = plan.persons.filter((p) => !p.existing && p.creditCode);
  const known = firstBy(
    await findIn(
      ctx,
      Enterprise,
      "creditCode",
      fresh.map((p) => p.creditCode),
    ),
    (e) => e.creditCode,
  );
  for (const person of fresh) {
    const code = person.creditCode!;
    const entry = plan.enterprises.get(code) ?? { id: known.get(code)?.id ?? null, name: null };
    entry.name ??= person.enterpriseName;
    plan.enterprises.set(code, entry);
  }
  // An unknown credit code is created when some line names the enterprise; otherwise it is a mistake.
  for (const person of fresh) {
    const entry = plan.enterprises.get(person.creditCode!)!;
    if (!entry.id && !entry.name) problems.add(person.line, "creditCode", "NOT_FOUND");
  }

  const slots = plan.enrollments
    .filter((e) => e.cohort.existing && e.person.existing)
    .map((e) => activeSlot(e.cohort.existing!.id, e.person.existing!.id));
  const taken = new Set((await findIn(ctx, Enrollment, "activeSlot", slots)).map((e) => e.activeSlot));
  for (const enrollment of plan.enrollments) {
    const { cohort, person } = enrollment;
    enrollment.existing = Boolean(
      cohort.existing && person.existing && taken.has(activeSlot(cohort.existing.id, person.existing.id)),
    );
    if (enrollment.existing) continue;
    cohort.newEnrollments++;
    if (enrollment.status === "COMPLETED" && cohort.existing && cohort.existing.status !== "COMPLETED")
      problems.add(enrollment.line, "status", "WRONG_STATUS", { status: cohort.existing.status });
  }
  for (const cohort of plan.cohorts.values()) {
    if (!cohort.existing && cohort.capacity !== null && cohort.capacity < cohort.newEnrollments)
      problems.add(cohort.line, "capacity", "CAPACITY_BELOW_TAKEN", { taken: cohort.newEnrollments });
  }
}

function countPlan(plan: ImportPlan): ImportCounts {
  const cohorts = [...plan.cohorts.values()];
  const created = plan.enrollments.filter((e) => !e.existing);
  return {
    coursesCreated: [...plan.courses.values()].filter((c) => !c).length,
    coursesMatched: [...plan.courses.values()].filter((c) => c).length,
    cohortsCreated: cohorts.filter((c) => !c.existing).length,
    cohortsMatched: cohorts.filter((c) => c.existing).length,
    traineesCreated: plan.persons.filter((p) => !p.existing).length,
    traineesMatched: plan.persons.filter((p) => p.existing).length,
    enterprisesCreated: [...plan.enterprises.values()].filter((e) => !e.id).length,
    enrollmentsCreated: created.length,
    enrollmentsMatched: plan.enrollments.length - created.length,
    certificatesIssued: created.filter((e) => e.status === "COMPLETED").length,
  };
}

/** Inserts in multi-row statements and reads the ids back by a unique key: auto-increment ids need not be consecutive (TiDB). */
async function insertReturningIds<T extends ObjectLiteral>(
  ctx: RequestContext,
  entity: new () => T,
  rows: Partial<T>[],
  key: keyof T & string,
): Promise<Map<unknown, number>> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await ctx.em
      .createQueryBuilder()
      .insert()
      .into(entity)
      .values(rows.slice(i, i + INSERT_CHUNK) as never)
      .updateEntity(false)
      .execute();
  }
  const found = await findIn(
    ctx,
    entity,
    key,
    rows.map((r) => r[key]),
  );
  // Ascending ids: for a phone that older rows share, the row inserted here wins.
  return new Map(found.map((row) => [row[key], row.id as number]));
}

async function writePlan(ctx: RequestContext, plan: ImportPlan, fileName: string, counts: ImportCounts): Promise<void> {
  for (const [title, course] of plan.courses) {
    if (!course) plan.courses.set(title, await ctx.em.save(ctx.em.create(Course, { title, organizers: [ISSUER] })));
  }
  const today = beijingDay();
  for (const cohort of plan.cohorts.values()) {
    if (cohort.existing) {
      if (!cohort.newEnrollments) continue;
      // Past cohorts: the seats are history, not a contest; capacity grows to hold them.
      const update = (set: Record<string, () => string>) =>
        ctx.em.createQueryBuilder().update(Cohort).set(set).where("id = :id", { id: cohort.existing!.id }).execute();
      await update({ seatsTaken: () => `seats_taken + ${cohort.newEnrollments}` });
      await update({ capacity: () => "CASE WHEN capacity < seats_taken THEN seats_taken ELSE capacity END" });
      continue;
    }
    const course = plan.courses.get(cohort.course)!;
    cohort.existing = await ctx.em.save(
      ctx.em.create(Cohort, {
        courseId: course.id,
        number: cohort.number,
        title: cohortTitle(course.title, cohort.number).slice(0, 100),
        startsOn: cohort.startsOn,
        endsOn: cohort.endsOn,
        venue: cohort.venue,
        capacity: cohort.capacity ?? Math.max(1, cohort.newEnrollments),
        seatsTaken: cohort.newEnrollments,
        admission: "AUTO",
        status: cohort.endsOn < today ? "COMPLETED" : "IN_PROGRESS",
        enrollmentOpensAt: null,
        enrollmentClosesAt: null,
        completionThreshold: 80,
      }),
    );
  }

  const newEnterprises = [...plan.enterprises].filter(([, e]) => !e.id);
  const enterpriseIds = await insertReturningIds(
    ctx,
    Enterprise,
    newEnterprises.map(([creditCode, e]) => ({ creditCode, name: e.name!, listed: false })),
    "creditCode",
  );
  const enterpriseOf = (code: string | null) =>
    code ? (plan.enterprises.get(code)!.id ?? enterpriseIds.get(code)!) : null;

  const fresh = plan.persons.filter((p) => !p.existing);
  const rows = fresh.map((p) => ({
    name: p.name,
    gender: p.gender,
    phone: p.phone,
    idCardEncrypted: p.idCard ? ctx.app.cipher.encrypt(p.idCard) : null,
    idCardHash: p.idCardHash,
    idCardMasked: p.idCard ? maskIdCard(p.idCard) : null,
    position: p.position,
    enterpriseId: enterpriseOf(p.creditCode),
    userId: null,
  }));
  const idsByHash = await insertReturningIds(
    ctx,
    Trainee,
    rows.filter((r) => r.idCardHash),
    "idCardHash",
  );
  const idsByPhone = await insertReturningIds(
    ctx,
    Trainee,
    rows.filter((r) => !r.idCardHash),
    "phone",
  );
  const traineeIdOf = (p: PersonPlan) =>
    p.existing?.id ?? (p.idCardHash ? idsByHash.get(p.idCardHash)! : idsByPhone.get(p.phone)!);
  // The roster's word on where the new people work goes on the record as confirmed links.
  const links = fresh
    .filter((p) => enterpriseOf(p.creditCode))
    .map((p) => ({
      traineeId: traineeIdOf(p),
      enterpriseId: enterpriseOf(p.creditCode)!,
      status: "CONFIRMED" as const,
      source: "IMPORT" as const,
      validFrom: new Date(),
    }));
  for (let i = 0; i < links.length; i += INSERT_CHUNK)
    await ctx.em.insert(TraineeEnterpriseLink, links.slice(i, i + INSERT_CHUNK));

  const created = plan.enrollments.filter((e) => !e.existing);
  const enrollmentIds = await insertReturningIds(
    ctx,
    Enrollment,
    created.map((e) => ({
      cohortId: e.cohort.existing!.id,
      traineeId: traineeIdOf(e.person),
      status: e.status,
      outcome: e.status === "COMPLETED" ? ("COMPLETED" as const) : null,
      activeSlot: activeSlot(e.cohort.existing!.id, traineeIdOf(e.person)),
      reason: null,
      decidedAt: new Date(`${e.cohort.startsOn}T00:00:00+08:00`),
    })),
    "activeSlot",
  );
  const completed = new Map<CohortPlan, { id: number; traineeId: number }[]>();
  for (const e of created) {
    if (e.status !== "COMPLETED") continue;
    const traineeId = traineeIdOf(e.person);
    const id = enrollmentIds.get(activeSlot(e.cohort.existing!.id, traineeId))!;
    const list = completed.get(e.cohort) ?? [];
    list.push({ id, traineeId });
    completed.set(e.cohort, list);
  }
  for (const [cohort, enrollments] of completed)
    await issueCertificates(ctx, cohort.existing!, plan.courses.get(cohort.course)!, enrollments);
  await audit(ctx, "training.import", { type: "TrainingImport", id: null }, { fileName, ...counts });
}

/**
 * Imports past cohorts, trainees and enrollments from a CSV or XLSX file. A dry run reports every
 * problem and what would be created; a real run writes all of it in one transaction, or nothing.
 * Importing the same file again matches everything and creates nothing.
 */
export async function importTraining(
  ctx: RequestContext,
  input: { fileName: string; contentBase64: string; dryRun: boolean },
): Promise<ImportResult> {
  ctx.requireRole("STAFF");
  const sheet = await readImportFile(input.fileName, input.contentBase64);
  const problems = new ProblemList(ctx.locale);
  const rows = checkRows(sheet, problems);
  const checked = problems.items.length;
  const analyse = async (tx: RequestContext) => {
    // A retried transaction analyses again from the checked lines.
    problems.items.length = checked;
    const plan = planRows(tx, rows, problems);
    await matchExisting(tx, plan, problems);
    return plan;
  };
  const result = (plan: ImportPlan): ImportResult => {
    const found = [...problems.items].sort((a, b) => a.line - b.line);
    return {
      rowCount: rows.length,
      counts: countPlan(plan),
      problems: found,
      userErrors: found.length
        ? [{ code: "IMPORT_HAS_PROBLEMS", field: ["input", "contentBase64"], params: { count: found.length } }]
        : [],
    };
  };
  if (input.dryRun) return result(await analyse(ctx));
  try {
    return await ctx.transaction(async (tx) => {
      const plan = await analyse(tx);
      const outcome = result(plan);
      if (!outcome.problems.length) await writePlan(tx, plan, input.fileName, outcome.counts);
      return outcome;
    });
  } catch (err) {
    // Someone else wrote one of the same rows between our reads and our writes.
    if (isDuplicateKey(err)) fail("IMPORT_CONFLICT", "contentBase64");
    throw err;
  }
}
