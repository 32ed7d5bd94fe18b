import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Select, Spin } from "antd";
import { useT } from "../../app/i18n";
import { useDebounced } from "../../app/use-debounced";
import { speakersQuery } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";

export interface SpeakerOption {
  id: string;
  name: string;
  organization?: string | null;
}

/** Picks a speaker by searching `speakers(search)` as staff type; `current` keeps the chosen one's name. */
export function SpeakerSelect({
  value,
  onChange,
  current,
  "aria-label": ariaLabel,
}: {
  value?: string | null;
  onChange: (speaker: SpeakerOption | null) => void;
  current?: SpeakerOption | null;
  "aria-label"?: string;
}): ReactNode {
  const t = useT(eventConsoleMessages);
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim());
  const [opened, setOpened] = useState(false);
  const { data, loading } = useQuery(speakersQuery, {
    variables: { first: 20, search: settled || null },
    skip: !opened,
  });
  const found = data?.speakers.edges.map((e) => e.node) ?? [];
  const all = current && !found.some((s) => s.id === current.id) ? [current, ...found] : found;
  return (
    <Select
      value={value ?? undefined}
      aria-label={ariaLabel}
      placeholder={t("pickSpeaker")}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => open && setOpened(true)}
      onChange={(id?: string) => onChange(all.find((s) => s.id === id) ?? null)}
      options={all.map((s) => ({ value: s.id, label: s.organization ? `${s.name}（${s.organization}）` : s.name }))}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : null}
      style={{ minWidth: 260 }}
    />
  );
}
