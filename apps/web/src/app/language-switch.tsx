import type { ReactNode } from "react";
import { Button } from "antd";
import { setLocale, useLocale, useT, type Locale } from "./i18n";
import { appMessages } from "./messages";

const OPTIONS: { value: Locale; label: string }[] = [
  { value: "zh-CN", label: "中文" },
  { value: "en", label: "EN" },
];

/** Chinese or English for the whole UI; remembered in this browser. */
export function LanguageSwitch(): ReactNode {
  const locale = useLocale();
  const t = useT(appMessages);
  return (
    <div role="group" aria-label={t("language")} className="language-switch">
      {OPTIONS.map((option) => (
        <Button
          key={option.value}
          size="small"
          lang={option.value}
          type={locale === option.value ? "primary" : "default"}
          autoInsertSpace={false}
          aria-pressed={locale === option.value}
          onClick={() => setLocale(option.value)}
        >
          {option.label}
        </Button>
      ))}
    </div>
  );
}
