import { useCallback, useState, type ReactNode } from "react";
import { Alert } from "antd";
import { errorText } from "./error-text";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import type { UserErrorLike } from "./user-errors";
import { toast } from "./toast";

/**
 * For a mutation without a form (remove, enable, disable): its user errors, or `done` on success,
 * as a message.
 */
export function useMutationAction(): (
  send: () => Promise<readonly UserErrorLike[] | undefined>,
  done: string,
) => Promise<boolean> {
  const t = useT(appMessages);
  return useCallback(
    async (send, done) => {
      try {
        const userErrors = (await send()) ?? [];
        if (userErrors.length) toast.error(userErrors.map((e) => e.message).join(t("listSeparator")));
        else toast.success(done);
        return userErrors.length === 0;
      } catch (error) {
        toast.error(errorText(error, t));
        return false;
      }
    },
    [t],
  );
}

/**
 * For a mutation answered on the page itself (enroll, register: a phone in WeChat has no room for
 * toasts): `run` keeps its user errors, or `done` on success, and `outcome` shows them where it is put.
 */
export function useInlineMutationOutcome(): {
  run: (send: () => Promise<readonly UserErrorLike[] | undefined>, done: string) => Promise<void>;
  outcome: ReactNode;
} {
  const t = useT(appMessages);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const run = useCallback(
    async (send: () => Promise<readonly UserErrorLike[] | undefined>, done: string) => {
      setProblem(null);
      setNotice(null);
      try {
        const userErrors = (await send()) ?? [];
        if (userErrors.length) setProblem(userErrors.map((e) => e.message).join(t("listSeparator")));
        else setNotice(done);
      } catch (error) {
        setProblem(errorText(error, t));
      }
    },
    [t],
  );
  const outcome = (
    <>
      {notice && <Alert type="success" showIcon role="status" title={notice} className="form-errors" />}
      {problem && <Alert type="error" showIcon role="alert" title={problem} className="form-errors" />}
    </>
  );
  return { run, outcome };
}
