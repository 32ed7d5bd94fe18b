/**
 * Word lists for invented people and enterprises. The people are fictional: surnames follow
 * national frequency (per cent, census order) and given names use common characters, so the
 * demo reads like a real roster without naming anyone real.
 */
import type { Gender } from "@zuofu/shared";
import type { Random } from "./random";

/** Distinct characters of a string, in order: the lists below may repeat a character harmlessly. */
const charsOf = (text: string): readonly string[] => [...new Set(text)];

/** Surname → share of the population in per cent; 冉, 谭, 向 lean Chongqing. */
// prettier-ignore
export const SURNAMES: readonly (readonly [string, number])[] = [
  ["王", 7.12], ["李", 7.0], ["张", 6.74], ["刘", 5.38], ["陈", 4.53], ["杨", 3.08], ["黄", 2.33], ["赵", 2.29],
  ["吴", 2.04], ["周", 1.95], ["徐", 1.58], ["孙", 1.51], ["马", 1.35], ["朱", 1.26], ["胡", 1.19], ["郭", 1.15],
  ["何", 1.09], ["高", 1.05], ["林", 1.03], ["罗", 0.97], ["郑", 0.97], ["梁", 0.89], ["谢", 0.83], ["宋", 0.75],
  ["唐", 0.75], ["许", 0.72], ["韩", 0.71], ["冯", 0.68], ["邓", 0.67], ["曹", 0.64], ["彭", 0.62], ["曾", 0.6],
  ["肖", 0.59], ["田", 0.58], ["董", 0.57], ["袁", 0.55], ["潘", 0.54], ["于", 0.53], ["蒋", 0.52], ["蔡", 0.51],
  ["余", 0.5], ["杜", 0.49], ["叶", 0.48], ["程", 0.47], ["苏", 0.46], ["魏", 0.45], ["吕", 0.44], ["丁", 0.43],
  ["任", 0.42], ["沈", 0.41], ["姚", 0.4], ["卢", 0.4], ["姜", 0.39], ["崔", 0.38], ["钟", 0.37], ["谭", 0.37],
  ["陆", 0.36], ["汪", 0.35], ["范", 0.35], ["金", 0.34], ["石", 0.33], ["廖", 0.33], ["贾", 0.32], ["夏", 0.31],
  ["韦", 0.31], ["付", 0.3], ["方", 0.29], ["白", 0.28], ["邹", 0.28], ["孟", 0.27], ["熊", 0.27], ["秦", 0.26],
  ["邱", 0.26], ["江", 0.25], ["尹", 0.25], ["薛", 0.24], ["闫", 0.24], ["段", 0.23], ["雷", 0.23], ["侯", 0.22],
  ["龙", 0.22], ["史", 0.21], ["陶", 0.21], ["黎", 0.2], ["贺", 0.2], ["顾", 0.19], ["毛", 0.19], ["郝", 0.19],
  ["龚", 0.18], ["邵", 0.18], ["万", 0.17], ["钱", 0.17], ["严", 0.16], ["覃", 0.16], ["武", 0.16], ["戴", 0.15],
  ["莫", 0.15], ["孔", 0.14], ["向", 0.14], ["汤", 0.14], ["冉", 0.1], ["欧阳", 0.03], ["司马", 0.01], ["上官", 0.01],
];

// Given-name characters by gender (names in China usually signal it): first position, then the
// second or only one.
const GIVEN: Record<Gender, { first: readonly string[]; second: readonly string[] }> = {
  MALE: {
    first: charsOf(
      "建国志明文晓宏永海俊家德子浩天世立军成伟新春小大光安兴学庆长金正云思嘉宇泽宗昌福忠华中茂友维振良鸿泰远",
    ),
    second: charsOf(
      "伟强军勇杰涛明超斌磊鹏华平刚林波辉峰飞兵俊浩宇东国海亮成新彬毅松龙洪江川渝生荣祥福贵忠全发庆元胜利武凯航宁健豪",
    ),
  },
  FEMALE: {
    first: charsOf("秀丽晓春美玉海小雅思嘉佳雪彩淑慧文红金月静婉梦欣紫诗晨若心亚艳俊宏凤桂素建兰明爱冬碧映书梓雨可一"),
    second: charsOf(
      "芳娟敏静丽艳燕霞玲红梅婷雪琳莉萍娜慧颖倩秀英琴蓉兰凤洁春晓佳欣月瑶丹云菊桂妍薇璐琪琼莹茜洋芬华平玉珊蕾",
    ),
  },
};

/** A plausible invented full name: surname by frequency, then one or two given characters. */
export function personName(rng: Random, gender: Gender, pickSurname: () => string): string {
  const chars = GIVEN[gender];
  const surname = pickSurname();
  // About a third of people born 1960–2000 have a one-character given name.
  if (rng.chance(0.3)) return surname + rng.pick(chars.second);
  const first = rng.pick(chars.first);
  let second = rng.pick(chars.second);
  // Doubled characters (丽丽) are mostly girls' pet names; keep them rare.
  if (second === first && !(gender === "FEMALE" && rng.chance(0.3))) second = rng.pick(chars.second);
  return surname + first + second;
}

