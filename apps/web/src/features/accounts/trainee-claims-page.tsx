import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Popconfirm, Segmented, Space, Tag } from "antd";
import { dayjs } from "../../app/dayjs";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import type { TraineeClaimFieldsFragment, TraineeClaimStatus } from "../../gql/graphql";
import { decideTraineeClaimMutation, traineeClaimsQuery } from "./trainee-claims.documents";
import { claimMessages } from "./trainee-claims.messages";

const RejectModal = lazyDialog(() => import("./reject-claim-modal"), "RejectModal");

const STATUSES: TraineeClaimStatus[] = ["PENDING", "APPROVED", "REJECTED"];

/** Staff: claims on imported trainee records whose typed name or ID disagreed; confirm or reject each. */
export function TraineeClaimsPage(): ReactNode {
  const t = useT(claimMessages);
  const [status, setStatus] = useState<TraineeClaimStatus>("PENDING");
  const rejecter = useDialog<TraineeClaimFieldsFragment>();
  const paged = usePagedQuery(traineeClaimsQuery, {
    variables: { filter: filterOf({ status }) },
    select: (data) => data.traineeClaims,
  });

  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <div className="page-toolbar">
        <Segmented<TraineeClaimStatus>
          aria-label={t("statusFilter")}
          value={status}
          onChange={setStatus}
          options={STATUSES.map((s) => ({ value: s, label: t(s) }))}
        />
      </div>
      <PagedTable<TraineeClaimFieldsFragment>
        paged={paged}
        columns={[
          {
            title: t("typed"),
            key: "typed",
            render: (_, c) => (
              <>
                <div>{c.typedName}</div>
                {c.typedIdCardMasked && <div className="muted">{c.typedIdCardMasked}</div>}
              </>
            ),
          },
          {
            title: t("record"),
            key: "record",
            render: (_, c) =>
              c.trainee && (
                <>
                  <div>{c.trainee.name}</div>
                  {c.trainee.idCardNumber && <div className="muted">{c.trainee.idCardNumber}</div>}
                </>
              ),
          },
          {
            title: t("mismatches"),
            dataIndex: "mismatches",
            render: (mismatches: string[]) => (
              <Space size={[4, 4]} wrap>
                {mismatches.map((m) => (
                  <Tag key={m} color="orange">
                    {m === "NAME" || m === "ID_CARD" || m === "SEVERAL_RECORDS" ? t(m) : m}
                  </Tag>
                ))}
              </Space>
            ),
          },
          { title: t("account"), key: "account", render: (_, c) => c.user && `${c.user.name} ${c.user.phone}` },
          {
            title: t("createdAt"),
            dataIndex: "createdAt",
            render: (createdAt: string) => dayjs(createdAt).format("YYYY-MM-DD HH:mm"),
          },
          status === "PENDING"
            ? {
                title: t("actions"),
                key: "actions",
                fixed: "right",
                render: (_, c) => (
                  <Space size={0} wrap>
                    <ApproveButton claim={c} onDone={paged.refetch} />
                    <Button type="link" danger onClick={() => rejecter.show(c)}>
                      {t("reject")}
                    </Button>
                  </Space>
                ),
              }
            : { title: t("decisionNote"), dataIndex: "decisionNote" },
        ]}
      />
      {rejecter.value && <RejectModal dialog={rejecter.props} claim={rejecter.value} onDone={paged.refetch} />}
    </>
  );
}

function ApproveButton({ claim, onDone }: { claim: TraineeClaimFieldsFragment; onDone: () => void }): ReactNode {
  const t = useT(claimMessages);
  const run = useMutationAction();
  const [decide, { loading }] = useMutation(decideTraineeClaimMutation);
  const approve = async () => {
    const ok = await run(
      async () =>
        (await decide({ variables: { input: { claimId: claim.id, approve: true } } })).data?.decideTraineeClaim
          .userErrors,
      t("approved"),
    );
    if (ok) onDone();
  };
  return (
    <Popconfirm title={t("approveConfirm")} okText={t("ok")} cancelText={t("cancel")} onConfirm={approve}>
      <Button type="link" loading={loading}>
        {t("approve")}
      </Button>
    </Popconfirm>
  );
}
