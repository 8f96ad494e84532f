import { useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { useFieldErrors } from '../../lib/formErrors.ts';
import { ErrorSummary } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';

/**
 * The typed values of a form (kept on a failed submit) and its field errors; `bind('name')` gives a
 * field its id (`<prefix>-name`, which the error summary links to), value, onChange and error.
 */
export function useForm<V extends Record<string, string>>(initial: V | (() => V), prefix: string) {
  const [values, setValues] = useState<V>(initial);
  const form = useFieldErrors();
  const bind = (key: keyof V & string) => ({
    id: `${prefix}-${key}`,
    value: values[key],
    onChange: (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value })),
    error: form.errors[key],
  });
  return { values, setValues, form, bind, prefix };
}

/** The error summary (each error a link to its field) and any error that belongs to no field. */
export function FormErrors({ form, prefix }: Pick<ReturnType<typeof useForm>, 'form' | 'prefix'>) {
  const { t } = useI18n();
  const links = Object.entries(form.errors)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([field, message]) => ({ fieldId: `${prefix}-${field}`, message }));
  return (
    <>
      <ErrorSummary heading={t('common.formErrors')} errors={links} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
    </>
  );
}
