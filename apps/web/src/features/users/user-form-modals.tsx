import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Checkbox, Form, Input } from "antd";
import { ROLES } from "@zuofu/shared";
import { roleLabels } from "../../app/enum-labels";
import { type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useRules } from "../../app/validation";
import type { Role, UserFieldsFragment } from "../../gql/graphql";
import { createUserMutation, setUserRolesMutation } from "./users.documents";
import { userMessages } from "./users.messages";

/** Accounts made by an admin; trainees register themselves. */
const CREATABLE_ROLES: Role[] = ["STAFF", "JUDGE", "ADMIN"];

interface CreateUserValues {
  name: string;
  phone: string;
  password: string;
  roles: Role[];
}

export function CreateUserModal({ dialog, onSaved }: { dialog: DialogProps; onSaved: () => void }): ReactNode {
  const t = useT(userMessages);
  const locale = useLocale();
  const rules = useRules();
  const [createUser] = useMutation(createUserMutation);
  const onSubmit = async (values: CreateUserValues) => {
    const { data } = await createUser({
      variables: {
        input: { name: values.name.trim(), phone: values.phone.trim(), password: values.password, roles: values.roles },
      },
    });
    const userErrors = data?.createUser.userErrors ?? [];
    if (!userErrors.length) onSaved();
    return userErrors;
  };
  return (
    <FormModal<CreateUserValues>
      dialog={dialog}
      title={t("createTitle")}
      initialValues={{ roles: ["STAFF"] }}
      onSubmit={onSubmit}
    >
      <p className="muted">{t("createHint")}</p>
      <Form.Item name="name" label={t("name")} rules={[rules.required("name"), rules.maxLength("name", 64)]}>
        <Input maxLength={64} autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t("phone")} rules={[rules.required("phone"), rules.phone()]}>
        <Input inputMode="tel" maxLength={20} autoComplete="off" />
      </Form.Item>
      <Form.Item
        name="password"
        label={t("password")}
        extra={t("passwordHint")}
        rules={[rules.required("password"), rules.password()]}
      >
        <Input.Password autoComplete="new-password" maxLength={128} />
      </Form.Item>
      <Form.Item name="roles" label={t("roles")} rules={[rules.roles()]}>
        <Checkbox.Group
          role="group"
          aria-label={t("roles")}
          options={CREATABLE_ROLES.map((role) => ({ value: role, label: roleLabels[locale][role] }))}
        />
      </Form.Item>
    </FormModal>
  );
}

export function RolesModal({ dialog, user }: { dialog: DialogProps; user: UserFieldsFragment }): ReactNode {
  const t = useT(userMessages);
  const locale = useLocale();
  const [setUserRoles] = useMutation(setUserRolesMutation);
  const onSubmit = async (values: { roles: Role[] }) => {
    const { data } = await setUserRoles({ variables: { input: { userId: user.id, roles: values.roles } } });
    return data?.setUserRoles.userErrors ?? [];
  };
  return (
    <FormModal<{ roles: Role[] }>
      dialog={dialog}
      title={t("editRolesTitle", { name: user.name })}
      initialValues={{ roles: user.roles }}
      onSubmit={onSubmit}
    >
      {/* No client rule here: "at least one role" and "keep one admin" come from the API, beside the field. */}
      <Form.Item name="roles" label={t("roles")}>
        <Checkbox.Group
          role="group"
          aria-label={t("roles")}
          options={ROLES.map((role) => ({ value: role, label: roleLabels[locale][role] }))}
        />
      </Form.Item>
    </FormModal>
  );
}
