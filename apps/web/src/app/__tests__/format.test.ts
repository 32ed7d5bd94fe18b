import { dayAfter, formatDays, formatTimeRange } from "../format";

describe("dates on the public pages", () => {
  it("writes a run of days the Chinese way, shortening what repeats", () => {
    expect(formatDays("2025-03-04", "2025-03-06", "zh-CN")).toBe("2025年3月4日至6日");
    expect(formatDays("2025-03-30", "2025-04-02", "zh-CN")).toBe("2025年3月30日至4月2日");
    expect(formatDays("2025-12-30", "2026-01-02", "zh-CN")).toBe("2025年12月30日至2026年1月2日");
    expect(formatDays("2025-03-04", "2025-03-04", "zh-CN")).toBe("2025年3月4日");
  });

  it("uses the English range format in English", () => {
    expect(formatDays("2025-03-04", "2025-03-06", "en")).toMatch(/^March 4\s–\s6, 2025$/);
  });

  it("reads a session's hours in Beijing time, whatever the browser's zone", () => {
    // 01:00–04:00 UTC is 09:00–12:00 in Chongqing.
    expect(formatTimeRange("2025-03-04T01:00:00Z", "2025-03-04T04:00:00Z", "zh-CN")).toBe(
      "2025年3月4日周二 09:00–12:00",
    );
    expect(formatTimeRange("2025-03-04T01:00:00Z", "2025-03-04T04:00:00Z", "en")).toMatch(
      /Tue, March 4, 2025.*09:00.*12:00/,
    );
  });
});

describe("the day after a day (the end of a range of whole days)", () => {
  it("crosses months, years and 29 February, whatever the browser's zone", () => {
    expect(dayAfter("2026-11-30")).toBe("2026-12-01");
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
    expect(dayAfter("2028-02-28")).toBe("2028-02-29");
    expect(dayAfter("2027-02-28")).toBe("2027-03-01");
  });
});
