import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Popconfirm } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { DataTable } from "../../app/data-table";
import type { ConsoleEventQuery, MaterialKind } from "../../gql/graphql";
import { deleteEventMaterialMutation } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";
import { materialKindLabels } from "./events.labels";

const MaterialFormModal = lazyDialog(() => import("./material-form-modal"), "MaterialFormModal");

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
