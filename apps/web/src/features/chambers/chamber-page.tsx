import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Button, Popconfirm, Tag } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { useParams } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatDateTime } from "../../app/format";
import { lazyDialog, useDialog } from "../../app/dialog";
import { NotFound } from "../../app/guards";
import { useLocale, useT, type Locale } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { PageError, PageLoading } from "../../app/page-state";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import { DataTable } from "../../app/data-table";
import { Tabs } from "../../app/tabs";
import { Facts } from "../../app/facts";
import type { ApiKeyFieldsFragment, ApiKeyScope, ApiKeyStatus } from "../../gql/graphql";
import { EnterprisePicker } from "../enterprises/enterprise-picker";
import {
  addChamberMembersMutation,
  chamberMembersQuery,
  chamberQuery,
  removeChamberMembersMutation,
  revokeApiKeyMutation,
} from "./chambers.documents";
import { keyStatusLabels, regionLabels, scopeLabels } from "./chambers.labels";
import { chamberMessages } from "./chambers.messages";

const CreateKeyModal = lazyDialog(() => import("./api-key-modals"), "CreateKeyModal");
const RotateKeyModal = lazyDialog(() => import("./api-key-modals"), "RotateKeyModal");
const SecretModal = lazyDialog(() => import("./api-key-modals"), "SecretModal");

const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] };
const STATUS_COLORS: Record<ApiKeyStatus, string> = { ACTIVE: "green", EXPIRED: "default", REVOKED: "red" };
const at = (iso: string | null | undefined, locale: Locale) => (iso ? formatDateTime(iso, locale) : "—");

/** Admin: one chamber (/console/chambers/:chamberId): its member enterprises and its API keys. */
export function ChamberPage(): ReactNode {
  const t = useT(chamberMessages);
  const locale = useLocale();
  const { chamberId = "" } = useParams();
  const { data, loading, error, refetch } = useQuery(chamberQuery, { variables: { id: chamberId } });
  const [secret, setSecret] = useState<string | null>(null);
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const chamber = data?.node?.__typename === "Chamber" ? data.node : null;
  if (!chamber) return <NotFound />;
  return (
    <>
      <p className="breadcrumb">
        <ButtonLink type="link" to="/console/chambers" style={{ padding: 0 }}>
          {t("back")}
        </ButtonLink>
      </p>
      <h1 className="page-title">{chamber.name}</h1>
      <Facts
        items={[
          { key: "city", label: t("city"), children: chamber.city },
          { key: "region", label: t("region"), children: regionLabels[locale][chamber.regionKind] },
          { key: "since", label: t("partnerSince"), children: chamber.partnerSince },
          { key: "contact", label: t("contact"), children: chamber.contact ?? "—" },
        ]}
      />
      <Tabs
        style={{ marginTop: 16 }}
        items={[
          {
            key: "members",
            label: t("membersTab", { count: chamber.memberCount }),
            children: <Members chamberId={chamber.id} />,
          },
          {
            key: "keys",
            label: t("keysTab"),
            children: <ApiKeys chamberId={chamber.id} keys={chamber.apiKeys} onSecret={setSecret} />,
          },
        ]}
      />
      {secret && <SecretModal secret={secret} onClose={() => setSecret(null)} />}
    </>
  );
}

