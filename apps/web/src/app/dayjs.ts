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
 * The pickers (date-fields.tsx) hold Beijing wall-clock time in dayjs's UTC mode, which has no
 * daylight-saving gaps: in the browser's own zone a time such as 02:30 on a spring-forward day
 * (America/Vancouver, 14 March 2027) does not exist and would move by an hour.
 */
export function toPicker(iso: string): Dayjs {
  return dayjs.utc(dayjs(iso).tz(TIME_ZONE).format(WALL));
}

/** A calendar day ("2025-03-04") as the pickers hold it. */
export function dayToPicker(day: string): Dayjs {
  return dayjs.utc(day);
}

/** Now, as Beijing wall-clock time in the pickers' UTC mode. */
export function pickerNow(): Dayjs {
  return dayjs.utc(dayjs().tz(TIME_ZONE).format(WALL));
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
