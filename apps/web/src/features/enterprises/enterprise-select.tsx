import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Select, Spin } from "antd";
import { useT } from "../../app/i18n";
import { useDebounced } from "../../app/use-debounced";
import { enterpriseOptionsQuery } from "./enterprises.documents";
import { enterpriseMessages } from "./enterprises.messages";

export interface EnterpriseOption {
  id: string;
  name: string;
}

/**
 * Picks an enterprise by searching `enterprises(filter: { search })` as the user types. A form
 * field: `value` is the enterprise's ID, null when cleared.
 */
export interface EnterpriseSelectProps {
  id?: string;
  placeholder?: string;
  "aria-label"?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
  /** The enterprise already chosen, so its name shows before any search. */
  current?: EnterpriseOption | null;
  /** Focused with its list open as it appears (a picker that stood in for it was just clicked). */
  autoFocus?: boolean;
}

export function EnterpriseSelect({
  id,
  value,
  onChange,
  current,
  placeholder,
  "aria-label": ariaLabel,
  autoFocus = false,
}: EnterpriseSelectProps): ReactNode {
  const t = useT(enterpriseMessages);
  const [opened, setOpened] = useState(autoFocus);
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim());
  const { data, loading } = useQuery(enterpriseOptionsQuery, {
    variables: { search: settled || null },
    // Nothing is fetched until the list is opened: most forms are saved without touching it.
    skip: !opened,
  });
  const found = data?.enterprises.edges.map((e) => e.node) ?? [];
  const options = found.map((e) => ({ value: e.id, label: e.town ? `${e.name}（${e.town}）` : e.name }));
  // The chosen enterprise keeps its name in the box; it is listed while nothing is searched.
  if (current && !settled && !found.some((e) => e.id === current.id)) {
    options.unshift({ value: current.id, label: current.name });
  }
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => open && setOpened(true)}
      placeholder={placeholder ?? t("pickEnterprise")}
      aria-label={ariaLabel}
      autoFocus={autoFocus}
      defaultOpen={autoFocus}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : t("noMatch")}
    />
  );
}
