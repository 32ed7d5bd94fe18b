import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Popconfirm, Segmented, Space } from "antd";
import { formatDateTime } from "../../app/format";
import { enrollmentStatusLabels, enumValues } from "../../app/enum-labels";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import type { EnrollmentRowFragment, EnrollmentStatus, ReviewDecision } from "../../gql/graphql";
import { EnrollmentStatusTag } from "./status-tags";
import {
  cohortEnrollmentsQuery,
  reviewEnrollmentMutation,
  staffCancelEnrollmentMutation,
} from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

const RejectModal = lazyDialog(() => import("./reject-enrollment-modal"), "RejectModal");

const BulkReviewModal = lazyDialog(() => import("./bulk-review-modal"), "BulkReviewModal");

type StatusTab = EnrollmentStatus | "ALL";

const EMPTY = { totalCount: 0, pageInfo: { hasNextPage: false }, edges: [] };
const CANCELLABLE = new Set<EnrollmentStatus>(["ENROLLED", "WAITLISTED"]);

/** A cohort's enrollments by status; PENDING first, as the review queue: approve, or reject with a reason. */
export function EnrollmentQueue({ cohortId }: { cohortId: string }): ReactNode {
  const t = useT(trainingConsoleMessages);
  const locale = useLocale();
  const [status, setStatus] = useState<StatusTab>("PENDING");
  const [selected, setSelected] = useState<EnrollmentRowFragment[]>([]);
  const [bulk, setBulk] = useState<ReviewDecision | null>(null);
  const rejecting = useDialog<EnrollmentRowFragment>();
  const run = useMutationAction();
  // The row leaves the list it was in, and the cohort's counts change: both are read again.
  const refetchQueries = ["CohortEnrollments", "ConsoleCohort"];
  const [review] = useMutation(reviewEnrollmentMutation, { refetchQueries });
  const [cancel] = useMutation(staffCancelEnrollmentMutation, { refetchQueries });

  const paged = usePagedQuery(cohortEnrollmentsQuery, {
    variables: { id: cohortId, status: status === "ALL" ? null : status },
    select: (data) => (data.node?.__typename === "Cohort" ? data.node.enrollments : EMPTY),
  });

  return (
    <>
      <div className="page-toolbar">
        <Segmented<StatusTab>
          aria-label={t("status")}
          value={status}
          onChange={(next) => {
            setStatus(next);
            setSelected([]);
          }}
          options={[
            ...enumValues(enrollmentStatusLabels).map((s) => ({ value: s, label: enrollmentStatusLabels[locale][s] })),
            { value: "ALL", label: t("allStatuses") },
          ]}
        />
        {status === "PENDING" && (
          <>
            <span className="grow" />
            <span className="muted" aria-live="polite">
              {selected.length ? t("selectedCount", { count: selected.length }) : ""}
            </span>
            <Button type="primary" disabled={!selected.length} onClick={() => setBulk("APPROVE")}>
              {t("bulkApprove")}
            </Button>
            <Button danger disabled={!selected.length} onClick={() => setBulk("REJECT")}>
              {t("bulkReject")}
            </Button>
          </>
        )}
      </div>
      <PagedTable<EnrollmentRowFragment>
        paged={paged}
        rowSelection={
          status === "PENDING"
            ? {
                selectedRowKeys: selected.map((e) => e.id),
                onChange: (_, rows) => setSelected(rows),
                getCheckboxProps: (e) => ({ "aria-label": t("selectTrainee", { name: e.trainee.name }) }),
              }
            : undefined
        }
        locale={{ emptyText: t("noEnrollments") }}
        columns={[
          { title: t("trainee"), key: "trainee", fixed: "left", render: (_, e) => e.trainee.name },
          { title: t("enterprise"), key: "enterprise", render: (_, e) => e.trainee.enterprise?.name },
          { title: t("position"), key: "position", render: (_, e) => e.trainee.position },
          { title: t("phone"), key: "phone", render: (_, e) => e.trainee.phone },
          {
            title: t("appliedAt"),
            dataIndex: "createdAt",
            render: (at: string) => formatDateTime(at, locale),
          },
          {
            title: t("status"),
            key: "status",
            render: (_, e) => (
              <>
                <EnrollmentStatusTag status={e.status} outcome={e.outcome} />
                {e.waitlistPosition ? t("waitlistPosition", { position: e.waitlistPosition }) : null}
              </>
            ),
          },
          {
            title: t("attendanceRate"),
            key: "rate",
            render: (_, e) => (e.status === "ENROLLED" || e.status === "COMPLETED" ? `${e.attendanceRate}%` : null),
          },
          { title: t("reason"), dataIndex: "reason" },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, e) => (
              <Space size={0} wrap>
                {e.status === "PENDING" && (
                  <>
                    <Button
                      type="link"
                      onClick={() =>
                        run(
                          async () =>
                            (await review({ variables: { input: { enrollmentId: e.id, decision: "APPROVE" } } })).data
                              ?.reviewEnrollment.userErrors,
                          t("approved"),
                        )
                      }
                    >
                      {t("approve")}
                    </Button>
                    <Button type="link" danger onClick={() => rejecting.show(e)}>
                      {t("reject")}
                    </Button>
                  </>
                )}
                {CANCELLABLE.has(e.status) && (
                  <Popconfirm
                    title={t("staffCancelConfirm")}
                    okText={t("confirm")}
                    cancelText={t("keep")}
                    onConfirm={() =>
                      run(
                        async () =>
                          (await cancel({ variables: { input: { enrollmentId: e.id } } })).data?.cancelEnrollment
                            .userErrors,
                        t("enrollmentCancelled"),
                      )
                    }
                  >
                    <Button type="link" danger>
                      {t("staffCancel")}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
      {rejecting.value && <RejectModal dialog={rejecting.props} enrollment={rejecting.value} />}
      {bulk && (
        <BulkReviewModal
          decision={bulk}
          rows={selected}
          onClose={(decided) => {
            setBulk(null);
            if (decided) setSelected([]);
          }}
        />
      )}
    </>
  );
}
