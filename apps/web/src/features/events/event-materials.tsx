import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form, Input, Popconfirm, Radio, Switch } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { enumValues } from "../../app/enum-labels";
import { useDialog, type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { useRules } from "../../app/validation";
import { DataTable } from "../../app/data-table";
import type { ConsoleEventQuery, MaterialKind } from "../../gql/graphql";
import { addEventMaterialMutation, deleteEventMaterialMutation } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";
import { materialKindLabels } from "./events.labels";

type Event = Extract<NonNullable<ConsoleEventQuery["node"]>, { __typename: "Event" }>;
type Material = Event["materials"][number];

/** Slides, documents and links of an event: public ones for everyone, the rest for registrants. */
export function EventMaterials({ event }: { event: Event }): ReactNode {
  const t = useT(eventConsoleMessages);
  const locale = useLocale();
  const adder = useDialog<true>();
  const run = useMutationAction();
  const [remove] = useMutation(deleteEventMaterialMutation);
  return (
    <>
      <div className="page-toolbar">
        <span className="grow" />
        <Button icon={<PlusOutlined />} onClick={() => adder.show(true)}>
          {t("addMaterial")}
        </Button>
      </div>
      <DataTable<Material>
        rowKey="id"
        size="middle"
        dataSource={[...event.materials]}
        locale={{ emptyText: t("noMaterials") }}
        columns={[
          { title: t("materialKind"), dataIndex: "kind", render: (k: MaterialKind) => materialKindLabels[locale][k] },
          {
            title: t("materialTitle"),
            key: "title",
            render: (_, m) => (
              <a href={m.url} target="_blank" rel="noreferrer">
                {m.title}
              </a>
            ),
          },
          { title: t("isPublic"), dataIndex: "isPublic", render: (p: boolean) => (p ? t("publicYes") : t("publicNo")) },
          {
            title: t("actions"),
            key: "actions",
            render: (_, m) => (
              <Popconfirm
                title={t("deleteMaterialConfirm")}
                okText={t("deleteMaterial")}
                cancelText={t("keep")}
                onConfirm={() =>
                  run(
                    async () =>
                      (await remove({ variables: { input: { materialId: m.id } } })).data?.deleteEventMaterial
                        .userErrors,
                    t("deleted"),
                  )
                }
              >
                <Button type="link" danger>
                  {t("deleteMaterial")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {adder.value && <MaterialFormModal dialog={adder.props} eventId={event.id} />}
    </>
  );
}

interface MaterialValues {
  kind: MaterialKind;
  title: string;
  url: string;
  isPublic: boolean;
}

function MaterialFormModal({ dialog, eventId }: { dialog: DialogProps; eventId: string }): ReactNode {
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
