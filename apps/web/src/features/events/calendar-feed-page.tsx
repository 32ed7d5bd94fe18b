import { useEffect, useRef, useState, type ReactNode } from "react";
import { useMutation, useQuery } from "@apollo/client/react";
import { Alert, Button, Form, Select } from "antd";
import { formatDateTime } from "../../app/format";
import { useLocale, useT, type Translate } from "../../app/i18n";
import { InlineConfirm } from "../../app/inline-confirm";
import { useInlineMutationOutcome } from "../../app/mutation-action";
import { useMutationForm } from "../../app/mutation-form";
import { PageError, PageLoading } from "../../app/page-state";
import { CopyText } from "../../app/copy-text";
import type { CalendarFeedFieldsFragment } from "../../gql/graphql";
import { calendarFeedMessages, type CalendarFeedText } from "./calendar-feed.messages";
import { createCalendarFeedMutation, myCalendarFeedQuery, revokeCalendarFeedMutation } from "./events.documents";

/** What calendar apps offer: none, minutes, hours, a day, a week (the API takes 0 to 10080). */
export const REMINDER_CHOICES = [0, 15, 30, 60, 120, 1440, 2880, 10080];

export function reminderText(minutes: number, t: Translate<CalendarFeedText>): string {
  if (minutes === 0) return t("reminderNone");
  const span =
    minutes % 1440 === 0
      ? t("days", { n: minutes / 1440 })
      : minutes % 60 === 0
        ? t("hours", { n: minutes / 60 })
        : t("minutes", { n: minutes });
  return t("reminderBefore", { span });
}

/** The feed's address as a calendar app takes it: webcal:// opens the subscribe dialog on phones. */
export function feedUrls(path: string, origin = window.location.origin): { https: string; webcal: string } {
  const https = new URL(path, origin).toString();
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/**
 * /me/calendar: the trainee's classes and registered events in their own calendar app, through a
 * secret URL made here (shown once), made anew when it leaked, or turned off.
 */
export function CalendarFeedPage(): ReactNode {
  const t = useT(calendarFeedMessages);
  const locale = useLocale();
  const { data, loading, error, refetch } = useQuery(myCalendarFeedQuery, { fetchPolicy: "cache-and-network" });
  const [made, setMade] = useState<string | null>(null);
  const [revoke] = useMutation(revokeCalendarFeedMutation);
  const { run, outcome } = useInlineMutationOutcome();

  if (loading && !data) return <PageLoading />;
  if (error && !data) return <PageError error={error} onRetry={() => void refetch()} />;
  const trainee = data?.me?.trainee;
  if (!trainee) return <p className="panel muted">{t("notTrainee")}</p>;
  const feed = trainee.calendarFeed ?? null;
  const active = feed !== null && !feed.revokedAt;

  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {made && <MadeLink path={made} />}
      {outcome}
      <section className="panel" aria-labelledby="calendar-status">
        <h2 id="calendar-status">{t("statusTitle")}</h2>
        <p role="status">
          {!feed
            ? t("statusNone")
            : feed.revokedAt
              ? t("statusRevoked", { revokedAt: formatDateTime(feed.revokedAt, locale) })
              : t("statusActive", {
                  issuedAt: formatDateTime(feed.issuedAt, locale),
                  reminder: reminderText(feed.reminderMinutes, t),
                })}
        </p>
        <FeedForm feed={feed} active={active} onMade={setMade} />
        {active && (
          <div style={{ marginTop: 12 }}>
            <InlineConfirm
              question={t("revokeQuestion")}
              confirmText={t("revokeConfirm")}
              keepText={t("keep")}
              buttonProps={{ danger: true, block: true }}
              onConfirm={() =>
                run(async () => {
                  const { data: answer } = await revoke({ variables: { input: { feedId: feed.id } } });
                  if (!answer?.revokeCalendarFeed.userErrors.length) setMade(null);
                  return answer?.revokeCalendarFeed.userErrors;
                }, t("revoked"))
              }
            >
              {t("revoke")}
            </InlineConfirm>
          </div>
        )}
      </section>
    </>
  );
}

function FeedForm({
  feed,
  active,
  onMade,
}: {
  feed: CalendarFeedFieldsFragment | null;
  active: boolean;
  onMade: (path: string) => void;
}): ReactNode {
  const t = useT(calendarFeedMessages);
  const [form] = Form.useForm<{ reminderMinutes: number }>();
  const { submit, submitting, errorsAlert } = useMutationForm(form);
  const [create] = useMutation(createCalendarFeedMutation);

  const onFinish = async ({ reminderMinutes }: { reminderMinutes: number }) => {
    let path: string | null = null;
    const ok = await submit(async () => {
      const { data } = await create({
        variables: { input: { reminderMinutes } },
        // The trainee had no feed, or a revoked one: the page's query learns of the new one.
        update: (cache, { data: answer }) => {
          const made = answer?.createCalendarFeed.feed;
          if (made)
            cache.updateQuery({ query: myCalendarFeedQuery }, (old) =>
              old?.me?.trainee
                ? { ...old, me: { ...old.me, trainee: { ...old.me.trainee, calendarFeed: made } } }
                : old,
            );
        },
      });
      path = data?.createCalendarFeed.path ?? null;
      return data?.createCalendarFeed.userErrors ?? [];
    });
    if (ok && path) onMade(path);
  };

  return (
    <>
      {errorsAlert}
      <Form
        form={form}
        layout="vertical"
        onFinish={onFinish}
        initialValues={{ reminderMinutes: feed?.reminderMinutes ?? 60 }}
      >
        <Form.Item name="reminderMinutes" label={t("reminder")}>
          <Select options={REMINDER_CHOICES.map((m) => ({ value: m, label: reminderText(m, t) }))} />
        </Form.Item>
        {active && <p className="muted">{t("regenerateHint")}</p>}
        <Button type="primary" htmlType="submit" loading={submitting} disabled={submitting} block>
          {active ? t("regenerate") : t("create")}
        </Button>
      </Form>
    </>
  );
}

function MadeLink({ path }: { path: string }): ReactNode {
  const t = useT(calendarFeedMessages);
  const { https, webcal } = feedUrls(path);
  const box = useRef<HTMLDivElement>(null);
  // On a phone the button that made it is a screen further down: bring the link into view. (A block
  // body: Chromium's scroll methods now return a promise, which React would take for a cleanup.)
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: "start" });
  }, [path]);
  return (
    <div ref={box}>
      <Alert
        type="success"
        showIcon
        className="form-errors"
        title={t("created")}
        description={
          <>
            <p>{t("createdHint")}</p>
            <CopyText text={https} label={t("link")} block />
            <Button type="primary" href={webcal}>
              {t("addToCalendar")}
            </Button>
            <p className="muted" style={{ marginTop: 8 }}>
              {t("howTo")}
            </p>
          </>
        }
      />
    </div>
  );
}
