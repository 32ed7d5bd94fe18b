import type { ReactNode } from "react";
import type { ApolloClient } from "@apollo/client";
import { ApolloProvider } from "@apollo/client/react";
import { ConfigProvider, type ThemeConfig } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import { useLocale } from "./i18n";
import { useLargeText } from "./text-size";

// A deep red (7:1 on white) for links and primary buttons; system CJK fonts, nothing downloaded.
const theme: ThemeConfig = {
  token: {
    colorPrimary: "#a8071a",
    colorLink: "#a8071a",
    // antd's red (#ff4d4f) is 3.9:1 on white; danger buttons and error texts need 4.5:1.
    colorError: "#cf1322",
    // antd's greys for secondary text, placeholders and empty states are 2–4:1 on white; these are ≥ 4.5:1.
    colorTextSecondary: "#595959",
    colorTextTertiary: "#595959",
    colorTextDescription: "#595959",
    colorTextPlaceholder: "#6b6b6b",
    colorTextQuaternary: "#6b6b6b",
    colorTextDisabled: "#6b6b6b",
    borderRadius: 6,
    // Status tags write in the palette's 7th shade; one shade darker reads at 4.5:1 on their pale fill.
    green7: "#237804",
    gold7: "#ad6800",
    orange7: "#ad4e00",
    blue7: "#0050b3",
    purple7: "#391085",
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
};

// Larger text: antd derives its headings and small sizes from these.
const largeTheme: ThemeConfig = {
  ...theme,
  token: { ...theme.token, fontSize: 18, controlHeight: 40, controlHeightSM: 30, controlHeightLG: 48 },
};

export function AppProviders({ client, children }: { client: ApolloClient; children: ReactNode }): ReactNode {
  const locale = useLocale();
  const large = useLargeText();
  const antdLocale = locale === "en" ? enUS : zhCN;
  const antdTheme = large ? largeTheme : theme;
  // antd's static message and Modal.info (used without App's context) draw in the same colours and language.
  ConfigProvider.config({
    holderRender: (holder) => (
      <ConfigProvider locale={antdLocale} theme={antdTheme}>
        {holder}
      </ConfigProvider>
    ),
  });
  return (
    <ApolloProvider client={client}>
      <ConfigProvider locale={antdLocale} theme={antdTheme}>
        {children}
      </ConfigProvider>
    </ApolloProvider>
  );
}
