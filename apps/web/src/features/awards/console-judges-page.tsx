import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form } from "antd";
import { useDialog, type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { ConsoleJudgesQuery } from "../../gql/graphql";
import { AffiliationSelect } from "./affiliation-select";
import { consoleJudgesQuery, setJudgeAffiliationsMutation } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";

type Judge = ConsoleJudgesQuery["awardJudges"]["edges"][number]["node"];

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

function AffiliationsModal({ dialog, judge }: { dialog: DialogProps; judge: Judge }): ReactNode {
  const t = useT(awardConsoleMessages);
  const [save] = useMutation(setJudgeAffiliationsMutation);
  const { enterprises, chambers } = judge.judgeAffiliations;
  return (
    <FormModal<{ enterpriseIds: string[]; chamberIds: string[] }>
      dialog={dialog}
      title={t("affiliationsTitle", { name: judge.name })}
      initialValues={{ enterpriseIds: enterprises.map((e) => e.id), chamberIds: chambers.map((c) => c.id) }}
      onSubmit={async (values) =>
        (await save({ variables: { input: { judgeId: judge.id, ...values } } })).data?.setJudgeAffiliations
          .userErrors ?? []
      }
    >
      <Form.Item name="enterpriseIds" label={t("affiliatedEnterprises")}>
        <AffiliationSelect kind="enterprise" current={enterprises} placeholder={t("pickEnterprises")} />
      </Form.Item>
      <Form.Item name="chamberIds" label={t("affiliatedChambers")}>
        <AffiliationSelect kind="chamber" current={chambers} placeholder={t("pickChambers")} />
      </Form.Item>
    </FormModal>
  );
}
