/**
 * Enterprise honors matching the article's counts exactly (times the scale): preset ones for the
 * named companies, the rest drawn from plausible candidates (tech industries, established firms).
 */
import type { EnterpriseSize, HonorKind, HonorLevel } from "@zuofu/shared";
import type { EnterpriseHonor } from "../modules/enterprises/enterprise-honor.entity";
import type { PlannedEnterprise } from "./planned-enterprise";
import { FIGURES } from "./figures";
import type { Random } from "./random";

type HonorRow = Omit<EnterpriseHonor, "id" | "globalId">;

const LEVEL: Record<HonorKind, HonorLevel> = {
  SRDI: "MUNICIPAL",
  LITTLE_GIANT: "NATIONAL",
  HIDDEN_CHAMPION: "NATIONAL",
  WELL_KNOWN_TRADEMARK: "NATIONAL",
  HIGH_TECH: "NATIONAL",
  TECH_SME: "MUNICIPAL",
};

/** Years each kind was awarded in (the article dates from early 2021) and how long it stays valid. */
const TERMS: Record<Exclude<HonorKind, "TECH_SME">, { years: readonly number[]; validYears: number | null }> = {
  SRDI: { years: [2018, 2019, 2020], validYears: 3 },
  // The first two national batches of little giants: 2019 and 2020.
  LITTLE_GIANT: { years: [2019, 2020], validYears: 3 },
  HIDDEN_CHAMPION: { years: [2018, 2019, 2020], validYears: 3 },
  // A well-known trademark is recognised case by case and does not expire.
  WELL_KNOWN_TRADEMARK: { years: [2008, 2010, 2012, 2014, 2016, 2018, 2019], validYears: null },
  HIGH_TECH: { years: [2018, 2019, 2020], validYears: 3 },
};

/** Tech-SME recognition (科技型企业入库) is yearly; the demo spreads it over these years. */
const TECH_SME_YEARS = [2021, 2022, 2023, 2024, 2025];

const pad = (n: number, width: number) => String(n).padStart(width, "0");

/** Issuers number certificates in sequence within a year; gaps are other districts' certificates. */
function certificateNumbers(rng: Random) {
  const next = new Map<string, number>();
  return (kind: HonorKind, year: number): string => {
    const key = `${kind}:${year}`;
    const n = (next.get(key) ?? rng.int(20, 400)) + rng.int(1, 9);
    next.set(key, n);
    switch (kind) {
      case "HIGH_TECH":
        return `GR${year}50${pad(n, 6)}`;
      case "TECH_SME":
        return `${year}500109${pad(n, 8)}`;
      case "SRDI":
        return `CQZJTX${year}${pad(n, 4)}`;
      case "LITTLE_GIANT":
        return `MIIT-XJR-${year}-${pad(n, 4)}`;
      case "HIDDEN_CHAMPION":
        return `CQYXGJ${year}${pad(n, 3)}`;
      case "WELL_KNOWN_TRADEMARK":
        // The registration number of the recognised trademark (7 or 8 digits).
        return String(rng.int(1_000_000, 29_999_999));
    }
  };
}

/** Last valid day, `validYears` after issue; certificates are mostly issued in the last third of a year. */
function validUntil(rng: Random, year: number, validYears: number | null): string | null {
  if (validYears === null) return null;
  return `${year + validYears}-${pad(rng.int(9, 12), 2)}-${pad(rng.int(1, 27), 2)}`;
}

const SIZE_SRDI: Record<EnterpriseSize, number> = { MICRO: 0, SMALL: 1, MEDIUM: 3, LARGE: 2 };
const SIZE_HIGH_TECH: Record<EnterpriseSize, number> = { MICRO: 0, SMALL: 2, MEDIUM: 3, LARGE: 1 };
// Tech SMEs have fewer than 500 staff: large enterprises do not qualify.
const SIZE_TECH_SME: Record<EnterpriseSize, number> = { MICRO: 0.7, SMALL: 1, MEDIUM: 1, LARGE: 0 };

