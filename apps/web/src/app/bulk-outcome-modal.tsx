import type { ReactNode } from "react";
import { Modal } from "antd";

/**
 * The second face of a bulk dialog: what became of each item, read out as a status, with one button
 * to close. `changed` says whether anything changed, for the list behind to clear its selection.
 */
export function BulkOutcomeModal({
  title,
  closeText,
  changed,
  onClose,
  children,
}: {
  title: ReactNode;
  closeText: ReactNode;
  changed: boolean;
  onClose: (changed: boolean) => void;
  children: ReactNode;
}): ReactNode {
  return (
    <Modal
      open
      title={title}
      okText={closeText}
      cancelButtonProps={{ style: { display: "none" } }}
      onOk={() => onClose(changed)}
      onCancel={() => onClose(changed)}
    >
      <div role="status" className="bulk-outcome">
        {children}
      </div>
    </Modal>
  );
}
