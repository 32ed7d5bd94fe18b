import { GraphQLError } from "graphql";
import { ArgumentValidationError, Field, ObjectType } from "type-graphql";
import type { ValidationError } from "class-validator";
import { translate, type ErrorCode, type Locale } from "@zuofu/shared";

export type ErrorParams = Record<string, string | number>;

export interface UserErrorSpec {
  code: ErrorCode;
  field?: string[];
  params?: ErrorParams;
}

@ObjectType({ description: "Input the caller can fix; nothing was changed" })
export class UserError {
  @Field({ description: "Stable machine-readable code" })
  code: string;

  @Field(() => [String], { nullable: true, description: "Path of the input field at fault" })
  field?: string[];

  @Field({ description: "Message in the caller's language" })
  message: string;
}

/**
 * Thrown by services for input the caller can fix. Thrown, not returned, so the surrounding
 * transaction rolls back; the mutation layer turns it into the payload's `userErrors`.
 */
export class UserErrors extends Error {
  constructor(readonly errors: UserErrorSpec[]) {
    super(errors.map((e) => e.code).join(", "));
    this.name = "UserErrors";
  }
}

/** Stops the operation with one user error on one input field. */
export function fail(code: ErrorCode, field?: string, params?: ErrorParams): never {
  throw new UserErrors([
    { code, field: field ? ["input", field] : undefined, params: { field: field ?? "", ...params } },
  ]);
}

export function toUserErrors(errors: UserErrorSpec[], locale: Locale): UserError[] {
  return errors.map((e) => ({ code: e.code, field: e.field, message: translate(e.code, locale, e.params) }));
}

/** Rights and transport errors: a GraphQL error with a stable `extensions.code`. */
export function codedError(code: ErrorCode, locale: Locale, params?: ErrorParams, extensions = {}): GraphQLError {
  return new GraphQLError(translate(code, locale, params), { extensions: { code, ...extensions } });
}

const constraintCodes: Record<string, ErrorCode> = {
  maxLength: "TOO_LONG",
  isNotEmpty: "REQUIRED",
  min: "OUT_OF_RANGE",
  max: "OUT_OF_RANGE",
};

/** class-validator's findings on an input, as our coded user errors. */
export function validationToUserErrors(error: ArgumentValidationError): UserErrorSpec[] {
  const out: UserErrorSpec[] = [];
  const walk = (items: ValidationError[], path: string[]) => {
    for (const item of items) {
      const here = [...path, item.property];
      for (const [constraint] of Object.entries(item.constraints ?? {})) {
        const code = constraintCodes[constraint] ?? "INVALID_VALUE";
        const meta = (item.contexts?.[constraint] ?? {}) as ErrorParams;
        out.push({ code, field: here, params: { field: item.property, ...meta } });
        break;
      }
      if (item.children?.length) walk(item.children, here);
    }
  };
  // Every mutation takes one argument, `input`, so paths start there.
  walk(error.extensions.validationErrors as ValidationError[], ["input"]);
  return out;
}

/**
 * The cause of an error made where the reader's language is unknown (a validation rule): its
 * message is translated when the error is sent (format-error.ts).
 */
export class Translatable extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(translate(code, "zh-CN", params));
  }
}
