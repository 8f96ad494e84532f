import {
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';
import { cx } from './text.tsx';

interface FieldProps {
  label: ReactNode;
  description?: ReactNode;
  /** The error next to the field; tied to it with aria-describedby and aria-invalid. */
  error?: string | undefined;
  id?: string;
}

function useFieldIds(id: string | undefined, description: ReactNode, error: string | undefined) {
  const auto = useId();
  const fieldId = id ?? `f${auto.replace(/:/g, '')}`;
  const descriptionId = description ? `${fieldId}-description` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  const describedBy = [errorId, descriptionId].filter(Boolean).join(' ') || undefined;
  return { fieldId, descriptionId, errorId, describedBy };
}

function Field({
  label,
  description,
  error,
  ids,
  children,
}: FieldProps & { ids: ReturnType<typeof useFieldIds>; children: ReactNode }) {
  return (
    <div
      className={cx(
        'utrecht-form-field utrecht-form-field--text retour-form-field',
        error && 'utrecht-form-field--invalid',
      )}
    >
      <div className="utrecht-form-field__label">
        <label className="utrecht-form-label" htmlFor={ids.fieldId}>
          {label}
        </label>
      </div>
      {description ? (
        <div
          className="utrecht-form-field__description utrecht-form-field-description"
          id={ids.descriptionId}
        >
          {description}
        </div>
      ) : null}
      {error ? (
        <div className="utrecht-form-field__error-message utrecht-form-field-error-message" id={ids.errorId}>
          {error}
        </div>
      ) : null}
      <div className="utrecht-form-field__input">{children}</div>
    </div>
  );
}

export function TextField({
  label,
  description,
  error,
  id,
  className,
  ...input
}: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  const ids = useFieldIds(id, description, error);
  return (
    <Field label={label} description={description} error={error} ids={ids}>
      <input
        id={ids.fieldId}
        className={cx(
          'utrecht-textbox utrecht-textbox--html-input',
          error && 'utrecht-textbox--invalid',
          className,
        )}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </Field>
  );
}

export function TextareaField({
  label,
  description,
  error,
  id,
  ...input
}: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ids = useFieldIds(id, description, error);
  return (
    <Field label={label} description={description} error={error} ids={ids}>
      <textarea
        id={ids.fieldId}
        className={cx(
          'utrecht-textarea utrecht-textarea--html-textarea',
          error && 'utrecht-textarea--invalid',
        )}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...input}
      />
    </Field>
  );
}

export function SelectField({
  label,
  description,
  error,
  id,
  options,
  ...select
}: FieldProps & { options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const ids = useFieldIds(id, description, error);
  return (
    <Field label={label} description={description} error={error} ids={ids}>
      <select
        id={ids.fieldId}
        className={cx('utrecht-select utrecht-select--html-select', error && 'utrecht-select--invalid')}
        aria-invalid={error ? true : undefined}
        aria-describedby={ids.describedBy}
        {...select}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** Groups related fields under a legend (radio groups, a half-year's activity). */
export function Fieldset({ legend, children }: { legend: ReactNode; children: ReactNode }) {
  return (
    <fieldset className="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset retour-fieldset">
      <legend className="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
        {legend}
      </legend>
      {children}
    </fieldset>
  );
}

/**
 * The name a field goes by on screen: its label, after the legend of the group it is in when that
 * group repeats (`Contactpersoon 2, E-mailadres contactpersoon`); empty when it has no label.
 */
function fieldName(fieldId: string): string {
  const field = document.getElementById(fieldId);
  if (!field) return '';
  const label = ('labels' in field ? (field as HTMLInputElement).labels?.[0] : undefined)?.textContent ?? '';
  const legend = field.closest('fieldset')?.querySelector('legend')?.textContent ?? '';
  return [legend, label]
    .map((s) => s.trim())
    .filter(Boolean)
    .join(', ');
}

/**
 * The errors of a failed submit, each a link to its field naming it (WCAG 3.3.1: the item in error
 * is identified in text); focused so keyboard and screen-reader users land on it.
 */
export function ErrorSummary({
  heading,
  errors,
}: {
  heading: ReactNode;
  errors: { fieldId?: string | undefined; message: string }[];
}) {
  const ref = useRef<HTMLDivElement>(null);
  const signature = errors.map((e) => `${e.fieldId ?? ''}:${e.message}`).join('|');
  // the fields' names are read from the page once it shows them (labels live beside the fields);
  // the signature stands for the errors
  const [names, setNames] = useState<Record<string, string>>({});
  useLayoutEffect(() => {
    const next: Record<string, string> = {};
    for (const e of errors) if (e.fieldId) next[e.fieldId] = fieldName(e.fieldId);
    setNames(next);
  }, [signature]);
  useEffect(() => {
    if (signature) ref.current?.focus();
  }, [signature]);
  if (errors.length === 0) return null;
  return (
    <div
      className="utrecht-alert utrecht-alert--error retour-error-summary"
      role="alert"
      tabIndex={-1}
      ref={ref}
    >
      <div className="utrecht-alert__content">
        <div className="utrecht-alert__message">
          <p className="utrecht-paragraph retour-alert-heading">{heading}</p>
          <ul className="utrecht-unordered-list">
            {errors.map((e, i) => {
              const name = e.fieldId ? names[e.fieldId] : undefined;
              return (
                <li className="utrecht-unordered-list__item" key={i}>
                  {e.fieldId ? (
                    <a className="utrecht-link utrecht-link--html-a" href={`#${e.fieldId}`}>
                      {name ? `${name}: ${e.message}` : e.message}
                    </a>
                  ) : (
                    e.message
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      </div>
    </div>
  );
}