function Members({ chamberId }: { chamberId: string }): ReactNode {
  const t = useT(chamberMessages);
  const run = useMutationAction();
  const [picked, setPicked] = useState<string | null>(null);
  const paged = usePagedQuery(chamberMembersQuery, {
    variables: { id: chamberId },
    select: (data) => (data.node?.__typename === "Chamber" ? data.node.members : EMPTY),
  });
  const [add, adding] = useMutation(addChamberMembersMutation, { refetchQueries: ["ChamberMembers"] });
  const [remove] = useMutation(removeChamberMembersMutation, { refetchQueries: ["ChamberMembers"] });
  return (
    <>
      <div className="page-toolbar" role="group" aria-label={t("addMember")}>
        <div style={{ minWidth: 280 }}>
          <EnterprisePicker
            loadOnFocus
            value={picked}
            onChange={setPicked}
            aria-label={t("addMember")}
            placeholder={t("pickEnterprise")}
          />
        </div>
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={!picked}
          loading={adding.loading}
          onClick={async () => {
            const ok = await run(
              async () =>
                (await add({ variables: { input: { chamberId, enterpriseIds: [picked!] } } })).data?.addChamberMembers
                  .userErrors,
              t("added"),
            );
            if (ok) setPicked(null);
          }}
        >
          {t("add")}
        </Button>
      </div>
      <PagedTable
        paged={paged}
        locale={{ emptyText: t("noMembers") }}
        columns={[
          { title: t("name"), dataIndex: "name" },
          { title: t("creditCode"), dataIndex: "creditCode", render: (code: string) => <code>{code}</code> },
          { title: t("town"), dataIndex: "town" },
          {
            title: t("actions"),
            key: "actions",
            render: (_, e) => (
              <Popconfirm
                title={t("removeConfirm")}
                okText={t("remove")}
                onConfirm={() =>
                  run(
                    async () =>
                      (await remove({ variables: { input: { chamberId, enterpriseIds: [e.id] } } })).data
                        ?.removeChamberMembers.userErrors,
                    t("removed"),
                  )
                }
              >
                <Button type="link" danger>
                  {t("remove")}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </>
  );
}

function ApiKeys({
  chamberId,
  keys,
  onSecret,
}: {
  chamberId: string;
  keys: readonly ApiKeyFieldsFragment[];
  onSecret: (secret: string) => void;
}): ReactNode {
  const t = useT(chamberMessages);
  const locale = useLocale();
  const run = useMutationAction();
  const creator = useDialog<true>();
  const rotator = useDialog<ApiKeyFieldsFragment>();
  const [revoke] = useMutation(revokeApiKeyMutation);
  return (
    <>
      <div className="page-toolbar">
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => creator.show(true)}>
          {t("createKey")}
        </Button>
      </div>
      <DataTable<ApiKeyFieldsFragment>
        rowKey="id"
        size="middle"
        dataSource={[...keys]}
        locale={{ emptyText: t("noKeys") }}
        columns={[
          { title: t("label"), dataIndex: "label" },
          { title: t("prefix"), dataIndex: "prefix", render: (p: string) => <code>{p}…</code> },
          {
            title: t("scopes"),
            dataIndex: "scopes",
            render: (scopes: ApiKeyScope[]) => scopes.map((s) => scopeLabels[locale][s]).join("、"),
          },
          {
            title: t("status"),
            dataIndex: "status",
            render: (s: ApiKeyStatus) => <Tag color={STATUS_COLORS[s]}>{keyStatusLabels[locale][s]}</Tag>,
          },
          { title: t("hourlyBudget"), dataIndex: "hourlyBudget" },
          { title: t("expiresAt"), dataIndex: "expiresAt", render: (iso: string | null) => at(iso, locale) },
          { title: t("lastUsedAt"), dataIndex: "lastUsedAt", render: (iso: string | null) => at(iso, locale) },
          {
            title: t("actions"),
            key: "actions",
            render: (_, key) =>
              key.status === "ACTIVE" && (
                <span>
                  <Button type="link" onClick={() => rotator.show(key)}>
                    {t("rotate")}
                  </Button>
                  <Popconfirm
                    title={t("revokeConfirm")}
                    okText={t("revoke")}
                    onConfirm={() =>
                      run(
                        async () =>
                          (await revoke({ variables: { input: { apiKeyId: key.id } } })).data?.revokeApiKey.userErrors,
                        t("revoked"),
                      )
                    }
                  >
                    <Button type="link" danger>
                      {t("revoke")}
                    </Button>
                  </Popconfirm>
                </span>
              ),
          },
        ]}
      />
      {creator.value && <CreateKeyModal dialog={creator.props} chamberId={chamberId} onSecret={onSecret} />}
      {rotator.value && <RotateKeyModal dialog={rotator.props} apiKey={rotator.value} onSecret={onSecret} />}
    </>
  );
}
