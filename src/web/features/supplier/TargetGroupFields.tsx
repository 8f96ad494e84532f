import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TargetGroupData } from '../../lib/model.ts';
import { Fieldset, SelectField, TextField } from '../../ui/fields.tsx';

export interface TargetGroupInput {
  targetGroup: string;
  hoursPerWeek: string;
  bonuses: string[];
}
export const emptyTargetGroup: TargetGroupInput = { targetGroup: '', hoursPerWeek: '', bonuses: [] };

/**
 * The inputs of a `targetGroupYear` activity (domain.md §11): the candidate's target group, hours per
 * week and bonuses, chosen from the policy version's own lists, each with its rate shown.
 */
export function TargetGroupFields({
  data,
  value,
  onChange,
  errors,
  idPrefix,
}: {
  data: TargetGroupData;
  value: TargetGroupInput;
  onChange: (next: TargetGroupInput) => void;
  errors: Record<string, string | undefined>;
  idPrefix: string;
}) {
  const { t, money } = useI18n();
  const full = data.fullTimeHoursPerWeek ?? 36;
  const bonuses = data.bonuses ?? [];
  return (
    <>
      <SelectField
        id={`${idPrefix}-targetGroup`}
        label={t('tg.group')}
        value={value.targetGroup}
        onChange={(e) => onChange({ ...value, targetGroup: e.target.value })}
        error={errors.targetGroup}
        options={[
          { value: '', label: t('activity.choose') },
          ...(data.targetGroups ?? []).map((g) => ({
            value: g.code,
            label: t('tg.groupOption', { name: g.name, rate: money(g.rateCents) }),
          })),
        ]}
      />
      <TextField
        id={`${idPrefix}-hoursPerWeek`}
        label={t('tg.hoursPerWeek')}
        description={
          data.minHoursPerWeek
            ? t('tg.hoursHintMin', { full, min: data.minHoursPerWeek })
            : t('tg.hoursHint', { full })
        }
        value={value.hoursPerWeek}
        onChange={(e) => onChange({ ...value, hoursPerWeek: e.target.value })}
        error={errors.hoursPerWeek}
        inputMode="decimal"
      />
      {bonuses.length ? (
        <Fieldset legend={t('tg.bonuses')}>
          {errors.bonuses ? (
            <div className="utrecht-form-field-error-message" id={`${idPrefix}-bonuses-error`}>
              {errors.bonuses}
            </div>
          ) : null}
          {bonuses.map((b) => (
            <div key={b.code} className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                id={`${idPrefix}-bonus-${b.code}`}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={value.bonuses.includes(b.code)}
                onChange={(e) =>
                  onChange({
                    ...value,
                    bonuses: e.target.checked
                      ? [...value.bonuses, b.code]
                      : value.bonuses.filter((x) => x !== b.code),
                  })
                }
              />
              <label
                htmlFor={`${idPrefix}-bonus-${b.code}`}
                className="utrecht-form-label utrecht-form-label--checkbox"
              >
                {t('tg.bonusOption', { name: b.name, rate: money(b.rateCents) })}
              </label>
            </div>
          ))}
        </Fieldset>
      ) : null}
    </>
  );
}
