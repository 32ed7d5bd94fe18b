import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { getLocale, onLocaleChange } from "./i18n";

// Only the console shows dates; importing dayjs from here keeps it out of the trainee's first load.
const apply = () => dayjs.locale(getLocale() === "en" ? "en" : "zh-cn");
apply();
onLocaleChange(apply);

export { dayjs };