export function planHonors(rng: Random, enterprises: readonly PlannedEnterprise[], scale: number): HonorRow[] {
  // Sets keep insertion order, so the rows come out in a deterministic order.
  const holders = new Map<HonorKind, Set<PlannedEnterprise>>(
    Object.keys(LEVEL).map((k) => [k as HonorKind, new Set()]),
  );
  const of = (kind: HonorKind) => holders.get(kind)!;
  for (const e of enterprises) for (const kind of e.presetHonors) of(kind).add(e);
  const invented = enterprises.filter((e) => e.short === null);

  /** Draws the missing holders of `kind` from `pool`, weighted, so the kind reaches its figure × scale. */
  const fill = (kind: HonorKind, pool: readonly PlannedEnterprise[], weight: (e: PlannedEnterprise) => number) => {
    const missing = FIGURES.honors[kind] * scale - of(kind).size;
    if (missing < 0) throw new Error(`more preset ${kind} honors than the figure allows`);
    for (const e of rng.weightedSample(pool, weight, missing)) of(kind).add(e);
  };

  fill("SRDI", invented, (e) => (e.foundedYear <= 2017 ? SIZE_SRDI[e.size] * (e.industry.tech ? 3 : 0.3) : 0));
  const srdiInvented = [...of("SRDI")].filter((e) => e.short === null);
  // Little giants and hidden champions are the best of the SRDI enterprises.
  fill("LITTLE_GIANT", srdiInvented, (e) => (e.size === "MEDIUM" ? 3 : 1));
  fill("HIDDEN_CHAMPION", srdiInvented, (e) => (of("LITTLE_GIANT").has(e) ? 0.5 : 1));
  fill("WELL_KNOWN_TRADEMARK", invented, (e) =>
    e.foundedYear <= 2010 && (e.size === "MEDIUM" || e.size === "LARGE") ? 1 : 0,
  );
  // SRDI enterprises are innovation-driven: all of them hold the high-tech certificate.
  for (const e of of("SRDI")) of("HIGH_TECH").add(e);
  fill("HIGH_TECH", invented, (e) =>
    of("HIGH_TECH").has(e) || !e.industry.tech || e.foundedYear > 2018 ? 0 : SIZE_HIGH_TECH[e.size],
  );

  const number = certificateNumbers(rng);
  const rows: HonorRow[] = [];
  for (const [kind, set] of holders) {
    if (kind === "TECH_SME") continue;
    const term = TERMS[kind];
    for (const e of set) {
      // Honors go to firms with a track record: at least two years old.
      const year = rng.pick(term.years.filter((y) => y >= e.foundedYear + 2));
      rows.push({
        enterpriseId: e.id,
        kind,
        level: LEVEL[kind],
        year,
        certificateNumber: number(kind, year),
        validUntil: validUntil(rng, year, term.validYears),
      });
    }
  }
  // concat, not push(...): at scale 100 the spread would exceed the engine's argument limit.
  return rows.concat(techSmeRows(rng, enterprises, scale, number, (e) => of("HIGH_TECH").has(e)));
}

/**
 * FIGURES.honors.TECH_SME × scale yearly records over several hundred enterprises, at most one per
 * enterprise and year, mostly unbroken runs of years (firms that qualify once tend to stay).
 */
function techSmeRows(
  rng: Random,
  enterprises: readonly PlannedEnterprise[],
  scale: number,
  number: (kind: HonorKind, year: number) => string,
  isHighTech: (e: PlannedEnterprise) => boolean,
): HonorRow[] {
  const target = FIGURES.honors.TECH_SME * scale;
  const pool = rng.weightedSample(
    enterprises,
    (e) => SIZE_TECH_SME[e.size] * (e.industry.tech ? 4 : 0.4) * (isHighTech(e) ? 3 : 1),
    FIGURES.techSmeEnterprises * scale,
  );
  const maxYears = TECH_SME_YEARS.length;
  if (target > pool.length * maxYears) throw new Error("too few tech-SME enterprises for the figure");
  const runs = pool.map(() =>
    rng.weighted<number>([
      [1, 15],
      [2, 20],
      [3, 25],
      [4, 20],
      [5, 20],
    ]),
  );
  let sum = runs.reduce((a, b) => a + b, 0);
  // Nudge single enterprises up or down a year until the records add up to the figure exactly.
  while (sum !== target) {
    const i = rng.int(0, runs.length - 1);
    const step = sum < target ? (runs[i] < maxYears ? 1 : 0) : runs[i] > 1 ? -1 : 0;
    runs[i] += step;
    sum += step;
  }
  const rows: HonorRow[] = [];
  pool.forEach((e, i) => {
    const first = rng.int(0, maxYears - runs[i]);
    for (const year of TECH_SME_YEARS.slice(first, first + runs[i])) {
      rows.push({
        enterpriseId: e.id,
        kind: "TECH_SME",
        level: "MUNICIPAL",
        year,
        certificateNumber: number("TECH_SME", year),
        validUntil: `${year}-12-31`,
      });
    }
  });
  return rows;
}
