import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Popconfirm, Select, Space } from "antd";
import { dayjs } from "../../app/dayjs";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { TraineeEnterpriseLinkStatus, TraineeEnterpriseLinksQuery } from "../../gql/graphql";
import { confirmTraineeEnterpriseLinkMutation, traineeEnterpriseLinksQuery } from "./trainees.documents";
import { traineeMessages } from "./trainees.messages";

const RejectModal = lazyDialog(() => import("./reject-link-modal"), "RejectModal");

export type Link = TraineeEnterpriseLinksQuery["traineeEnterpriseLinks"]["edges"][number]["node"];
const STATUSES: TraineeEnterpriseLinkStatus[] = ["PENDING", "CONFIRMED", "REJECTED", "WITHDRAWN"];
export const REFETCH = ["TraineeEnterpriseLinks"];

/** Staff console: the enterprises trainees named for themselves, to confirm or reject with a reason. */
export function EnterpriseLinksPage(): ReactNode {
  const t = useT(traineeMessages);
  const run = useMutationAction();
  const [status, setStatus] = useState<TraineeEnterpriseLinkStatus>("PENDING");
  const rejecting = useDialog<Link>();
  const paged = usePagedQuery(traineeEnterpriseLinksQuery, {
    variables: { filter: { status } },
    select: (data) => data.traineeEnterpriseLinks,
  });
  const [confirm] = useMutation(confirmTraineeEnterpriseLinkMutation, { refetchQueries: REFETCH });

  return (
    <>
      <h1 className="page-title">{t("linksTitle")}</h1>
      <p className="muted">{t("linksIntro")}</p>
      <div className="page-toolbar">
        <Select<TraineeEnterpriseLinkStatus>
          aria-label={t("linkStatus")}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(`status${s}`) }))}
          style={{ width: 140 }}
        />
      </div>
      <PagedTable<Link>
        paged={paged}
        columns={[
          { title: t("name"), key: "name", fixed: "left", render: (_, link) => link.trainee.name },
          { title: t("phone"), key: "phone", render: (_, link) => link.trainee.phone },
          {
            title: t("currentEnterprise"),
            key: "current",
            render: (_, link) => link.trainee.enterprise?.name ?? t("noEnterprise"),
          },
          {
            title: t("claimedEnterprise"),
            key: "claimed",
            render: (_, link) => <strong>{link.enterprise.name}</strong>,
          },
          {
            title: t("claimedAt"),
            dataIndex: "createdAt",
            render: (createdAt: string) => dayjs(createdAt).format("YYYY-MM-DD HH:mm"),
          },
          ...(status === "PENDING"
            ? []
            : [{ title: t("decisionReason"), key: "reason", render: (_: unknown, link: Link) => link.decisionReason }]),
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, link) =>
              link.status === "PENDING" ? (
                <Space size={4}>
                  <Popconfirm
                    title={t("confirmQuestion", { name: link.trainee.name, enterprise: link.enterprise.name })}
                    okText={t("confirm")}
                    cancelText={t("cancel")}
                    onConfirm={() =>
                      run(
                        async () =>
                          (await confirm({ variables: { input: { linkId: link.id } } })).data
                            ?.confirmTraineeEnterpriseLink.userErrors,
                        t("confirmed"),
                      )
                    }
                  >
                    <Button type="link">{t("confirm")}</Button>
                  </Popconfirm>
                  <Button type="link" danger onClick={() => rejecting.show(link)}>
                    {t("reject")}
                  </Button>
                </Space>
              ) : (
                t(`status${link.status}`)
              ),
          },
        ]}
      />
      {rejecting.value && <RejectModal dialog={rejecting.props} link={rejecting.value} />}
    </>
  );
}
