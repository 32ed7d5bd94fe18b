import { useEffect, useState, type ReactNode } from "react";
import { Button, Space } from "antd";
import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { maskIdCard } from "@zuofu/shared";
import { useT } from "../../app/i18n";
import { profileMessages } from "./profile.messages";

/** How long a revealed number stays on screen (a phone may be left on a table). */
const REVEAL_MS = 30_000;

/**
 * The trainee's own ID-card number: masked (500101********123X) until the trainee asks to see it.
 * The API sends the whole number to its owner, so masking happens here.
 */
export function IdCardDisplay({ number, labelId }: { number: string | null; labelId: string }): ReactNode {
  const t = useT(profileMessages);
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(false), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  if (!number) return <span className="muted">{t("idCardNone")}</span>;
  return (
    <Space wrap>
      <code aria-labelledby={labelId} aria-live="polite" style={{ fontSize: 15 }}>
        {revealed ? number : maskIdCard(number)}
      </code>
      <Button
        size="small"
        icon={revealed ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        aria-pressed={revealed}
        onClick={() => setRevealed(!revealed)}
      >
        {revealed ? t("hide") : t("reveal")}
      </Button>
    </Space>
  );
}
