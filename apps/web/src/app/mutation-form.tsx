import { useCallback, useState, type KeyboardEvent, type ReactNode } from "react";
import { Alert, type FormInstance } from "antd";
import { errorText } from "./error-text";
import { useT } from "./i18n";
import { appMessages } from "./messages";
import { splitUserErrors, type UserErrorLike } from "./user-errors";

export function ErrorList({ title, errors }: { title: string; errors: string[] }): ReactNode {
  if (!errors.length) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      className="form-errors"
      title={title}
      description={
        errors.length === 1 ? (
          errors[0]
        ) : (
          <ul>
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )
      }
    />
  );
}

export interface MutationForm {
  /**
   * Runs `send` (which performs the mutation and returns its payload's userErrors) and shows each
   * error beside its field, or above the form when no field matches. Resolves true on success.
   * What the user typed stays in the form either way.
   */
  submit: (send: () => Promise<readonly UserErrorLike[]>) => Promise<boolean>;
  submitting: boolean;
  /** The errors that matched no field, as an Alert to put above the form. */
  errorsAlert: ReactNode;
  reset: () => void;
}

export function useMutationForm(form: FormInstance): MutationForm {
  const t = useT(appMessages);
  const [submitting, setSubmitting] = useState(false);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const submit = useCallback(
    async (send: () => Promise<readonly UserErrorLike[]>) => {
      setSubmitting(true);
      setFormErrors([]);
      // Fields of a Form.List ("criteria", 0, "name") have no place for a whole-list error: theirs go above.
      const fields = form
        .getFieldsError()
        .filter((f) => f.name.length === 1)
        .map((f) => String(f.name[0]));
      // Errors from the previous attempt go; the client rules have just passed for this one.
      form.setFields(fields.map((name) => ({ name, errors: [] })));
      try {
        const userErrors = await send();
        const split = splitUserErrors(userErrors, fields);
        form.setFields(split.fieldErrors);
        setFormErrors(split.formErrors);
        if (split.fieldErrors.length) form.scrollToField(split.fieldErrors[0].name, { focus: true, block: "center" });
        return userErrors.length === 0;
      } catch (error) {
        setFormErrors([errorText(error, t)]);
        return false;
      } finally {
        setSubmitting(false);
      }
    },
    [form, t],
  );

  const reset = useCallback(() => setFormErrors([]), []);

  return { submit, submitting, reset, errorsAlert: <ErrorList title={t("formError")} errors={formErrors} /> };
}

/**
 * Enter in a field confirms that field (a picked date, a chosen option), never the whole form: a
 * half-filled form with its defaults was sent that way. Text areas keep their line breaks and
 * buttons their click; the form is sent from its button only.
 */
export function keepEnterInField(event: KeyboardEvent<HTMLElement>): void {
  const target = event.target as HTMLElement;
  if (event.key === "Enter" && target.tagName !== "TEXTAREA" && target.tagName !== "BUTTON") event.preventDefault();
}
