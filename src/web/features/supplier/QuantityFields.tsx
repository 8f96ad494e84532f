import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ActivityType } from '../../lib/model.ts';
import { TextField } from '../../ui/fields.tsx';

export interface QuantityInput {
  fte: string;
  months: string;
  units: string;
  hours: string;
  amount: string;
  validFrom: string;
  validTo: string;
}
export const emptyQuantity: QuantityInput = {
  fte: '',
  months: '',
  units: '',
  hours: '',
  amount: '',
  validFrom: '',
  validTo: '',
};

/** The inputs an activity type's method asks for (api.md): fte and months, units, hours, an amount, or dates. */
export function QuantityFields({
  type,
  value,
  onChange,
  errors,
  idPrefix,
}: {
  type: ActivityType | undefined;
  value: QuantityInput;
  onChange: (next: QuantityInput) => void;
  errors: Record<string, string | undefined>;
  idPrefix: string;
}) {
  const { t } = useI18n();
  if (!type) return null;
  const field = (key: keyof QuantityInput, label: string, extra: Record<string, string> = {}) => (
    <TextField
      id={`${idPrefix}-${key}`}
      label={label}
      value={value[key]}
      onChange={(e) => onChange({ ...value, [key]: e.target.value })}
      error={errors[key]}
      inputMode="decimal"
      {...extra}
    />
  );
  switch (type.method) {
    case 'fteYear':
      return (
        <div className="retour-form-row">
          {field('fte', t('activity.fte'))}
          {field('months', t('activity.months'))}
        </div>
      );
    case 'targetGroupYear':
      return field('months', t('activity.months'));
    case 'unit':
      return field('units', t('activity.units'), { inputMode: 'numeric' });
    case 'hour':
      return field('hours', t('activity.hours'));
    case 'spendShare':
    case 'money':
      return field('amount', t('activity.amount'));
    case 'obligationShare':
      return (
        <div className="retour-form-row">
          {field('validFrom', t('activity.validFrom'), { type: 'date' })}
          {field('validTo', t('activity.validTo'), { type: 'date' })}
        </div>
      );
    default:
      return null;
  }
}
