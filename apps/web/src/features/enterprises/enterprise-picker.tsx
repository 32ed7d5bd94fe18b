import { lazy, Suspense, useState, type ReactNode } from "react";
import { Input } from "antd";
import type { EnterpriseSelectProps } from "./enterprise-select";

const EnterpriseSelect = lazy(() => import("./enterprise-select").then((m) => ({ default: m.EnterpriseSelect })));

/**
 * EnterpriseSelect loaded after the page itself: antd's Select is a good part of a first download,
 * and the page is readable before the list is needed. With `loadOnFocus` (a filter or a field most
 * visits never touch) its code loads only when the field is focused, and it opens at once.
 */
export function EnterprisePicker({
  loadOnFocus = false,
  ...props
}: EnterpriseSelectProps & { loadOnFocus?: boolean }): ReactNode {
  const [wanted, setWanted] = useState(!loadOnFocus);
  const standIn = (busy: boolean) => (
    <Input
      id={props.id}
      aria-label={props["aria-label"]}
      placeholder={props.placeholder}
      value={props.current?.name ?? ""}
      readOnly
      aria-busy={busy}
      onFocus={() => setWanted(true)}
      onClick={() => setWanted(true)}
    />
  );
  if (!wanted) return standIn(false);
  return (
    <Suspense fallback={standIn(true)}>
      <EnterpriseSelect {...props} autoFocus={loadOnFocus || props.autoFocus} />
    </Suspense>
  );
}
