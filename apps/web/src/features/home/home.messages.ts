import { defineMessages } from "../../app/i18n";

export const homeMessages = defineMessages({
  "zh-CN": {
    kicker: "重庆 · 北碚",
    lead: "培养卢作孚式的优秀企业家队伍",
    intro1:
      "中国（卢作孚）民营经济学院由北碚区联合重庆市工商联、西南大学共同创办，以杰出爱国实业家卢作孚先生为榜样，是培养企业家家国情怀、经营能力和社会责任的重要平台，并成功申报为“全国民营经济人士理想信念教育基地”。",
    intro2:
      "学院举办企业家培训班，开展“学讲做”活动和“作孚沙龙”，开设“作孚讲堂”，设置“卢作孚光彩奖”，并配合北碚区每年开展的优秀民营企业、优秀民营企业家评选表彰。",
    registerCta: "学员注册",
    loginCta: "登录",
    whatTitle: "学院做什么",
    trainingTitle: "企业家培训班",
    trainingText: "分期开班，课程涵盖经营管理、家国情怀与社会责任，结业颁发证书。",
    salonTitle: "学讲做 · 作孚沙龙 · 作孚讲堂",
    salonText: "小型沙龙与公开讲堂，企业家相互学习、交流经验。",
    awardTitle: "卢作孚光彩奖与评选表彰",
    awardText: "每年评选表彰优秀民营企业、优秀民营企业家和个体工商户，形成“比学赶超”的氛围。",
    responsibilityTitle: "社会责任",
    responsibilityText: "动员企业参与“万企帮万村”、消费扶贫，支持乡村振兴。",
    statsTitle: "学院数据",
    statsPending: "统计数据接入后将在此显示，所有数字均来自平台的实际记录。",
    statsNoValue: "暂无数据",
    cohorts: "培训班期数",
    traineeAttendances: "培训人次",
    uniqueTrainees: "学员人数",
    salons: "作孚沙龙场次",
    lectures: "作孚讲堂场次",
    commendations: "评选表彰家次",
    partnerChambers: "合作商协会",
  },
  en: {
    kicker: "Beibei, Chongqing",
    lead: "Training entrepreneurs in the spirit of Lu Zuofu",
    intro1:
      "The China (Lu Zuofu) Private Economy Institute was founded by Beibei District together with the Chongqing Federation of Industry and Commerce and Southwest University. Taking the patriotic industrialist Lu Zuofu as its model, it builds entrepreneurs' sense of country, business ability and social responsibility, and is a national education base for the ideals and beliefs of people in the private economy.",
    intro2:
      "The Institute runs training cohorts for entrepreneurs, the study-talk-act activities and the Zuofu Salon, the Zuofu Lecture Hall and the Lu Zuofu Guangcai Award, and supports the district's yearly commendation of outstanding private enterprises and entrepreneurs.",
    registerCta: "Register as a trainee",
    loginCta: "Log in",
    whatTitle: "What the Institute does",
    trainingTitle: "Training cohorts",
    trainingText:
      "Numbered cohorts on management, patriotism and social responsibility, with a certificate on completion.",
    salonTitle: "Study-talk-act · Zuofu Salon · Lecture Hall",
    salonText: "Small salons and public lectures where entrepreneurs learn from each other.",
    awardTitle: "Lu Zuofu Guangcai Award and commendations",
    awardText: "Outstanding private enterprises, entrepreneurs and individual businesses are commended every year.",
    responsibilityTitle: "Social responsibility",
    responsibilityText: "Enterprises pair with villages and join consumption poverty relief for rural revitalisation.",
    statsTitle: "The Institute in figures",
    statsPending:
      "Figures will appear here once the statistics are connected; every number comes from the platform's records.",
    statsNoValue: "No data yet",
    cohorts: "Training cohorts",
    traineeAttendances: "Trainee attendances",
    uniqueTrainees: "Trainees",
    salons: "Zuofu Salons",
    lectures: "Zuofu Lectures",
    commendations: "Commendations",
    partnerChambers: "Partner chambers",
  },
});
