import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Radio } from "antd";
import { enumValues } from "../../app/enum-labels";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { AwardProgramFieldsFragment, NomineeKind } from "../../gql/graphql";
import { createProgramMutation, updateProgramMutation } from "./awards-console.documents";
import { nomineeKindLabels } from "./awards.labels";
import { awardConsoleMessages } from "./awards-console.messages";

interface ProgramValues {
  name: string;
  nomineeKind: NomineeKind;
  description?: string;
}

export type Program = AwardProgramFieldsFragment;

/**
 * A new award (卢作孚光彩奖, 优秀民营企业家, …), each year run as a cycle; or, given `program`, its name
 * and description edited. Whom it commends (the nominee kind) is fixed once nominations may exist.
 */
export function ProgramFormModal({ dialog, program }: { dialog: DialogProps; program?: Program }): ReactNode {
  const t = useT(awardConsoleMessages);
  const locale = useLocale();
  const rules = useRules();
  const [create] = useMutation(createProgramMutation, { refetchQueries: ["AwardPrograms"] });
  const [update] = useMutation(updateProgramMutation);
  return (
    <FormModal<ProgramValues>
      dialog={dialog}
      title={program ? t("editProgram") : t("createProgram")}
      initialValues={
        program
          ? { name: program.name, nomineeKind: program.nomineeKind, description: program.description ?? undefined }
          : { nomineeKind: "ENTERPRISE" }
      }
      onSubmit={async (values) => {
        const description = values.description?.trim() || null;
        if (program)
          return (
            (
              await update({
                variables: { input: { programId: program.id, name: values.name.trim(), description } },
              })
            ).data?.updateAwardProgram.userErrors ?? []
          );
        return (
          (
            await create({
              variables: { input: { name: values.name.trim(), nomineeKind: values.nomineeKind, description } },
            })
          ).data?.createAwardProgram.userErrors ?? []
        );
      }}
    >
      <Form.Item name="name" label={t("programName")} rules={[rules.required("name"), rules.maxLength("name", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="nomineeKind" label={t("nomineeKind")}>
        <Radio.Group
          aria-label={t("nomineeKind")}
          disabled={Boolean(program)}
          options={enumValues(nomineeKindLabels).map((k) => ({ value: k, label: nomineeKindLabels[locale][k] }))}
        />
      </Form.Item>
      <Form.Item name="description" label={t("description")} rules={[rules.maxLength("description", 5000)]}>
        <Input.TextArea rows={3} maxLength={5000} />
      </Form.Item>
    </FormModal>
  );
}
