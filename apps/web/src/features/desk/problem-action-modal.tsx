import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Select } from "antd";
import type { DialogProps } from "../../app/dialog";
import { enumValues, problemCategoryLabels } from "../../app/enum-labels";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import type { UserErrorLike } from "../../app/user-errors";
import { useRules } from "../../app/validation";
import type { ProblemCategory } from "../../gql/graphql";
import { AssignFields, type AssignValues } from "./assign-fields";
import type { Problem, ProblemAction } from "./console-problem-page";
import {
  answerProblemMutation,
  assignProblemsMutation,
  escalateProblemMutation,
  sendProblemBackMutation,
  triageProblemMutation,
  workOnProblemMutation,
} from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";

interface ActionValues extends Partial<AssignValues> {
  category?: ProblemCategory;
  note?: string;
  answer?: string;
  instructions?: string;
}

/** One step's form; the API's user errors land beside the field they name. */
export function ActionModal({
  action,
  problem,
  dialog,
}: {
  action: ProblemAction;
  problem: Problem;
  dialog: DialogProps;
}): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const rules = useRules();
  const refetchQueries = ["DeskProblem"];
  const [triage] = useMutation(triageProblemMutation, { refetchQueries });
  const [assign] = useMutation(assignProblemsMutation, { refetchQueries });
  const [work] = useMutation(workOnProblemMutation, { refetchQueries });
  const [answer] = useMutation(answerProblemMutation, { refetchQueries });
  const [escalate] = useMutation(escalateProblemMutation, { refetchQueries });
  const [sendBack] = useMutation(sendProblemBackMutation, { refetchQueries });
  const problemId = problem.id;
  const note = (v: ActionValues) => v.note?.trim() || null;

  const send = async (v: ActionValues): Promise<readonly UserErrorLike[]> => {
    switch (action) {
      case "TRIAGE":
        return (
          (await triage({ variables: { input: { problemId, category: v.category, note: note(v) } } })).data
            ?.triageProblem.userErrors ?? []
        );
      case "ASSIGN":
      case "TRANSFER":
        return (
          (
            await assign({
              variables: {
                input: {
                  problemIds: [problemId],
                  departmentId: v.departmentId!,
                  dueOn: v.dueOn || null,
                  note: note(v),
                },
              },
            })
          ).data?.assignProblems.userErrors ?? []
        );
      case "START":
      case "NOTE":
        return (
          (await work({ variables: { input: { problemId, note: note(v) } } })).data?.workOnProblem.userErrors ?? []
        );
      case "ANSWER":
        return (
          (await answer({ variables: { input: { problemId, answer: v.answer ?? "" } } })).data?.answerProblem
            .userErrors ?? []
        );
      case "ESCALATE":
        return (
          (await escalate({ variables: { input: { problemId, note: note(v) } } })).data?.escalateProblem.userErrors ??
          []
        );
      case "SEND_BACK":
        return (
          (await sendBack({ variables: { input: { problemId, instructions: v.instructions ?? "" } } })).data
            ?.sendProblemBack.userErrors ?? []
        );
    }
  };

  const noteField = (required: boolean) => (
    <Form.Item
      name="note"
      label={t(required ? "progressNote" : "note")}
      rules={[...(required ? [rules.required("note")] : []), rules.maxLength("note", 2000)]}
    >
      <Input.TextArea rows={3} maxLength={2000} />
    </Form.Item>
  );

  return (
    <FormModal<ActionValues>
      dialog={dialog}
      title={t(`action${action}`)}
      okText={t(`action${action}`)}
      cancelText={t("notNow")}
      saved={t(`done${action}`)}
      initialValues={{ category: problem.category }}
      onSubmit={send}
    >
      {action === "TRIAGE" && (
        <>
          <Form.Item name="category" label={t("category")} extra={t("categoryHint")}>
            <Select
              options={enumValues(problemCategoryLabels).map((value) => ({
                value,
                label: problemCategoryLabels[locale][value],
              }))}
            />
          </Form.Item>
          {noteField(false)}
        </>
      )}
      {(action === "ASSIGN" || action === "TRANSFER") && <AssignFields />}
      {(action === "START" || action === "ESCALATE") && noteField(false)}
      {action === "NOTE" && noteField(true)}
      {action === "ANSWER" && (
        <Form.Item
          name="answer"
          label={t("answer")}
          rules={[rules.required("answer"), rules.maxLength("answer", 5000)]}
        >
          <Input.TextArea rows={6} maxLength={5000} />
        </Form.Item>
      )}
      {action === "SEND_BACK" && (
        <Form.Item
          name="instructions"
          label={t("instructions")}
          extra={t("instructionsHint")}
          rules={[rules.required("instructions"), rules.maxLength("instructions", 1000)]}
        >
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      )}
    </FormModal>
  );
}
