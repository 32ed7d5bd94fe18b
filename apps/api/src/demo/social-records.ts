/**
 * Social-responsibility records as the article tells them: 100+ enterprises in village help
 * (万企帮万村) 2019–2021 adding up to nearly 400 million yuan, epidemic relief in 2020 of 16+
 * million yuan, and purchases through the consumption poverty-relief alliance (消费扶贫联盟).
 */
import type { EnterpriseSize } from "@zuofu/shared";
import type { SocialResponsibilityRecord } from "../modules/enterprises/social-responsibility-record.entity";
import type { PlannedEnterprise } from "./planned-enterprise";
import { FIGURES } from "./figures";
import { PAIRED_COUNTIES, VILLAGES } from "./names";
import type { Random } from "./random";

type SocialRow = Omit<SocialResponsibilityRecord, "id" | "globalId">;

// Who gives how much: large firms carry most of the money, micro ones take part with little.
const PARTICIPATION: Record<EnterpriseSize, number> = { MICRO: 0.2, SMALL: 1, MEDIUM: 3, LARGE: 5 };
const AMOUNT: Record<EnterpriseSize, number> = { MICRO: 0.2, SMALL: 0.6, MEDIUM: 1.5, LARGE: 4 };

const VILLAGE_HELP_KINDS = ["产业帮扶", "就业帮扶", "基础设施援建", "教育助学", "消费帮扶", "医疗帮扶"];
const EPIDEMIC_KINDS = ["捐款", "捐赠口罩、消毒液等防疫物资", "减免商户租金", "捐赠生活物资", "捐赠医疗设备"];

/**
 * Splits `total` yuan over `weights` in proportion, rounded to `unit` yuan and at least `min`;
 * the largest share absorbs the rounding so the sum is exact.
 */
function apportion(total: number, weights: readonly number[], unit: number, min: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const amounts = weights.map((w) => Math.max(min, Math.round((total * w) / sum / unit) * unit));
  let largest = 0;
  for (let i = 1; i < amounts.length; i++) if (amounts[i] > amounts[largest]) largest = i;
  amounts[largest] += total - amounts.reduce((a, b) => a + b, 0);
  return amounts;
}

export function planSocialRecords(rng: Random, enterprises: readonly PlannedEnterprise[], scale: number): SocialRow[] {
  const rows: SocialRow[] = [];
  const participationWeight = (e: PlannedEnterprise) => PARTICIPATION[e.size];

  // Village help: "100余家" enterprises, each paired with a village for one to three of the years.
  const helpers = rng.weightedSample(
    enterprises,
    participationWeight,
    FIGURES.villageHelpEnterprises * scale + rng.int(2 * scale, 15 * scale),
  );
  const help: { e: PlannedEnterprise; year: number; weight: number; place: string }[] = [];
  for (const e of helpers) {
    const place = rng.pick(PAIRED_COUNTIES) + rng.pick(VILLAGES);
    const years = [2019, 2020, 2021].filter((y) => y >= e.foundedYear);
    const count = Math.min(
      years.length,
      rng.weighted<number>([
        [1, 3],
        [2, 3],
        [3, 4],
      ]),
    );
    for (const year of rng.sample(years, count).sort((a, b) => a - b)) {
      help.push({ e, year, place, weight: AMOUNT[e.size] * rng.logNormal(1, 0.9) });
    }
  }
  const helpAmounts = apportion(
    FIGURES.villageHelpYuan * scale,
    help.map((h) => h.weight),
    1000,
    20_000,
  );
  help.forEach((h, i) =>
    rows.push({
      enterpriseId: h.e.id,
      programme: "VILLAGE_HELP",
      amountYuan: helpAmounts[i],
      year: h.year,
      description: `万企帮万村：结对帮扶${h.place}，${rng.pick(VILLAGE_HELP_KINDS)}`,
    }),
  );

  // Epidemic relief in 2020: donations in cash and kind, and rent relief for tenants.
  const donors = rng.weightedSample(
    enterprises.filter((e) => e.foundedYear <= 2020),
    participationWeight,
    FIGURES.epidemicReliefEnterprises * scale,
  );
  const reliefAmounts = apportion(
    FIGURES.epidemicReliefYuan * scale,
    donors.map((e) => AMOUNT[e.size] * rng.logNormal(1, 1.1)),
    100,
    2000,
  );
  donors.forEach((e, i) =>
    rows.push({
      enterpriseId: e.id,
      programme: "EPIDEMIC_RELIEF",
      amountYuan: reliefAmounts[i],
      year: 2020,
      description: `新冠肺炎疫情防控：${rng.pick(EPIDEMIC_KINDS)}`,
    }),
  );

  // Consumption poverty relief: members of the alliance buy produce from the paired counties.
  for (let i = 0; i < FIGURES.consumptionReliefRecords * scale; i++) {
    const e = rng.pick(enterprises);
    rows.push({
      enterpriseId: e.id,
      programme: "CONSUMPTION_POVERTY_RELIEF",
      amountYuan: Math.round(rng.logNormal(60_000, 0.8) / 100) * 100,
      year: rng.pick([2019, 2020, 2021]),
      description: `消费扶贫联盟：采购${rng.pick(PAIRED_COUNTIES)}农特产品`,
    });
  }
  return rows;
}
