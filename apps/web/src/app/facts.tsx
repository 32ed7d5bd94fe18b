import type { ReactNode } from "react";

/**
 * A record's facts as label and value pairs in a bordered grid (antd's Descriptions in its
 * bordered, small form), as a `<dl>`: a page shows them without loading antd's grid and responsive observer.
 */
export function Facts({ items }: { items: { key: string; label: ReactNode; children: ReactNode }[] }): ReactNode {
  return (
    <dl className="facts">
      {items.map((item) => (
        <div key={item.key}>
          <dt>{item.label}</dt>
          <dd>{item.children}</dd>
        </div>
      ))}
    </dl>
  );
}
