/**
 * Partner chambers (合作商会): the article's "about 100" domestic, Hong Kong/Macao/Taiwan,
 * Belt-and-Road and overseas partners, each with member enterprises from the demo register.
 */
import type { ChamberRegionKind, EnterpriseSize } from "@zuofu/shared";
import { Chamber } from "../modules/chambers/chamber.entity";
import { ChamberMembership } from "../modules/chambers/chamber-membership.entity";
import type { DemoContext, DemoPart } from "./context";
import { SURNAMES, personName } from "./names";

/** A chamber as the demo knows it: name, where it sits, and its office's calling code. */
type Partner = readonly [name: string, city: string, dial: string];

const DOMESTIC_PROVINCES = [
  "浙江",
  "福建",
  "江西",
  "湖南",
  "湖北",
  "河南",
  "江苏",
  "广东",
  "山东",
  "安徽",
  "四川",
  "贵州",
  "云南",
  "陕西",
  "山西",
  "河北",
  "广西",
  "甘肃",
  "黑龙江",
  "吉林",
  "辽宁",
  "内蒙古",
  "新疆",
  "宁夏",
  "青海",
  "海南",
  "天津",
  "上海",
  "北京",
];

/** The district's and the city's own chambers and associations, then the provincial chambers in Chongqing (异地商会). */
const DOMESTIC: readonly Partner[] = [
  ["北碚区工商联", "重庆北碚", "+86 23"],
  ["北碚区餐饮商会", "重庆北碚", "+86 23"],
  ["北碚区汽摩行业协会", "重庆北碚", "+86 23"],
  ["北碚区女企业家协会", "重庆北碚", "+86 23"],
  ["北碚区青年企业家协会", "重庆北碚", "+86 23"],
  ["北碚区个体劳动者协会", "重庆北碚", "+86 23"],
  ["北碚区科技型企业商会", "重庆北碚", "+86 23"],
  ["北碚区建筑业协会", "重庆北碚", "+86 23"],
  ["北碚区物流商会", "重庆北碚", "+86 23"],
  ["重庆市新生代企业家商会", "重庆", "+86 23"],
  ["重庆市民营企业家协会", "重庆", "+86 23"],
  ["重庆市中小企业协会", "重庆", "+86 23"],
  ["重庆市智能制造商会", "重庆", "+86 23"],
  ["重庆市电子商务商会", "重庆", "+86 23"],
  ["重庆市乡村振兴商会", "重庆", "+86 23"],
  ["川渝民营企业家联谊会", "成都", "+86 28"],
  ...DOMESTIC_PROVINCES.map((p) => [`重庆市${p}商会`, "重庆", "+86 23"] as const),
];

const HK_MACAO_TAIWAN: readonly Partner[] = [
  ["香港重庆总会", "香港", "+852"],
  ["香港重庆社团联合会", "香港", "+852"],
  ["香港中华总商会", "香港", "+852"],
  ["香港中华厂商联合会", "香港", "+852"],
  ["香港中国企业协会", "香港", "+852"],
  ["香港川渝经贸促进会", "香港", "+852"],
  ["香港北碚同乡会", "香港", "+852"],
  ["澳门中华总商会", "澳门", "+853"],
  ["澳门厂商联合会", "澳门", "+853"],
  ["澳门重庆商会", "澳门", "+853"],
  ["澳门川渝同乡会", "澳门", "+853"],
  ["台湾区电机电子工业同业公会", "台北", "+886 2"],
  ["台湾重庆同乡会", "台北", "+886 2"],
  ["重庆台湾同胞投资企业协会", "重庆", "+86 23"],
];

const BELT_AND_ROAD: readonly Partner[] = [
  ["中国—东盟商会", "雅加达", "+62 21"],
  ["中国—新加坡商会", "新加坡", "+65"],
  ["中国—马来西亚商会", "吉隆坡", "+60 3"],
  ["中国—泰国商会", "曼谷", "+66 2"],
  ["中国—越南商会", "河内", "+84 24"],
  ["中国—老挝商会", "万象", "+856 21"],
  ["中国—柬埔寨商会", "金边", "+855 23"],
  ["中国—印度尼西亚商会", "雅加达", "+62 21"],
  ["中国—哈萨克斯坦商会", "阿拉木图", "+7 727"],
  ["中国—乌兹别克斯坦商会", "塔什干", "+998 71"],
  ["中国—吉尔吉斯斯坦商会", "比什凯克", "+996 312"],
  ["中国—俄罗斯商会", "莫斯科", "+7 495"],
  ["中国—白俄罗斯商会", "明斯克", "+375 17"],
  ["中国—波兰商会", "华沙", "+48 22"],
  ["中国—匈牙利商会", "布达佩斯", "+36 1"],
  ["中国—塞尔维亚商会", "贝尔格莱德", "+381 11"],
  ["中国—巴基斯坦商会", "伊斯兰堡", "+92 51"],
  ["中国—孟加拉国商会", "达卡", "+880 2"],
  ["中国—斯里兰卡商会", "科伦坡", "+94 11"],
  ["中国—阿联酋商会", "迪拜", "+971 4"],
  ["中国—土耳其商会", "伊斯坦布尔", "+90 212"],
  ["中国—埃及商会", "开罗", "+20 2"],
];

