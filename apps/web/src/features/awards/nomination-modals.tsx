import { useState, type ReactNode } from "react";
import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Input, Select, Spin } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { useDebounced } from "../../app/use-debounced";
import { useRules } from "../../app/validation";
import type { NominationRowFragment } from "../../gql/graphql";
import { EnterpriseSelect } from "../enterprises/enterprise-select";
import {
  assignJudgesMutation,
  judgeCandidatesQuery,
  nominateMutation,
  nomineeTraineesQuery,
  unassignJudgeMutation,
  withdrawNominationMutation,
} from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import type { Cycle } from "./console-award-cycle-page";
import { REFETCH } from "./cycle-nominations";

export interface NominateValues {
  nomineeId: string;
  justification: string;
}

export function NominateModal({ dialog, cycle }: { dialog: DialogProps; cycle: Cycle }): ReactNode {
  const t = useT(awardConsoleMessages);
  const rules = useRules();
  const [nominate] = useMutation(nominateMutation, { refetchQueries: REFETCH });
  const forEnterprise = cycle.program.nomineeKind === "ENTERPRISE";
  return (
    <FormModal<NominateValues>
      dialog={dialog}
      title={t("nominateTitle", { title: cycle.title })}
      okText={t("nominate")}
      onSubmit={async (values) =>
        (
          await nominate({
            variables: {
              input: { cycleId: cycle.id, nomineeId: values.nomineeId, justification: values.justification.trim() },
            },
          })
        ).data?.nominate.userErrors ?? []
      }
    >
      <Form.Item name="nomineeId" label={t("nominee")} rules={[rules.requiredValue(t("nominee"))]}>
        {forEnterprise ? <EnterpriseSelect /> : <TraineeSelect />}
      </Form.Item>
      <Form.Item
        name="justification"
        label={t("justification")}
        rules={[rules.required("justification"), rules.maxLength("justification", 2000)]}
      >
        <Input.TextArea rows={4} maxLength={2000} showCount />
      </Form.Item>
    </FormModal>
  );
}

/** A trainee for awards to people, found by name or phone. */
function TraineeSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string;
  onChange?: (value: string | undefined) => void;
}): ReactNode {
  const t = useT(awardConsoleMessages);
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim());
  const [load, { data, loading }] = useLazyQuery(nomineeTraineesQuery);
  const options = (data?.trainees.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: [node.name, node.position, node.enterprise?.name].filter(Boolean).join(" · "),
  }));
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      placeholder={t("pickTrainee")}
      showSearch={{
        filterOption: false,
        onSearch: (text) => {
          setSearch(text);
          if (text.trim()) void load({ variables: { search: text.trim() } });
        },
      }}
      options={settled ? options : []}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : null}
    />
  );
}

export function JudgesModal({
  dialog,
  nomination,
}: {
  dialog: DialogProps;
  nomination: NominationRowFragment;
}): ReactNode {
  const t = useT(awardConsoleMessages);
  const run = useMutationAction();
  // Read each time the dialog opens: conflicts follow the records, which change between openings.
  const candidates = useQuery(judgeCandidatesQuery, {
    variables: { id: nomination.id },
    fetchPolicy: "network-only",
  });
  const [assign] = useMutation(assignJudgesMutation, { refetchQueries: ["ConsoleAwardCycle", "JudgeCandidates"] });
  const [unassign] = useMutation(unassignJudgeMutation, { refetchQueries: ["ConsoleAwardCycle", "JudgeCandidates"] });
  const node = candidates.data?.node;
  const list = node && "judgeCandidates" in node ? node.judgeCandidates : [];
  const open = list.filter((c) => !c.assigned);
  const conflicted = open.filter((c) => c.conflict);
  const affiliations = (c: (typeof list)[number]) =>
    [...c.judge.judgeAffiliations.enterprises, ...c.judge.judgeAffiliations.chambers].map((x) => x.name).join("、");
  return (
    <FormModal<{ judgeIds: string[] }>
      dialog={dialog}
      title={t("assignTitle", { name: nomination.nomineeName })}
      okText={t("addJudges")}
      onSubmit={async (values) =>
        (await assign({ variables: { input: { nominationId: nomination.id, judgeIds: values.judgeIds } } })).data
          ?.assignJudges.userErrors ?? []
      }
    >
      <ul className="plain-list" aria-label={t("judges")}>
        {nomination.judges.map((j) => (
          <li key={j.id} className="dashboard-item">
            <span>
              {j.judge.name} {j.complete ? "✓" : ""}
            </span>
            <Button
              size="small"
              danger
              onClick={() =>
                run(
                  async () =>
                    (await unassign({ variables: { input: { nominationId: nomination.id, judgeId: j.judge.id } } }))
                      .data?.unassignJudge.userErrors,
                  t("unassigned"),
                )
              }
            >
              {t("unassign")}
            </Button>
          </li>
        ))}
      </ul>
      {conflicted.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="form-errors conflict-warning"
          title={t("conflictWarning")}
          description={
            <ul className="plain-list">
              {conflicted.map((c) => (
                <li key={c.judge.id}>
                  <strong>{c.judge.name}</strong>：{c.conflictReason}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Form.Item
        name="judgeIds"
        label={t("addJudges")}
        rules={[{ required: true, type: "array", min: 1, message: t("addJudges") }]}
      >
        <Select
          mode="multiple"
          loading={candidates.loading}
          optionFilterProp="label"
          options={open.map((c) => {
            const linked = affiliations(c);
            const name = c.conflict ? t("conflictOption", { name: c.judge.name }) : c.judge.name;
            return {
              value: c.judge.id,
              // Conflicted judges stay listed, so staff see why they cannot be chosen.
              disabled: Boolean(c.conflict),
              label: linked ? `${name} · ${t("judgeAffiliations", { list: linked })}` : name,
            };
          })}
        />
      </Form.Item>
    </FormModal>
  );
}

export function WithdrawModal({
  dialog,
  nomination,
}: {
  dialog: DialogProps;
  nomination: NominationRowFragment;
}): ReactNode {
  const t = useT(awardConsoleMessages);
  const rules = useRules();
  const [withdraw] = useMutation(withdrawNominationMutation, { refetchQueries: REFETCH });
  return (
    <FormModal<{ reason: string }>
      dialog={dialog}
      title={t("withdrawTitle", { name: nomination.nomineeName })}
      okText={t("withdraw")}
      onSubmit={async (values) =>
        (await withdraw({ variables: { input: { nominationId: nomination.id, reason: values.reason.trim() } } })).data
          ?.withdrawNomination.userErrors ?? []
      }
    >
      <Form.Item
        name="reason"
        label={t("withdrawReason")}
        rules={[rules.required("reason"), rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
