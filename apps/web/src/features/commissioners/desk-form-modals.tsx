import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Form } from "antd";
import type { DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { ConsoleDepartmentsQuery, DeskPeopleQuery } from "../../gql/graphql";
import { EnterpriseSelect } from "../enterprises/enterprise-select";
import {
  addDepartmentHandlerMutation,
  assignCommissionerMutation,
  setDepartmentLeaderMutation,
} from "./commissioners.documents";
import { coverageMessages } from "./commissioners.messages";
import { PersonSelect } from "./person-select";

// The console desk pages' dialogs, loaded when one opens (lazyDialog): their form and selects stay
// off the pages' first load.

type Person = DeskPeopleQuery["deskPeople"]["edges"][number]["node"];
type Department = ConsoleDepartmentsQuery["departments"][number];
/** The leader field's "none": the API clears the leader with null. */
const NONE = "";

/** Assigns an enterprise to a commissioner (/console/desk/commissioners). */
export function AssignEnterpriseModal({
  dialog,
  person,
  refetch,
}: {
  dialog: DialogProps;
  person: Person;
  refetch: string[];
}): ReactNode {
  const t = useT(coverageMessages);
  const rules = useRules();
  const [assign] = useMutation(assignCommissionerMutation, { refetchQueries: refetch, awaitRefetchQueries: true });
  return (
    <FormModal<{ enterpriseId: string }>
      dialog={dialog}
      title={t("assignTo", { name: person.name })}
      okText={t("assign")}
      saved={t("assignSaved")}
      onSubmit={async (values) => {
        const { data } = await assign({
          variables: { input: { commissionerId: person.id, enterpriseIds: [values.enterpriseId] } },
        });
        return data?.assignCommissioner.userErrors ?? [];
      }}
    >
      <Form.Item name="enterpriseId" label={t("enterprises")} rules={[rules.requiredValue("enterpriseId")]}>
        <EnterpriseSelect aria-label={t("enterprises")} />
      </Form.Item>
    </FormModal>
  );
}

/** Adds a handler to a department (/console/desk/departments). */
export function AddHandlerModal({ dialog, department }: { dialog: DialogProps; department: Department }): ReactNode {
  const t = useT(coverageMessages);
  const rules = useRules();
  const [add] = useMutation(addDepartmentHandlerMutation);
  return (
    <FormModal<{ userId: string }>
      dialog={dialog}
      title={t("addHandlerTo", { name: department.name })}
      okText={t("addHandler")}
      onSubmit={async (values) => {
        const { data } = await add({ variables: { input: { departmentId: department.id, userId: values.userId } } });
        return data?.addDepartmentHandler.userErrors ?? [];
      }}
    >
      <Form.Item name="userId" label={t("handler")} rules={[rules.requiredValue("userId")]}>
        <PersonSelect role="DEPARTMENT_HANDLER" aria-label={t("handler")} placeholder={t("pickPerson")} />
      </Form.Item>
    </FormModal>
  );
}

/** Sets or clears a department's leader in charge (/console/desk/departments). */
export function LeaderModal({ dialog, department }: { dialog: DialogProps; department: Department }): ReactNode {
  const t = useT(coverageMessages);
  const [setLeader] = useMutation(setDepartmentLeaderMutation);
  return (
    <FormModal<{ leaderId: string }>
      dialog={dialog}
      title={t("setLeaderOf", { name: department.name })}
      okText={t("setLeader")}
      initialValues={{ leaderId: department.leader?.id ?? NONE }}
      onSubmit={async (values) => {
        const { data } = await setLeader({
          variables: {
            input: { departmentId: department.id, leaderId: values.leaderId === NONE ? null : values.leaderId },
          },
        });
        return data?.setDepartmentLeader.userErrors ?? [];
      }}
    >
      <Form.Item name="leaderId" label={t("leader")}>
        <PersonSelect
          role="LEADER_IN_CHARGE"
          aria-label={t("leader")}
          placeholder={t("pickPerson")}
          extra={[
            { value: NONE, label: t("clearLeader") },
            ...(department.leader ? [{ value: department.leader.id, label: department.leader.name }] : []),
          ]}
        />
      </Form.Item>
    </FormModal>
  );
}
