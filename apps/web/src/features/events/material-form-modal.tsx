import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form, Input, Radio, Switch } from "antd";
import { enumValues } from "../../app/enum-labels";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { MaterialKind } from "../../gql/graphql";
import { addEventMaterialMutation } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";
import { materialKindLabels } from "./events.labels";

export interface MaterialValues {
  kind: MaterialKind;
  title: string;
  url: string;
  isPublic: boolean;
}

export function MaterialFormModal({ dialog, eventId }: { dialog: DialogProps; eventId: string }): ReactNode {
  const t = useT(eventConsoleMessages);
  const locale = useLocale();
  const rules = useRules();
  // The new material is listed by reading the event again.
  const [add] = useMutation(addEventMaterialMutation, { refetchQueries: ["ConsoleEvent"] });
  return (
    <FormModal<MaterialValues>
      dialog={dialog}
      title={t("addMaterial")}
      initialValues={{ kind: "SLIDES", isPublic: false }}
      onSubmit={async (values) =>
        (
          await add({
            variables: { input: { eventId, ...values, title: values.title.trim(), url: values.url.trim() } },
          })
        ).data?.addEventMaterial.userErrors ?? []
      }
    >
      <Form.Item name="kind" label={t("materialKind")}>
        <Radio.Group
          aria-label={t("materialKind")}
          options={enumValues(materialKindLabels).map((k) => ({ value: k, label: materialKindLabels[locale][k] }))}
        />
      </Form.Item>
      <Form.Item
        name="title"
        label={t("materialTitle")}
        rules={[rules.required("title"), rules.maxLength("title", 200)]}
      >
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="url" label={t("url")} rules={[rules.required("url"), rules.maxLength("url", 500)]}>
        <Input maxLength={500} inputMode="url" placeholder="https://" />
      </Form.Item>
      <Form.Item name="isPublic" label={t("isPublic")} extra={t("isPublicHint")} valuePropName="checked">
        <Switch />
      </Form.Item>
    </FormModal>
  );
}
