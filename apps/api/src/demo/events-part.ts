import { In } from "typeorm";
import type { Gender } from "@zuofu/shared";
import { Event } from "../modules/events/event.entity";
import { EventMaterial } from "../modules/events/event-material.entity";
import { EventRegistration, activeSlot } from "../modules/events/event-registration.entity";
import { EventSpeaker } from "../modules/events/event-speaker.entity";
import { EventSurveyResponse } from "../modules/events/event-survey-response.entity";
import { Speaker } from "../modules/events/speaker.entity";
import { SERIES_NAMES, type EventKind, type SpeakerRole } from "../modules/events/event.enums";
import type { DemoContext, DemoPart } from "./context";
import { SURNAMES, personName } from "./names";

/** The article: 开展"学讲做""作孚沙龙"20多场次，开设"作孚讲堂"13场. Held so far, at scale 1. */
const HELD_EVENTS: Record<EventKind, number> = { SALON: 22, LECTURE: 13, STUDY_ACTIVITY: 6 };
/** The first held events of each series: the Institute's programme started in 2019. */
const FIRST_HELD: Record<EventKind, string> = {
  SALON: "2019-04-18",
  LECTURE: "2019-06-20",
  STUDY_ACTIVITY: "2019-09-12",
};
/** Beijing local start hour (UTC+8) and length in hours: salons in the evening, lectures in the afternoon. */
const SCHEDULE: Record<EventKind, { hourUtc: number; minuteUtc: number; hours: number }> = {
  SALON: { hourUtc: 11, minuteUtc: 0, hours: 2 },
  LECTURE: { hourUtc: 6, minuteUtc: 30, hours: 2.5 },
  STUDY_ACTIVITY: { hourUtc: 1, minuteUtc: 0, hours: 3 },
};
const CAPACITY: Record<EventKind, [number, number]> = {
  SALON: [40, 60],
  LECTURE: [150, 300],
  STUDY_ACTIVITY: [30, 40],
};
const VENUES: Record<EventKind, string[]> = {
  SALON: ["中国（卢作孚）民营经济学院 作孚书院", "北碚区民营经济发展服务局 会议室", "缙云山下 企业家之家"],
  LECTURE: ["中国（卢作孚）民营经济学院报告厅", "西南大学经济管理学院 学术报告厅", "北碚区卢作孚纪念馆"],
  STUDY_ACTIVITY: ["北碚区卢作孚纪念馆", "民生公司旧址", "重庆神驰机电股份有限公司 生产基地"],
};

const SALON_TOPICS = [
  "民营企业数字化转型的机遇与挑战",
  "专精特新企业的成长之路",
  "企业传承：新生代企业家如何接班",
  "疫情之下的民营企业自救与互助",
  "融资难融资贵：银企对接面对面",
  "从卢作孚精神看企业家的家国情怀",
  "制造业企业的智能化改造实践",
  "民营企业合规经营与风险防范",
  "乡村振兴中的民营企业担当",
  "品牌建设：从北碚制造到中国品牌",
  "企业上市前的规范与准备",
  "人才引进与留用：中小企业的破局",
  "成渝地区双城经济圈中的北碚机遇",
  "消费扶贫：企业如何参与",
  "新能源产业链上的配套企业",
  "民营企业的党建与文化建设",
  "跨境电商与外贸新业态",
  "供应链韧性与成本管控",
  "企业家的学习型组织建设",
  "营商环境优化：企业说、部门听",
  "绿色低碳转型中的民营企业",
  "知识产权保护与商标战略",
  "小巨人企业经验分享",
  "商会协会如何服务会员企业",
];
const LECTURE_TOPICS = [
  "卢作孚的实业救国之路",
  "宏观经济形势与民营经济政策解读",
  "企业家精神的时代内涵",
  "从民生公司看现代企业管理",
  "高质量发展与民营经济示范地建设",
  "数字经济时代的企业战略",
  "共同富裕与企业社会责任",
  "民营企业的现代企业制度",
  "全国民营经济人士理想信念教育专题",
  "科技创新与企业核心竞争力",
  "中华优秀传统文化与企业治理",
  "法治是最好的营商环境",
  "新发展格局下的产业机遇",
  "北碚近代工业史与企业家群像",
  "资本市场与民营企业成长",
];
const STUDY_TOPICS = [
  "学讲做：走进卢作孚纪念馆",
  "学讲做：参观北碚重点企业",
  "学讲做：民生公司旧址现场教学",
  "学讲做：专精特新企业现场观摩",
  "学讲做：乡村振兴结对村走访",
  "学讲做：智能制造产线参观",
  "学讲做：企业家读书会",
  "学讲做：缙云山生态保护实践",
];

