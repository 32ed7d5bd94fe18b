import { useEffect, useState, type ReactNode } from "react";
import { Button, Space } from "antd";
import { EyeInvisibleOutlined, EyeOutlined } from "@ant-design/icons";
import { useLazyQuery } from "@apollo/client/react";
import { useT } from "../../app/i18n";
import { profileMessages } from "./profile.messages";
import { myWholeIdCardQuery } from "./profile.documents";

/** How long a revealed number stays on screen (a phone may be left on a table). */
const REVEAL_MS = 30_000;

/**
 * The trainee's own ID-card number: masked (500101********123X) as the API sends it; the whole
 * number is fetched only when the trainee asks to see it, and never kept in the cache.
 */
export function IdCardDisplay({ number, labelId }: { number: string | null; labelId: string }): ReactNode {
  const t = useT(profileMessages);
  const [revealed, setRevealed] = useState(false);
  const [fetchWhole, whole] = useLazyQuery(myWholeIdCardQuery, { fetchPolicy: "no-cache" });
  useEffect(() => {
    if (!revealed) return;
    const timer = setTimeout(() => setRevealed(false), REVEAL_MS);
    return () => clearTimeout(timer);
  }, [revealed]);
  if (!number) return <span className="muted">{t("idCardNone")}</span>;
  return (
    <Space wrap>
      <code aria-labelledby={labelId} aria-live="polite" style={{ fontSize: 15 }}>
        {revealed ? (whole.data?.me?.trainee?.wholeIdCardNumber ?? number) : number}
      </code>
      <Button
        size="small"
        icon={revealed ? <EyeInvisibleOutlined /> : <EyeOutlined />}
        aria-pressed={revealed}
        loading={whole.loading}
        onClick={() => {
          if (!revealed) void fetchWhole();
          setRevealed(!revealed);
        }}
      >
        {revealed ? t("hide") : t("reveal")}
      </Button>
    </Space>
  );
}
