import { useId, useRef, useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Alert, Button, Descriptions, Space } from "antd";
import { UploadOutlined } from "@ant-design/icons";
import { errorText } from "../../app/error-text";
import { useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { ErrorList } from "../../app/mutation-form";
import { DataTable } from "../../app/data-table";
import type { ImportTrainingMutation } from "../../gql/graphql";
import { importCommendationsMutation, importTrainingMutation } from "./imports.documents";
import { importMessages } from "./imports.messages";

type Problem = NonNullable<ImportTrainingMutation["importTraining"]["problems"]>[number];
type Counts = NonNullable<ImportTrainingMutation["importTraining"]["counts"]>;

/** The file's bytes as base64, as the import mutations take them. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ""));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });
}

interface Outcome {
  dryRun: boolean;
  problems: readonly Problem[];
  summary: ReactNode;
  userErrors: string[];
}

/** Staff: past training records and commendations from spreadsheets, checked before they are imported. */
export function ImportsPage(): ReactNode {
  const t = useT(importMessages);
  const [importTraining] = useMutation(importTrainingMutation);
  const [importCommendations] = useMutation(importCommendationsMutation, { refetchQueries: ["HonorRoll"] });
  return (
    <>
      <h1 className="page-title">{t("title")}</h1>
      <p className="muted" style={{ maxWidth: 860 }}>
        {t("intro")}
      </p>
      <ImportPanel
        title={t("trainingTitle")}
        columns={t("trainingColumns")}
        send={async (input) => {
          const payload = (await importTraining({ variables: { input } })).data!.importTraining;
          return {
            dryRun: input.dryRun,
            problems: payload.problems ?? [],
            userErrors: payload.userErrors.map((e) => e.message),
            summary: payload.counts ? (
              <CountsTable counts={payload.counts} rows={payload.rowCount ?? 0} dryRun={input.dryRun} />
            ) : null,
          };
        }}
      />
      <ImportPanel
        title={t("commendationsTitle")}
        columns={t("commendationsColumns")}
        send={async (input) => {
          const payload = (await importCommendations({ variables: { input } })).data!.importCommendations;
          const clean = !payload.problems?.length && !payload.userErrors.length;
          return {
            dryRun: input.dryRun,
            problems: payload.problems ?? [],
            userErrors: payload.userErrors.map((e) => e.message),
            summary: clean ? (
              <p>{t("cleanCommendations", { created: payload.created ?? 0, existing: payload.existing ?? 0 })}</p>
            ) : null,
          };
        }}
      />
    </>
  );
}

function ImportPanel({
  title,
  columns,
  send,
}: {
  title: string;
  columns: string;
  send: (input: { fileName: string; contentBase64: string; dryRun: boolean }) => Promise<Outcome>;
}): ReactNode {
  const t = useT(importMessages);
  const app = useT(appMessages);
  const inputId = useId();
  const picker = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const checked = outcome?.dryRun && !outcome.problems.length && !outcome.userErrors.length;

  const go = async (dryRun: boolean) => {
    if (!file) return;
    setBusy(true);
    setFailure(null);
    try {
      setOutcome(await send({ fileName: file.name, contentBase64: await readBase64(file), dryRun }));
    } catch (error) {
      setFailure(errorText(error, app));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${inputId}-title`}>
      <h2 id={`${inputId}-title`}>{title}</h2>
      <p className="muted">{columns}</p>
      <Space wrap align="center">
        {/* The file input itself stays hidden: a button opens it, so it looks and reads like the others. */}
        <Button icon={<UploadOutlined />} onClick={() => picker.current?.click()}>
          {t("chooseFile")}
        </Button>
        <input
          ref={picker}
          type="file"
          hidden
          aria-label={`${title}: ${t("file")}`}
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
        <span aria-live="polite">{file?.name ?? t("noFile")}</span>
        <Button onClick={() => go(true)} disabled={!file} loading={busy && !checked}>
          {t("dryRun")}
        </Button>
        <Button
          type="primary"
          onClick={() => go(false)}
          disabled={!checked}
          loading={busy && checked}
          title={t("runHint")}
        >
          {t("run")}
        </Button>
      </Space>
      <div aria-live="polite" style={{ marginTop: 12 }}>
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {outcome && <ErrorList title={app("formError")} errors={outcome.userErrors} />}
        {outcome && outcome.problems.length > 0 && (
          <>
            <Alert type="warning" showIcon title={t("problemsFound", { count: outcome.problems.length })} />
            <DataTable<Problem>
              rowKey={(p) => `${p.line}:${p.column}:${p.code}`}
              size="small"
              dataSource={[...outcome.problems]}
              style={{ marginTop: 8, maxHeight: 480, overflowY: "auto" }}
              columns={[
                { title: t("line"), dataIndex: "line", width: 70 },
                { title: t("column"), dataIndex: "column", width: 140 },
                { title: t("problem"), dataIndex: "message" },
              ]}
            />
          </>
        )}
        {outcome && !outcome.problems.length && !outcome.userErrors.length && (
          <>
            {!outcome.dryRun && <Alert type="success" showIcon role="status" title={t("imported")} />}
            {outcome.summary}
          </>
        )}
      </div>
    </section>
  );
}

function CountsTable({ counts, rows, dryRun }: { counts: Counts; rows: number; dryRun: boolean }): ReactNode {
  const t = useT(importMessages);
  const keys = Object.keys(counts).filter((k) => k !== "__typename") as (keyof Omit<Counts, "__typename">)[];
  return (
    <>
      {dryRun && <p>{t("clean", { rows })}</p>}
      <Descriptions
        size="small"
        bordered
        title={t("counts")}
        column={{ xs: 1, sm: 2, lg: 3 }}
        items={keys.map((key) => ({ key, label: t(key), children: counts[key] }))}
      />
    </>
  );
}
