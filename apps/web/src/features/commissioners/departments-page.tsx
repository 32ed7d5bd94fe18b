import type { ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Form, Space } from "antd";
import { useDialog } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { InlineConfirm } from "../../app/inline-confirm";
import { useMutationAction } from "../../app/mutation-action";
import { PageError } from "../../app/page-state";
import { useRules } from "../../app/validation";
import { DataTable } from "../../app/data-table";
import type { ConsoleDepartmentsQuery } from "../../gql/graphql";
import {
  addDepartmentHandlerMutation,
  consoleDepartmentsQuery,
  removeDepartmentHandlerMutation,
  setDepartmentLeaderMutation,
} from "./commissioners.documents";
import { coverageMessages } from "./commissioners.messages";
import { PersonSelect } from "./person-select";

type Department = ConsoleDepartmentsQuery["departments"][number];
/** The leader field's "none": the API clears the leader with null. */
const NONE = "";

/** Console (/console/desk/departments): each department's handlers and leader in charge. */
export function DepartmentsPage(): ReactNode {
  const t = useT(coverageMessages);
  const rules = useRules();
  const run = useMutationAction();
  const adding = useDialog<Department>();
  const leading = useDialog<Department>();
  const { data, loading, error, refetch } = useQuery(consoleDepartmentsQuery);
  const [add] = useMutation(addDepartmentHandlerMutation);
  const [remove] = useMutation(removeDepartmentHandlerMutation);
  const [setLeader] = useMutation(setDepartmentLeaderMutation);
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
      <FormModal<{ userId: string }>
        dialog={adding.props}
        title={adding.value ? t("addHandlerTo", { name: adding.value.name }) : ""}
        okText={t("addHandler")}
        onSubmit={async (values) => {
          const { data: answer } = await add({
            variables: { input: { departmentId: adding.value!.id, userId: values.userId } },
          });
          return answer?.addDepartmentHandler.userErrors ?? [];
        }}
      >
        <Form.Item name="userId" label={t("handler")} rules={[rules.requiredValue("userId")]}>
          <PersonSelect role="DEPARTMENT_HANDLER" aria-label={t("handler")} placeholder={t("pickPerson")} />
        </Form.Item>
      </FormModal>
      <FormModal<{ leaderId: string }>
        dialog={leading.props}
        title={leading.value ? t("setLeaderOf", { name: leading.value.name }) : ""}
        okText={t("setLeader")}
        initialValues={{ leaderId: leading.value?.leader?.id ?? NONE }}
        onSubmit={async (values) => {
          const { data: answer } = await setLeader({
            variables: {
              input: { departmentId: leading.value!.id, leaderId: values.leaderId === NONE ? null : values.leaderId },
            },
          });
          return answer?.setDepartmentLeader.userErrors ?? [];
        }}
      >
        <Form.Item name="leaderId" label={t("leader")}>
          <PersonSelect
            role="LEADER_IN_CHARGE"
            aria-label={t("leader")}
            placeholder={t("pickPerson")}
            extra={[
              { value: NONE, label: t("clearLeader") },
              ...(leading.value?.leader ? [{ value: leading.value.leader.id, label: leading.value.leader.name }] : []),
            ]}
          />
        </Form.Item>
      </FormModal>
    </>
  );
}
