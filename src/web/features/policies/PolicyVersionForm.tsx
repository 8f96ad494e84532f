import { useRef, useState, type FormEvent } from 'react';
import { api } from '../../api.ts';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import { useFieldErrors } from '../../lib/formErrors.ts';
import type { ActivityType, Category, Method, PolicyVersion, TenderRules } from '../../lib/model.ts';
import { Button } from '../../ui/Button.tsx';
import { ErrorSummary, Fieldset, SelectField, TextField } from '../../ui/fields.tsx';
import { ErrorAlert } from '../../ui/states.tsx';
import { Alert, Heading, Paragraph } from '../../ui/text.tsx';
import {
  collectTargetGroups,
  draftOf,
  TargetGroupEditor,
  targetGroupFieldMap,
} from './TargetGroupEditor.tsx';
import { collectTender, tenderDraftOf, tenderFieldMap, TenderRulesEditor } from './TenderRulesEditor.tsx';

const categoryList: Category[] = ['employment', 'participation', 'socialDomain', 'socialEnterprise'];
const methodList: Method[] = [
  'fteYear',
  'unit',
  'hour',
  'spendShare',
  'money',
  'obligationShare',
  'targetGroupYear',
];
/** targetGroupYear takes its rates from the target groups, not from the activity type. */
const valued = (m: string) => m !== 'targetGroupYear';
/** Methods valued at a rate in euros; the others count a share (basis points). */
const rated = (m: string) => m === 'fteYear' || m === 'unit' || m === 'hour';

const centsToText = (c: number | undefined, lang: 'nl' | 'en') =>
  typeof c === 'number'
    ? (c / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })
    : '';
const bpToText = (bp: number | undefined, lang: 'nl' | 'en') =>
  typeof bp === 'number'
    ? (bp / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 })
    : '';
const textToBp = (s: string) => {
  const n = Number(s.trim().replace(',', '.'));
  return s.trim() === '' || Number.isNaN(n) ? null : Math.round(n * 100);
};

interface TypeRow {
  key: number;
  code: string;
  name: string;
  category: string;
  method: string;
  unit: string;
  /** Euros for rated methods, a percentage for shares. */
  value: string;
  /** Evidence is required for activities of this type (decision 024). */
  evidenceRequired: boolean;
  /** The stored type it came from (keeps its description); null for a new one. */
  from: ActivityType | null;
}

type Settings = Record<
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

/**
 * A new policy version, starting from the newest one: date, percentage, thresholds, reporting,
 * caps and the valuation catalogue (add, remove, edit activity types). The API validates the whole
 * version; its reasons appear by the fields, and nothing typed is lost.
 */
