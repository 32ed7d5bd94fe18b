import { useState, type ReactNode } from "react";
import { useQuery } from "@apollo/client/react";
import { Button, Select, Spin } from "antd";
import { CopyText } from "../../app/copy-text";
import { beijingInstant } from "../../app/dayjs";
import { formatDateTime } from "../../app/format";
import { useLocale, useT } from "../../app/i18n";
import { filterOf, PagedTable, usePagedQuery } from "../../app/paged-table";
import { useDebounced } from "../../app/use-debounced";
import type { AuditEntryFieldsFragment, AuditEntryFilter } from "../../gql/graphql";
import { auditActorOptionsQuery, auditEntriesQuery } from "./audit.documents";
import { auditMessages } from "./audit.messages";

interface FilterValues {
  action?: string;
  actorId?: string | null;
  subjectId?: string;
  /** Beijing wall-clock times from the browser's own inputs, "2026-12-05T09:30". */
  from?: string;
  to?: string;
}

function toFilter(values: FilterValues): AuditEntryFilter {
  const instant = (wall?: string) => (wall ? beijingInstant(...(wall.split("T") as [string, string])) : undefined);
  return filterOf({
    action: values.action?.trim(),
    actorId: values.actorId,
    subjectId: values.subjectId?.trim(),
    from: instant(values.from),
    to: instant(values.to),
  });
}

/** The details are JSON written by the API; shown indented when they parse. */
function prettyDetails(details: string): string {
  try {
    return JSON.stringify(JSON.parse(details), null, 2);
  } catch {
    return details;
  }
}

/** Admin: the audit log, filtered by action, actor, object and time. */
export function AuditPage(): ReactNode {
  const t = useT(auditMessages);
  const locale = useLocale();
  const [values, setValues] = useState<FilterValues>({});
  const set = (patch: Partial<FilterValues>) => setValues((now) => ({ ...now, ...patch }));
  const [filter, setFilter] = useState<AuditEntryFilter>({});
  const paged = usePagedQuery(auditEntriesQuery, { variables: { filter }, select: (data) => data.auditEntries });

  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      {/* Plain fields around the one antd Select (the actor's search): antd's Form, Input and range
          picker would take this page past the first-load budget. Times are read as Beijing time. */}
      <form
        className="filter-bar"
        onSubmit={(event) => {
          event.preventDefault();
          setFilter(toFilter(values));
        }}
      >
        <label className="filter-field" style={{ minWidth: 240 }}>
          <span>{t("action")}</span>
          <input
            className="native-field"
            placeholder={t("actionPlaceholder")}
            value={values.action ?? ""}
            onChange={(event) => set({ action: event.target.value })}
          />
        </label>
        <div className="filter-field" style={{ minWidth: 220 }}>
          <label htmlFor="audit-actor">{t("actor")}</label>
          <ActorSelect id="audit-actor" value={values.actorId} onChange={(actorId) => set({ actorId })} />
        </div>
        <label className="filter-field" style={{ minWidth: 200 }}>
          <span>{t("subjectId")}</span>
          <input
            className="native-field"
            value={values.subjectId ?? ""}
            onChange={(event) => set({ subjectId: event.target.value })}
          />
        </label>
        <label className="filter-field">
          <span>{t("periodFrom")}</span>
          <input
            type="datetime-local"
            className="native-field"
            value={values.from ?? ""}
            onChange={(event) => set({ from: event.target.value })}
          />
        </label>
        <label className="filter-field">
          <span>{t("periodTo")}</span>
          <input
            type="datetime-local"
            className="native-field"
            value={values.to ?? ""}
            onChange={(event) => set({ to: event.target.value })}
          />
        </label>
        <div className="filter-field">
          <span>
            <Button type="primary" htmlType="submit">
              {t("apply")}
            </Button>{" "}
            <Button
              onClick={() => {
                setValues({});
                setFilter({});
              }}
            >
              {t("reset")}
            </Button>
          </span>
        </div>
      </form>
      <PagedTable<AuditEntryFieldsFragment>
        paged={paged}
        expandable={{
          expandedRowRender: (entry) => (
            <pre style={{ margin: 0, whiteSpace: "pre-wrap", wordBreak: "break-all" }}>
              {prettyDetails(entry.details)}
            </pre>
          ),
        }}
        columns={[
          {
            title: t("time"),
            dataIndex: "createdAt",
            render: (createdAt: string) => formatDateTime(createdAt, locale, { seconds: true }),
          },
          {
            title: t("actor"),
            key: "actor",
            // actorLabel reads "user:1" for people; the actor's name says more.
            render: (_, entry) => entry.actor?.name ?? entry.actorLabel,
          },
          { title: t("action"), dataIndex: "action", render: (action: string) => <code>{action}</code> },
          {
            title: t("subject"),
            key: "subject",
            render: (_, entry) => (
              <>
                {entry.subjectType} {entry.subjectId && <CopyText text={entry.subjectId} label={t("subjectId")} />}
              </>
            ),
          },
          {
            title: t("requestId"),
            dataIndex: "requestId",
            render: (id: string) => <span className="muted">{id}</span>,
          },
        ]}
      />
    </>
  );
}

function ActorSelect({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string | null;
  onChange?: (value: string | null) => void;
}): ReactNode {
  const t = useT(auditMessages);
  const [opened, setOpened] = useState(false);
  const [search, setSearch] = useState("");
  const settled = useDebounced(search.trim());
  const { data, loading } = useQuery(auditActorOptionsQuery, { variables: { search: settled || null }, skip: !opened });
  const options = (data?.users.edges ?? []).map(({ node }) => ({
    value: node.id,
    label: `${node.name} ${node.phone}`,
  }));
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(next?: string) => onChange?.(next ?? null)}
      options={options}
      allowClear
      showSearch={{ filterOption: false, onSearch: setSearch }}
      onOpenChange={(open) => open && setOpened(true)}
      placeholder={t("actorPlaceholder")}
      loading={loading}
      notFoundContent={loading ? <Spin size="small" /> : t("noMatch")}
    />
  );
}
