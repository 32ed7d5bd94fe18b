import type { ReactNode } from "react";
import { Button } from "antd";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useT } from "../../app/i18n";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { ConsoleJudgesQuery } from "../../gql/graphql";
import { consoleJudgesQuery } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";

const AffiliationsModal = lazyDialog(() => import("./affiliations-modal"), "AffiliationsModal");

export type Judge = ConsoleJudgesQuery["awardJudges"]["edges"][number]["node"];

/** Staff console: the active judges with the enterprises and chambers that rule them out of a nomination. */
export function ConsoleJudgesPage(): ReactNode {
  const t = useT(awardConsoleMessages);
  const editor = useDialog<Judge>();
  const paged = usePagedQuery(consoleJudgesQuery, { variables: {}, select: (data) => data.awardJudges });
  const names = (list: { name: string }[]) =>
    list.length ? list.map((x) => x.name).join("、") : <span className="muted">{t("noAffiliations")}</span>;
  return (
    <>
      <h1 className="page-title">{t("judgesTitle")}</h1>
      <p className="muted">{t("judgesIntro")}</p>
      <PagedTable<Judge>
        paged={paged}
        columns={[
          { title: t("judge"), dataIndex: "name", fixed: "left" },
          { title: t("judgePhone"), dataIndex: "phone" },
          {
            title: t("affiliatedEnterprises"),
            key: "enterprises",
            render: (_, judge) => names(judge.judgeAffiliations.enterprises),
          },
          {
            title: t("affiliatedChambers"),
            key: "chambers",
            render: (_, judge) => names(judge.judgeAffiliations.chambers),
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, judge) => (
              <Button type="link" onClick={() => editor.show(judge)}>
                {t("editAffiliations")}
              </Button>
            ),
          },
        ]}
      />
      {editor.value && <AffiliationsModal dialog={editor.props} judge={editor.value} />}
    </>
  );
}
