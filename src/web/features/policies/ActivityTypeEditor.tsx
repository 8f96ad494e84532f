import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { ActivityType, Category, Method } from '../../lib/model.ts';
import { Button } from '../../ui/Button.tsx';
import { Fieldset, SelectField, TextField } from '../../ui/fields.tsx';
import { Heading } from '../../ui/text.tsx';
import { bpToText, centsToText, textToBp } from './policyNumbers.ts';

export const categoryList: Category[] = ['employment', 'participation', 'socialDomain', 'socialEnterprise'];
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

export interface TypeRow {
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

let nextKey = 0;

/** The row of a stored type, with its value as typed. */
const rowOf = (x: ActivityType, value: string): TypeRow => ({
  key: nextKey++,
  code: x.code,
  name: x.name,
  category: x.category,
  method: x.method,
  unit: x.unit ?? '',
  value,
  evidenceRequired: x.evidenceRequired === true,
  from: x,
});

/** The editable rows of a policy version's valuation catalogue. */
export function typeRowsOf(types: ActivityType[], lang: 'nl' | 'en'): TypeRow[] {
  return types.map((x) =>
    rowOf(x, rated(x.method) ? centsToText(x.rateCents, lang) : bpToText(x.shareBp, lang)),
  );
}

/** The rows with the given types added (without a value) that are not in them yet by code. */
export function withTypes(all: TypeRow[], types: ActivityType[]): TypeRow[] {
  return [...all, ...types.filter((x) => !all.some((r) => r.code === x.code)).map((x) => rowOf(x, ''))];
}

/**
 * The rows as activity types, with a local error per empty code or name and per value that is not
 * a number (keys `at-<i>-…`); the API checks the rest, mapped back by {@link activityTypeFieldMap}.
 */
export function collectActivityTypes(
  rows: TypeRow[],
  lang: 'nl' | 'en',
  messages: { required: string; notANumber: string },
  local: Record<string, string>,
) {
  return rows.map((r, i) => {
    if (!r.code.trim()) local[`at-${i}-code`] = messages.required;
    if (!r.name.trim()) local[`at-${i}-name`] = messages.required;
    const v = !valued(r.method)
      ? undefined
      : rated(r.method)
        ? parseEuros(r.value, lang)
        : r.value.trim()
          ? textToBp(r.value)
          : undefined;
    if (v === null || (rated(r.method) && v === undefined)) local[`at-${i}-value`] = messages.notANumber;
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
}

/** API field names → the editor's field keys. */
export function activityTypeFieldMap(rows: TypeRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.flatMap((_, i) => [
      [`activityTypes.${i}.code`, `at-${i}-code`],
      [`activityTypes.${i}.name`, `at-${i}-name`],
      [`activityTypes.${i}.category`, `at-${i}-category`],
      [`activityTypes.${i}.method`, `at-${i}-method`],
      [`activityTypes.${i}.unit`, `at-${i}-unit`],
      [`activityTypes.${i}.evidenceRequired`, `at-${i}-evidence`],
      [`activityTypes.${i}`, `at-${i}-value`],
    ]),
  );
}

/** The valuation catalogue: add, remove and edit activity types (code, name, category, method, unit, value, evidence). */
export function ActivityTypeEditor({
  value: rows,
  onChange,
  errors,
}: {
  value: TypeRow[];
  onChange: (update: (rows: TypeRow[]) => TypeRow[]) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t, tx } = useI18n();
  const setRow = (key: number, field: keyof TypeRow) => (e: { target: { value: string } }) =>
    onChange((all) => all.map((r) => (r.key === key ? { ...r, [field]: e.target.value } : r)));
  const addRow = () =>
    onChange((all) => [
      ...all,
      {
        key: nextKey++,
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

  return (
    <>
      <Heading level={3}>{t('policy.catalogue')}</Heading>
      {rows.map((r, i) => (
        <Fieldset key={r.key} legend={t('policyEdit.typeLegend', { n: i + 1, name: r.name || '…' })}>
          <div className="retour-toolbar">
            <TextField
              id={`policy-at-${i}-code`}
              label={t('policyEdit.code')}
              value={r.code}
              onChange={setRow(r.key, 'code')}
              error={errors[`at-${i}-code`]}
              autoComplete="off"
            />
            <TextField
              id={`policy-at-${i}-name`}
              label={t('policyEdit.name')}
              value={r.name}
              onChange={setRow(r.key, 'name')}
              error={errors[`at-${i}-name`]}
              autoComplete="off"
            />
            <SelectField
              id={`policy-at-${i}-category`}
              label={t('estimate.exampleCategory')}
              value={r.category}
              onChange={setRow(r.key, 'category')}
              error={errors[`at-${i}-category`]}
              options={categoryList.map((c) => ({ value: c, label: tx('category', c) }))}
            />
            <SelectField
              id={`policy-at-${i}-method`}
              label={t('policy.method')}
              value={r.method}
              onChange={setRow(r.key, 'method')}
              error={errors[`at-${i}-method`]}
              options={methodList.map((m) => ({ value: m, label: tx('method', m) }))}
            />
            <TextField
              id={`policy-at-${i}-unit`}
              label={t('policyEdit.unit')}
              value={r.unit}
              onChange={setRow(r.key, 'unit')}
              error={errors[`at-${i}-unit`]}
              autoComplete="off"
            />
            {valued(r.method) ? (
              <TextField
                id={`policy-at-${i}-value`}
                label={rated(r.method) ? t('policyEdit.rate') : t('policyEdit.share')}
                value={r.value}
                onChange={setRow(r.key, 'value')}
                error={errors[`at-${i}-value`]}
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
                onChange((all) =>
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
            onClick={() => onChange((all) => all.filter((x) => x.key !== r.key))}
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
    </>
  );
}
