import { lazy, Suspense, useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button } from "antd";
import { Link } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { errorText } from "../../app/error-text";
import { formatDateTime, formatDays, formatTimeRange } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { InlineConfirm } from "../../app/inline-confirm";
import { appMessages } from "../../app/messages";
import { PageError, PageLoading } from "../../app/page-state";
import type { AttendanceStatus, MyCohortsQuery } from "../../gql/graphql";
import { CertificateDownload } from "./certificate-download";
import { statusText } from "./enroll-panel";
import { EnrollmentStatusTag } from "./status-tags";
import { cancelEnrollmentMutation, myCohortsQuery } from "./training.documents";
import { trainingMessages } from "./training.messages";
import "./training.css";

const FeedbackFormModal = lazy(() => import("./feedback-form-modal").then((m) => ({ default: m.FeedbackFormModal })));

type Trainee = NonNullable<NonNullable<MyCohortsQuery["me"]>["trainee"]>;
type MyEnrollment = Trainee["enrollments"]["edges"][number]["node"];
type Certificate = Trainee["certificates"][number];

const ACTIVE = new Set(["PENDING", "ENROLLED", "WAITLISTED"]);
const MARK_STATE = { PRESENT: "present", LATE: "late", LEAVE: "leave", ABSENT: "absent" } as const satisfies Record<
  AttendanceStatus,
  string
>;

