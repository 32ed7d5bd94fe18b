import { useId, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode } from "react";

export interface TabItem {
  key: string;
  label: ReactNode;
  children: ReactNode;
}

/**
 * Tabs in the shape of antd's (`items`, `activeKey`, `onChange`), as the WAI-ARIA tabs pattern
 * (arrow keys, Home and End move between tabs): the bar wraps on a narrow screen instead of
 * hiding tabs behind "…", and the page does without antd's Tabs and the menu it brings for that.
 * A tab's content is drawn once it has been opened and kept while hidden, as antd does.
 */
export function Tabs({
  items,
  activeKey,
  defaultActiveKey,
  onChange,
  style,
}: {
  items: TabItem[];
  activeKey?: string;
  defaultActiveKey?: string;
  onChange?: (key: string) => void;
  style?: CSSProperties;
}): ReactNode {
  const id = useId();
  const [own, setOwn] = useState(defaultActiveKey ?? items[0]?.key);
  const active = activeKey ?? own;
  const opened = useRef(new Set<string>());
  if (active) opened.current.add(active);
  const bar = useRef<HTMLDivElement>(null);
  const select = (key: string) => {
    setOwn(key);
    onChange?.(key);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = items.findIndex((item) => item.key === active);
    const to =
      event.key === "ArrowRight"
        ? (at + 1) % items.length
        : event.key === "ArrowLeft"
          ? (at + items.length - 1) % items.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? items.length - 1
              : -1;
    if (to < 0) return;
    event.preventDefault();
    select(items[to].key);
    bar.current?.querySelectorAll<HTMLButtonElement>("[role=tab]")[to]?.focus();
  };
  return (
    <div className="tabs" style={style}>
      <div className="tabs-bar" role="tablist" ref={bar} onKeyDown={onKeyDown}>
        {items.map((item) => (
          <button
            key={item.key}
            type="button"
            role="tab"
            id={`${id}-tab-${item.key}`}
            aria-selected={item.key === active}
            aria-controls={`${id}-panel-${item.key}`}
            tabIndex={item.key === active ? 0 : -1}
            className={item.key === active ? "tabs-tab active" : "tabs-tab"}
            onClick={() => select(item.key)}
          >
            {item.label}
          </button>
        ))}
      </div>
      {items
        .filter((item) => opened.current.has(item.key))
        .map((item) => (
          <div
            key={item.key}
            role="tabpanel"
            id={`${id}-panel-${item.key}`}
            aria-labelledby={`${id}-tab-${item.key}`}
            hidden={item.key !== active}
            tabIndex={0}
            className="tabs-panel"
          >
            {item.children}
          </div>
        ))}
    </div>
  );
}
