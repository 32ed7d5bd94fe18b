/**
 * Trainees (学员): invented entrepreneurs and managers with valid, unique phones and ID-card
 * numbers. Most work at one of the demo enterprises, bigger ones sending several people; a few
 * have registered an account (password `zuofu-demo`), most were imported from cohort rosters.
 */
import { maskIdCard, type EnterpriseSize, type Gender } from "@zuofu/shared";
import { User } from "../modules/accounts/user.entity";
import { TraineeEnterpriseLink } from "../modules/trainees/trainee-enterprise-link.entity";
import { Trainee } from "../modules/trainees/trainee.entity";
import { DEMO_ACCOUNTS, demoAccountCreatedAt } from "./accounts-part";
import type { DemoContext, DemoPart } from "./context";
import { FIGURES } from "./figures";
import { ID_REGIONS, idCardNumber, mobileNumbers } from "./identifiers";
import { HEAD_POSITIONS, INDIVIDUAL_BUSINESS_POSITION, OTHER_POSITIONS, SURNAMES, personName } from "./names";

/** A trainee as planned, before insertion. */
interface PlannedTrainee {
  name: string;
  gender: Gender;
  phone: string;
  idCard: string;
  position: string | null;
  enterpriseId: number | null;
  createdAt: Date;
  /** Registered an account of their own. */
  registered: boolean;
}

// Bigger enterprises send more of their managers to the Institute.
const SENDS: Record<EnterpriseSize, number> = { MICRO: 1, SMALL: 2, MEDIUM: 5, LARGE: 10 };

/** Birth years 1960–2000, most in the 1970s and early 1980s (entrepreneurs in their forties). */
const BIRTH_YEARS: readonly (readonly [number, number])[] = Array.from({ length: 41 }, (_, i) => [
  1960 + i,
  Math.exp(-(((1960 + i - 1978) / 10) ** 2)),
]);

/** Trainees joined between the Institute's first cohort (2018) and the article (early 2021). */
const JOINED_FROM = Date.UTC(2018, 2, 1);
const JOINED_TO = Date.UTC(2021, 0, 31);

/** Share of trainees with an account of their own; the others exist only as staff-kept records. */
const REGISTERED_SHARE = 0.15;

function plan(ctx: DemoContext): PlannedTrainee[] {
  const { rng } = ctx;
  const pickSurname = rng.weightedTable(SURNAMES);
  const pickRegion = rng.weightedTable(ID_REGIONS);
  const pickBirthYear = rng.weightedTable(BIRTH_YEARS);
  const pickHead = rng.weightedTable(HEAD_POSITIONS);
  const pickOther = rng.weightedTable(OTHER_POSITIONS);
  const enterpriseIds = ctx.ids.enterprises;
  const pickEnterprise = rng.weightedTable(
    enterpriseIds.map((id) => [id, SENDS[ctx.ids.enterpriseInfo.get(id)!.size]] as const),
  );

  const names = new Set(DEMO_ACCOUNTS.map((a) => a.name));
  const idCards = new Set<string>();
  const nextPhone = mobileNumbers(rng, new Set(DEMO_ACCOUNTS.map((a) => a.phone)));
  const staffCount = new Map<number, number>();

  /** The next person; `enterpriseId` undefined lets the generator choose. */
  const person = (
    fixed: { name?: string; gender?: Gender; phone?: string; enterpriseId?: number; position?: string } = {},
  ) => {
    const gender: Gender = fixed.gender ?? (rng.chance(0.72) ? "MALE" : "FEMALE");
    let name = fixed.name;
    for (let attempt = 0; !name; attempt++) {
      const candidate = personName(rng, gender, pickSurname);
      if (!names.has(candidate)) name = candidate;
      else if (attempt > 10_000) throw new Error("demo data: ran out of distinct names");
    }
    names.add(name);
    // Most trainees work at an enterprise; the rest run an individual business or are between jobs.
    const enterpriseId = fixed.enterpriseId ?? (rng.chance(0.88) ? pickEnterprise() : null);
    let position: string | null;
    if (enterpriseId !== null) {
      const colleagues = staffCount.get(enterpriseId) ?? 0;
      staffCount.set(enterpriseId, colleagues + 1);
      // The first person an enterprise sends is its head; later ones are managers.
      position = fixed.position ?? (colleagues === 0 ? pickHead() : pickOther());
    } else {
      position = rng.chance(0.6) ? INDIVIDUAL_BUSINESS_POSITION : null;
    }
    return {
      name,
      gender,
      phone: fixed.phone ?? nextPhone(),
      idCard: idCardNumber(rng, pickRegion(), pickBirthYear(), gender, idCards),
      position,
      enterpriseId,
      createdAt: new Date(JOINED_FROM + 1000 * Math.floor((rng.next() * (JOINED_TO - JOINED_FROM)) / 1000)),
      registered: false,
    };
  };

  // The demo trainee account heads an invented medium-sized enterprise, so its pages have content.
  const demo = DEMO_ACCOUNTS.find((a) => a.role === "TRAINEE")!;
  const demoEnterprise = enterpriseIds.find((id) => {
    const info = ctx.ids.enterpriseInfo.get(id)!;
    return info.size === "MEDIUM" && ![...ctx.ids.enterpriseByShortName.values()].includes(id);
  });
  const people: PlannedTrainee[] = [
    {
      ...person({
        name: demo.name,
        gender: "MALE",
        phone: demo.phone,
        enterpriseId: demoEnterprise,
        position: "总经理",
      }),
      createdAt: demoAccountCreatedAt(demo),
      registered: true,
    },
  ];
  for (let i = 0; i < FIGURES.trainees * ctx.scale; i++) {
    const p = person();
    p.registered = rng.chance(REGISTERED_SHARE);
    people.push(p);
  }
  return people;
}

