import { lazy, Suspense, type ReactNode } from "react";
import { Input } from "antd";
import type { EnterpriseSelectProps } from "./enterprise-select";

const EnterpriseSelect = lazy(() => import("./enterprise-select").then((m) => ({ default: m.EnterpriseSelect })));

/**
 * EnterpriseSelect for the trainee's pages, loaded after the page itself: antd's Select is a good
 * part of a phone's first download, and the page is readable before the list is needed.
 */
export function EnterprisePicker(props: EnterpriseSelectProps): ReactNode {
  return (
    <Suspense fallback={<Input id={props.id} value={props.current?.name ?? ""} readOnly aria-busy="true" />}>
      <EnterpriseSelect {...props} />
    </Suspense>
  );
}
