import { In, IsNull, Not, type EntityManager } from "typeorm";
import { defineLoader } from "../../loading/loader";
import { EnterpriseHonor } from "../enterprises/enterprise-honor.entity";
import { SocialResponsibilityRecord } from "../enterprises/social-responsibility-record.entity";
import { Trainee } from "../trainees/trainee.entity";
import { Certificate } from "../training/certificate.entity";
import { Cohort } from "../training/cohort.entity";
import { Course } from "../training/course.entity";
import { Enrollment } from "../training/enrollment.entity";
import { AwardCycle, type EligibilityRule } from "./award-cycle.entity";
import { AwardNomination } from "./award-nomination.entity";
import { AwardProgram } from "./award-program.entity";
import { AwardWinner } from "./award-winner.entity";
import type { NomineeKind } from "./award.enums";
import type { AwardDossier, DossierAward, DossierTraining, EligibilityCheck } from "./award.inputs";
import { eventParticipation } from "./event-participation";

/** Whose records a dossier gathers: an enterprise (and its people), or one person (and their enterprise). */
export interface Nominee {
  kind: NomineeKind;
  enterpriseId: number | null;
  traineeId: number | null;
}

export interface DossierRequest extends Nominee {
  key: number;
  programId: number;
  /** The cycle's year: records after it do not count, so a past cycle's dossier stays as it was. */
  year: number;
  rules: EligibilityRule[];
}

export type DossierData = Omit<AwardDossier, "frozenAt">;

const day = (v: string | Date) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const unique = (xs: (number | null)[]) => [...new Set(xs.filter((x): x is number => x !== null))];

interface WinRow extends DossierAward {
  enterpriseId: number | null;
  traineeId: number | null;
}

/**
 * Dossiers and eligibility of many nominees at once: a fixed number of statements (people,
 * completed cohorts, events, honors, social records, prior awards), whatever their number.
 */
