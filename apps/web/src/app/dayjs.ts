import dayjs, { type Dayjs } from "dayjs";
import timezone from "dayjs/plugin/timezone";
import utc from "dayjs/plugin/utc";
import "dayjs/locale/zh-cn";
import { TIME_ZONE } from "./format";
import { getLocale, onLocaleChange } from "./i18n";

// Only the console's pickers use dayjs; importing it from here keeps it out of the trainee's first load.
dayjs.extend(utc);
dayjs.extend(timezone);
const apply = () => dayjs.locale(getLocale() === "en" ? "en" : "zh-cn");
apply();
onLocaleChange(apply);

const WALL = "YYYY-MM-DDTHH:mm:ss";

/**
 * A picker shows and parses wall-clock values in the browser's zone; these two make it read and
 * write Beijing wall-clock time instead, for picked and typed values alike.
 */
export function toPicker(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(TIME_ZONE).format(WALL));
}

/** The instant a picker's value means in Beijing, as an ISO string. */
export function fromPicker(value: Dayjs): string {
  return dayjs.tz(value.format(WALL), TIME_ZONE).toISOString();
}

/** The instant of a Beijing wall-clock time on a day ("2025-03-04", "09:00"). */
export function beijingInstant(day: string, time: string): string {
  return dayjs.tz(`${day}T${time}`, TIME_ZONE).toISOString();
}

export { dayjs };