export const traineesPart: DemoPart = {
  name: "trainees",
  async run(ctx) {
    const people = plan(ctx);
    const demoUserId = ctx.ids.usersByRole.TRAINEE[0];

    // Accounts of the trainees who registered (the demo trainee's account exists already).
    const registered = people.slice(1).filter((p) => p.registered);
    const userIds = await ctx.insertReturningIds(
      User,
      registered.map((p) => ({
        name: p.name,
        phone: p.phone,
        passwordHash: ctx.passwordHash,
        roles: ["TRAINEE" as const],
        active: true,
        createdAt: p.createdAt,
        updatedAt: p.createdAt,
      })),
      "phone",
    );
    for (const id of userIds) ctx.ids.usersByRole.TRAINEE.push(id);
    const userOf = new Map(registered.map((p, i) => [p, userIds[i]]));
    userOf.set(people[0], demoUserId);

    const rows = people.map((p) => ({
      userId: userOf.get(p) ?? null,
      name: p.name,
      gender: p.gender,
      phone: p.phone,
      idCardEncrypted: ctx.cipher.encrypt(p.idCard),
      idCardHash: ctx.cipher.lookupHash(p.idCard),
      idCardMasked: maskIdCard(p.idCard),
      position: p.position,
      enterpriseId: p.enterpriseId,
      createdAt: p.createdAt,
      updatedAt: p.createdAt,
    }));
    const ids = await ctx.insertReturningIds(Trainee, rows, "idCardHash");
    ids.forEach((id, i) => {
      ctx.ids.trainees.push(id);
      ctx.ids.traineeEnterprise.set(id, people[i].enterpriseId);
    });
    ctx.ids.demoTraineeId = ids[0];
    // Where they work is on the record (confirmed), as an import would have put it.
    await ctx.insert(
      TraineeEnterpriseLink,
      people.flatMap((p, i) =>
        p.enterpriseId
          ? [
              {
                traineeId: ids[i],
                enterpriseId: p.enterpriseId,
                status: "CONFIRMED" as const,
                source: "IMPORT" as const,
                validFrom: p.createdAt,
                createdAt: p.createdAt,
              },
            ]
          : [],
      ),
    );
    // A few registered trainees have named a new enterprise themselves: staff's queue to confirm.
    const claimants = people.filter((p, i) => i > 0 && userOf.has(p)).slice(0, 3);
    await ctx.insert(
      TraineeEnterpriseLink,
      claimants.map((p, k) => ({
        traineeId: ids[people.indexOf(p)],
        enterpriseId: ctx.ids.enterprises.filter((id) => id !== p.enterpriseId)[k * 7 + 3],
        status: "PENDING" as const,
        source: "SELF" as const,
      })),
    );
  },
};
