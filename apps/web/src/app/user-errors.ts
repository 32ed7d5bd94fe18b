/** A mutation payload's `userErrors` entry, as every payload in the schema returns it. */
export interface UserErrorLike {
  code: string;
  field?: readonly string[] | null;
  message: string;
}

export interface FieldErrors {
  name: string;
  errors: string[];
}

/**
 * The form field a user error belongs to: `["input", "phone"]` → `"phone"`. The API names input
 * fields by their path from the mutation's argument; forms use the input's field names.
 */
export function formFieldOf(field: readonly string[] | null | undefined): string | null {
  if (!field?.length) return null;
  const path = field[0] === "input" ? field.slice(1) : field;
  return path[0] ?? null;
}

/**
 * Sorts user errors into those shown beside a field the form has, and the rest (shown above the
 * form). Several errors on one field are all kept, in the server's order.
 */
export function splitUserErrors(
  userErrors: readonly UserErrorLike[],
  formFields: Iterable<string>,
): { fieldErrors: FieldErrors[]; formErrors: string[] } {
  const known = new Set(formFields);
  const byField = new Map<string, string[]>();
  const formErrors: string[] = [];
  for (const error of userErrors) {
    const name = formFieldOf(error.field);
    if (name && known.has(name)) byField.set(name, [...(byField.get(name) ?? []), error.message]);
    else formErrors.push(error.message);
  }
  return { fieldErrors: [...byField].map(([name, errors]) => ({ name, errors })), formErrors };
}
