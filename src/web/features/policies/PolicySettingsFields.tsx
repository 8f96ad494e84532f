import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { Category } from '../../lib/model.ts';
import type { PolicyInput } from '../../lib/policy-model.ts';
import { Fieldset, TextField } from '../../ui/fields.tsx';
import { Paragraph } from '../../ui/text.tsx';
import { categoryList } from './ActivityTypeEditor.tsx';
import { bpToText, centsToText, textToBp } from './policyNumbers.ts';

/** The policy's numbers as typed: date, percentage, thresholds, reporting and the caps per category. */
export type Settings = Record<
  | 'validFrom'
  | 'percentage'
  | 'threshold'
  | 'thresholdWorks'
  | 'thresholdServices'
  | 'exemptBelow'
  | 'obligationCap'
  | 'reportDueDays'
  | 'behindTolerance'
  | `cap-${Category}`,
  string
>;

/** The settings of a new version, starting from the given one (the date is left to fill in). */
export function settingsOf(p: PolicyInput, lang: 'nl' | 'en'): Settings {
  const caps = (p.categoryCapsBp ?? {}) as Partial<Record<Category, number>>;
  const byKind = (p.planThresholdByKind ?? {}) as { works?: number; servicesAndSupplies?: number };
  return {
    validFrom: '',
    percentage: bpToText(p.percentageBp, lang),
    threshold: centsToText(p.planThresholdCents, lang),
    thresholdWorks: centsToText(byKind.works, lang),
    thresholdServices: centsToText(byKind.servicesAndSupplies, lang),
    exemptBelow: centsToText(p.exemptBelowCents, lang),
    obligationCap: centsToText(p.obligationCapCents as number | undefined, lang),
    reportDueDays: p.reportDueDays === undefined ? '' : String(p.reportDueDays),
    behindTolerance: bpToText(p.behindToleranceBp, lang),
    ...(Object.fromEntries(categoryList.map((c) => [`cap-${c}`, bpToText(caps[c], lang)])) as Record<
      `cap-${Category}`,
      string
    >),
  };
}

/**
 * The settings as policy fields, with a local error per field that is missing or not a number
 * (keys as in {@link Settings}); the API checks the rest, mapped back by {@link settingsFieldMap}.
 */
export function collectSettings(
  settings: Settings,
  lang: 'nl' | 'en',
  messages: { required: string; invalidAmount: string; notANumber: string },
  local: Record<string, string>,
) {
  const euros = (key: keyof Settings, required = false) => {
    const text = settings[key].trim();
    if (!text) {
      if (required) local[key] = messages.required;
      return undefined;
    }
    const v = parseEuros(text, lang);
    if (v === null) local[key] = messages.invalidAmount;
    return v ?? undefined;
  };
  const percent = (key: keyof Settings, required = false) => {
    const text = settings[key].trim();
    if (!text) {
      if (required) local[key] = messages.required;
      return undefined;
    }
    const v = textToBp(text);
    if (v === null) local[key] = messages.notANumber;
    return v ?? undefined;
  };
  if (!settings.validFrom) local.validFrom = messages.required;
  const percentageBp = percent('percentage', true);
  const planThresholdCents = euros('threshold', true);
  const works = euros('thresholdWorks');
  const services = euros('thresholdServices');
  const exemptBelowCents = euros('exemptBelow');
  const obligationCapCents = euros('obligationCap');
  const behindToleranceBp = percent('behindTolerance');
  let reportDueDays: number | undefined;
  if (settings.reportDueDays.trim()) {
    reportDueDays = Number(settings.reportDueDays.trim());
    if (!Number.isInteger(reportDueDays)) local.reportDueDays = messages.notANumber;
  }
  const categoryCapsBp: Partial<Record<Category, number>> = {};
  for (const c of categoryList) {
    const v = percent(`cap-${c}`);
    if (v !== undefined) categoryCapsBp[c] = v;
  }
  return {
    validFrom: settings.validFrom,
    percentageBp,
    planThresholdCents,
    ...(works !== undefined || services !== undefined
      ? {
          planThresholdByKind: {
            ...(works !== undefined ? { works } : {}),
            ...(services !== undefined ? { servicesAndSupplies: services } : {}),
          },
        }
      : {}),
    ...(exemptBelowCents !== undefined ? { exemptBelowCents } : {}),
    ...(obligationCapCents !== undefined ? { obligationCapCents } : {}),
    ...(reportDueDays !== undefined ? { reportDueDays } : {}),
    ...(behindToleranceBp !== undefined ? { behindToleranceBp } : {}),
    ...(Object.keys(categoryCapsBp).length ? { categoryCapsBp } : {}),
  };
}

