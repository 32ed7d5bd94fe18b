import { useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Select, Space } from "antd";
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { enumValues } from "../../app/enum-labels";
import { useLocale, useT } from "../../app/i18n";
import { useMutationAction } from "../../app/mutation-action";
import type { ConsoleEventQuery, SpeakerRole } from "../../gql/graphql";
import { setEventSpeakersMutation } from "./events-console.documents";
import { eventConsoleMessages } from "./events-console.messages";
import { speakerRoleLabels } from "./events.labels";
import { SpeakerSelect, type SpeakerOption } from "./speaker-select";

type Event = Extract<NonNullable<ConsoleEventQuery["node"]>, { __typename: "Event" }>;

interface Line {
  key: number;
  speaker: SpeakerOption | null;
  role: SpeakerRole;
}

/** The event's programme as an ordered list of people and roles, saved whole (setEventSpeakers replaces it). */
export function EventProgramme({ event }: { event: Event }): ReactNode {
  const t = useT(eventConsoleMessages);
  const locale = useLocale();
  const run = useMutationAction();
  const [save, saving] = useMutation(setEventSpeakersMutation);
  const [lines, setLines] = useState<Line[]>(() =>
    event.speakers.map((s, i) => ({ key: i, speaker: s.speaker, role: s.role })),
  );
  const [nextKey, setNextKey] = useState(event.speakers.length);
  const update = (key: number, change: Partial<Line>) =>
    setLines(lines.map((line) => (line.key === key ? { ...line, ...change } : line)));
  const move = (index: number, by: number) => {
    const next = [...lines];
    [next[index], next[index + by]] = [next[index + by], next[index]];
    setLines(next);
  };

  return (
    <section aria-label={t("speakers")}>
      {lines.length === 0 && <p className="muted">{t("noSpeakers")}</p>}
      <ol className="programme-list">
        {lines.map((line, index) => (
          <li key={line.key}>
            <Space wrap>
              <SpeakerSelect
                aria-label={`${t("speaker")} ${index + 1}`}
                value={line.speaker?.id}
                current={line.speaker}
                onChange={(speaker) => update(line.key, { speaker })}
              />
              <Select<SpeakerRole>
                aria-label={`${t("role")} ${index + 1}`}
                value={line.role}
                onChange={(role) => update(line.key, { role })}
                options={enumValues(speakerRoleLabels).map((r) => ({ value: r, label: speakerRoleLabels[locale][r] }))}
                style={{ width: 100 }}
              />
              <Button
                icon={<ArrowUpOutlined />}
                aria-label={t("moveUp")}
                disabled={index === 0}
                onClick={() => move(index, -1)}
              />
              <Button
                icon={<ArrowDownOutlined />}
                aria-label={t("moveDown")}
                disabled={index === lines.length - 1}
                onClick={() => move(index, 1)}
              />
              <Button
                icon={<DeleteOutlined />}
                aria-label={t("remove")}
                danger
                onClick={() => setLines(lines.filter((l) => l.key !== line.key))}
              />
            </Space>
          </li>
        ))}
      </ol>
      <Space wrap>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setLines([...lines, { key: nextKey, speaker: null, role: "SPEAKER" }]);
            setNextKey(nextKey + 1);
          }}
        >
          {t("addSpeaker")}
        </Button>
        <Button
          type="primary"
          loading={saving.loading}
          onClick={() =>
            run(async () => {
              const speakers = lines
                .filter((line) => line.speaker)
                .map((line) => ({ speakerId: line.speaker!.id, role: line.role }));
              const { data } = await save({ variables: { input: { eventId: event.id, speakers } } });
              return data?.setEventSpeakers.userErrors;
            }, t("programmeSaved"))
          }
        >
          {t("saveProgramme")}
        </Button>
      </Space>
    </section>
  );
}
