import { CombinedGraphQLErrors } from "@apollo/client/errors";
import type { Translate } from "./i18n";
import type { appMessages } from "./messages";

export type AppText = Translate<keyof (typeof appMessages)["zh-CN"]>;

/** A failed request in words: the server's (translated) messages, or "cannot reach the server". */
export function errorText(error: unknown, t: AppText): string {
  if (CombinedGraphQLErrors.is(error)) return error.errors.map((e) => e.message).join(t("listSeparator"));
  return t("networkError");
}
