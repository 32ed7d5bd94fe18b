import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Popconfirm, Segmented, Space, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { ROLES } from "@zuofu/shared";
import { roleLabels } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { formatDate } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import { SearchBox } from "../../app/search-box";
import type { Role, UserFieldsFragment } from "../../gql/graphql";
import { setUserActiveMutation, usersQuery } from "./users.documents";
import { userMessages } from "./users.messages";

const CreateUserModal = lazyDialog(() => import("./user-form-modals"), "CreateUserModal");
const RolesModal = lazyDialog(() => import("./user-form-modals"), "RolesModal");

type RoleTab = Role | "ALL";

/** Admin: every account by role; create staff, judge and admin accounts; roles; disable/enable. */
export function UsersPage(): ReactNode {
  const t = useT(userMessages);
  const locale = useLocale();
  const [role, setRole] = useState<RoleTab>("ALL");
  const [search, setSearch] = useState("");
  const creator = useDialog<true>();
  const rolesEditor = useDialog<UserFieldsFragment>();

  const paged = usePagedQuery(usersQuery, {
    variables: { filter: filterOf({ role: role === "ALL" ? null : role, search }) },
    select: (data) => data.users,
  });

  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <div className="page-toolbar">
        <Segmented<RoleTab>
          aria-label={t("roleFilter")}
          value={role}
          onChange={setRole}
          options={[
            { value: "ALL", label: t("allRoles") },
            ...ROLES.map((r) => ({ value: r, label: roleLabels[locale][r] })),
          ]}
        />
        <SearchBox
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          onSearch={setSearch}
          style={{ maxWidth: 300 }}
        />
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => creator.show(true)}>
          {t("create")}
        </Button>
      </div>
      <PagedTable<UserFieldsFragment>
        paged={paged}
        columns={[
          { title: t("name"), dataIndex: "name", fixed: "left" },
          { title: t("phone"), dataIndex: "phone" },
          {
            title: t("roles"),
            dataIndex: "roles",
            render: (roles: Role[]) => (
              <Space size={[4, 4]} wrap>
                {roles.map((r) => (
                  <Tag key={r} color={r === "ADMIN" ? "red" : r === "STAFF" ? "blue" : undefined}>
                    {roleLabels[locale][r]}
                  </Tag>
                ))}
              </Space>
            ),
          },
          {
            title: t("status"),
            dataIndex: "active",
            render: (active: boolean) => (active ? <Tag color="green">{t("active")}</Tag> : <Tag>{t("disabled")}</Tag>),
          },
          {
            title: t("createdAt"),
            dataIndex: "createdAt",
            render: (createdAt: string) => formatDate(createdAt, locale),
          },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, user) => (
              <Space size={0} wrap>
                <Button type="link" onClick={() => rolesEditor.show(user)}>
                  {t("editRoles")}
                </Button>
                <ActiveToggle user={user} />
              </Space>
            ),
          },
        ]}
      />
      {creator.value && <CreateUserModal dialog={creator.props} onSaved={paged.refetch} />}
      {rolesEditor.value && <RolesModal dialog={rolesEditor.props} user={rolesEditor.value} />}
    </>
  );
}

function ActiveToggle({ user }: { user: UserFieldsFragment }): ReactNode {
  const t = useT(userMessages);
  const run = useMutationAction();
  const [setUserActive, { loading }] = useMutation(setUserActiveMutation);
  const toggle = () =>
    run(
      async () =>
        (await setUserActive({ variables: { input: { userId: user.id, active: !user.active } } })).data?.setUserActive
          .userErrors,
      t("saved"),
    );
  return (
    <Popconfirm
      title={user.active ? t("disableConfirm") : t("enableConfirm")}
      okText={t("ok")}
      cancelText={t("cancel")}
      onConfirm={toggle}
    >
      <Button type="link" danger={user.active} loading={loading}>
        {user.active ? t("disable") : t("enable")}
      </Button>
    </Popconfirm>
  );
}
