import { useCallback } from "react";
import { App } from "antd";
import { errorText } from "./error-text";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import type { UserErrorLike } from "./user-errors";

/**
 * For a mutation without a form (remove, enable, disable): its user errors, or `done` on success,
 * as a message. Needs antd's App around it (the console has one).
 */
export function useMutationAction(): (
  send: () => Promise<readonly UserErrorLike[] | undefined>,
  done: string,
) => Promise<boolean> {
  const t = useT(appMessages);
  const { message } = App.useApp();
  return useCallback(
    async (send, done) => {
      try {
        const userErrors = (await send()) ?? [];
        if (userErrors.length) message.error(userErrors.map((e) => e.message).join(t("listSeparator")));
        else message.success(done);
        return userErrors.length === 0;
      } catch (error) {
        message.error(errorText(error, t));
        return false;
      }
    },
    [message, t],
  );
}
