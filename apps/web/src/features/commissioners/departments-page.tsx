import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Space } from "antd";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useT } from "../../app/i18n";
import { InlineConfirm } from "../../app/inline-confirm";
import { useMutationAction } from "../../app/mutation-action";
import { PageError } from "../../app/page-state";
import { DataTable } from "../../app/data-table";
import type { ConsoleDepartmentsQuery } from "../../gql/graphql";
import { consoleDepartmentsQuery, removeDepartmentHandlerMutation } from "./commissioners.documents";
import { coverageMessages } from "./commissioners.messages";

type Department = ConsoleDepartmentsQuery["departments"][number];
const AddHandlerModal = lazyDialog(() => import("./desk-form-modals"), "AddHandlerModal");
const LeaderModal = lazyDialog(() => import("./desk-form-modals"), "LeaderModal");

/** Console (/console/desk/departments): each department's handlers and leader in charge. */
export function DepartmentsPage(): ReactNode {
  const t = useT(coverageMessages);
  const run = useMutationAction();
  const adding = useDialog<Department>();
  const leading = useDialog<Department>();
  const { data, loading, error, refetch } = useQuery(consoleDepartmentsQuery);
  const [remove] = useMutation(removeDepartmentHandlerMutation);
  return (
    <>
      <h1 className="page-title">{t("departments")}</h1>
      <p className="muted">{t("departmentsIntro")}</p>
      {error && <PageError error={error} onRetry={() => void refetch()} />}
      <DataTable<Department>
        rowKey="id"
        size="middle"
        loading={loading}
        dataSource={data?.departments ?? []}
        columns={[
          { title: t("department"), dataIndex: "name", key: "name", width: 180 },
          {
            title: t("leader"),
            key: "leader",
            width: 220,
            render: (_, d) => (
              <Space>
                <span>{d.leader?.name ?? t("noLeader")}</span>
                <Button
                  size="small"
                  onClick={() => leading.show(d)}
                  aria-label={t("withName", { action: t("setLeader"), name: d.name })}
                >
                  {t("setLeader")}
                </Button>
              </Space>
            ),
          },
          {
            title: t("handlers"),
            key: "handlers",
            render: (_, d) => (
              <Space wrap>
                {d.handlers.map((h) => (
                  <InlineConfirm
                    key={h.id}
                    question={t("removeConfirm", { name: h.name })}
                    confirmText={t("removeOk")}
                    keepText={t("keepHandler")}
                    buttonProps={{ size: "small" }}
                    onConfirm={() =>
                      run(
                        async () =>
                          (await remove({ variables: { input: { departmentId: d.id, userId: h.id } } })).data
                            ?.removeDepartmentHandler.userErrors,
                        t("removeHandler"),
                      )
                    }
                  >
                    {t("withName", { action: t("removeHandler"), name: h.name })}
                  </InlineConfirm>
                ))}
                <Button
                  size="small"
                  type="dashed"
                  onClick={() => adding.show(d)}
                  aria-label={t("withName", { action: t("addHandler"), name: d.name })}
                >
                  {t("addHandler")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {adding.value && <AddHandlerModal dialog={adding.props} department={adding.value} />}
      {leading.value && <LeaderModal dialog={leading.props} department={leading.value} />}
    </>
  );
}
