/**
 * The article's figures (see DESIGN.md's facts table) that the demo data reproduces at scale 1.
 * Counts scale linearly; the tests assert them.
 */
import type { HonorKind } from "@zuofu/shared";

export const FIGURES = {
  /** Private enterprises in the demo (Beibei has more; this is the sample the Institute works with). */
  enterprises: 1000,
  /** 上市挂牌民营企业达25家. */
  listed: 25,
  /** 21 专精特新, 3 小巨人, 2 隐形冠军, 2 全国驰名商标, 137 高新技术企业, 1,386 科技型企业. */
  honors: {
    SRDI: 21,
    LITTLE_GIANT: 3,
    HIDDEN_CHAMPION: 2,
    WELL_KNOWN_TRADEMARK: 2,
    HIGH_TECH: 137,
    TECH_SME: 1386,
  } satisfies Record<HonorKind, number>,
  /** Enterprises holding the yearly tech-SME recognition at least once (1,386 records spread over them). */
  techSmeEnterprises: 450,
  /** 近3年动员100余家企业参与"万企帮万村"… 引导社会资本近4亿元. */
  villageHelpEnterprises: 100,
  villageHelpYuan: 396_000_000,
  /** 2020年疫情期间… 捐款捐物减租1600多万元. */
  epidemicReliefEnterprises: 150,
  epidemicReliefYuan: 16_300_000,
  /** 消费扶贫联盟 purchases: no figure in the article. */
  consumptionReliefRecords: 60,
  /** Invented trainees; the Institute counts 3,500+ attendances over 41 cohorts. */
  trainees: 2000,
} as const;