export async function computeDossiers(
  em: EntityManager,
  requests: DossierRequest[],
): Promise<Map<number, DossierData>> {
  const personIds = unique(requests.map((r) => r.traineeId));
  const enterpriseNominees = unique(requests.map((r) => r.enterpriseId));
  const select = { id: true, name: true, enterpriseId: true } as const;
  const persons = personIds.length ? await em.find(Trainee, { select, where: { id: In(personIds) } }) : [];
  const staff = enterpriseNominees.length
    ? await em.find(Trainee, { select, where: { enterpriseId: In(enterpriseNominees) } })
    : [];
  const people = new Map([...persons, ...staff].map((t) => [t.id, t]));
  const enterpriseOf = (r: Nominee) =>
    r.enterpriseId ?? (r.traineeId ? people.get(r.traineeId)?.enterpriseId : null) ?? null;
  const peopleOf = (r: Nominee) =>
    r.enterpriseId
      ? staff.filter((t) => t.enterpriseId === r.enterpriseId)
      : persons.filter((t) => t.id === r.traineeId);
  const enterpriseIds = unique(requests.map(enterpriseOf));
  const traineeIds = [...people.keys()];

  const training = traineeIds.length
    ? await em
        .createQueryBuilder(Enrollment, "e")
        .innerJoin(Cohort, "c", "c.id = e.cohort_id")
        .innerJoin(Course, "co", "co.id = c.course_id")
        .leftJoin(Certificate, "cert", "cert.enrollment_id = e.id")
        .select("e.trainee_id", "traineeId")
        .addSelect("co.title", "courseTitle")
        .addSelect("c.number", "cohortNumber")
        .addSelect("c.starts_on", "startsOn")
        .addSelect("c.ends_on", "endsOn")
        .addSelect("cert.serial", "serial")
        .where("e.trainee_id IN (:...ids) AND e.status = :completed", { ids: traineeIds, completed: "COMPLETED" })
        .orderBy("c.ends_on", "DESC")
        .getRawMany<{
          traineeId: number;
          courseTitle: string;
          cohortNumber: number;
          startsOn: string | Date;
          endsOn: string | Date;
          serial: string | null;
        }>()
    : [];
  const events = traineeIds.length ? await eventParticipation(em, traineeIds) : [];
  const honors = enterpriseIds.length
    ? await em.find(EnterpriseHonor, { where: { enterpriseId: In(enterpriseIds) }, order: { year: "DESC", id: "ASC" } })
    : [];
  const social = enterpriseIds.length
    ? await em.find(SocialResponsibilityRecord, {
        where: { enterpriseId: In(enterpriseIds) },
        order: { year: "DESC", id: "ASC" },
      })
    : [];
  const wins: WinRow[] =
    enterpriseNominees.length || personIds.length
      ? (
          await em
            .createQueryBuilder(AwardWinner, "w")
            .innerJoin(AwardProgram, "p", "p.id = w.program_id")
            .select("w.program_id", "programId")
            .addSelect("p.name", "programName")
            .addSelect("w.year", "year")
            .addSelect("w.name", "winnerName")
            .addSelect("w.enterprise_id", "enterpriseId")
            .addSelect("w.trainee_id", "traineeId")
            .where("w.published_at IS NOT NULL")
            .andWhere("(w.enterprise_id IN (:...e) OR w.trainee_id IN (:...t))", {
              e: enterpriseNominees.length ? enterpriseNominees : [0],
              t: personIds.length ? personIds : [0],
            })
            .orderBy("w.year", "DESC")
            .getRawMany<WinRow>()
        ).map((w) => ({
          ...w,
          programId: Number(w.programId),
          year: Number(w.year),
          enterpriseId: w.enterpriseId === null ? null : Number(w.enterpriseId),
          traineeId: w.traineeId === null ? null : Number(w.traineeId),
        }))
      : [];

  const result = new Map<number, DossierData>();
  for (const r of requests) {
    const lastDay = `${r.year}-12-31`;
    const mine = new Set(peopleOf(r).map((t) => t.id));
    const enterpriseId = enterpriseOf(r);
    const nameOf = (id: number) => people.get(id)?.name ?? "";
    const dossierTraining: DossierTraining[] = training
      .filter((row) => mine.has(Number(row.traineeId)) && day(row.endsOn) <= lastDay)
      .map((row) => ({
        traineeName: nameOf(Number(row.traineeId)),
        courseTitle: row.courseTitle,
        cohortNumber: Number(row.cohortNumber),
        startsOn: day(row.startsOn),
        endsOn: day(row.endsOn),
        certificateSerial: row.serial ?? null,
      }));
    const dossierHonors = honors
      .filter((h) => h.enterpriseId === enterpriseId && h.year <= r.year)
      .map((h) => ({
        kind: h.kind,
        level: h.level,
        year: h.year,
        validUntil: h.validUntil ? day(h.validUntil) : null,
      }));
    const dossierSocial = social
      .filter((s) => s.enterpriseId === enterpriseId && s.year <= r.year)
      .map((s) => ({ programme: s.programme, year: s.year, amountYuan: s.amountYuan, description: s.description }));
    const ownWins = wins.filter(
      (w) => w.year < r.year && (r.enterpriseId ? w.enterpriseId === r.enterpriseId : w.traineeId === r.traineeId),
    );
    const eligibility: EligibilityCheck[] = r.rules.map((rule) => {
      const check: EligibilityCheck = {
        rule,
        met: false,
        training: [],
        honors: [],
        socialRecords: [],
        priorAwards: [],
      };
      const years = rule.years ?? 0;
      switch (rule.type) {
        case "COMPLETED_COHORT":
          check.training = dossierTraining;
          check.met = dossierTraining.length > 0;
          break;
        case "HOLDS_HONOR":
          check.honors = dossierHonors.filter(
            (h) => h.kind === rule.honorKind && (!h.validUntil || h.validUntil >= `${r.year}-01-01`),
          );
          check.met = check.honors.length > 0;
          break;
        case "SOCIAL_RECORD_WITHIN_YEARS":
          check.socialRecords = dossierSocial.filter((s) => s.year >= r.year - years);
          check.met = check.socialRecords.length > 0;
          break;
        case "NOT_RECENT_WINNER":
          // The same program and the same nominee (an enterprise's program never counts its people's awards).
          check.priorAwards = ownWins
            .filter((w) => w.programId === r.programId && w.year >= r.year - years)
            .filter((w) => (r.enterpriseId ? w.traineeId === null : true))
            .map(toDossierAward);
          check.met = check.priorAwards.length === 0;
          break;
      }
      return check;
    });
    result.set(r.key, {
      eligible: eligibility.every((c) => c.met),
      eligibility,
      training: dossierTraining,
      events: events
        .filter((e) => mine.has(e.traineeId) && e.startsOn <= lastDay)
        .map((e) => ({ traineeName: nameOf(e.traineeId), kind: e.kind, title: e.title, startsOn: e.startsOn })),
      honors: dossierHonors,
      socialRecords: dossierSocial,
      priorAwards: ownWins.map(toDossierAward),
    });
  }
  return result;
}

