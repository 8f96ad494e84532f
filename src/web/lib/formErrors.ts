import { useState } from 'react';
import { ApiError } from '../api.ts';

export type FieldErrors = Record<string, string | undefined>;

/**
 * Field errors of a form: set from local checks or from the API's invalidParams (mapped from API
 * names to the form's field names). The typed values stay in the form's own state, so nothing is lost.
 */
export function useFieldErrors() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<ApiError | null>(null);
  return {
    errors,
    formError,
    clear: () => {
      setErrors({});
      setFormError(null);
    },
    setLocal: (next: FieldErrors) => setErrors(next),
    /** Maps invalidParams to fields; anything that matches no field is shown as a form error. */
    fromApi: (error: unknown, fieldOf: Record<string, string> = {}) => {
      if (!(error instanceof ApiError)) {
        setFormError(new ApiError(0, String(error)));
        return;
      }
      const next: FieldErrors = {};
      let unmatched = false;
      for (const p of error.invalidParams) {
        const key = Object.keys(fieldOf).find(
          (k) => p.name === k || p.name.startsWith(`${k}.`) || p.name.endsWith(`.${k}`),
        );
        if (key) next[fieldOf[key] ?? key] ??= p.reason;
        else unmatched = true;
      }
      setErrors(next);
      setFormError(unmatched || error.invalidParams.length === 0 ? error : null);
    },
    hasErrors: Object.values(errors).some(Boolean),
  };
}
