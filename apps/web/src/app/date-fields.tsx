import type { ReactNode } from "react";
import { DatePicker } from "antd";
import dayjsConfig from "@rc-component/picker/es/generate/dayjs";
import type { Dayjs } from "dayjs";
import { dayjs, dayToPicker, fromPicker, pickerNow, toPicker } from "./dayjs";
import { browserZoneDiffers } from "./format";
import { useT } from "./i18n";
import { appMessages } from "./messages";

const DAY = "YYYY-MM-DD";

/**
 * antd's picker on dayjs, with every value it makes (now, a typed text, a clicked day) in dayjs's
 * UTC mode: Beijing wall-clock time then reads and writes the same in every browser zone, with no
 * daylight-saving gap to move a typed 02:30 to 03:30. Values keep that mode through its arithmetic.
 */
const BeijingPicker = DatePicker.generatePicker<Dayjs>({
  ...dayjsConfig,
  getNow: pickerNow,
  getFixedDate: (text) => dayToPicker(dayjs(text, ["YYYY-M-DD", DAY]).format(DAY)),
  locale: {
    ...dayjsConfig.locale,
    // Typed text read in UTC mode: in the browser's zone a time in a daylight-saving gap would not parse.
    parse: (locale, text, formats) => {
      for (const format of formats) {
        if (typeof format !== "string") continue;
        const parsed = dayjs.utc(text, format, true);
        if (parsed.isValid()) return parsed.locale(locale === "zh_CN" ? "zh-cn" : locale.split("_")[0]);
      }
      return null;
    },
  },
});

interface FieldProps<V> {
  value?: V | null;
  onChange?: (value: V | null) => void;
  id?: string;
  disabled?: boolean;
  "aria-label"?: string;
}

/** An instant, picked or typed in Beijing time; the form holds it as an ISO string. */
export function InstantPicker({ value, onChange, ...rest }: FieldProps<string>): ReactNode {
  const t = useT(appMessages);
  return (
    <>
      <BeijingPicker
        {...rest}
        showTime={{ format: "HH:mm" }}
        format="YYYY-MM-DD HH:mm"
        style={{ width: "100%" }}
        value={value ? toPicker(value) : null}
        onChange={(picked) => onChange?.(picked ? fromPicker(picked) : null)}
      />
      {browserZoneDiffers() && <span className="zone-label">{t("beijingTime")}</span>}
    </>
  );
}

/** A calendar day; the form holds it as YYYY-MM-DD, the same in every zone. `max`: the last day offered. */
export function DayPicker({ value, onChange, max, ...rest }: FieldProps<string> & { max?: string }): ReactNode {
  return (
    <BeijingPicker
      {...rest}
      disabledDate={max ? (day) => day.format(DAY) > max : undefined}
      style={{ width: "100%" }}
      value={value ? dayToPicker(value) : null}
      onChange={(picked) => onChange?.(picked ? picked.format(DAY) : null)}
    />
  );
}
