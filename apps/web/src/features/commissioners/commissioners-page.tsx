import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Space, Tag } from "antd";
import { lazyDialog, useDialog } from "../../app/dialog";
import { formatDate, formatDay } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { InlineConfirm } from "../../app/inline-confirm";
import { useMutationAction } from "../../app/mutation-action";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import { SearchBox } from "../../app/search-box";
import type { ConsoleCommissionerAssignmentsQuery, DeskPeopleQuery } from "../../gql/graphql";
import { assignmentsQuery, deskPeopleQuery, unassignCommissionerMutation } from "./commissioners.documents";
import { coverageMessages } from "./commissioners.messages";

type Person = DeskPeopleQuery["deskPeople"]["edges"][number]["node"];
type Assignment = ConsoleCommissionerAssignmentsQuery["commissionerAssignments"]["edges"][number]["node"];
const REFETCH = ["DeskPeople", "ConsoleCommissionerAssignments", "DeskCoverage"];
const AssignEnterpriseModal = lazyDialog(() => import("./desk-form-modals"), "AssignEnterpriseModal");

/** Console (/console/desk/commissioners): who serves which key enterprises; assign and release. */
export function CommissionersPage(): ReactNode {
  const t = useT(coverageMessages);
  const locale = useLocale();
  const [search, setSearch] = useState("");
  const [chosen, setChosen] = useState<Person | null>(null);
  const assigning = useDialog<Person>();
  const people = usePagedQuery(deskPeopleQuery, {
    variables: { filter: { role: "COMMISSIONER", search: search || null } },
    select: (d) => d.deskPeople,
  });
  return (
    <>
      <h1 className="page-title">{t("commissioners")}</h1>
      <p className="muted">{t("commissionersIntro")}</p>
      <div className="page-toolbar">
        <SearchBox label={t("search")} placeholder={t("search")} onSearch={setSearch} style={{ width: 260 }} />
      </div>
      <PagedTable<Person>
        paged={people}
        locale={{ emptyText: t("noCommissioners") }}
        columns={[
          { title: t("commissioner"), dataIndex: "name", key: "name", fixed: "left" },
          { title: t("phone"), dataIndex: "phone", key: "phone" },
          {
            title: t("enterprisesServed"),
            key: "served",
            align: "right",
            render: (_, p) => p.commissionerCoverage?.enterprises ?? 0,
          },
          {
            title: t("overdue"),
            key: "overdue",
            align: "right",
            render: (_, p) =>
              p.commissionerCoverage?.overdue ? <Tag color="red">{p.commissionerCoverage.overdue}</Tag> : 0,
          },
          {
            title: t("lastVisit"),
            key: "last",
            render: (_, p) =>
              p.commissionerCoverage?.lastVisitOn
                ? formatDay(p.commissionerCoverage.lastVisitOn, locale)
                : t("neverVisited"),
          },
          {
            title: "",
            key: "actions",
            render: (_, p) => (
              <Space>
                <Button size="small" type="primary" onClick={() => assigning.show(p)}>
                  {t("assign")}
                </Button>
                <Button
                  size="small"
                  onClick={() => setChosen(p)}
                  aria-label={t("withName", { action: t("enterprisesServed"), name: p.name })}
                >
                  {t("enterprisesServed")}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {chosen && <Served person={chosen} />}
      {assigning.value && <AssignEnterpriseModal dialog={assigning.props} person={assigning.value} refetch={REFETCH} />}
    </>
  );
}

function Served({ person }: { person: Person }): ReactNode {
  const t = useT(coverageMessages);
  const locale = useLocale();
  const run = useMutationAction();
  const [unassign] = useMutation(unassignCommissionerMutation, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const paged = usePagedQuery(assignmentsQuery, {
    variables: { filter: { commissionerId: person.id } },
    select: (d) => d.commissionerAssignments,
  });
  const title = t("servedBy", { name: person.name });
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      <PagedTable<Assignment>
        paged={paged}
        columns={[
          { title: t("enterprises"), key: "name", render: (_, a) => a.enterprise.name },
          { title: t("town"), key: "town", render: (_, a) => a.enterprise.town ?? t("noTown") },
          { title: t("since"), key: "since", render: (_, a) => formatDate(a.startedAt, locale) },
          {
            title: t("lastVisit"),
            key: "last",
            render: (_, a) => (
              <>
                {a.lastVisitOn ? formatDay(a.lastVisitOn, locale) : t("neverVisited")}{" "}
                {a.visitOverdue && <Tag color="red">{t("overdue")}</Tag>}
              </>
            ),
          },
          {
            title: "",
            key: "actions",
            render: (_, a) => (
              <InlineConfirm
                question={t("unassignConfirm", { name: a.enterprise.name })}
                confirmText={t("unassignOk")}
                keepText={t("keep")}
                buttonProps={{ size: "small" }}
                onConfirm={() =>
                  run(
                    async () =>
                      (await unassign({ variables: { input: { enterpriseIds: [a.enterprise.id] } } })).data
                        ?.unassignCommissioner.userErrors,
                    t("unassign"),
                  )
                }
              >
                {t("unassign")}
              </InlineConfirm>
            ),
          },
        ]}
      />
    </section>
  );
}
