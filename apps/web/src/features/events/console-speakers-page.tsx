import { useState, type ReactNode } from "react";
import { Button } from "antd";
import { PlusOutlined } from "@ant-design/icons";
import { ButtonLink } from "../../app/button-link";
import { lazyDialog, useDialog } from "../../app/dialog";
import { useT } from "../../app/i18n";
import { PagedTable, usePagedQuery } from "../../app/paged-table";
import { SearchBox } from "../../app/search-box";
import type { SpeakerFieldsFragment } from "../../gql/graphql";
import { speakersQuery } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";

const SpeakerFormModal = lazyDialog(() => import("./speaker-form-modal"), "SpeakerFormModal");

/** Staff console: the people who speak at salons and lectures. */
export function ConsoleSpeakersPage(): ReactNode {
  const t = useT(eventConsoleMessages);
  const [search, setSearch] = useState("");
  const editor = useDialog<{ speaker: SpeakerFieldsFragment | null }>();
  const paged = usePagedQuery(speakersQuery, { variables: { search: search || null }, select: (d) => d.speakers });
  return (
    <>
      <p className="breadcrumb">
        <ButtonLink type="link" to="/console/events" style={{ padding: 0 }}>
          {t("backToEvents")}
        </ButtonLink>
      </p>
      <h1 className="page-title">{t("speakersTitle")}</h1>
      <div className="page-toolbar">
        <SearchBox
          label={t("search")}
          placeholder={t("searchPlaceholder")}
          onSearch={setSearch}
          style={{ maxWidth: 320 }}
        />
        <span className="grow" />
        <Button type="primary" icon={<PlusOutlined />} onClick={() => editor.show({ speaker: null })}>
          {t("createSpeaker")}
        </Button>
      </div>
      <PagedTable<SpeakerFieldsFragment>
        paged={paged}
        columns={[
          { title: t("name"), dataIndex: "name", fixed: "left" },
          { title: t("organization"), dataIndex: "organization" },
          { title: t("speakerTitle"), dataIndex: "title" },
          { title: t("enterprise"), key: "enterprise", render: (_, s) => s.enterprise?.name },
          {
            title: t("actions"),
            key: "actions",
            render: (_, speaker) => (
              <Button type="link" onClick={() => editor.show({ speaker })}>
                {t("edit")}
              </Button>
            ),
          },
        ]}
      />
      {editor.value && (
        <SpeakerFormModal dialog={editor.props} speaker={editor.value.speaker} onSaved={paged.refetch} />
      )}
    </>
  );
}
