import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Radio } from "antd";
import { enumValues } from "../../app/enum-labels";
import { FormModal, type DialogProps } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { NomineeKind } from "../../gql/graphql";
import { createProgramMutation } from "./awards-console.documents";
import { nomineeKindLabels } from "./awards.labels";
import { awardConsoleMessages } from "./awards-console.messages";

interface ProgramValues {
  name: string;
  nomineeKind: NomineeKind;
  description?: string;
}

/** A new award (卢作孚光彩奖, 优秀民营企业家, …); each year it runs as a cycle. */
export function ProgramFormModal({ dialog }: { dialog: DialogProps }): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  const rules = useRules();
  const [create] = useMutation(createProgramMutation, { refetchQueries: ["AwardPrograms"] });
  return (
    <FormModal<ProgramValues>
      dialog={dialog}
      title={t("createProgram")}
      initialValues={{ nomineeKind: "ENTERPRISE" }}
      onSubmit={async (values) =>
        (
          await create({
            variables: {
              input: {
                name: values.name.trim(),
                nomineeKind: values.nomineeKind,
                description: values.description?.trim() || null,
              },
            },
          })
        ).data?.createAwardProgram.userErrors ?? []
      }
    >
      <Form.Item name="name" label={t("programName")} rules={[rules.required("name"), rules.maxLength("name", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="nomineeKind" label={t("nomineeKind")}>
        <Radio.Group
          aria-label={t("nomineeKind")}
          options={enumValues(nomineeKindLabels).map((k) => ({ value: k, label: nomineeKindLabels[locale][k] }))}
        />
      </Form.Item>
      <Form.Item name="description" label={t("description")} rules={[rules.maxLength("description", 2000)]}>
        <Input.TextArea rows={3} maxLength={2000} />
      </Form.Item>
    </FormModal>
  );
}
