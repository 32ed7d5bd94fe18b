import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Popconfirm, Space } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { ButtonLink } from "../../app/button-link";
import { formatTimeRange } from "../../app/format";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import { DataTable } from "../../app/data-table";
import type { CohortFieldsFragment, SessionFieldsFragment } from "../../gql/graphql";
import { deleteSessionMutation } from "./training-console.documents";
import { trainingConsoleMessages } from "./training-console.messages";

const SessionFormModal = lazyDialog(() => import("./session-form-modal"), "SessionFormModal");

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
