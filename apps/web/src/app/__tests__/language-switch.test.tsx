import type { ReactNode } from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import { getLocale, LOCALE_STORAGE_KEY, readStoredLocale, setLocale, useT } from "../i18n";
import { LanguageSwitch } from "../language-switch";
import { appMessages } from "../messages";

function Greeting(): ReactNode {
  const t = useT(appMessages);
  return <p>{t("login")}</p>;
}

describe("language switch", () => {
  beforeEach(() => {
    window.localStorage.clear();
    act(() => setLocale("zh-CN"));
  });

  it("starts in Chinese", () => {
    window.localStorage.clear();
    expect(readStoredLocale()).toBe("zh-CN");
  });

  it("switches the UI to English and remembers the choice for the next visit", () => {
    render(
      <>
        <LanguageSwitch />
        <Greeting />
      </>,
    );
    expect(screen.getByText("登录")).toBeTruthy();

    fireEvent.click(screen.getByRole("button", { name: "EN" }));

    expect(screen.getByText("Log in")).toBeTruthy();
    expect(screen.getByRole("button", { name: "EN" }).getAttribute("aria-pressed")).toBe("true");
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    expect(getLocale()).toBe("en");

    // A fresh page load reads the stored choice.
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const fresh = require("../i18n") as typeof import("../i18n");
      expect(fresh.getLocale()).toBe("en");
    });

    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByText("登录")).toBeTruthy();
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe("zh-CN");
  });

  it("ignores a stored value that is not a language it knows", () => {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, "fr");
    expect(readStoredLocale()).toBe("zh-CN");
  });
});
