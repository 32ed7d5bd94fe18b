import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button } from "antd";
import { useLocation } from "react-router";
import { ButtonLink } from "../../app/button-link";
import { formatDateTime } from "../../app/format";
import { useLocale, useT, type Translate } from "../../app/i18n";
import { InlineConfirm } from "../../app/inline-confirm";
import { useInlineMutationOutcome } from "../../app/mutation-action";
import { QrCode } from "../../app/qr-code";
import { loginPath, useSession } from "../../app/session";
import type { EventCardFragment, MyRegistrationFragment, RegistrationStatus } from "../../gql/graphql";
import { cancelEventRegistrationMutation, registerForEventMutation } from "./events.documents";
import { RegistrationStatusTag } from "./registration-status-tag";
import { eventMessages, type EventText } from "./events.messages";

const STATUS_TEXT = {
  REGISTERED: "statusRegistered",
  WAITLISTED: "statusWaitlisted",
  CANCELLED: "statusCancelled",
} as const satisfies Record<RegistrationStatus, EventText>;

export function registrationText(registration: MyRegistrationFragment, t: Translate<EventText>): string {
  return t(STATUS_TEXT[registration.status], { position: registration.waitlistPosition ?? "–" });
}

/** The entry ticket: the code as a QR code for the door's scanner, and as text to read out. */
export function Ticket({ code }: { code: string }): ReactNode {
  const t = useT(eventMessages);
  return (
    <div className="ticket">
      <QrCode value={code} size={200} label={t("ticket")} />
      <code>{t("ticketCode", { code })}</code>
    </div>
  );
}

/** Registration on the event page: log in, register (or the waitlist), the ticket, cancel. */
export function RegistrationPanel({
  event,
}: {
  event: EventCardFragment & { myRegistration?: MyRegistrationFragment | null };
}): ReactNode {
  const t = useT(eventMessages);
  const locale = useLocale();
  const { viewer } = useSession();
  const location = useLocation();
  const [register, registering] = useMutation(registerForEventMutation);
  const [cancel] = useMutation(cancelEventRegistrationMutation);
  const { run, outcome } = useInlineMutationOutcome();

  const mine = event.myRegistration;
  let body: ReactNode;
  if (!viewer) {
    body = event.openForRegistration ? (
      <>
        <p>{t("loginToRegister")}</p>
        <ButtonLink type="primary" size="large" to={loginPath(location.pathname, false)}>
          {t("loginAndRegister")}
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
          <RegistrationStatusTag status={mine.status} />
          <span>{registrationText(mine, t)}</span>
        </p>
        {mine.checkedInAt && <p>{t("checkedInAt", { time: formatDateTime(mine.checkedInAt, locale) })}</p>}
        {mine.ticketCode && !mine.checkedInAt && <Ticket code={mine.ticketCode} />}
        {mine.status !== "CANCELLED" && !mine.checkedInAt && (
          <p className="card-actions">
            <InlineConfirm
              question={t("cancelQuestion")}
              confirmText={t("cancelConfirm")}
              keepText={t("cancelKeep")}
              onConfirm={() =>
                run(
                  async () =>
                    (await cancel({ variables: { input: { registrationId: mine.id } } })).data?.cancelEventRegistration
                      .userErrors,
                  t("cancelled"),
                )
              }
            >
              {t("cancelRegistration")}
            </InlineConfirm>
          </p>
        )}
      </>
    );
  } else if (event.openForRegistration) {
    const full = event.seatsLeft <= 0;
    body = (
      <Button
        type="primary"
        size="large"
        loading={registering.loading}
        onClick={() =>
          run(
            async () =>
              (await register({ variables: { input: { eventId: event.id } } })).data?.registerForEvent.userErrors,
            t("registered"),
          )
        }
      >
        {full ? t("joinWaitlist") : t("register")}
      </Button>
    );
  } else {
    body = <p>{t("notOpen")}</p>;
  }

  return (
    <section className="panel enroll-panel" aria-labelledby="register-title">
      <h2 id="register-title">{t("registerTitle")}</h2>
      {outcome}
      {body}
    </section>
  );
}
