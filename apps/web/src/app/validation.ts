import { useMemo } from "react";
import type { FormInstance, FormRule } from "antd";
import {
  PASSWORD_MIN_LENGTH,
  isMainlandMobile,
  translate,
  validateCreditCode,
  validateIdCard,
  type ErrorCode,
} from "@zuofu/shared";
import { useLocale, type Locale } from "./i18n";

/**
 * Form rules from the validators the API itself uses, with the API's own messages: a mistake is
 * caught before the request, and reads the same as when the server catches it.
 */
function rulesFor(locale: Locale) {
  const fail = (code: ErrorCode, params?: Record<string, string | number>) =>
    Promise.reject(new Error(translate(code, locale, params)));
  return {
    /** A text field. `field` is an input field's name ("phone") or, for fields the API has no label for, a label. */
    required: (field: string): FormRule => ({
      required: true,
      whitespace: true,
      message: translate("REQUIRED", locale, { field }),
    }),
    /** A number, a choice or a date: required, but not checked as text. */
    requiredValue: (field: string): FormRule => ({
      required: true,
      message: translate("REQUIRED", locale, { field }),
    }),
    maxLength: (field: string, max: number): FormRule => ({
      max,
      message: translate("TOO_LONG", locale, { field, max }),
    }),
    roles: (): FormRule => ({
      required: true,
      type: "array",
      min: 1,
      message: translate("ROLES_REQUIRED", locale),
    }),
    phone: (): FormRule => ({
      validator: (_, value?: string) => (!value || isMainlandMobile(value) ? Promise.resolve() : fail("INVALID_PHONE")),
    }),
    password: (): FormRule => ({
      validator: (_, value?: string) => {
        if (!value) return Promise.resolve();
        if (value.length < PASSWORD_MIN_LENGTH) return fail("PASSWORD_TOO_SHORT", { min: PASSWORD_MIN_LENGTH });
        if (!/[A-Za-z]/.test(value) || !/\d/.test(value)) return fail("PASSWORD_TOO_WEAK");
        return Promise.resolve();
      },
    }),
    idCard: (): FormRule => ({
      validator: (_, value?: string) => {
        if (!value) return Promise.resolve();
        const result = validateIdCard(value);
        return result.ok ? Promise.resolve() : fail("INVALID_ID_CARD", { reason: result.reason });
      },
    }),
    creditCode: (): FormRule => ({
      validator: (_, value?: string) => {
        if (!value) return Promise.resolve();
        const result = validateCreditCode(value);
        return result.ok ? Promise.resolve() : fail("INVALID_CREDIT_CODE", { reason: result.reason });
      },
    }),
  };
}

export type Rules = ReturnType<typeof rulesFor>;

/** 性别 follows a valid ID number (its 17th digit): one thing fewer to type, and no contradiction. */
export function fillGenderFromIdCard(changed: { idCardNumber?: string }, form: FormInstance): void {
  if (changed.idCardNumber === undefined) return;
  const result = validateIdCard(changed.idCardNumber.trim().toUpperCase());
  if (result.ok) form.setFieldValue("gender", result.gender);
}

export function useRules(): Rules {
  const locale = useLocale();
  return useMemo(() => rulesFor(locale), [locale]);
}
