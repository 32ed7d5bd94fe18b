import { useState, type ReactNode } from "react";
import { Button, type ButtonProps } from "antd";

/**
 * A button that asks once more in place before acting (cancel an enrollment, delete a session):
 * no popover to load or to reach on a phone; the confirming button takes the focus.
 */
export function InlineConfirm({
  children,
  question,
  confirmText,
  keepText,
  onConfirm,
  buttonProps,
}: {
  children: ReactNode;
  question: string;
  confirmText: string;
  keepText: string;
  onConfirm: () => Promise<unknown>;
  buttonProps?: Omit<ButtonProps, "onClick" | "children">;
}): ReactNode {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!asking)
    return (
      <Button {...buttonProps} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  return (
    <span role="group" aria-label={question} className="inline-confirm">
      <span>{question}</span>
      <Button
        danger
        type="primary"
        size={buttonProps?.size}
        autoFocus
        loading={busy}
        onClick={async () => {
          setBusy(true);
          try {
            await onConfirm();
          } finally {
            setBusy(false);
            setAsking(false);
          }
        }}
      >
        {confirmText}
      </Button>
      <Button size={buttonProps?.size} disabled={busy} onClick={() => setAsking(false)}>
        {keepText}
      </Button>
    </span>
  );
}
