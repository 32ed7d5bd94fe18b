import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Select, Spin } from "antd";
import { useDebounced } from "../../app/use-debounced";
import { enterpriseOptionsQuery } from "../enterprises/enterprises.documents";
import { chamberOptionsQuery } from "./awards-console.documents";

interface Named {
  id: string;
  name: string;
}

/**
 * Several enterprises or chambers, found by name as the user types. A form field: `value` is
 * their IDs; `current` gives the names of those already chosen before any search.
 */
export function AffiliationSelect({
  kind,
  value,
  onChange,
  current,
  placeholder,
  "aria-label": ariaLabel,
}: {
  kind: "enterprise" | "chamber";
  value?: string[];
  onChange?: (value: string[]) => void;
  current: Named[];
  placeholder: string;
  "aria-label"?: string;
}): ReactNode {
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim()) || null;
  const enterprises = useQuery(enterpriseOptionsQuery, { variables: { search: settled }, skip: kind !== "enterprise" });
  const chambers = useQuery(chamberOptionsQuery, { variables: { search: settled }, skip: kind !== "chamber" });
  const found: Named[] =
    (kind === "enterprise"
      ? enterprises.data?.enterprises.edges.map((e) => e.node)
      : chambers.data?.chambers.edges.map((e) => e.node)) ?? [];
  const loading = kind === "enterprise" ? enterprises.loading : chambers.loading;
  const [known, setKnown] = useState<Named[]>(current);
  const options = [...known, ...found.filter((f) => !known.some((k) => k.id === f.id))].map((o) => ({
    value: o.id,
    label: o.name,
  }));
  return (
    <Select
      mode="multiple"
      value={value ?? []}
      onChange={(ids: string[]) => {
        // Names of what is chosen stay known when the search moves on.
        setKnown([...known, ...found.filter((f) => ids.includes(f.id) && !known.some((k) => k.id === f.id))]);
        onChange?.(ids);
      }}
      options={options}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      placeholder={placeholder}
      aria-label={ariaLabel}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : null}
    />
  );
}