function toDossierAward(w: WinRow): DossierAward {
  return { programId: w.programId, programName: w.programName, year: w.year, winnerName: w.winnerName };
}

/** The dossier requests of some nominations, with their cycles' year, program and rules. */
export async function dossierRequests(em: EntityManager, nominations: AwardNomination[]): Promise<DossierRequest[]> {
  const cycleIds = unique(nominations.map((n) => n.cycleId));
  const cycles = cycleIds.length ? await em.findBy(AwardCycle, { id: In(cycleIds) }) : [];
  const byId = new Map(cycles.map((c) => [c.id, c]));
  return nominations.map((n) => {
    const cycle = byId.get(n.cycleId)!;
    return {
      key: n.id,
      kind: n.nomineeKind,
      enterpriseId: n.enterpriseId,
      traineeId: n.traineeId,
      programId: cycle.programId,
      year: cycle.year,
      rules: cycle.eligibilityRules,
    };
  });
}

/** Runs as the cycle enters JUDGING: from then on judges and the decision see the same dossier. */
export async function freezeDossiers(em: EntityManager, cycleId: number, at: Date): Promise<number> {
  const nominations = await em.findBy(AwardNomination, { cycleId, status: "ACTIVE" });
  const dossiers = await computeDossiers(em, await dossierRequests(em, nominations));
  for (const n of nominations) {
    await em.update(
      AwardNomination,
      { id: n.id },
      { dossierSnapshot: JSON.stringify(dossiers.get(n.id)), dossierFrozenAt: at },
    );
  }
  return nominations.length;
}

/** Back to NOMINATING: dossiers are computed live again, and frozen anew on the next JUDGING. */
export async function unfreezeDossiers(em: EntityManager, cycleId: number): Promise<void> {
  await em.update(
    AwardNomination,
    { cycleId, dossierFrozenAt: Not(IsNull()) },
    { dossierSnapshot: null, dossierFrozenAt: null },
  );
}

/** A nomination's dossier: the frozen snapshot once judging began, else computed from today's records. */
export const dossierByNomination = defineLoader<AwardNomination, AwardDossier>(
  "dossierByNomination",
  async (ctx, nominations) => {
    const live = nominations.filter((n) => !n.dossierSnapshot);
    const computed = live.length ? await computeDossiers(ctx.em, await dossierRequests(ctx.em, live)) : new Map();
    return nominations.map((n) =>
      n.dossierSnapshot
        ? { ...(JSON.parse(n.dossierSnapshot) as DossierData), frozenAt: n.dossierFrozenAt }
        : { ...computed.get(n.id)!, frozenAt: null },
    );
  },
  (n) => n.id,
);
