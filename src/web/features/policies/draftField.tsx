import { TextField } from '../../ui/fields.tsx';

type Change = (e: { target: { value: string } }) => void;

/**
 * A text field of a policy editor part: its id is `policy-<key>` and its error the form's error
 * under `<key>` (the key the part's field map gives the API's field name).
 */
export function draftField(errors: Record<string, string | undefined>) {
  return (key: string, label: string, value: string, onChange: Change, extra: object = {}) => (
    <TextField
      id={`policy-${key}`}
      label={label}
      value={value}
      onChange={onChange}
      error={errors[key]}
      autoComplete="off"
      {...extra}
    />
  );
}
