import { useCallback, useRef, useState, type ReactNode } from "react";
import { useMutation } from "@apollo/client/react";
import { Button } from "antd";
import { DownloadOutlined } from "@ant-design/icons";
import { errorText } from "../../app/error-text";
import { useT } from "../../app/i18n";
import { appMessages } from "../../app/messages";
import { toast } from "../../app/toast";
import { useDismiss } from "../../app/use-dismiss";
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
        toast.error(payload.userErrors.map((e) => e.message).join(app("listSeparator")));
      } else if (payload?.url) {
        window.location.assign(payload.url);
      }
    } catch (error) {
      toast.error(`${t("failed")}: ${errorText(error, app)}`);
    }
  };

  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const close = useCallback(() => setOpen(false), []);
  useDismiss(open, close, root, button);
  const formats: ExportFormat[] = ["XLSX", "CSV"];
  // A menu of two, drawn like the user menu: antd's Dropdown would bring its Menu (about 20 KB) to every page with an export.
  return (
    <div className="user-menu export-menu" ref={root}>
      <Button
        ref={button}
        icon={<DownloadOutlined />}
        loading={loading}
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {t("exportOf", { what: t(kind) })}
      </Button>
      {open && (
        <ul className="user-menu-panel export-menu-panel" role="menu">
          {formats.map((format) => (
            <li key={format} role="none">
              <button
                type="button"
                role="menuitem"
                onClick={() => {
                  setOpen(false);
                  void download(format);
                }}
              >
                {t(format === "XLSX" ? "xlsx" : "csv")}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
