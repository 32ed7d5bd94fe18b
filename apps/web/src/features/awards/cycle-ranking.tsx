import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Switch, Tag } from "antd";
import { useT } from "../../app/i18n";
import { PageError } from "../../app/page-state";
import { DataTable } from "../../app/data-table";
import type { CycleRankingQuery } from "../../gql/graphql";
import { ExportButton } from "../exports/export-button";
import { cycleRankingQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";

type Entry = Extract<NonNullable<CycleRankingQuery["node"]>, { __typename: "AwardCycle" }>["ranking"][number];

/** The nominations by weighted average score, or by each judge's z-scores to even out lenient and strict judges. */
export function CycleRanking({ cycleId }: { cycleId: string }): ReactNode {
  const t = useT(awardConsoleMessages);
  const [normalize, setNormalize] = useState(false);
  const { data, loading, error, refetch } = useQuery(cycleRankingQuery, {
    variables: { id: cycleId, normalize },
    fetchPolicy: "cache-and-network",
  });
  const entries = data?.node?.__typename === "AwardCycle" ? data.node.ranking : [];
  return (
    <>
      <div className="page-toolbar">
        <label>
          <Switch checked={normalize} onChange={setNormalize} /> {t("normalize")}
        </label>
        <span className="grow" />
        <ExportButton kind="AWARD_RANKING" target={{ cycleId }} />
      </div>
      {error && <PageError error={error} onRetry={() => void refetch()} />}
      <DataTable<Entry>
        rowKey={(e) => e.nomination.id}
        size="middle"
        loading={loading}
        dataSource={[...entries]}
        locale={{ emptyText: t("noRanking") }}
        columns={[
          {
            title: t("rank"),
            key: "rank",
            render: (_, e) => (
              <>
                {e.rank ?? "—"} {e.tied && <Tag color="orange">{t("tied")}</Tag>}
              </>
            ),
          },
          { title: t("nominee"), key: "nominee", render: (_, e) => e.nomination.nomineeName },
          {
            title: t("score"),
            dataIndex: "score",
            render: (score: number | null) => (score === null ? "—" : score.toFixed(normalize ? 3 : 2)),
          },
          {
            title: t("eligible"),
            dataIndex: "eligible",
            render: (ok: boolean) => <Tag color={ok ? "green" : "red"}>{ok ? t("eligibleYes") : t("eligibleNo")}</Tag>,
          },
          { title: t("scored"), key: "scored", render: (_, e) => `${e.completeScoreSets} / ${e.assignedJudges}` },
          { title: t("winner"), dataIndex: "winner", render: (w: boolean) => (w ? <Tag color="gold">★</Tag> : null) },
        ]}
      />
    </>
  );
}