/** The trainee's cohorts (/me/cohorts): status, class days with attendance, certificates, feedback. */
export function MyCohortsPage(): ReactNode {
  const t = useT(trainingMessages);
  const { data, loading, error, refetch } = useQuery(myCohortsQuery, { fetchPolicy: "cache-and-network" });
  const [feedbackFor, setFeedbackFor] = useState<MyEnrollment | null>(null);
  const [thanked, setThanked] = useState(false);

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const trainee = data?.me?.trainee;
  if (!trainee) return <p className="panel muted">{t("noTrainee")}</p>;
  const enrollments = trainee.enrollments.edges
    .map((e) => e.node)
    .sort((a, b) => b.cohort.startsOn.localeCompare(a.cohort.startsOn));

  return (
    <>
      <h1 className="page-title">{t("myCohortsTitle")}</h1>
      <p className="muted">
        {t("myCohortsIntro")} <Link to="/cohorts?open=1">{t("findCohorts")}</Link>
      </p>
      {thanked && <Alert type="success" showIcon role="status" title={t("feedbackThanks")} className="form-errors" />}
      {enrollments.length === 0 ? (
        <div className="panel">
          <p>{t("noEnrollments")}</p>
          <ButtonLink type="primary" to="/cohorts?open=1">
            {t("findCohorts")}
          </ButtonLink>
        </div>
      ) : (
        <ul className="card-list" aria-label={t("myCohortsTitle")}>
          {enrollments.map((enrollment) => (
            <li key={enrollment.id}>
              <EnrollmentCard
                enrollment={enrollment}
                onFeedback={() => {
                  setThanked(false);
                  setFeedbackFor(enrollment);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <CertificatesSection certificates={trainee.certificates} />
      {feedbackFor && (
        <Suspense fallback={null}>
          <FeedbackFormModal
            cohortId={feedbackFor.cohort.id}
            cohortTitle={feedbackFor.cohort.title}
            sessions={feedbackFor.cohort.sessions}
            onClose={(submitted) => {
              setFeedbackFor(null);
              setThanked(submitted);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

function EnrollmentCard({ enrollment, onFeedback }: { enrollment: MyEnrollment; onFeedback: () => void }): ReactNode {
  const t = useT(trainingMessages);
  const app = useT(appMessages);
  const locale = useLocale();
  const [cancel] = useMutation(cancelEnrollmentMutation);
  const [problem, setProblem] = useState<string | null>(null);
  const { cohort } = enrollment;
  const attending = enrollment.status === "ENROLLED" || enrollment.status === "COMPLETED";
  const marks = new Map(enrollment.attendances.map((a) => [a.session.id, a]));
  const now = Date.now();
  const today = cohort.sessions.some((s) => Math.abs(Date.parse(s.startsAt) - now) < 12 * 3600_000);

  const onCancel = async () => {
    setProblem(null);
    try {
      const { data } = await cancel({ variables: { input: { enrollmentId: enrollment.id } } });
      const userErrors = data?.cancelEnrollment.userErrors ?? [];
      if (userErrors.length) setProblem(userErrors.map((e) => e.message).join(app("listSeparator")));
    } catch (error) {
      setProblem(errorText(error, app));
    }
  };

  return (
    <article className="card" aria-labelledby={`enrollment-${enrollment.id}`}>
      <div className="card-head">
        <h2 id={`enrollment-${enrollment.id}`}>
          <Link to={`/cohorts/${encodeURIComponent(cohort.id)}`}>{cohort.title}</Link>
        </h2>
        <EnrollmentStatusTag status={enrollment.status} outcome={enrollment.outcome} />
      </div>
      <p className="card-sub">
        {formatDays(cohort.startsOn, cohort.endsOn, locale)}
        {cohort.venue ? ` · ${cohort.venue}` : ""}
      </p>
      <p>{statusText(enrollment, t)}</p>
      {enrollment.reason && <p className="muted">{t("reasonGiven", { reason: enrollment.reason })}</p>}
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="form-errors" />}
      {attending && cohort.sessions.length > 0 && (
        <details className="attendance" open={enrollment.status === "ENROLLED"}>
          <summary>
            {t("attendanceSummary", { rate: enrollment.attendanceRate, threshold: cohort.completionThreshold })}
          </summary>
          <ol className="session-list">
            {cohort.sessions.map((session) => {
              const mark = marks.get(session.id);
              const state = mark
                ? MARK_STATE[mark.status]
                : Date.parse(session.startsAt) > now
                  ? "upcoming"
                  : "unmarked";
              return (
                <li key={session.id} className={`attendance-${state}`}>
                  <strong>{session.topic}</strong>
                  <span className="muted">{formatTimeRange(session.startsAt, session.endsAt, locale)}</span>
                  <span className="attendance-state">{t(state)}</span>
                </li>
              );
            })}
          </ol>
        </details>
      )}
      {enrollment.certificate && <p>{t("certificateIssued", { serial: enrollment.certificate.serial })}</p>}
      <div className="card-actions">
        {enrollment.status === "ENROLLED" && today && (
          <ButtonLink type="primary" to="/me/check-in">
            {t("checkIn")}
          </ButtonLink>
        )}
        {enrollment.status === "COMPLETED" && <Button onClick={onFeedback}>{t("giveFeedback")}</Button>}
        {ACTIVE.has(enrollment.status) && (
          <InlineConfirm
            question={t("cancelQuestion")}
            confirmText={t("cancelConfirm")}
            keepText={t("cancelKeep")}
            onConfirm={onCancel}
          >
            {t("cancelEnrollment")}
          </InlineConfirm>
        )}
      </div>
    </article>
  );
}

function CertificatesSection({ certificates }: { certificates: readonly Certificate[] }): ReactNode {
  const t = useT(trainingMessages);
  const locale = useLocale();
  return (
    <section className="panel" aria-labelledby="certificates-title" style={{ marginTop: 16 }}>
      <h2 id="certificates-title">{t("certificatesTitle")}</h2>
      {certificates.length === 0 ? (
        <p className="muted">{t("noCertificates")}</p>
      ) : (
        <ul className="plain-list">
          {certificates.map((certificate) => (
            <li key={certificate.id} className="certificate-item">
              <strong>{certificate.title}</strong>
              <span className="muted">
                {t("serialIssued", { serial: certificate.serial, date: formatDateTime(certificate.issuedAt, locale) })}
              </span>
              {certificate.revokedAt ? (
                <span className="revoked">{t("certificateRevoked", { reason: certificate.revokeReason ?? "" })}</span>
              ) : (
                <span className="card-actions" style={{ marginTop: 4 }}>
                  {certificate.pdfUrl && <CertificateDownload certificateId={certificate.id} />}
                  {certificate.verificationCode && (
                    <Link to={`/verify/${encodeURIComponent(certificate.verificationCode)}`}>{t("verifyLink")}</Link>
                  )}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
