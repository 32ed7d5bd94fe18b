import { useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Modal } from "antd";
import { errorText } from "../../app/error-text";
import { useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { PageError, PageLoading } from "../../app/page-state";
import { DataTable } from "../../app/data-table";
import type { CompletionPreviewQuery } from "../../gql/graphql";
import { changeCohortStatusMutation, completionPreviewQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

type Candidate = NonNullable<
  Extract<CompletionPreviewQuery["node"], { __typename: "Cohort" }>["completionPreview"]
>["candidates"][number];

/**
 * 结业并颁发证书: before anything happens, who qualifies and why each of the others does not (their
 * attendance against the threshold); after, what was done. Certificates are issued in one request.
 */
export function CompleteCohortModal({ cohortId, onClose }: { cohortId: string; onClose: () => void }): ReactNode {
  const t = useT(trainingConsoleMessages);
  const tApp = useT(appMessages);
  const { data, loading, error, refetch } = useQuery(completionPreviewQuery, {
    variables: { id: cohortId },
    fetchPolicy: "network-only",
  });
  const [change, changing] = useMutation(changeCohortStatusMutation, {
    refetchQueries: ["ConsoleCohort", "CohortEnrollments"],
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [summary, setSummary] = useState<{ completed: number; notCompleted: number; released: number } | null>(null);
  const preview = data?.node?.__typename === "Cohort" ? data.node.completionPreview : null;

  const complete = async () => {
    setProblem(null);
    try {
      const result = (await change({ variables: { input: { cohortId, status: "COMPLETED" } } })).data
        ?.changeCohortStatus;
      if (result?.userErrors.length) setProblem(result.userErrors.map((e) => e.message).join(tApp("listSeparator")));
      else if (result?.completion) setSummary(result.completion);
    } catch (err) {
      setProblem(errorText(err, tApp));
    }
  };

  if (summary) {
    return (
      <Modal
        open
        title={t("completeDoneTitle")}
        okText={t("close")}
        cancelButtonProps={{ style: { display: "none" } }}
        onOk={onClose}
        onCancel={onClose}
      >
        <Alert
          role="status"
          type="success"
          showIcon
          title={t("completeDone", { count: summary.completed })}
          description={
            <ul>
              <li>{t("completeDoneNot", { count: summary.notCompleted })}</li>
              <li>{t("completeDoneReleased", { count: summary.released })}</li>
            </ul>
          }
        />
      </Modal>
    );
  }

  const qualifying = preview?.candidates.filter((c) => c.qualifies).length ?? 0;
  const others = preview?.candidates.filter((c) => !c.qualifies) ?? [];
  return (
    <Modal
      open
      width={720}
      title={t("toCOMPLETED")}
      okText={t("completeConfirm", { count: qualifying })}
      okButtonProps={{ disabled: !preview, loading: changing.loading }}
      cancelText={t("keep")}
      onOk={() => void complete()}
      onCancel={onClose}
    >
      {loading && !data && <PageLoading />}
      {error && !data && <PageError error={error} onRetry={() => void refetch()} />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="form-errors" />}
      {preview && (
        <>
          <p>
            {t("completeRule", { threshold: preview.threshold, sessions: preview.sessions })} {t("confirmCOMPLETED")}
          </p>
          <Alert
            type={others.length ? "warning" : "info"}
            showIcon
            title={t("completeQualifying", { count: qualifying, total: preview.candidates.length })}
            description={
              <>
                {others.length > 0 && <div>{t("completeOthers", { count: others.length })}</div>}
                {preview.waiting > 0 && <div>{t("completeWaiting", { count: preview.waiting })}</div>}
              </>
            }
          />
          {others.length > 0 && (
            <DataTable<Candidate>
              style={{ marginTop: 12, maxHeight: 320, overflowY: "auto" }}
              size="small"
              rowKey={(c) => c.enrollment.id}
              dataSource={others}
              columns={[
                { title: t("trainee"), key: "name", render: (_, c) => c.enrollment.trainee.name },
                { title: t("enterprise"), key: "enterprise", render: (_, c) => c.enrollment.trainee.enterprise?.name },
                {
                  title: t("completeWhyNot"),
                  key: "why",
                  render: (_, c) =>
                    t("completeRate", {
                      rate: c.rate,
                      threshold: preview.threshold,
                      attended: c.attended,
                      sessions: preview.sessions,
                    }) + (c.leave ? t("completeLeave", { leave: c.leave }) : ""),
                },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
