import { useState, type ReactNode } from "react";
import { Button } from "antd";
import { useT } from "./i18n";
import { appMessages } from "./messages";

/** A value in code type with a copy button beside it (antd's copyable Typography without its weight). */
export function CopyText({ text, label, block = false }: { text: string; label: string; block?: boolean }): ReactNode {
  const t = useT(appMessages);
  const [copied, setCopied] = useState(false);
  const Wrapper = block ? "p" : "span";
  return (
    <Wrapper className="copy-text">
      <code style={block ? { wordBreak: "break-all" } : undefined}>{text}</code>{" "}
      <Button
        type="link"
        size="small"
        aria-label={`${t(copied ? "copied" : "copy")}：${label}`}
        onClick={async () => {
          await navigator.clipboard?.writeText(text);
          setCopied(true);
        }}
      >
        {t(copied ? "copied" : "copy")}
      </Button>
    </Wrapper>
  );
}
