import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Select, Tag } from "antd";
import { EditOutlined, PlusOutlined } from "@ant-design/icons";
import { useNavigate } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatDateTime } from "../../app/format";
import { enumValues } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import type { AwardCyclePhase, CycleRowFragment } from "../../gql/graphql";
import { ExportButton } from "../exports/export-button";
import { consoleCyclesQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import { awardProgramsQuery } from "./awards.documents";
import { cyclePhaseLabels, nomineeKindLabels, PHASE_COLORS } from "./awards.labels";
import type { Program } from "./program-form-modal";

const CycleFormModal = lazyDialog(() => import("./cycle-form-modal"), "CycleFormModal");
const ProgramFormModal = lazyDialog(() => import("./program-form-modal"), "ProgramFormModal");

const FIRST_YEAR = 2018;

/** Staff console: the awards and their yearly cycles, by award, phase and year. */
export function ConsoleAwardCyclesPage(): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  const navigate = useNavigate();
  const [programId, setProgramId] = useState<string | null>(null);
  const [phase, setPhase] = useState<AwardCyclePhase | null>(null);
  const [year, setYear] = useState<number | null>(null);
  const programs = useQuery(awardProgramsQuery);
  const chosenProgram = programs.data?.awardPrograms.edges.find(({ node }) => node.id === programId)?.node;
  // The program to edit, or "new" for a new one.
  const programDialog = useDialog<Program | "new">();
  const cycleDialog = useDialog<true>();
  const years = Array.from({ length: new Date().getFullYear() + 2 - FIRST_YEAR }, (_, i) => FIRST_YEAR + i).reverse();
  const paged = usePagedQuery(consoleCyclesQuery, {
    variables: { filter: filterOf({ programId, phase, year }) },
    select: (data) => data.awardCycles,
  });

  return (
    <>
      <h1 className="page-title">{t("cyclesTitle")}</h1>
      <div className="page-toolbar">
        <Select<string>
          aria-label={t("program")}
          placeholder={t("anyProgram")}
          allowClear
          value={programId ?? undefined}
          onChange={(value) => setProgramId(value ?? null)}
          loading={programs.loading}
          options={programs.data?.awardPrograms.edges.map(({ node }) => ({ value: node.id, label: node.name }))}
          style={{ minWidth: 200 }}
        />
        <Select<AwardCyclePhase>
          aria-label={t("phase")}
          placeholder={t("anyPhase")}
          allowClear
          value={phase ?? undefined}
          onChange={(value) => setPhase(value ?? null)}
          options={enumValues(cyclePhaseLabels).map((p) => ({ value: p, label: cyclePhaseLabels[locale][p] }))}
          style={{ minWidth: 120 }}
        />
        <Select<number>
          aria-label={t("year")}
          placeholder={t("anyYear")}
          allowClear
          value={year ?? undefined}
          onChange={(value) => setYear(value ?? null)}
          options={years.map((y) => ({ value: y, label: String(y) }))}
          style={{ minWidth: 110 }}
        />
        <span className="grow" />
        <ExportButton kind="HONOR_ROLL" target={filterOf({ programId, year })} />
        {chosenProgram && (
          <Button icon={<EditOutlined />} onClick={() => programDialog.show(chosenProgram)}>
            {t("editThisProgram")}
          </Button>
        )}
        <Button icon={<PlusOutlined />} onClick={() => programDialog.show("new")}>
          {t("createProgram")}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => cycleDialog.show(true)}>
          {t("createCycle")}
        </Button>
      </div>
      <PagedTable<CycleRowFragment>
        paged={paged}
        columns={[
          {
            title: t("title"),
            dataIndex: "title",
            fixed: "left",
            render: (title: string, cycle) => (
              <ButtonLink type="link" to={`/console/awards/${encodeURIComponent(cycle.id)}`} style={{ padding: 0 }}>
                {title}
              </ButtonLink>
            ),
          },
          { title: t("program"), key: "program", render: (_, c) => c.program.name },
          {
            title: t("nomineeKind"),
            key: "kind",
            render: (_, c) => nomineeKindLabels[locale][c.program.nomineeKind],
          },
          { title: t("year"), dataIndex: "year" },
          {
            title: t("phase"),
            dataIndex: "phase",
            render: (p: AwardCyclePhase) => <Tag color={PHASE_COLORS[p]}>{cyclePhaseLabels[locale][p]}</Tag>,
          },
          { title: t("quota"), dataIndex: "quota" },
          {
            title: t("judgingEndsAt"),
            dataIndex: "judgingEndsAt",
            render: (at: string | null) => (at ? formatDateTime(at, locale) : null),
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, c) => (
              <ButtonLink type="link" to={`/console/awards/${encodeURIComponent(c.id)}`}>
                {t("open")}
              </ButtonLink>
            ),
          },
        ]}
      />
      {programDialog.value && (
        <ProgramFormModal
          dialog={programDialog.props}
          program={programDialog.value === "new" ? undefined : programDialog.value}
        />
      )}
      {cycleDialog.value && (
        <CycleFormModal
          dialog={cycleDialog.props}
          cycle={null}
          onSaved={(cycle) => navigate(`/console/awards/${encodeURIComponent(cycle.id)}`)}
        />
      )}
    </>
  );
}
