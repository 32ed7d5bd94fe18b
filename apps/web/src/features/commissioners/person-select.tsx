import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Select } from "antd";
import { useDebounced } from "../../app/use-debounced";
import type { Role } from "../../gql/graphql";
import { deskPeopleQuery } from "./commissioners.documents";

/** Picks an active account with a desk role by name or phone, as the user types. A form field: the user's ID. */
export function PersonSelect({
  role,
  value,
  onChange,
  placeholder,
  extra = [],
  "aria-label": ariaLabel,
}: {
  role: Role;
  value?: string | null;
  onChange?: (value: string | null) => void;
  placeholder?: string;
  /** Options before the found people (e.g. "none"). */
  extra?: { value: string; label: string }[];
  "aria-label"?: string;
}): ReactNode {
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim());
  const { data, loading } = useQuery(deskPeopleQuery, {
    variables: { first: 20, filter: { role, search: settled || null } },
  });
  const options = [
    ...extra,
    ...(data?.deskPeople.edges ?? []).map((e) => ({ value: e.node.id, label: `${e.node.name}（${e.node.phone}）` })),
  ];
  return (
    <Select
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      loading={loading}
      placeholder={placeholder}
      aria-label={ariaLabel}
      showSearch={{ filterOption: false, onSearch: setSearch }}
    />
  );
}