/** Speakers outside the enterprises: scholars and officials, invented names, real kinds of posts. */
const EXPERT_POSTS: { organization: string; title: string; count: number }[] = [
  { organization: "西南大学经济管理学院", title: "教授", count: 5 },
  { organization: "西南大学经济管理学院", title: "副教授", count: 3 },
  { organization: "西南大学马克思主义学院", title: "教授", count: 2 },
  { organization: "重庆大学经济与工商管理学院", title: "教授", count: 2 },
  { organization: "重庆市工商业联合会", title: "研究室主任", count: 2 },
  { organization: "北碚区民营经济发展服务局", title: "局长", count: 1 },
  { organization: "卢作孚研究会", title: "研究员", count: 3 },
  { organization: "中国（卢作孚）民营经济学院", title: "培训部主任", count: 2 },
];
/** Enterprises of the article whose heads speak at salons. */
const ENTERPRISE_SPEAKERS = [
  "神驰机电",
  "国贵赛车",
  "颜宏齿轮",
  "广仁铁塔",
  "顺多利机车",
  "长江造型",
  "新兴齿轮",
  "浦洛通",
];
const HEAD_TITLES = ["董事长", "总经理", "创始人", "副总经理"];
const COMMENTS = [
  "干货很多，收获很大",
  "希望多组织这样的交流",
  "嘉宾分享很实在，对企业很有启发",
  "时间有点短，意犹未尽",
  "场地安排很好，交流充分",
  "建议下次增加互动环节",
  "对政策解读很清楚",
];
const CODE_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
const DAY = 86_400_000;

interface PlannedEvent {
  kind: EventKind;
  number: number;
  title: string;
  startsAt: Date;
  capacity: number;
  registrations: number;
  status: Event["status"];
}

const startOf = (kind: EventKind, day: Date) =>
  new Date(
    Date.UTC(
      day.getUTCFullYear(),
      day.getUTCMonth(),
      day.getUTCDate(),
      SCHEDULE[kind].hourUtc,
      SCHEDULE[kind].minuteUtc,
    ),
  );

