import { useId, useRef, type ReactNode } from "react";
import { Button } from "antd";
import type { FormRule } from "antd";
import { ATTACHMENT_LIMITS } from "@zuofu/shared";
import { useT, type Translate } from "../../app/i18n";
import { formatSize } from "./attachment-list";
import { deskMessages } from "./desk-enterprise.messages";

/** A chosen file, read into base64 for the mutation (the API reads its type from the bytes). */
export interface ChosenFile {
  fileName: string;
  size: number;
  contentBase64: string;
}

const MB = ATTACHMENT_LIMITS.maxBytes / (1024 * 1024);

function readFile(file: File): Promise<ChosenFile> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve({ fileName: file.name, size: file.size, contentBase64: String(reader.result) });
    reader.onerror = () => reject(reader.error ?? new Error("unreadable"));
    reader.readAsDataURL(file);
  });
}

/** The form rule of the field: the API's limits, checked before anything is sent. */
export function attachmentRule(t: Translate<keyof (typeof deskMessages)["zh-CN"]>, already = 0): FormRule {
  return {
    validator: (_, value?: ChosenFile[]) => {
      const files = value ?? [];
      if (already + files.length > ATTACHMENT_LIMITS.perProblem)
        return Promise.reject(new Error(t("tooManyFiles", { count: ATTACHMENT_LIMITS.perProblem })));
      const large = files.find((f) => f.size > ATTACHMENT_LIMITS.maxBytes);
      if (large) return Promise.reject(new Error(t("fileTooLarge", { name: large.fileName, mb: MB })));
      return Promise.resolve();
    },
  };
}

/**
 * Files for a problem (图片、PDF、Office 文档): a button that opens the file picker (on a phone, the
 * camera or the gallery too) and the list of files chosen, each removable. Used inside a Form.Item.
 */
export function AttachmentField({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: ChosenFile[];
  onChange?: (files: ChosenFile[]) => void;
}): ReactNode {
  const t = useT(deskMessages);
  const input = useRef<HTMLInputElement>(null);
  const hintId = useId();
  const files = value ?? [];
  const choose = async (list: FileList | null) => {
    if (!list?.length) return;
    const read: ChosenFile[] = [];
    for (const file of Array.from(list)) {
      try {
        read.push(await readFile(file));
      } catch {
        read.push({ fileName: file.name, size: Number.MAX_SAFE_INTEGER, contentBase64: "" });
      }
    }
    onChange?.([...files, ...read]);
    if (input.current) input.current.value = "";
  };
  return (
    <div className="attachment-field">
      <input
        ref={input}
        id={id}
        type="file"
        multiple
        accept="image/*,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx"
        aria-describedby={hintId}
        style={{ position: "absolute", width: 1, height: 1, opacity: 0, overflow: "hidden" }}
        onChange={(e) => void choose(e.target.files)}
      />
      <Button onClick={() => input.current?.click()}>{t("chooseFiles")}</Button>
      <p id={hintId} className="muted" style={{ margin: "4px 0" }}>
        {t("attachmentsHint", { count: ATTACHMENT_LIMITS.perProblem, mb: MB })}
      </p>
      {files.length > 0 && (
        <ul className="attachment-list" aria-label={t("chosenFiles")}>
          {files.map((f, i) => (
            <li key={`${f.fileName}-${i}`}>
              <span>
                {f.fileName}
                {f.size < Number.MAX_SAFE_INTEGER && <span className="muted"> · {formatSize(f.size)}</span>}
              </span>
              <Button
                type="link"
                size="small"
                aria-label={t("removeFile", { name: f.fileName })}
                onClick={() => onChange?.(files.filter((_, j) => j !== i))}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What the mutation takes. */
export const uploads = (files: ChosenFile[] | undefined) =>
  (files ?? []).map((f) => ({ fileName: f.fileName, contentBase64: f.contentBase64 }));
