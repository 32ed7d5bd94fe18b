import { useRef, useState, type ComponentProps, type ComponentType, type ReactNode } from "react";
import { lazyComponent } from "./lazy";

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  afterClose: () => void;
}

/**
 * Which record a dialog edits. The dialog is mounted on `show` and unmounted after its closing
 * animation, so each opening starts from a fresh form with that record's values.
 */
export function useDialog<T>(): { value: T | null; show: (value: T) => void; props: DialogProps } {
  const [value, setValue] = useState<T | null>(null);
  const [open, setOpen] = useState(false);
  // A dialog shown again while the last one was still closing must not be cleared by its afterClose.
  const opened = useRef(false);
  return {
    value,
    show: (next: T) => {
      opened.current = true;
      setValue(next);
      setOpen(true);
    },
    props: {
      open,
      onClose: () => {
        opened.current = false;
        setOpen(false);
      },
      afterClose: () => {
        if (!opened.current) setValue(null);
      },
    },
  };
}

/**
 * A dialog whose code (its form, pickers and selects) loads when it first opens, not with the
 * page. Mount it only while open, as `{dialog.value && <Dialog … />}` does.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any props: the loaded component's own are kept
export function lazyDialog<K extends string, C extends ComponentType<any>>(
  load: () => Promise<Record<K, C>>,
  name: K,
): (props: ComponentProps<C>) => ReactNode {
  return lazyComponent(load, name, null);
}
