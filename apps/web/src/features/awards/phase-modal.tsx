import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Form, Input, Select, Switch } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { AwardCyclePhase } from "../../gql/graphql";
import { changePhaseMutation, cycleRankingQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import { cyclePhaseLabels } from "./awards.labels";
import { ORDER, type Cycle } from "./console-award-cycle-page";

export interface PhaseValues {
  reason?: string;
  normalizeScores?: boolean;
  allowIncompleteScores?: boolean;
  winnerNominationIds?: string[];
}

/** One step forward (deciding offers its options) or one back with a reason. */
export function PhaseModal({
  dialog,
  cycle,
  to,
}: {
  dialog: DialogProps;
  cycle: Cycle;
  to: AwardCyclePhase;
}): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  const rules = useRules();
  const back = ORDER.indexOf(to) < ORDER.indexOf(cycle.phase);
  const deciding = to === "DECIDED" && !back;
  const ranking = useQuery(cycleRankingQuery, { variables: { id: cycle.id, normalize: false }, skip: !deciding });
  const [change] = useMutation(changePhaseMutation, {
    refetchQueries: ["ConsoleAwardCycle", "CycleRanking", "CycleNominations"],
  });
  const missing = cycle.judgingProgress.expectedScoreSets - cycle.judgingProgress.completeScoreSets;
  const entries = ranking.data?.node?.__typename === "AwardCycle" ? ranking.data.node.ranking : [];
  const phase = cyclePhaseLabels[locale][to];

  return (
    <FormModal<PhaseValues>
      dialog={dialog}
      title={back ? t("phaseBackTitle", { title: cycle.title, phase }) : t("phaseTitle", { title: cycle.title, phase })}
      okText={back ? t("previousPhase", { phase }) : t("nextPhase", { phase })}
      onSubmit={async (values) => {
        const { data } = await change({
          variables: {
            input: {
              cycleId: cycle.id,
              phase: to,
              reason: values.reason?.trim() || null,
              ...(deciding
                ? {
                    normalizeScores: Boolean(values.normalizeScores),
                    allowIncompleteScores: Boolean(values.allowIncompleteScores),
                    ...(values.winnerNominationIds?.length ? { winnerNominationIds: values.winnerNominationIds } : {}),
                  }
                : {}),
            },
          },
        });
        return data?.changeAwardCyclePhase.userErrors ?? [];
      }}
    >
      <p>{back ? t("backHint") : t(`to${to as Exclude<AwardCyclePhase, "DRAFT">}`, { quota: cycle.quota })}</p>
      {deciding && (
        <>
          <Form.Item name="normalizeScores" label={t("normalizeScores")} valuePropName="checked">
            <Switch />
          </Form.Item>
          {missing > 0 && (
            <Form.Item
              name="allowIncompleteScores"
              label={t("allowIncompleteScores", { missing })}
              valuePropName="checked"
            >
              <Switch />
            </Form.Item>
          )}
          <Form.Item name="winnerNominationIds" label={t("winnerNominationIds")}>
            <Select
              mode="multiple"
              allowClear
              loading={ranking.loading}
              optionFilterProp="label"
              options={entries.map((e) => ({
                value: e.nomination.id,
                label: `${e.rank ?? "—"}. ${e.nomination.nomineeName}`,
              }))}
            />
          </Form.Item>
        </>
      )}
      <Form.Item
        name="reason"
        label={t("reason")}
        extra={t("reasonNeeded")}
        rules={back ? [rules.required("reason"), rules.maxLength("reason", 500)] : [rules.maxLength("reason", 500)]}
      >
        <Input.TextArea rows={3} maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}
