import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Descriptions, Tag } from "antd";
import { EditOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatDateTime } from "../../app/format";
import { honorKindLabels } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { NotFound } from "../../app/guards";
import { useLocale, useT, type Locale } from "../../app/i18n";
import { lazyComponent } from "../../app/lazy";
import { PageError, PageLoading } from "../../app/page-state";
import { DataTable } from "../../app/data-table";
import { Tabs } from "../../app/tabs";
import type { AwardCyclePhase, ConsoleAwardCycleQuery } from "../../gql/graphql";
import { consoleCycleQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import { cyclePhaseLabels, eligibilityRuleLabels, nomineeKindLabels, PHASE_COLORS } from "./awards.labels";
import { CycleNominations } from "./cycle-nominations";
import "./awards.css";

// Tabs after the first load when opened.
const CycleProgress = lazyComponent(() => import("./cycle-progress"), "CycleProgress", <PageLoading />);
const CycleRanking = lazyComponent(() => import("./cycle-ranking"), "CycleRanking", <PageLoading />);
const PhaseModal = lazyDialog(() => import("./phase-modal"), "PhaseModal");

const CycleFormModal = lazyDialog(() => import("./cycle-form-modal"), "CycleFormModal");

export type Cycle = Extract<NonNullable<ConsoleAwardCycleQuery["node"]>, { __typename: "AwardCycle" }>;

export const ORDER: AwardCyclePhase[] = ["DRAFT", "NOMINATING", "JUDGING", "DECIDED", "PUBLISHED"];
const at = (iso: string | null | undefined, locale: Locale) => (iso ? formatDateTime(iso, locale) : "—");

/** Staff console: one award cycle (/console/awards/:cycleId), from draft to publication. */
export function ConsoleAwardCyclePage(): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  const { cycleId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(consoleCycleQuery, { variables: { id: cycleId } });
  const editor = useDialog<true>();
  const mover = useDialog<AwardCyclePhase>();
  const [tab, setTab] = useState("nominations");

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const cycle = data?.node?.__typename === "AwardCycle" ? data.node : null;
  if (!cycle) return <NotFound />;
  const index = ORDER.indexOf(cycle.phase);
  const next = ORDER[index + 1];
  const previous = cycle.phase !== "PUBLISHED" ? ORDER[index - 1] : undefined;
  const progress = cycle.judgingProgress;

  return (
    <>
      <p className="breadcrumb">
        <ButtonLink type="link" to="/console/awards" style={{ padding: 0 }}>
          {t("backToCycles")}
        </ButtonLink>
      </p>
      <div className="page-toolbar">
        <h1 className="page-title" style={{ margin: 0 }}>
          {cycle.title}
        </h1>
        <Tag color={PHASE_COLORS[cycle.phase]}>{cyclePhaseLabels[locale][cycle.phase]}</Tag>
        <span className="grow" />
        {cycle.phase !== "PUBLISHED" && (
          <Button icon={<EditOutlined />} onClick={() => editor.show(true)}>
            {t("edit")}
          </Button>
        )}
        {previous && (
          <Button onClick={() => mover.show(previous)}>
            {t("previousPhase", { phase: cyclePhaseLabels[locale][previous] })}
          </Button>
        )}
        {next && (
          <Button type="primary" onClick={() => mover.show(next)}>
            {t("nextPhase", { phase: cyclePhaseLabels[locale][next] })}
          </Button>
        )}
      </div>
      <Descriptions
        size="small"
        bordered
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={[
          { key: "program", label: t("program"), children: cycle.program.name },
          { key: "kind", label: t("nomineeKind"), children: nomineeKindLabels[locale][cycle.program.nomineeKind] },
          { key: "year", label: t("year"), children: cycle.year },
          { key: "quota", label: t("quota"), children: cycle.quota },
          { key: "nominations", label: t("nominationsCloseAt"), children: at(cycle.nominationsCloseAt, locale) },
          { key: "judging", label: t("judgingEndsAt"), children: at(cycle.judgingEndsAt, locale) },
        ]}
      />
      {cycle.decisionReason && <p className="muted">{t("decisionReason", { reason: cycle.decisionReason })}</p>}
      <Tabs
        activeKey={tab}
        onChange={setTab}
        style={{ marginTop: 16 }}
        items={[
          {
            key: "nominations",
            label: t("nominationsTab", { count: progress.nominations }),
            children: <CycleNominations cycle={cycle} />,
          },
          { key: "progress", label: t("progressTab"), children: <CycleProgress cycle={cycle} /> },
          { key: "ranking", label: t("rankingTab"), children: <CycleRanking cycleId={cycle.id} /> },
          { key: "winners", label: t("winnersTab"), children: <Winners cycle={cycle} /> },
          { key: "settings", label: t("settingsTab"), children: <Settings cycle={cycle} /> },
        ]}
      />
      {editor.value && <CycleFormModal dialog={editor.props} cycle={cycle} />}
      {mover.value && <PhaseModal dialog={mover.props} cycle={cycle} to={mover.value} />}
    </>
  );
}

function Winners({ cycle }: { cycle: Cycle }): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  return (
    <DataTable<Cycle["winners"][number]>
      rowKey="id"
      size="middle"
      dataSource={[...cycle.winners]}
      locale={{ emptyText: t("noWinners") }}
      columns={[
        { title: t("rank"), dataIndex: "rank" },
        { title: t("name"), dataIndex: "name" },
        { title: t("enterprise"), dataIndex: "enterpriseName" },
        { title: t("certificate"), key: "certificate", render: (_, w) => w.certificate?.serial },
        {
          title: t("publishedAt"),
          dataIndex: "publishedAt",
          render: (at: string | null) => (at ? formatDateTime(at, locale) : t("notPublished")),
        },
      ]}
    />
  );
}

function Settings({ cycle }: { cycle: Cycle }): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  return (
    <div className="form-row" style={{ alignItems: "start" }}>
      <section aria-labelledby="criteria-title">
        <h2 id="criteria-title" style={{ fontSize: 16 }}>
          {t("criteria")}
        </h2>
        <DataTable<Cycle["criteria"][number]>
          rowKey="id"
          size="small"
          dataSource={[...cycle.criteria].sort((a, b) => a.position - b.position)}
          columns={[
            { title: t("criterionName"), dataIndex: "name" },
            { title: t("weight"), dataIndex: "weight" },
          ]}
        />
      </section>
      <section aria-labelledby="rules-title">
        <h2 id="rules-title" style={{ fontSize: 16 }}>
          {t("rules")}
        </h2>
        <ul className="plain-list">
          {cycle.eligibilityRules.map((rule, i) => (
            <li key={i}>
              {eligibilityRuleLabels[locale][rule.type]
                .replace("{honor}", rule.honorKind ? honorKindLabels[locale][rule.honorKind] : "")
                .replace("{years}", String(rule.years ?? ""))}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
