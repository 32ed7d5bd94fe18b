import { useState, type ReactNode } from "react";
import { Button, Segmented } from "antd";
import { problemLevelLabels } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { usePagedQuery } from "../../app/paged-table";
import { useSession } from "../../app/session";
import type { ProblemLevel, StaffProblemRowFragment } from "../../gql/graphql";
import { deskProblemsQuery } from "./desk-staff.documents";
import { deskStaffMessages } from "./desk-staff.messages";
import { ProblemTable } from "./problem-table";

type BoardLevel = Exclude<ProblemLevel, "DEPARTMENT">;
/** The instructions' form loads when a row's button opens it. */
const SendBackModal = lazyDialog(() => import("./send-back-modal"), "SendBackModal");

/**
 * The leaders' escalation board: the leader in charge sees their departments' problems escalated
 * to them, the district head those at level 3; each can be sent back down with instructions.
 */
export function EscalationBoardPage(): ReactNode {
  const t = useT(deskStaffMessages);
  const locale = useLocale();
  const { viewer } = useSession();
  const roles = viewer?.roles ?? [];
  const levels: BoardLevel[] = [
    ...(roles.includes("DISTRICT_HEAD") || roles.includes("STAFF") || roles.includes("ADMIN")
      ? (["DISTRICT_HEAD"] as const)
      : []),
    ...(roles.includes("LEADER_IN_CHARGE") || roles.includes("STAFF") || roles.includes("ADMIN")
      ? (["LEADER"] as const)
      : []),
  ];
  const [level, setLevel] = useState<BoardLevel>(levels[0] ?? "LEADER");
  const sending = useDialog<StaffProblemRowFragment>();
  const paged = usePagedQuery(deskProblemsQuery, {
    variables: { filter: { open: true, level }, orderBy: "DUE_FIRST" },
    select: (data) => data.problems,
  });
  return (
    <>
      <h1 className="page-title">{t("boardTitle")}</h1>
      <p className="muted">{t("boardIntro")}</p>
      {levels.length > 1 && (
        <div className="page-toolbar">
          <Segmented<BoardLevel>
            aria-label={t("level")}
            value={level}
            onChange={setLevel}
            options={levels.map((l) => ({ value: l, label: problemLevelLabels[locale][l] }))}
          />
        </div>
      )}
      <ProblemTable
        paged={paged}
        empty={t("boardEmpty")}
        extra={[
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, p) =>
              p.heldByViewer ? (
                <Button type="link" onClick={() => sending.show(p)}>
                  {t("actionSEND_BACK")}
                </Button>
              ) : null,
          },
        ]}
      />
      {sending.value && <SendBackModal dialog={sending.props} problem={sending.value} />}
    </>
  );
}
