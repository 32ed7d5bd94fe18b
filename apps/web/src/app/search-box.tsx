import { useState, type CSSProperties, type ReactNode } from "react";
import { Button } from "antd";
import { SearchOutlined } from "@ant-design/icons";
import { useT } from "./i18n";
import { appMessages } from "./messages";

/**
 * A list's search: the browser's search field (Enter or the button searches, clearing it shows all
 * again) with antd's look, without antd's Input family (OTP, password, text area) on the page.
 */
export function SearchBox({
  label,
  placeholder,
  onSearch,
  style,
}: {
  label: string;
  placeholder?: string;
  onSearch: (text: string) => void;
  style?: CSSProperties;
}): ReactNode {
  const t = useT(appMessages);
  const [text, setText] = useState("");
  return (
    <form
      role="search"
      className="search-box"
      style={style}
      onSubmit={(event) => {
        event.preventDefault();
        onSearch(text.trim());
      }}
    >
      <input
        type="search"
        className="native-field"
        aria-label={label}
        placeholder={placeholder}
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          if (!event.target.value) onSearch("");
        }}
      />
      <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />} aria-label={t("search")} />
    </form>
  );
}
