import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Form, Input, Popconfirm, Space } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { ButtonLink } from "../../app/button-link";
import { beijingInstant } from "../../app/dayjs";
import { InstantPicker } from "../../app/date-fields";
import { formatTimeRange } from "../../app/format";
import { useDialog, type DialogProps } from "../../app/dialog";
import { FormModal } from "../../app/form-modal";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { useRules } from "../../app/validation";
import { DataTable } from "../../app/data-table";
import type { CohortFieldsFragment, SessionFieldsFragment } from "../../gql/graphql";
import { createSessionMutation, deleteSessionMutation, updateSessionMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

const CLOSED = new Set(["COMPLETED", "CANCELLED"]);

/** A cohort's class days: add, edit, delete; from each, its roster and its QR screen. */
export function CohortSessions({
  cohort,
  sessions,
}: {
  cohort: CohortFieldsFragment;
  sessions: readonly SessionFieldsFragment[];
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const locale = useLocale();
  const editor = useDialog<{ session: SessionFieldsFragment | null }>();
  const run = useMutationAction();
  const [remove] = useMutation(deleteSessionMutation);
  const closed = CLOSED.has(cohort.status);

  return (
    <>
      {!closed && (
        <div className="page-toolbar">
          <span className="grow" />
          <Button icon={<PlusOutlined />} onClick={() => editor.show({ session: null })}>
            {t("createSession")}
          </Button>
        </div>
      )}
      <DataTable<SessionFieldsFragment>
        rowKey="id"
        size="middle"
        dataSource={[...sessions]}
        locale={{ emptyText: t("noSessions") }}
        columns={[
          { title: t("topic"), dataIndex: "topic" },
          {
            title: t("time"),
            key: "time",
            render: (_, s) => formatTimeRange(s.startsAt, s.endsAt, locale),
          },
          { title: t("lecturer"), dataIndex: "lecturer" },
          { title: t("venue"), dataIndex: "venue" },
          {
            title: t("actions"),
            key: "actions",
            fixed: "right",
            render: (_, session) => (
              <Space size={0} wrap>
                <ButtonLink type="link" to={`/console/sessions/${encodeURIComponent(session.id)}/attendance`}>
                  {t("attendance")}
                </ButtonLink>
                {!closed && (
                  <>
                    <Button type="link" onClick={() => editor.show({ session })}>
                      {t("edit")}
                    </Button>
                    <Popconfirm
                      title={t("deleteSessionConfirm")}
                      okText={t("deleteSession")}
                      cancelText={t("keep")}
                      onConfirm={() =>
                        run(
                          async () =>
                            (await remove({ variables: { input: { sessionId: session.id } } })).data?.deleteClassSession
                              .userErrors,
                          t("deleted"),
                        )
                      }
                    >
                      <Button type="link" danger>
                        {t("deleteSession")}
                      </Button>
                    </Popconfirm>
                  </>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editor.value && <SessionFormModal dialog={editor.props} cohort={cohort} session={editor.value.session} />}
    </>
  );
}

interface SessionValues {
  topic: string;
  lecturer?: string | null;
  startsAt: string;
  endsAt: string;
  venue?: string | null;
}

function SessionFormModal({
  dialog,
  cohort,
  session,
}: {
  dialog: DialogProps;
  cohort: CohortFieldsFragment;
  session: SessionFieldsFragment | null;
}): ReactNode {
  const t = useT(trainingConsoleMessages);
  const rules = useRules();
  // A new session is listed by refetching its cohort; an edited one updates itself in the cache.
  const [create] = useMutation(createSessionMutation, { refetchQueries: ["ConsoleCohort"] });
  const [update] = useMutation(updateSessionMutation);

  const onSubmit = async (values: SessionValues) => {
    const fields = {
      topic: values.topic.trim(),
      lecturer: values.lecturer?.trim() || null,
      startsAt: values.startsAt,
      endsAt: values.endsAt,
      venue: values.venue?.trim() || null,
    };
    const payload = session
      ? (await update({ variables: { input: { sessionId: session.id, ...fields } } })).data?.updateClassSession
      : (await create({ variables: { input: { cohortId: cohort.id, ...fields } } })).data?.createClassSession;
    return payload?.userErrors ?? [];
  };

  return (
    <FormModal<SessionValues>
      dialog={dialog}
      title={session ? t("editSessionTitle") : t("createSession")}
      initialValues={
        session
          ? session
          : {
              venue: cohort.venue,
              startsAt: beijingInstant(cohort.startsOn, "09:00"),
              endsAt: beijingInstant(cohort.startsOn, "12:00"),
            }
      }
      onSubmit={onSubmit}
    >
      <Form.Item name="topic" label={t("topic")} rules={[rules.required("topic"), rules.maxLength("topic", 200)]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item name="lecturer" label={t("lecturer")} rules={[rules.maxLength("lecturer", 100)]}>
        <Input maxLength={100} />
      </Form.Item>
      <div className="form-row">
        <Form.Item name="startsAt" label={t("startsAt")} rules={[rules.requiredValue("startsAt")]}>
          <InstantPicker />
        </Form.Item>
        <Form.Item name="endsAt" label={t("endsAt")} rules={[rules.requiredValue("endsAt")]}>
          <InstantPicker />
        </Form.Item>
      </div>
      <Form.Item name="venue" label={t("venue")} rules={[rules.maxLength("venue", 200)]}>
        <Input maxLength={200} />
      </Form.Item>
    </FormModal>
  );
}
