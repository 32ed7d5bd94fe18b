import { useEffect, type ReactNode } from "react";
import { Form, Modal, type FormInstance } from "antd";
import type { DialogProps } from "./dialog";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { keepEnterInField, useMutationForm } from "./mutation-form";
import type { UserErrorLike } from "./user-errors";
import { toast } from "./toast";

/**
 * A form in a modal: user errors beside their fields, OK busy while sending, closes on success
 * with a short confirmation (`saved`, "已保存" by default) that stays readable after the modal goes.
 */
export function FormModal<V extends object>({
  dialog,
  title,
  okText,
  cancelText,
  saved,
  initialValues,
  onSubmit,
  onValuesChange,
  children,
}: {
  dialog: DialogProps;
  title: ReactNode;
  okText?: ReactNode;
  /** The button that closes without sending, when "取消" would read as the action itself. */
  cancelText?: ReactNode;
  /** Shown once the form is saved; "已保存" when not given. */
  saved?: string;
  initialValues?: Partial<V>;
  onSubmit: (values: V) => Promise<readonly UserErrorLike[]>;
  onValuesChange?: (changed: Partial<V>, form: FormInstance<V>) => void;
  children: ReactNode;
}): ReactNode {
  const t = useT(appMessages);
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
      cancelText={cancelText}
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
        onKeyDown={keepEnterInField}
        onValuesChange={onValuesChange && ((changed: Partial<V>) => onValuesChange(changed, form))}
        onFinish={async (values) => {
          if (!(await submit(() => onSubmit(values)))) return;
          dialog.onClose();
          toast.success(saved ?? t("saved"));
        }}
      >
        {children}
      </Form>
    </Modal>
  );
}