/** Beibei's towns and streets (镇街), weighted by how many enterprises each hosts (industrial parks lead). */
// prettier-ignore
export const TOWNS: readonly (readonly [string, number])[] = [
  ["天生街道", 8], ["北温泉街道", 5], ["朝阳街道", 7], ["龙凤桥街道", 7], ["蔡家岗街道", 14], ["童家溪镇", 10],
  ["歇马街道", 8], ["水土街道", 12], ["复兴街道", 6], ["东阳街道", 5], ["三圣镇", 3], ["澄江镇", 4], ["静观镇", 3],
  ["柳荫镇", 2], ["金刀峡镇", 2], ["施家梁镇", 4], ["天府镇", 3],
];

export interface Industry {
  name: string;
  /** Relative share of enterprises. */
  weight: number;
  /** Business words company names of this industry use (…齿轮有限公司). */
  words: readonly string[];
  /** Technology-based: candidates for SRDI, high-tech and tech-SME honors. */
  tech: boolean;
}

/** Industries of Beibei's private economy; manufacturing and services lead. */
// prettier-ignore
export const INDUSTRIES: readonly Industry[] = [
  { name: "汽车摩托车零部件", weight: 14, words: ["机电", "汽车零部件", "摩托车配件", "齿轮", "精密机械", "动力机械", "车业"], tech: true },
  { name: "智能装备", weight: 10, words: ["智能装备", "自动化设备", "机器人", "数控机械", "仪器仪表", "智能制造"], tech: true },
  { name: "新材料", weight: 8, words: ["新材料", "复合材料", "特种玻璃", "铝业", "高分子材料", "涂料"], tech: true },
  { name: "电子信息", weight: 9, words: ["电子", "光电", "传感技术", "信息技术", "软件", "通信技术", "智能科技"], tech: true },
  { name: "生物医药", weight: 6, words: ["生物科技", "医药", "制药", "医疗器械", "健康科技"], tech: true },
  { name: "食品加工", weight: 8, words: ["食品", "调味品", "茶业", "粮油", "火锅底料", "饮品"], tech: false },
  { name: "现代服务", weight: 16, words: ["企业管理咨询", "物流", "商贸", "人力资源服务", "电子商务", "会计服务"], tech: false },
  { name: "文化旅游", weight: 7, words: ["文化传媒", "旅游开发", "文化旅游", "酒店管理", "温泉度假"], tech: false },
  { name: "建筑建材", weight: 12, words: ["建筑工程", "建材", "装饰工程", "混凝土", "钢结构", "园林绿化"], tech: false },
  { name: "现代农业", weight: 10, words: ["农业开发", "生态农业", "果蔬种植", "花卉苗木", "柑橘种植", "养殖"], tech: false },
];

// Trade-name (字号) characters: auspicious ones, common in Chongqing company names.
const TRADE_CHARS = charsOf(
  "恒泰鑫华盛宏达瑞博创嘉润祥通远隆峰晟锦源联诚信科汇德天和鼎荣丰弘卓凯宇腾启睿福佳美金宝新永兴旺银正昊康力众合云川渝碚缙",
);

/** An invented trade name of two characters, never two identical ones. */
export function tradeName(rng: Random): string {
  const first = rng.pick(TRADE_CHARS);
  let second = rng.pick(TRADE_CHARS);
  while (second === first) second = rng.pick(TRADE_CHARS);
  return first + second;
}

/** Legal forms (组织形式), weighted; a listed company is always a 股份有限公司. */
// prettier-ignore
export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ["有限公司", 70], ["有限责任公司", 18], ["股份有限公司", 7], ["(集团)有限公司", 5],
];

/** Positions of an enterprise's head: the first trainee of an enterprise holds one of these. */
// prettier-ignore
export const HEAD_POSITIONS: readonly (readonly [string, number])[] = [
  ["董事长", 30], ["总经理", 30], ["创始人", 10], ["执行董事", 10], ["董事长兼总经理", 15], ["法定代表人", 5],
];

/** Positions of the other managers who attend the Institute's cohorts. */
// prettier-ignore
export const OTHER_POSITIONS: readonly (readonly [string, number])[] = [
  ["副总经理", 30], ["财务总监", 10], ["技术总监", 10], ["办公室主任", 10], ["销售总监", 8], ["生产经理", 8],
  ["人力资源经理", 6], ["董事会秘书", 4], ["运营总监", 6], ["行政经理", 5], ["监事", 3], ["合伙人", 5], ["副董事长", 4],
];

/** Position of a trainee who runs an individual business (个体工商户) rather than an enterprise. */
export const INDIVIDUAL_BUSINESS_POSITION = "个体工商户业主";

/** Counties the village-help pairings (万企帮万村) go to: Chongqing's former poverty counties. */
// prettier-ignore
export const PAIRED_COUNTIES: readonly string[] = [
  "城口县", "巫溪县", "酉阳县", "彭水县", "秀山县", "石柱县", "奉节县", "巫山县", "云阳县", "丰都县", "武隆区", "黔江区",
];

/** Generic village names; the pairings are invented, not real ones. */
// prettier-ignore
export const VILLAGES: readonly string[] = [
  "新华村", "团结村", "红星村", "和平村", "胜利村", "光明村", "双河村", "石桥村", "向阳村", "青龙村", "白岩村", "凉水村",
  "大坪村", "桂花村", "龙泉村", "金竹村",
];
