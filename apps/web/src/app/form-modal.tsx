import { useEffect, useRef, useState, type ReactNode } from "react";
import { Form, Modal } from "antd";
import { useMutationForm } from "./mutation-form";
import type { UserErrorLike } from "./user-errors";

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

/** A form in a modal: user errors beside their fields, OK busy while sending, closes on success. */
export function FormModal<V extends object>({
  dialog,
  title,
  okText,
  initialValues,
  onSubmit,
  children,
}: {
  dialog: DialogProps;
  title: ReactNode;
  okText?: ReactNode;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<readonly UserErrorLike[]>;
  children: ReactNode;
}): ReactNode {
  const [form] = Form.useForm<V>();
  const { submit, submitting, errorsAlert, reset } = useMutationForm(form);
  // Reopened before it had closed, the same dialog shows another record: it starts from that one's values.
  useEffect(() => {
    if (!dialog.open) return;
    form.resetFields();
    reset();
  }, [dialog.open, form, reset]);
  return (
    <Modal
      open={dialog.open}
      title={title}
      okText={okText}
      onOk={() => form.submit()}
      confirmLoading={submitting}
      onCancel={dialog.onClose}
      afterClose={dialog.afterClose}
      mask={{ closable: false }}
      destroyOnHidden
    >
      {errorsAlert}
      <Form<V>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={async (values) => {
          if (await submit(() => onSubmit(values))) dialog.onClose();
        }}
      >
        {children}
        {/* Enter in a field submits, as in any form. */}
        <button type="submit" hidden aria-hidden="true" tabIndex={-1} />
      </Form>
    </Modal>
  );
}
