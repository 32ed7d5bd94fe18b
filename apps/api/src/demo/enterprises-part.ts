/**
 * Enterprises, their honors and their social-responsibility records. The article's companies come
 * first with the honors it credits them with; invented ones fill the rest of the counts.
 */
import type { EnterpriseSize } from "@zuofu/shared";
import { Enterprise } from "../modules/enterprises/enterprise.entity";
import { EnterpriseHonor } from "../modules/enterprises/enterprise-honor.entity";
import { SocialResponsibilityRecord } from "../modules/enterprises/social-responsibility-record.entity";
import { ARTICLE_ENTERPRISES } from "./article-enterprises";
import type { DemoPart } from "./context";
import { FIGURES } from "./figures";
import { planHonors } from "./honors";
import { creditCode, enterprisePhoneOnFile } from "./identifiers";
import { INDUSTRIES, LEGAL_FORMS, TOWNS, tradeName, type Industry } from "./names";
import type { PlannedEnterprise } from "./planned-enterprise";
import type { Random } from "./random";
import { planSocialRecords } from "./social-records";

// Most private enterprises are micro and small ones.
const SIZES: readonly (readonly [EnterpriseSize, number])[] = [
  ["MICRO", 45],
  ["SMALL", 35],
  ["MEDIUM", 15],
  ["LARGE", 5],
];

/** Beibei's private enterprises grew ~30 % a year lately, so recent founding years weigh more. */
const FOUNDED_YEARS: readonly (readonly [number, number])[] = Array.from({ length: 2020 - 1988 + 1 }, (_, i) => [
  1988 + i,
  1.12 ** i,
]);

/** When the district's enterprise register was imported into the platform. */
const IMPORTED_AT = Date.UTC(2021, 0, 15, 2, 0, 0);

function industryByName(name: string): Industry {
  const found = INDUSTRIES.find((i) => i.name === name);
  if (!found) throw new Error(`unknown industry ${name}`);
  return found;
}

/** A unique invented company name such as 重庆恒泰机电科技有限公司. */
function companyName(rng: Random, industry: Industry, size: EnterpriseSize, listed: boolean, taken: Set<string>) {
  for (;;) {
    const word = rng.pick(industry.words);
    const tech = industry.tech && !/科技|技术/.test(word) && rng.chance(0.35) ? "科技" : "";
    let form = listed ? "股份有限公司" : rng.weighted(LEGAL_FORMS);
    if (form === "(集团)有限公司" && size !== "LARGE" && size !== "MEDIUM") form = "有限公司";
    // Small local firms often carry the district in their name.
    const place = !listed && size === "MICRO" && rng.chance(0.15) ? "重庆市北碚区" : "重庆";
    const name = `${place}${tradeName(rng)}${word}${tech}${form}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}

/** A unique stock code: a few A-share listings, most on the NEEQ (新三板), as for "上市挂牌" in the article. */
function stockCode(rng: Random, taken: Set<string>): string {
  for (;;) {
    const board = rng.weighted<readonly [string, number]>([
      [["603", 3], 1],
      [["002", 3], 1],
      [["300", 3], 1],
      [["83", 4], 5],
      [["87", 4], 5],
      [["43", 4], 3],
    ]);
    const code = board[0] + String(rng.int(0, 10 ** board[1] - 1)).padStart(board[1], "0");
    if (!taken.has(code)) {
      taken.add(code);
      return code;
    }
  }
}

export function planEnterprises(rng: Random, scale: number): PlannedEnterprise[] {
  const total = FIGURES.enterprises * scale;
  const pickIndustry = rng.weightedTable(INDUSTRIES.map((i) => [i, i.weight] as const));
  const pickTown = rng.weightedTable(TOWNS);
  const pickSize = rng.weightedTable(SIZES);
  const pickYear = rng.weightedTable(FOUNDED_YEARS);

  const planned: PlannedEnterprise[] = ARTICLE_ENTERPRISES.map((a) => ({
    id: 0,
    short: a.short,
    name: a.name,
    creditCode: "",
    industry: industryByName(a.industry),
    town: a.town,
    size: a.size,
    foundedYear: a.foundedYear,
    listed: a.stockCode !== null,
    stockCode: a.stockCode,
    presetHonors: a.honors,
  }));
  const invented: PlannedEnterprise[] = [];
  while (planned.length + invented.length < total) {
    const size = pickSize();
    invented.push({
      id: 0,
      short: null,
      name: "",
      creditCode: "",
      industry: pickIndustry(),
      town: pickTown(),
      size,
      // Larger firms took time to grow: none younger than five years.
      foundedYear: size === "LARGE" || size === "MEDIUM" ? Math.min(pickYear(), 2015) : pickYear(),
      listed: false,
      stockCode: null,
      presetHonors: [],
    });
  }

  // Listed companies are established medium and large ones.
  const listedWanted = FIGURES.listed * scale - planned.filter((e) => e.listed).length;
  const sizeWeight: Partial<Record<EnterpriseSize, number>> = { LARGE: 4, MEDIUM: 1 };
  for (const e of rng.weightedSample(invented, (e) => sizeWeight[e.size] ?? 0, listedWanted)) e.listed = true;

  const names = new Set(planned.map((e) => e.name));
  const stockCodes = new Set(planned.flatMap((e) => (e.stockCode ? [e.stockCode] : [])));
  for (const e of invented) {
    e.name = companyName(rng, e.industry, e.size, e.listed, names);
    if (e.listed) e.stockCode = stockCode(rng, stockCodes);
  }
  const all = planned.concat(invented);
  all.forEach((e, index) => (e.creditCode = creditCode(index, e.foundedYear)));
  return all;
}

export const enterprisesPart: DemoPart = {
  name: "enterprises",
  async run(ctx) {
    // Separate streams: changing how honors are drawn never renames an enterprise.
    const rngs = {
      enterprises: ctx.rng.fork("enterprises"),
      honors: ctx.rng.fork("honors"),
      social: ctx.rng.fork("social"),
    };
    const enterprises = planEnterprises(rngs.enterprises, ctx.scale);

    const rows = enterprises.map((e, i) => {
      const at = new Date(IMPORTED_AT + i * 1000);
      return {
        name: e.name,
        creditCode: e.creditCode,
        phone: enterprisePhoneOnFile(e.creditCode),
        industry: e.industry.name,
        town: e.town,
        size: e.size,
        foundedYear: e.foundedYear,
        listed: e.listed,
        stockCode: e.stockCode,
        createdAt: at,
        updatedAt: at,
      };
    });
    const ids = await ctx.insertReturningIds(Enterprise, rows, "creditCode");
    enterprises.forEach((e, i) => {
      e.id = ids[i];
      ctx.ids.enterprises.push(e.id);
      if (e.short) ctx.ids.enterpriseByShortName.set(e.short, e.id);
      ctx.ids.enterpriseInfo.set(e.id, {
        name: e.name,
        industry: e.industry.name,
        town: e.town,
        size: e.size,
        foundedYear: e.foundedYear,
        listed: e.listed,
      });
    });

    await ctx.insert(EnterpriseHonor, planHonors(rngs.honors, enterprises, ctx.scale));
    await ctx.insert(SocialResponsibilityRecord, planSocialRecords(rngs.social, enterprises, ctx.scale));
  },
};
