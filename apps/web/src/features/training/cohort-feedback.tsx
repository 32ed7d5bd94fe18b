import type { ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Rate } from "antd";
import { formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { PageError, PageLoading } from "../../app/page-state";
import { feedbackSummaryQuery } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

/** What completed trainees said of a cohort: the average of the cohort ratings and the latest comments. */
export function CohortFeedback({ cohortId }: { cohortId: string }): ReactNode {
  const t = useT(trainingConsoleMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const { data, loading, error, refetch } = useQuery(feedbackSummaryQuery, {
    variables: { id: cohortId },
    fetchPolicy: "cache-and-network",
  });
  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const summary = data?.node?.__typename === "Cohort" ? data.node.feedbackSummary : null;
  if (!summary || summary.count === 0) return <p className="muted">{t("noFeedback")}</p>;
  return (
    <section aria-label={t("feedbackTab")}>
      <p className="feedback-average">
        <span>{t("averageRating")}</span>{" "}
        <Rate disabled allowHalf value={summary.averageRating ?? 0} aria-hidden="true" />{" "}
        <strong>{summary.averageRating?.toFixed(2) ?? "—"}</strong> / 5 · {t("feedbackCount", { count: summary.count })}
      </p>
      <h2 style={{ fontSize: 16 }}>{t("latestFeedback")}</h2>
      <ul className="plain-list feedback-list">
        {summary.latest.map((f) => (
          <li key={f.id}>
            <span aria-label={app("labelled", { label: t("averageRating"), value: f.rating })}>
              {"★".repeat(f.rating)}
              {"☆".repeat(5 - f.rating)}
            </span>{" "}
            <span className="muted">{formatDateTime(f.createdAt, locale)}</span>
            <p>{f.comment || <span className="muted">{t("noComment")}</span>}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