export const eventsPart: DemoPart = {
  name: "events",
  async run(ctx: DemoContext) {
    const { rng, scale } = ctx;
    const now = Date.now();
    const surname = rng.weightedTable(SURNAMES);
    const names = new Set<string>();
    const uniqueName = () => {
      let name: string;
      do name = personName(rng, rng.chance(0.7) ? "MALE" : ("FEMALE" as Gender), surname);
      while (names.has(name));
      names.add(name);
      return name;
    };

    // Speakers: scholars and officials, then the heads of the article's enterprises.
    const speakerRows = [
      ...EXPERT_POSTS.flatMap((post) =>
        Array.from({ length: post.count }, () => ({
          name: uniqueName(),
          title: post.title,
          organization: post.organization,
          enterpriseId: null,
          bio: `${post.organization}${post.title}，长期关注民营经济发展与企业家成长。`,
          photoUrl: null,
        })),
      ),
      ...ENTERPRISE_SPEAKERS.flatMap((short) => {
        const enterpriseId = ctx.ids.enterpriseByShortName.get(short);
        const enterprise = enterpriseId ? ctx.ids.enterpriseInfo.get(enterpriseId) : undefined;
        if (!enterpriseId || !enterprise) return [];
        return [
          {
            name: uniqueName(),
            title: rng.pick(HEAD_TITLES),
            organization: enterprise.name,
            enterpriseId,
            bio: `${enterprise.name}负责人，${enterprise.foundedYear}年创业，扎根北碚${enterprise.industry}行业。`,
            photoUrl: null,
          },
        ];
      }),
    ];
    const speakerIds = await ctx.insertReturningIds(Speaker, speakerRows, "name");
    const experts = speakerIds.filter((_, i) => speakerRows[i].enterpriseId === null);
    const hosts = speakerIds.filter((_, i) => speakerRows[i].title === "培训部主任");
    const entrepreneurs = speakerIds.filter((_, i) => speakerRows[i].enterpriseId !== null);

    // Held events, spread evenly from the programme's start to a month ago; then upcoming ones.
    const plans: PlannedEvent[] = [];
    for (const kind of ["SALON", "LECTURE", "STUDY_ACTIVITY"] as const) {
      const count = HELD_EVENTS[kind] * scale;
      const first = Date.parse(`${FIRST_HELD[kind]}T00:00:00Z`);
      const span = now - 30 * DAY - first;
      const topics = kind === "SALON" ? SALON_TOPICS : kind === "LECTURE" ? LECTURE_TOPICS : STUDY_TOPICS;
      for (let i = 0; i < count; i++) {
        const [min, max] = CAPACITY[kind];
        const capacity = rng.int(min, max);
        plans.push({
          kind,
          number: i + 1,
          title: topics[i % topics.length],
          startsAt: startOf(kind, new Date(first + Math.floor((span * i) / Math.max(1, count - 1)))),
          capacity,
          registrations: Math.round(capacity * (0.7 + rng.next() * 0.3)),
          status: "PUBLISHED",
        });
      }
    }
    const numbers = new Map<EventKind, number>();
    const nextNumber = (kind: EventKind) => {
      const n = (numbers.get(kind) ?? HELD_EVENTS[kind] * scale) + 1;
      numbers.set(kind, n);
      return n;
    };
    // In date order within each series, so the numbers follow the calendar.
    const upcoming: PlannedEvent[] = (
      [
        // Few seats left: the web app's "3 seats left" has something to show.
        ["SALON", SALON_TOPICS[22], 10, 40, 37],
        ["LECTURE", LECTURE_TOPICS[13], 20, 200, 86],
        ["STUDY_ACTIVITY", STUDY_TOPICS[6], 25, 30, 8],
        ["SALON", SALON_TOPICS[23], 40, 50, 12],
      ] as const
    ).map(([kind, title, inDays, capacity, registrations]) => ({
      kind,
      number: nextNumber(kind),
      title,
      startsAt: startOf(kind, new Date(now + inDays * DAY)),
      capacity,
      registrations,
      status: "PUBLISHED",
    }));
    const draft: PlannedEvent = {
      kind: "LECTURE",
      number: nextNumber("LECTURE"),
      title: LECTURE_TOPICS[14],
      startsAt: startOf("LECTURE", new Date(now + 60 * DAY)),
      capacity: 200,
      registrations: 0,
      status: "DRAFT",
    };
    const all = [...plans, ...upcoming, draft];
    const trainees = ctx.ids.trainees;
    const seats = all.map((p) => Math.min(p.registrations, trainees.length));

    await ctx.insert(
      Event,
      all.map((p, i) => ({
        kind: p.kind,
        number: p.number,
        title: p.title,
        summary: `${SERIES_NAMES[p.kind]}第${p.number}期：${p.title}。`,
        startsAt: p.startsAt,
        endsAt: new Date(p.startsAt.getTime() + SCHEDULE[p.kind].hours * 3600_000),
        venue: rng.pick(VENUES[p.kind]),
        // Lectures are also streamed since 2020.
        onlineUrl:
          p.kind === "LECTURE" && p.startsAt.getUTCFullYear() >= 2020
            ? `https://live.zuofu.example.cn/lecture/${p.number}`
            : null,
        capacity: p.capacity,
        seatsTaken: seats[i],
        registrationOpensAt: new Date(p.startsAt.getTime() - 45 * DAY),
        registrationClosesAt: null,
        status: p.status,
        cancelReason: null,
      })),
    );
    const found = await ctx.em.find(Event, { select: { id: true, kind: true, number: true } });
    const idOf = new Map(found.map((e) => [`${e.kind}:${e.number}`, e.id]));
    const ids = all.map((p) => idOf.get(`${p.kind}:${p.number}`)!);

    // Programmes: a host from the Institute, then a scholar for a lecture, entrepreneurs for the rest.
    const lecturers = experts.filter((id) => !hosts.includes(id));
    const programme: { eventId: number; speakerId: number; role: SpeakerRole; position: number }[] = [];
    all.forEach((p, i) => {
      const parts: [number, SpeakerRole][] = [[rng.pick(hosts), "HOST"]];
      const add = (speakerId: number, role: SpeakerRole) => {
        if (!parts.some(([id]) => id === speakerId)) parts.push([speakerId, role]);
      };
      if (p.kind === "LECTURE") add(rng.pick(lecturers), "SPEAKER");
      else for (let size = 1 + rng.int(2, 3); parts.length < size;) add(rng.pick(entrepreneurs), "SPEAKER");
      if (p.kind === "SALON" && rng.chance(0.5)) add(rng.pick(lecturers), "GUEST");
      parts.forEach(([speakerId, role], k) => programme.push({ eventId: ids[i], speakerId, role, position: k + 1 }));
    });
    await ctx.insert(EventSpeaker, programme);

    // Registrations: distinct trainees per event; at held events most came and were scanned in.
    const staffId = ctx.ids.usersByRole.STAFF[0] ?? null;
    const ticket = () => Array.from({ length: 16 }, () => CODE_ALPHABET[rng.int(0, 31)]).join("");
    const registrationRows: Partial<EventRegistration>[] = [];
    // Indexes into `plans`: the last two salons, the last lecture and the last study activity.
    const salons = HELD_EVENTS.SALON * scale;
    const demoAt = new Set([salons - 2, salons - 1, salons + HELD_EVENTS.LECTURE * scale - 1, plans.length - 1]);
    all.forEach((p, i) => {
      const held = p.startsAt.getTime() < now;
      const chosen = new Set<number>();
      // The demo trainee went to recent salons, and has a seat at the coming lecture.
      const demo = ctx.ids.demoTraineeId;
      if (demo && ((held && demoAt.has(i)) || (!held && p.kind === "LECTURE" && p.status === "PUBLISHED")))
        chosen.add(demo);
      while (chosen.size < seats[i]) chosen.add(rng.pick(trainees));
      // Two to twenty days ahead, and never later than today for the events to come.
      const registeredAt = new Date(Math.min(p.startsAt.getTime() - rng.int(2, 20) * DAY, now - DAY));
      for (const traineeId of chosen) {
        const came = held && (traineeId === demo || rng.chance(0.86));
        registrationRows.push({
          eventId: ids[i],
          traineeId,
          status: "REGISTERED",
          activeSlot: activeSlot(ids[i], traineeId),
          ticketCode: ticket(),
          checkedInAt: came ? new Date(p.startsAt.getTime() - rng.int(0, 25) * 60_000) : null,
          checkedInBy: came ? staffId : null,
          cancelledAt: null,
          reason: null,
          createdAt: registeredAt,
        });
      }
      // A few changed their minds: cancelled rows hold no seat and no slot.
      for (let k = rng.int(0, 3); k > 0; k--) {
        registrationRows.push({
          eventId: ids[i],
          traineeId: rng.pick(trainees),
          status: "CANCELLED",
          activeSlot: null,
          ticketCode: ticket(),
          checkedInAt: null,
          checkedInBy: null,
          cancelledAt: new Date(registeredAt.getTime() + DAY),
          reason: "时间冲突",
          createdAt: registeredAt,
        });
      }
    });
    await ctx.insert(EventRegistration, registrationRows);

    // Surveys: about four in ten of those who came answered; mostly satisfied.
    const attended = await ctx.em.find(EventRegistration, {
      select: { id: true, eventId: true, checkedInAt: true },
      where: { eventId: In(ids), status: "REGISTERED" },
      order: { id: "ASC" },
    });
    const surveyRows = attended
      .filter((r) => r.checkedInAt && rng.chance(0.4))
      .map((r) => ({
        registrationId: r.id,
        eventId: r.eventId,
        rating: rng.weighted([
          [5, 55],
          [4, 32],
          [3, 10],
          [2, 3],
        ] as const),
        comment: rng.chance(0.35) ? rng.pick(COMMENTS) : null,
        createdAt: new Date(r.checkedInAt!.getTime() + 3 * 3600_000),
      }));
    await ctx.insert(EventSurveyResponse, surveyRows);

    // Materials: lecture slides (public once the lecture is a year old) and salon reviews (public).
    const materialRows: Partial<EventMaterial>[] = [];
    all.forEach((p, i) => {
      if (p.startsAt.getTime() > now) return;
      if (p.kind === "LECTURE")
        materialRows.push({
          eventId: ids[i],
          kind: "SLIDES",
          title: `${p.title}（演讲幻灯片）`,
          url: `https://files.zuofu.example.cn/lecture/${p.number}/slides.pdf`,
          isPublic: now - p.startsAt.getTime() > 365 * DAY,
          position: 1,
        });
      materialRows.push({
        eventId: ids[i],
        kind: "LINK",
        title: "活动回顾",
        url: `https://news.zuofu.example.cn/${p.kind.toLowerCase()}/${p.number}`,
        isPublic: true,
        position: 2,
      });
    });
    await ctx.insert(EventMaterial, materialRows);
  },
};
