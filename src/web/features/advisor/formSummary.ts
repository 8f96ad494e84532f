import type { FieldErrors } from '../../lib/formErrors.ts';

/** The field errors of a form as ErrorSummary entries, each linking to its field (`<prefix>-<field>`). */
export function errorLinks(errors: FieldErrors, prefix: string): { fieldId: string; message: string }[] {
  return Object.entries(errors)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([field, message]) => ({ fieldId: `${prefix}-${field}`, message }));
}
