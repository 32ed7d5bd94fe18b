/**
 * The companies the article names, with the honors it credits them with. Their names are real;
 * every other fact here (town, size, founding year, honor years) is demo data except 神驰机电's
 * listing (SSE 603109).
 */
import type { EnterpriseSize, HonorKind } from "@zuofu/shared";

export interface ArticleEnterprise {
  short: string;
  name: string;
  industry: string;
  town: string;
  size: EnterpriseSize;
  foundedYear: number;
  stockCode: string | null;
  honors: readonly HonorKind[];
}

// National "little giants" must first be municipal SRDI enterprises, hence SRDI for all three.
export const ARTICLE_ENTERPRISES: readonly ArticleEnterprise[] = [
  {
    short: "神驰机电",
    name: "重庆神驰机电股份有限公司",
    industry: "汽车摩托车零部件",
    town: "蔡家岗街道",
    size: "LARGE",
    foundedYear: 2004,
    stockCode: "603109",
    honors: ["SRDI", "LITTLE_GIANT", "HIDDEN_CHAMPION", "HIGH_TECH"],
  },
  {
    short: "国贵赛车",
    name: "重庆国贵赛车科技股份有限公司",
    industry: "汽车摩托车零部件",
    town: "童家溪镇",
    size: "MEDIUM",
    foundedYear: 2006,
    stockCode: null,
    honors: ["SRDI", "HIDDEN_CHAMPION", "HIGH_TECH"],
  },
  {
    short: "颜宏齿轮",
    name: "重庆颜宏齿轮有限公司",
    industry: "汽车摩托车零部件",
    town: "歇马街道",
    size: "MEDIUM",
    foundedYear: 2002,
    stockCode: null,
    honors: ["WELL_KNOWN_TRADEMARK", "HIGH_TECH"],
  },
  {
    short: "广仁铁塔",
    name: "重庆广仁铁塔制造有限公司",
    industry: "建筑建材",
    town: "水土街道",
    size: "MEDIUM",
    foundedYear: 1998,
    stockCode: null,
    honors: ["WELL_KNOWN_TRADEMARK"],
  },
  {
    short: "顺多利机车",
    name: "重庆顺多利机车有限责任公司",
    industry: "汽车摩托车零部件",
    town: "童家溪镇",
    size: "MEDIUM",
    foundedYear: 2001,
    stockCode: null,
    honors: ["SRDI", "LITTLE_GIANT", "HIGH_TECH"],
  },
  {
    short: "长江造型",
    name: "重庆长江造型材料(集团)股份有限公司",
    industry: "新材料",
    town: "蔡家岗街道",
    size: "LARGE",
    foundedYear: 1995,
    stockCode: null,
    honors: ["SRDI", "LITTLE_GIANT", "HIGH_TECH"],
  },
  {
    short: "新兴齿轮",
    name: "重庆新兴齿轮有限公司",
    industry: "汽车摩托车零部件",
    town: "水土街道",
    size: "MEDIUM",
    foundedYear: 2003,
    stockCode: null,
    honors: [],
  },
  {
    short: "浦洛通",
    name: "重庆浦洛通生命科技集团有限公司",
    industry: "生物医药",
    town: "水土街道",
    size: "SMALL",
    foundedYear: 2014,
    stockCode: null,
    honors: ["HIGH_TECH"],
  },
];