/** API field names → the settings' field keys. */
export const settingsFieldMap: Record<string, string> = {
  validFrom: 'validFrom',
  percentageBp: 'percentage',
  'planThresholdByKind.works': 'thresholdWorks',
  'planThresholdByKind.servicesAndSupplies': 'thresholdServices',
  planThresholdCents: 'threshold',
  exemptBelowCents: 'exemptBelow',
  obligationCapCents: 'obligationCap',
  reportDueDays: 'reportDueDays',
  behindToleranceBp: 'behindTolerance',
  ...Object.fromEntries(categoryList.map((c) => [`categoryCapsBp.${c}`, `cap-${c}`])),
};

/** The fields of the settings: date, percentage, thresholds, reporting, then the caps per category. */
export function PolicySettingsFields({
  value: settings,
  onChange,
  errors,
}: {
  value: Settings;
  onChange: (update: (settings: Settings) => Settings) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t, tx } = useI18n();
  const set = (key: keyof Settings) => (e: { target: { value: string } }) =>
    onChange((s) => ({ ...s, [key]: e.target.value }));
  const money = (key: keyof Settings, label: string, description?: string) => (
    <TextField
      id={`policy-${key}`}
      label={label}
      description={description ?? t('common.euroHint')}
      value={settings[key]}
      onChange={set(key)}
      error={errors[key]}
      inputMode="decimal"
    />
  );

  return (
    <>
      <div className="retour-form">
        <TextField
          id="policy-validFrom"
          type="date"
          label={t('policy.validFrom')}
          value={settings.validFrom}
          onChange={set('validFrom')}
          error={errors.validFrom}
          required
        />
        <TextField
          id="policy-percentage"
          label={t('policy.percentageInput')}
          value={settings.percentage}
          onChange={set('percentage')}
          error={errors.percentage}
          inputMode="decimal"
        />
        {money('threshold', t('policy.planThreshold'))}
        {money('thresholdWorks', t('policyEdit.thresholdWorks'), t('policyEdit.optionalEuro'))}
        {money('thresholdServices', t('policyEdit.thresholdServices'), t('policyEdit.optionalEuro'))}
        {money('exemptBelow', t('policy.exemptBelow'), t('policyEdit.optionalEuro'))}
        {money('obligationCap', t('policyEdit.obligationCap'), t('policyEdit.optionalEuro'))}
        <TextField
          id="policy-reportDueDays"
          label={t('policy.reportDueDays')}
          value={settings.reportDueDays}
          onChange={set('reportDueDays')}
          error={errors.reportDueDays}
          inputMode="numeric"
        />
        <TextField
          id="policy-behindTolerance"
          label={t('policyEdit.behindToleranceInput')}
          value={settings.behindTolerance}
          onChange={set('behindTolerance')}
          error={errors.behindTolerance}
          inputMode="decimal"
        />
      </div>
      <Fieldset legend={t('policyEdit.caps')}>
        <Paragraph small>{t('policyEdit.capsHint')}</Paragraph>
        <div className="retour-toolbar">
          {categoryList.map((c) => (
            <TextField
              key={c}
              id={`policy-cap-${c}`}
              label={t('policyEdit.capFor', { category: tx('category', c) })}
              value={settings[`cap-${c}`]}
              onChange={set(`cap-${c}`)}
              error={errors[`cap-${c}`]}
              inputMode="decimal"
            />
          ))}
        </div>
      </Fieldset>
    </>
  );
}
