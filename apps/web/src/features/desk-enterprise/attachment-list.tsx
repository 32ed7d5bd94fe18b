import type { ReactNode } from "react";
import { useT } from "../../app/i18n";
import { deskMessages } from "./desk-enterprise.messages";

/** A stored attachment as a timeline step carries it: its download is a link signed for the viewer. */
export interface AttachmentLink {
  id: string;
  fileName: string;
  byteSize: number;
  url: string;
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The files of one timeline step, for the enterprise and for the desk alike. */
export function AttachmentList({ attachments }: { attachments: readonly AttachmentLink[] }): ReactNode {
  const t = useT(deskMessages);
  if (!attachments.length) return null;
  return (
    <ul className="attachment-list">
      {attachments.map((a) => (
        <li key={a.id}>
          <a href={a.url} download aria-label={t("download", { name: a.fileName })}>
            {a.fileName}
          </a>
          <span className="muted">{formatSize(a.byteSize)}</span>
        </li>
      ))}
    </ul>
  );
}
