import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Form, Input, Modal } from "antd";
import { formatDate } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { useMutationForm } from "../../app/mutation-form";
import { BulkOutcomeModal } from "../../app/bulk-outcome-modal";
import { keepEnterInField } from "../../app/mutation-form";
import { useRules } from "../../app/validation";
import type { UserErrorLike } from "../../app/user-errors";
import type { StaffProblemRowFragment } from "../../gql/graphql";
import { AssignFields, type AssignValues } from "./assign-fields";
import { assignProblemsMutation, triageProblemsMutation } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";

export type BulkStep = "TRIAGE" | "ASSIGN";

interface ItemOutcome {
  id: string;
  title: string;
  /** What happened to it: its department and due date, or why the batch was refused. */
  text: string;
  refused: boolean;
}

interface Outcome {
  done: number;
  items: ItemOutcome[];
}

/** Which problem of the batch an error names: `["input", "problemIds", "2"]` → 2. */
const itemOf = (e: UserErrorLike) =>
  e.field?.[0] === "input" && e.field[1] === "problemIds" && e.field[2] !== undefined ? Number(e.field[2]) : null;

/**
 * 批量受理 or 批量交办 of the selected problems: the dialog names them and asks for what the step
 * needs (a department, a due date), then reports on each one. The API takes a batch whole or not
 * at all; when one problem cannot go, the summary names it and says the others were left as they were.
 */
export function BulkDeskModal({
  step,
  rows,
  onClose,
}: {
  step: BulkStep;
  rows: StaffProblemRowFragment[];
  onClose: (changed: boolean) => void;
}): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const rules = useRules();
  const [form] = Form.useForm<AssignValues & { note?: string }>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const refetchQueries = ["DeskProblems"];
  const [triage] = useMutation(triageProblemsMutation, { refetchQueries });
  const [assign] = useMutation(assignProblemsMutation, { refetchQueries });
  const assigning = step === "ASSIGN";
  const ids = rows.map((r) => r.id);

  /** Sends the batch; errors of the form's fields stay beside them, errors of an item go to the summary. */
  const send = (values: AssignValues) =>
    submit(async () => {
      const note = values.note?.trim() || null;
      let errors: readonly UserErrorLike[];
      let changed: { id: string; dueAt?: string | null; department?: { name: string } | null }[] = [];
      if (assigning) {
        const input = { problemIds: ids, departmentId: values.departmentId, dueOn: values.dueOn || null, note };
        const payload = (await assign({ variables: { input } })).data?.assignProblems;
        errors = payload?.userErrors ?? [];
        changed = payload?.problems ?? [];
      } else {
        const payload = (await triage({ variables: { input: { problemIds: ids, note } } })).data?.triageProblems;
        errors = payload?.userErrors ?? [];
      }
      const itemErrors = errors.filter((e) => itemOf(e) !== null);
      if (errors.length && itemErrors.length === errors.length) {
        // Refused because of an item: the summary says which; what the form holds was fine.
        const refusedAt = new Map(itemErrors.map((e) => [itemOf(e)!, e.message]));
        setOutcome({
          done: 0,
          items: rows.map((r, i) => ({
            id: r.id,
            title: r.title,
            refused: refusedAt.has(i),
            text: refusedAt.get(i) ?? t("leftAsItWas"),
          })),
        });
        return [];
      }
      if (!errors.length) {
        const byId = new Map(changed.map((p) => [p.id, p]));
        setOutcome({
          done: rows.length,
          items: rows.map((r) => {
            const p = byId.get(r.id);
            const text = assigning
              ? t("assignedTo", {
                  department: p?.department?.name ?? "",
                  due: p?.dueAt ? formatDate(p.dueAt, locale) : "—",
                })
              : t("triagedItem");
            return { id: r.id, title: r.title, refused: false, text };
          }),
        });
      }
      return errors;
    });

  const title = t(assigning ? "bulkAssignTitle" : "bulkTriageTitle", { count: rows.length });
  if (outcome) {
    const refused = outcome.items.some((i) => i.refused);
    return (
      <BulkOutcomeModal title={title} closeText={t("close")} changed={outcome.done > 0} onClose={onClose}>
        <Alert
          type={refused ? "warning" : "success"}
          showIcon
          title={
            refused
              ? t(assigning ? "bulkAssignRefused" : "bulkTriageRefused")
              : t(assigning ? "bulkAssigned" : "bulkTriaged", { count: outcome.done })
          }
          description={
            <ul>
              {outcome.items.map((item) => (
                <li key={item.id} className={item.refused ? "bulk-refused" : undefined}>
                  {t("itemOutcome", { title: item.title, text: item.text })}
                </li>
              ))}
            </ul>
          }
        />
      </BulkOutcomeModal>
    );
  }
  return (
    <Modal
      open
      title={title}
      okText={t(assigning ? "assign" : "triage")}
      okButtonProps={{ loading: submitting }}
      cancelText={t("notNow")}
      onOk={() => form.submit()}
      onCancel={() => onClose(false)}
      mask={{ closable: false }}
    >
      {errorsAlert}
      <p>{t(assigning ? "bulkAssignConfirm" : "bulkTriageConfirm", { count: rows.length })}</p>
      <ul className="bulk-names">
        {rows.map((r) => (
          <li key={r.id}>{t("itemOutcome", { title: r.title, text: r.enterprise.name })}</li>
        ))}
      </ul>
      <Form
        form={form}
        name="bulkDesk"
        layout="vertical"
        onKeyDown={keepEnterInField}
        onFinish={(values) => void send(values)}
      >
        {assigning ? (
          <AssignFields />
        ) : (
          <Form.Item name="note" label={t("note")} rules={[rules.maxLength("note", 2000)]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
