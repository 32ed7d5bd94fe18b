import type { ReactNode } from "react";
import { DatePicker } from "antd";
import { dayjs, fromPicker, toPicker } from "./dayjs";
import { browserZoneDiffers } from "./format";
import { useT } from "./i18n";
import { appMessages } from "./messages";

const DAY = "YYYY-MM-DD";

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
      <DatePicker
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
    <DatePicker
      {...rest}
      disabledDate={max ? (day) => day.format(DAY) > max : undefined}
      style={{ width: "100%" }}
      value={value ? dayjs(value) : null}
      onChange={(picked) => onChange?.(picked ? picked.format(DAY) : null)}
    />
  );
}
