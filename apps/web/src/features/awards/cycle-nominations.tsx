import { useState, type ReactNode } from "react";
import { Button, Segmented, Space, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { NominationRowFragment, NominationStatus } from "../../gql/graphql";
import { cycleNominationsQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import { conflictKindLabels, nomineeKindLabels } from "./awards.labels";
import type { Cycle } from "./console-award-cycle-page";

const DossierDrawer = lazyDialog(() => import("./dossier-drawer"), "DossierDrawer");

const NominateModal = lazyDialog(() => import("./nomination-modals"), "NominateModal");
const JudgesModal = lazyDialog(() => import("./nomination-modals"), "JudgesModal");
const WithdrawModal = lazyDialog(() => import("./nomination-modals"), "WithdrawModal");

const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] };
// A nomination changes the cycle's counts and progress: the cycle is read again with the list.
export const REFETCH = ["CycleNominations", "ConsoleAwardCycle"];

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
      {dossierOf && <DossierDrawer nomination={dossierOf} onClose={() => setDossierOf(null)} />}
    </>
  );
}
