import { useState, type ReactNode } from "react";
import { useLazyQuery, useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Drawer, Form, Input, Segmented, Select, Space, Spin, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useDialog, type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { PageLoading } from "../../app/page-state";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import { useDebounced } from "../../app/use-debounced";
import { useRules } from "../../app/validation";
import type { NominationRowFragment, NominationStatus } from "../../gql/graphql";
import { EnterpriseSelect } from "../enterprises/enterprise-select";
import {
  assignJudgesMutation,
  judgeCandidatesQuery,
  cycleNominationsQuery,
  nominateMutation,
  nominationDossierQuery,
  nomineeTraineesQuery,
  unassignJudgeMutation,
  withdrawNominationMutation,
} from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import { conflictKindLabels, nomineeKindLabels } from "./awards.labels";
import type { Cycle } from "./console-award-cycle-page";
import { DossierView } from "./dossier-view";

const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] };
// A nomination changes the cycle's counts and progress: the cycle is read again with the list.
const REFETCH = ["CycleNominations", "ConsoleAwardCycle"];

/** A cycle's nominations: nominate, read the dossier, assign judges, withdraw. */
export function CycleNominations({ cycle }: { cycle: Cycle }): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  const [status, setStatus] = useState<NominationStatus>("ACTIVE");
  const nominator = useDialog<true>();
  const judgesDialog = useDialog<NominationRowFragment>();
  const withdrawer = useDialog<NominationRowFragment>();
  const [dossierOf, setDossierOf] = useState<NominationRowFragment | null>(null);
  const paged = usePagedQuery(cycleNominationsQuery, {
    variables: { id: cycle.id, status },
    select: (data) => (data.node?.__typename === "AwardCycle" ? data.node.nominations : EMPTY),
  });
  const open = cycle.phase === "NOMINATING" || cycle.phase === "JUDGING";

  return (
    <>
      <div className="page-toolbar">
        <Segmented<NominationStatus>
          aria-label={t("phase")}
          value={status}
          onChange={setStatus}
          options={[
            { value: "ACTIVE", label: t("active") },
            { value: "WITHDRAWN", label: t("withdrawn") },
          ]}
        />
        <span className="grow" />
        {cycle.phase === "NOMINATING" && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => nominator.show(true)}>
            {t("nominate")}
          </Button>
        )}
      </div>
      <PagedTable<NominationRowFragment>
        paged={paged}
        columns={[
          { title: t("nominee"), dataIndex: "nomineeName", fixed: "left" },
          {
            title: t("nomineeKind"),
            dataIndex: "nomineeKind",
            render: (k: NominationRowFragment["nomineeKind"]) => nomineeKindLabels[locale][k],
          },
          {
            title: t("source"),
            dataIndex: "source",
            render: (s: NominationRowFragment["source"]) => t(`source${s}`),
          },
          {
            title: t("eligible"),
            dataIndex: "eligible",
            render: (ok: boolean) => <Tag color={ok ? "green" : "red"}>{ok ? t("eligibleYes") : t("eligibleNo")}</Tag>,
          },
          {
            title: t("judges"),
            key: "judges",
            render: (_, n) =>
              n.judges.length === 0 ? (
                <span className="muted">{t("noJudges")}</span>
              ) : (
                <Space size={[4, 4]} wrap>
                  {n.judges.map((j) => (
                    <Tag key={j.id} color={j.conflict ? "default" : j.complete ? "green" : "gold"}>
                      {j.judge.name}
                      {j.conflict ? `（${conflictKindLabels[locale][j.conflict]}）` : j.complete ? " ✓" : ""}
                    </Tag>
                  ))}
                </Space>
              ),
          },
          {
            title: t("justification"),
            dataIndex: "justification",
            render: (text: string) => <span className="clamp-2">{text}</span>,
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, n) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => setDossierOf(n)}>
                  {t("dossier")}
                </Button>
                {open && n.status === "ACTIVE" && (
                  <>
                    <Button type="link" onClick={() => judgesDialog.show(n)}>
                      {t("assignJudges")}
                    </Button>
                    <Button type="link" danger onClick={() => withdrawer.show(n)}>
                      {t("withdraw")}
                    </Button>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {nominator.value && <NominateModal dialog={nominator.props} cycle={cycle} />}
      {judgesDialog.value && (
        <JudgesModal
          dialog={judgesDialog.props}
          nomination={paged.nodes.find((n) => n.id === judgesDialog.value!.id) ?? judgesDialog.value}
        />
      )}
      {withdrawer.value && <WithdrawModal dialog={withdrawer.props} nomination={withdrawer.value} />}
      <DossierDrawer nomination={dossierOf} onClose={() => setDossierOf(null)} />
    </>
  );
}

function DossierDrawer({
  nomination,
  onClose,
}: {
  nomination: NominationRowFragment | null;
  onClose: () => void;
}): ReactNode {
  const t = useT(awardConsoleMessages);
  const { data, loading } = useQuery(nominationDossierQuery, {
    variables: { id: nomination?.id ?? "" },
    skip: !nomination,
  });
  const node = data?.node?.__typename === "AwardNomination" ? data.node : null;
  return (
    <Drawer open={nomination !== null} onClose={onClose} size="large" title={nomination?.nomineeName} destroyOnHidden>
      {loading && !node ? (
        <PageLoading />
      ) : (
        node && (
          <>
            <h3 style={{ fontSize: 15 }}>{t("justification")}</h3>
            <p style={{ whiteSpace: "pre-line" }}>{node.justification}</p>
            <DossierView dossier={node.dossier} />
          </>
        )
      )}
    </Drawer>
  );
}

interface NominateValues {
  nomineeId: string;
  justification: string;
}

function NominateModal({ dialog, cycle }: { dialog: DialogProps; cycle: Cycle }): ReactNode {
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

function JudgesModal({ dialog, nomination }: { dialog: DialogProps; nomination: NominationRowFragment }): ReactNode {
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

function WithdrawModal({ dialog, nomination }: { dialog: DialogProps; nomination: NominationRowFragment }): ReactNode {
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
