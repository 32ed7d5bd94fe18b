import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { AffiliationSelect } from "./affiliation-select";
import { setJudgeAffiliationsMutation } from "./awards-console.documents";
import { awardConsoleMessages } from "./awards-console.messages";
import type { Judge } from "./console-judges-page";

export function AffiliationsModal({ dialog, judge }: { dialog: DialogProps; judge: Judge }): ReactNode {
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