export function PolicyVersionForm({
  base,
  tenderDefaults,
  onSaved,
}: {
  base: PolicyVersion;
  /** Retour's tender rules, for a version without its own. */
  tenderDefaults: TenderRules;
  onSaved: () => void;
}) {
  const { t, tx, lang } = useI18n();
  const p = base.policy;
  const caps = (p.categoryCapsBp ?? {}) as Partial<Record<Category, number>>;
  const byKind = (p.planThresholdByKind ?? {}) as { works?: number; servicesAndSupplies?: number };
  const [settings, setSettings] = useState<Settings>(() => ({
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
  }));
  const nextKey = useRef(0);
  const [rows, setRows] = useState<TypeRow[]>(() =>
    p.activityTypes.map((x) => ({
      key: nextKey.current++,
      code: x.code,
      name: x.name,
      category: x.category,
      method: x.method,
      unit: x.unit ?? '',
      value: rated(x.method) ? centsToText(x.rateCents, lang) : bpToText(x.shareBp, lang),
      evidenceRequired: x.evidenceRequired === true,
      from: x,
    })),
  );
  const [groups, setGroups] = useState(() => draftOf(p, lang));
  const [tender, setTender] = useState(() =>
    tenderDraftOf((p.tender as TenderRules | undefined) ?? tenderDefaults, lang),
  );
  const addTypes = (types: ActivityType[]) =>
    setRows((all) => [
      ...all,
      ...types
        .filter((x) => !all.some((r) => r.code === x.code))
        .map((x) => ({
          key: nextKey.current++,
          code: x.code,
          name: x.name,
          category: x.category,
          method: x.method,
          unit: x.unit ?? '',
          value: '',
          evidenceRequired: x.evidenceRequired === true,
          from: x,
        })),
    ]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const form = useFieldErrors();
  const set = (key: keyof Settings) => (e: { target: { value: string } }) =>
    setSettings((s) => ({ ...s, [key]: e.target.value }));
  const setRow = (key: number, field: keyof TypeRow) => (e: { target: { value: string } }) =>
    setRows((all) => all.map((r) => (r.key === key ? { ...r, [field]: e.target.value } : r)));
  const addRow = () =>
    setRows((all) => [
      ...all,
      {
        key: nextKey.current++,
        code: '',
        name: '',
        category: 'participation',
        method: 'hour',
        unit: '',
        value: '',
        evidenceRequired: false,
        from: null,
      },
    ]);

  async function submit(e: FormEvent) {
    e.preventDefault();
    form.clear();
    setSaved(null);
    const local: Record<string, string> = {};
    const euros = (key: keyof Settings, required = false) => {
      const text = settings[key].trim();
      if (!text) {
        if (required) local[key] = t('common.required');
        return undefined;
      }
      const v = parseEuros(text, lang);
      if (v === null) local[key] = t('common.invalidAmount');
      return v ?? undefined;
    };
    const percent = (key: keyof Settings, required = false) => {
      const text = settings[key].trim();
      if (!text) {
        if (required) local[key] = t('common.required');
        return undefined;
      }
      const v = textToBp(text);
      if (v === null) local[key] = t('activity.notANumber');
      return v ?? undefined;
    };
    if (!settings.validFrom) local.validFrom = t('common.required');
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
      if (!Number.isInteger(reportDueDays)) local.reportDueDays = t('activity.notANumber');
    }
    const categoryCapsBp: Partial<Record<Category, number>> = {};
    for (const c of categoryList) {
      const v = percent(`cap-${c}`);
      if (v !== undefined) categoryCapsBp[c] = v;
    }
    const activityTypes = rows.map((r, i) => {
      if (!r.code.trim()) local[`at-${i}-code`] = t('common.required');
      if (!r.name.trim()) local[`at-${i}-name`] = t('common.required');
      const v = !valued(r.method)
        ? undefined
        : rated(r.method)
          ? parseEuros(r.value, lang)
          : r.value.trim()
            ? textToBp(r.value)
            : undefined;
      if (v === null || (rated(r.method) && v === undefined))
        local[`at-${i}-value`] = t('activity.notANumber');
      const { rateCents: _r, shareBp: _s, unit: _u, evidenceRequired: _e, ...kept } = r.from ?? {};
      return {
        ...kept,
        code: r.code.trim(),
        name: r.name.trim(),
        category: r.category,
        method: r.method,
        ...(r.unit.trim() ? { unit: r.unit.trim() } : {}),
        ...(v == null ? {} : rated(r.method) ? { rateCents: v } : { shareBp: v }),
        ...(r.evidenceRequired ? { evidenceRequired: true } : {}),
      };
    });
    const targetGroupFields = collectTargetGroups(groups, lang, t('activity.notANumber'), local);
    const tenderRules = collectTender(tender, lang, t('activity.notANumber'), local);
    if (Object.keys(local).length) {
      form.setLocal(local);
      return;
    }
    setBusy(true);
    try {
      const {
        planThresholdByKind: _k,
        exemptBelowCents: _e,
        obligationCapCents: _o,
        categoryCapsBp: _c,
        fullTimeHoursPerWeek: _f,
        minHoursPerWeek: _m,
        targetGroups: _g,
        bonuses: _b,
        targetGroupSource: _t,
        penaltyFactorBp: _p,
        ...rest
      } = p;
      const res = await api.post<{ version: number }>(endpoints.policies, {
        ...rest,
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
        ...targetGroupFields,
        ...(tenderRules ? { tender: tenderRules } : {}),
        activityTypes,
      });
      setSaved(res.version);
      onSaved();
    } catch (error) {
      const typeFields = rows.flatMap((_, i) => [
        [`activityTypes.${i}.code`, `at-${i}-code`],
        [`activityTypes.${i}.name`, `at-${i}-name`],
        [`activityTypes.${i}.category`, `at-${i}-category`],
        [`activityTypes.${i}.method`, `at-${i}-method`],
        [`activityTypes.${i}.unit`, `at-${i}-unit`],
        [`activityTypes.${i}.evidenceRequired`, `at-${i}-evidence`],
        [`activityTypes.${i}`, `at-${i}-value`],
      ]);
      form.fromApi(error, {
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
        ...Object.fromEntries(typeFields),
        ...targetGroupFieldMap(groups),
        ...tenderFieldMap(tender),
        activityTypes: rows.length ? 'at-0-code' : 'validFrom',
      });
    } finally {
      setBusy(false);
    }
  }

  const summary = Object.entries(form.errors)
    .filter(([, m]) => m)
    .map(([k, m]) => ({ fieldId: `policy-${k}`, message: m ?? '' }));
  const money = (key: keyof Settings, label: string, description?: string) => (
    <TextField
      id={`policy-${key}`}
      label={label}
      description={description ?? t('common.euroHint')}
      value={settings[key]}
      onChange={set(key)}
      error={form.errors[key]}
      inputMode="decimal"
    />
  );

  return (
    <section aria-labelledby="policy-new" className="retour-card">
      <Heading level={2} id="policy-new">
        {t('policy.newTitle')}
      </Heading>
      <Paragraph>{t('policy.newLead')}</Paragraph>
      <div aria-live="polite">
        {saved !== null ? <Alert type="ok">{t('policy.saved', { version: saved })}</Alert> : null}
      </div>
      <ErrorSummary heading={t('common.formErrors')} errors={summary} />
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
      <form className="retour-stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="retour-form">
          <TextField
            id="policy-validFrom"
            type="date"
            label={t('policy.validFrom')}
            value={settings.validFrom}
            onChange={set('validFrom')}
            error={form.errors.validFrom}
            required
          />
          <TextField
            id="policy-percentage"
            label={t('policy.percentageInput')}
            value={settings.percentage}
            onChange={set('percentage')}
            error={form.errors.percentage}
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
            error={form.errors.reportDueDays}
            inputMode="numeric"
          />
          <TextField
            id="policy-behindTolerance"
            label={t('policyEdit.behindToleranceInput')}
            value={settings.behindTolerance}
            onChange={set('behindTolerance')}
            error={form.errors.behindTolerance}
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
                error={form.errors[`cap-${c}`]}
                inputMode="decimal"
              />
            ))}
          </div>
        </Fieldset>
        <Heading level={3}>{t('policy.catalogue')}</Heading>
        {rows.map((r, i) => (
          <Fieldset key={r.key} legend={t('policyEdit.typeLegend', { n: i + 1, name: r.name || '…' })}>
            <div className="retour-toolbar">
              <TextField
                id={`policy-at-${i}-code`}
                label={t('policyEdit.code')}
                value={r.code}
                onChange={setRow(r.key, 'code')}
                error={form.errors[`at-${i}-code`]}
                autoComplete="off"
              />
              <TextField
                id={`policy-at-${i}-name`}
                label={t('policyEdit.name')}
                value={r.name}
                onChange={setRow(r.key, 'name')}
                error={form.errors[`at-${i}-name`]}
                autoComplete="off"
              />
              <SelectField
                id={`policy-at-${i}-category`}
                label={t('estimate.exampleCategory')}
                value={r.category}
                onChange={setRow(r.key, 'category')}
                error={form.errors[`at-${i}-category`]}
                options={categoryList.map((c) => ({ value: c, label: tx('category', c) }))}
              />
              <SelectField
                id={`policy-at-${i}-method`}
                label={t('policy.method')}
                value={r.method}
                onChange={setRow(r.key, 'method')}
                error={form.errors[`at-${i}-method`]}
                options={methodList.map((m) => ({ value: m, label: tx('method', m) }))}
              />
              <TextField
                id={`policy-at-${i}-unit`}
                label={t('policyEdit.unit')}
                value={r.unit}
                onChange={setRow(r.key, 'unit')}
                error={form.errors[`at-${i}-unit`]}
                autoComplete="off"
              />
              {valued(r.method) ? (
                <TextField
                  id={`policy-at-${i}-value`}
                  label={rated(r.method) ? t('policyEdit.rate') : t('policyEdit.share')}
                  value={r.value}
                  onChange={setRow(r.key, 'value')}
                  error={form.errors[`at-${i}-value`]}
                  inputMode="decimal"
                />
              ) : null}
            </div>
            <div className="utrecht-form-field utrecht-form-field--checkbox">
              <input
                type="checkbox"
                id={`policy-at-${i}-evidence`}
                className="utrecht-checkbox utrecht-checkbox--html-input"
                checked={r.evidenceRequired}
                onChange={(e) =>
                  setRows((all) =>
                    all.map((x) => (x.key === r.key ? { ...x, evidenceRequired: e.target.checked } : x)),
                  )
                }
              />
              <label
                htmlFor={`policy-at-${i}-evidence`}
                className="utrecht-form-label utrecht-form-label--checkbox"
              >
                {t('evidenceRule.policyField')}
              </label>
            </div>
            <Button
              type="button"
              onClick={() => setRows((all) => all.filter((x) => x.key !== r.key))}
              aria-label={t('policyEdit.removeLabel', { name: r.name || String(i + 1) })}
            >
              {t('policyEdit.remove')}
            </Button>
          </Fieldset>
        ))}
        <div>
          <Button type="button" onClick={addRow}>
            {t('policyEdit.add')}
          </Button>
        </div>
        <TargetGroupEditor value={groups} onChange={setGroups} errors={form.errors} onTypes={addTypes} />
        <TenderRulesEditor value={tender} onChange={setTender} errors={form.errors} />
        <div>
          <Button type="submit" variant="primary" busy={busy} disabled={busy}>
            {t('policy.save')}
          </Button>
        </div>
      </form>
    </section>
  );
}
