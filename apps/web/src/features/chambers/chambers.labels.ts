import type { Messages } from "../../app/i18n";
import type { ApiKeyScope, ApiKeyStatus, ChamberRegionKind } from "../../gql/graphql";

export const regionLabels: Messages<ChamberRegionKind> = {
  "zh-CN": { DOMESTIC: "国内", HK_MACAO_TAIWAN: "港澳台", BELT_AND_ROAD: "“一带一路”", OVERSEAS: "海外" },
  en: {
    DOMESTIC: "Domestic",
    HK_MACAO_TAIWAN: "Hong Kong, Macao, Taiwan",
    BELT_AND_ROAD: "Belt and Road",
    OVERSEAS: "Overseas",
  },
};

export const scopeLabels: Messages<ApiKeyScope> = {
  "zh-CN": {
    PUBLIC_READ: "读取公开数据",
    MEMBERS_READ: "读取会员企业数据",
    NOMINATIONS_WRITE: "推荐评选候选人",
    PROBLEMS_WRITE: "代会员企业反映问题",
  },
  en: {
    PUBLIC_READ: "Read public data",
    MEMBERS_READ: "Read member data",
    NOMINATIONS_WRITE: "Recommend nominees",
    PROBLEMS_WRITE: "Report problems for members",
  },
};

export const keyStatusLabels: Messages<ApiKeyStatus> = {
  "zh-CN": { ACTIVE: "有效", EXPIRED: "已过期", REVOKED: "已吊销" },
  en: { ACTIVE: "Active", EXPIRED: "Expired", REVOKED: "Revoked" },
};