/** Chongqing people's chambers abroad (海外重庆商会). */
const OVERSEAS: readonly Partner[] = [
  ["美国重庆总商会", "洛杉矶", "+1 213"],
  ["加拿大重庆商会", "多伦多", "+1 416"],
  ["英国重庆商会", "伦敦", "+44 20"],
  ["法国重庆商会", "巴黎", "+33 1"],
  ["德国重庆商会", "法兰克福", "+49 69"],
  ["意大利重庆商会", "米兰", "+39 02"],
  ["西班牙重庆商会", "马德里", "+34 91"],
  ["荷兰重庆商会", "阿姆斯特丹", "+31 20"],
  ["澳大利亚重庆商会", "悉尼", "+61 2"],
  ["新西兰重庆商会", "奥克兰", "+64 9"],
  ["日本重庆商会", "东京", "+81 3"],
  ["韩国重庆商会", "首尔", "+82 2"],
  ["南非重庆商会", "约翰内斯堡", "+27 11"],
  ["巴西重庆商会", "圣保罗", "+55 11"],
  ["阿根廷重庆商会", "布宜诺斯艾利斯", "+54 11"],
  ["泰国重庆商会", "曼谷", "+66 2"],
  ["马来西亚重庆商会", "吉隆坡", "+60 3"],
  ["新加坡重庆商会", "新加坡", "+65"],
  ["迪拜重庆商会", "迪拜", "+971 4"],
];

const PARTNERS: readonly (readonly [ChamberRegionKind, readonly Partner[]])[] = [
  ["DOMESTIC", DOMESTIC],
  ["HK_MACAO_TAIWAN", HK_MACAO_TAIWAN],
  ["BELT_AND_ROAD", BELT_AND_ROAD],
  ["OVERSEAS", OVERSEAS],
];

/** Chambers at scale 1: every partner above. */
export const DEMO_CHAMBERS = PARTNERS.reduce((n, [, list]) => n + list.length, 0);

/** Members per chamber: local chambers are large, those abroad gather a few exporters each. */
const MEMBERS: Record<ChamberRegionKind, readonly [number, number]> = {
  DOMESTIC: [8, 40],
  HK_MACAO_TAIWAN: [3, 12],
  BELT_AND_ROAD: [2, 10],
  OVERSEAS: [2, 8],
};
/** The district federation (北碚区工商联) counts most of the district's firms it works with. */
const FEDERATION_SHARE = 0.3;
// Bigger enterprises join more chambers, and the foreign ones above all.
const JOINS: Record<EnterpriseSize, number> = { MICRO: 1, SMALL: 2, MEDIUM: 4, LARGE: 8 };

/** Partnerships began from 2016 to 2024, evenly. */
const SINCE_FROM = Date.UTC(2016, 0, 1);
const SINCE_TO = Date.UTC(2024, 11, 31);
const DAY_MS = 24 * 3600_000;

function officePhone(ctx: DemoContext, dial: string): string {
  const digits = Array.from({ length: 8 }, () => ctx.rng.int(0, 9)).join("");
  return `${dial} ${digits.slice(0, 4)} ${digits.slice(4)}`;
}

export const chambersPart: DemoPart = {
  name: "chambers",
  async run(ctx) {
    const { rng } = ctx;
    const enterprises = ctx.ids.enterprises;
    const pickMember = rng.weightedTable(
      enterprises.map((id) => [id, JOINS[ctx.ids.enterpriseInfo.get(id)!.size]] as const),
    );
    const pickSurname = rng.weightedTable(SURNAMES);
    const planned: { row: Partial<Chamber>; members: Set<number> }[] = [];
    for (let copy = 1; copy <= ctx.scale; copy++) {
      for (const [regionKind, list] of PARTNERS) {
        for (const [name, city, dial] of list) {
          const since = new Date(SINCE_FROM + rng.int(0, (SINCE_TO - SINCE_FROM) / DAY_MS) * DAY_MS);
          const secretary = personName(rng, rng.chance(0.5) ? "MALE" : "FEMALE", pickSurname);
          const federation = name === "北碚区工商联" && copy === 1;
          const [low, high] = MEMBERS[regionKind];
          const size = federation ? Math.round(enterprises.length * FEDERATION_SHARE) : rng.int(low, high);
          const members = new Set<number>();
          while (members.size < Math.min(size, enterprises.length)) members.add(pickMember());
          planned.push({
            row: {
              name: copy === 1 ? name : `${name}（${copy}）`,
              regionKind,
              city,
              partnerSince: since.toISOString().slice(0, 10),
              contact: `秘书长 ${secretary} ${officePhone(ctx, dial)}`,
              createdAt: new Date(since.getTime() + 9 * 3600_000),
              updatedAt: new Date(since.getTime() + 9 * 3600_000),
            },
            members,
          });
        }
      }
    }
    const ids = await ctx.insertReturningIds(
      Chamber,
      planned.map((p) => p.row),
      "name",
    );
    await ctx.insert(
      ChamberMembership,
      planned.flatMap((p, i) =>
        [...p.members].map((enterpriseId) => ({ chamberId: ids[i], enterpriseId, createdAt: p.row.createdAt })),
      ),
    );
  },
};
