import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button } from "antd";
import { useLocation } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { useT, type Translate } from "../../app/i18n";
import { InlineConfirm } from "../../app/inline-confirm";
import { useInlineMutationOutcome } from "../../app/mutation-action";
import { appMessages } from "../../app/messages";
import { loginPath, useSession } from "../../app/session";
import type { CohortCardFragment, EnrollmentStatus, MyEnrollmentFragment } from "../../gql/graphql";
import { EnrollmentStatusTag } from "./status-tags";
import { cancelEnrollmentMutation, enrollMutation } from "./training.documents";
import { trainingMessages, type TrainingText } from "./training.messages";

type Cohort = CohortCardFragment & { myEnrollment?: MyEnrollmentFragment | null };

const ACTIVE = new Set(["PENDING", "ENROLLED", "WAITLISTED"]);

/**
 * Enrollment on the cohort page: for a visitor the way to log in, for a trainee the button, and
 * once enrolled the status (seat, waitlist place or review) with a way to cancel.
 */
export function EnrollPanel({ cohort }: { cohort: Cohort }): ReactNode {
  const t = useT(trainingMessages);
  const app = useT(appMessages);
  const { viewer } = useSession();
  const location = useLocation();
  const [enroll, enrolling] = useMutation(enrollMutation);
  const [cancel] = useMutation(cancelEnrollmentMutation);
  const { run, outcome } = useInlineMutationOutcome();

  const mine = cohort.myEnrollment;
  let body: ReactNode;
  if (!viewer) {
    body = cohort.openForEnrollment ? (
      <>
        <p>{t("loginToEnroll")}</p>
        <ButtonLink type="primary" size="large" to={loginPath(location.pathname, false)}>
          {t("loginAndEnroll")}
        </ButtonLink>{" "}
        <ButtonLink size="large" to="/register">
          {app("register")}
        </ButtonLink>
      </>
    ) : (
      <p>{t("notOpen")}</p>
    );
  } else if (!viewer.roles.includes("TRAINEE")) {
    body = <p>{t("traineesOnly")}</p>;
  } else if (mine) {
    body = (
      <>
        <p className="enroll-status" aria-live="polite">
          <EnrollmentStatusTag status={mine.status} outcome={mine.outcome} />
          <span>{statusText(mine, t)}</span>
        </p>
        {mine.reason && <p className="muted">{t("reasonGiven", { reason: mine.reason })}</p>}
        {ACTIVE.has(mine.status) && (
          <InlineConfirm
            question={t("cancelQuestion")}
            confirmText={t("cancelConfirm")}
            keepText={t("cancelKeep")}
            onConfirm={() =>
              run(
                async () =>
                  (await cancel({ variables: { input: { enrollmentId: mine.id } } })).data?.cancelEnrollment.userErrors,
                t("cancelled"),
              )
            }
          >
            {t("cancelEnrollment")}
          </InlineConfirm>
        )}
      </>
    );
  } else if (cohort.openForEnrollment) {
    const full = cohort.seatsTaken >= cohort.capacity;
    body = (
      <>
        <p>{cohort.admission === "REVIEW" ? t("reviewHint") : full ? t("waitlistHint") : t("autoHint")}</p>
        <Button
          type="primary"
          size="large"
          loading={enrolling.loading}
          onClick={() =>
            run(
              async () => (await enroll({ variables: { input: { cohortId: cohort.id } } })).data?.enroll.userErrors,
              t("enrolled"),
            )
          }
        >
          {full && cohort.admission === "AUTO" ? t("joinWaitlist") : t("enroll")}
        </Button>
      </>
    );
  } else {
    body = <p>{t("notOpen")}</p>;
  }

  return (
    <section className="panel enroll-panel" aria-labelledby="enroll-title">
      <h2 id="enroll-title">{t("enrollTitle")}</h2>
      {outcome}
      {body}
    </section>
  );
}

const STATUS_TEXT = {
  PENDING: "statusPending",
  ENROLLED: "statusEnrolled",
  WAITLISTED: "statusWaitlisted",
  REJECTED: "statusRejected",
  CANCELLED: "statusCancelled",
  COMPLETED: "statusCompleted",
} as const satisfies Record<EnrollmentStatus, TrainingText>;

/** An enrollment's status in a sentence, with the waitlist place. */
export function statusText(enrollment: MyEnrollmentFragment, t: Translate<TrainingText>): string {
  if (enrollment.outcome === "NOT_COMPLETED") return t("statusNotCompleted");
  return t(STATUS_TEXT[enrollment.status], { position: enrollment.waitlistPosition ?? "–" });
}
