import type { ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button, Dropdown, message } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { errorText } from "../../app/error-text";
import { useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import type { CreateExportUrlInput, ExportFormat, ExportKind } from "../../gql/graphql";
import { createExportUrlMutation } from "./exports.documents";
import { exportMessages } from "./exports.messages";

export type ExportTarget = Omit<CreateExportUrlInput, "kind" | "format">;

/**
 * Staff: a table as XLSX or CSV. The API signs a download path (valid ten minutes), opened here;
 * user errors are shown as a message.
 */
export function ExportButton({ kind, target = {} }: { kind: ExportKind; target?: ExportTarget }): ReactNode {
  const t = useT(exportMessages);
  const app = useT(appMessages);
  const [create, { loading }] = useMutation(createExportUrlMutation);

  const download = async (format: ExportFormat) => {
    try {
      const { data } = await create({ variables: { input: { kind, format, ...target } } });
      const payload = data?.createExportUrl;
      if (payload?.userErrors.length) {
        message.error(payload.userErrors.map((e) => e.message).join(app("listSeparator")));
      } else if (payload?.url) {
        window.location.assign(payload.url);
      }
    } catch (error) {
      message.error(`${t("failed")}: ${errorText(error, app)}`);
    }
  };

  return (
    <Dropdown
      trigger={["click"]}
      menu={{
        items: [
          { key: "XLSX", label: t("xlsx") },
          { key: "CSV", label: t("csv") },
        ],
        onClick: ({ key }) => void download(key as ExportFormat),
      }}
    >
      <Button icon={<DownloadOutlined />} loading={loading}>
        {t("exportOf", { what: t(kind) })}
      </Button>
    </Dropdown>
  );
}
