import "reflect-metadata";
import { beijingClock, beijingDateTime, beijingDay, chinaTime } from "../beijing-time";

describe("Beijing time", () => {
  // 2026-12-04 16:30:05 UTC is 2026-12-05 00:30:05 in Beijing: the day turns eight hours early.
  const at = new Date("2026-12-04T16:30:05.123Z");

  it("gives the Beijing day, clock, date-time and partner ISO text of one instant", () => {
    expect(beijingDay(at)).toBe("2026-12-05");
    expect(beijingClock(at)).toBe("00:30");
    expect(beijingDateTime(at)).toBe("2026-12-05 00:30");
    expect(chinaTime(at)).toBe("2026-12-05T00:30:05+08:00");
  });

  it("reads SQLite's raw UTC text as UTC, and passes null through", () => {
    expect(beijingDateTime("2026-12-04 16:30:05")).toBe("2026-12-05 00:30");
    expect(beijingDateTime(null)).toBeNull();
  });
});
