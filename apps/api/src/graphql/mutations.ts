import { ArgumentValidationError, type MiddlewareFn } from "type-graphql";
import type { RequestContext } from "./context";
import { UserErrors, toUserErrors, validationToUserErrors } from "./errors";

/**
 * The one place where mutations turn fixable input into `userErrors`: services throw UserErrors
 * (rolling back their transaction), class-validator throws ArgumentValidationError, and both end
 * here as a payload with nothing changed.
 */
export const mutationPayloads: MiddlewareFn<RequestContext> = async ({ info, context }, next) => {
  if (info.parentType.name !== "Mutation") return next();
  try {
    const result = await next();
    return result && typeof result === "object" && !("userErrors" in result) ? { ...result, userErrors: [] } : result;
  } catch (err) {
    if (err instanceof UserErrors) return { userErrors: toUserErrors(err.errors, context.locale) };
    if (err instanceof ArgumentValidationError) {
      return { userErrors: toUserErrors(validationToUserErrors(err), context.locale) };
    }
    throw err;
  }
};
