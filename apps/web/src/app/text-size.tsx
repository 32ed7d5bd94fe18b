import { useSyncExternalStore, type ReactNode } from "react";
import { Button } from "antd";
import { useT } from "./i18n";
import { appMessages } from "./messages";

/**
 * Larger text (适老化): every font a quarter larger, antd's through its tokens and ours through
 * --zf-scale on <html>; remembered in this browser.
 */
export const TEXT_SIZE_STORAGE_KEY = "zuofu.largeText";

let large: boolean | undefined;
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return window.localStorage.getItem(TEXT_SIZE_STORAGE_KEY) === "1";
  } catch {
    return false;
  }
}

export function isLargeText(): boolean {
  if (large === undefined) {
    large = read();
    document.documentElement.classList.toggle("large-text", large);
  }
  return large;
}

export function setLargeText(on: boolean): void {
  large = on;
  try {
    window.localStorage.setItem(TEXT_SIZE_STORAGE_KEY, on ? "1" : "0");
  } catch {
    // Not remembered, but still larger for this visit.
  }
  document.documentElement.classList.toggle("large-text", on);
  listeners.forEach((listener) => listener());
}

export function useLargeText(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isLargeText,
    isLargeText,
  );
}

export function TextSizeSwitch(): ReactNode {
  const t = useT(appMessages);
  const on = useLargeText();
  return (
    <Button
      size="small"
      type={on ? "primary" : "default"}
      aria-pressed={on}
      autoInsertSpace={false}
      title={t("largeText")}
      onClick={() => setLargeText(!on)}
    >
      {t("largeTextShort")}
    </Button>
  );
}
