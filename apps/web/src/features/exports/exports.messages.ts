import { defineMessages } from "../../app/i18n";

export const exportMessages = defineMessages({
  "zh-CN": {
    export: "导出",
    exportOf: "导出{what}",
    xlsx: "Excel（.xlsx）",
    csv: "CSV（.csv）",
    failed: "导出失败",
    COHORT_ROSTER: "学员名单",
    ATTENDANCE_SHEET: "考勤表",
    FEEDBACK: "评价",
    EVENT_REGISTRATIONS: "报名名单",
    AWARD_RANKING: "评审排名",
    HONOR_ROLL: "光荣榜",
    STATISTICS: "统计数据",
    DESK_FIGURES: "直通车统计",
  },
  en: {
    export: "Export",
    exportOf: "Export {what}",
    xlsx: "Excel (.xlsx)",
    csv: "CSV (.csv)",
    failed: "Export failed",
    COHORT_ROSTER: "roster",
    ATTENDANCE_SHEET: "attendance sheet",
    FEEDBACK: "feedback",
    EVENT_REGISTRATIONS: "registrations",
    AWARD_RANKING: "ranking",
    HONOR_ROLL: "honor roll",
    STATISTICS: "statistics",
    DESK_FIGURES: "service desk figures",
  },
});
