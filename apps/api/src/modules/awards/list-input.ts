import type { ErrorCode } from "@zuofu/shared";
import { UserErrors, type ErrorParams, type UserErrorSpec } from "../../graphql/errors";
import type { InputCheck } from "../../common/input-check";

/** A problem with one item of a list input, at its exact path (input.scores.2.score). */
export function itemError(
  code: ErrorCode,
  list: string,
  index: number,
  field: string,
  params: ErrorParams = {},
): UserErrorSpec {
  return { code, field: ["input", list, String(index), field], params: { field, ...params } };
}

/** Throws the scalar fields' problems and the list items' together, so a form shows all of them at once. */
export function doneWithItems(check: InputCheck, items: UserErrorSpec[]): void {
  try {
    check.done();
  } catch (err) {
    if (err instanceof UserErrors) throw new UserErrors([...err.errors, ...items]);
    throw err;
  }
  if (items.length) throw new UserErrors(items);
}

/** True unless the value is an integer within the bounds. */
export function outOfRange(value: number | null | undefined, min: number, max: number): boolean {
  return value === null || value === undefined || !Number.isInteger(value) || value < min || value > max;
}
