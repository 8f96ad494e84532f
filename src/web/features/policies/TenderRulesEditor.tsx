import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { TenderRules } from '../../lib/policy-model.ts';
import { Button } from '../../ui/Button.tsx';
import { Fieldset, SelectField, TextareaField } from '../../ui/fields.tsx';
import { Heading, Paragraph } from '../../ui/text.tsx';
import { draftField } from './draftField.tsx';

const kinds = ['works', 'services', 'supplies'] as const;
const regimes = ['none', 'trust', 'plan'] as const;
const forms = [
  'jobs',
  'bblPlaces',
  'internships',
  'workExperience',
  'socialFirmPurchase',
  'swCooperation',
  'marketplace',
  'pso',
  'ownProcurement',
] as const;
type Regime = (typeof regimes)[number];

interface BandRow {
  key: number;
  /** Percent of the value, as typed. */
  below: string;
  percentage: string;
}

interface RuleRow {
  key: number;
  form: string;
  kinds: string[];
  regimes: string[];
  below: string;
  atLeast: string;
  minTerm: string;
  minValue: string;
  /** CPV prefixes, comma separated. */
  cpv: string;
  reasonNl: string;
  reasonEn: string;
}

export interface TenderDraft {
  bands: BandRow[];
  rules: RuleRow[];
  clauses: Record<Regime, { nl: string; en: string }>;
  /** Changed in the editor: only then does the new version carry its own rules. */
  touched: boolean;
}

let nextKey = 0;
const pct = (bp: number | undefined, lang: 'nl' | 'en') =>
  bp === undefined
    ? ''
    : (bp / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
const euros = (c: number | undefined, lang: 'nl' | 'en') =>
  c === undefined
    ? ''
    : (c / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });

/** The editable form of a policy version's tender rules (its own, or Retour's defaults). */
export function tenderDraftOf(rules: TenderRules, lang: 'nl' | 'en'): TenderDraft {
  return {
    bands: rules.labourShareBands.map((b) => ({
      key: nextKey++,
      below: pct(b.belowBp, lang),
      percentage: pct(b.percentageBp, lang),
    })),
    rules: rules.suggestionRules.map((r) => ({
      key: nextKey++,
      form: r.form,
      kinds: r.when.kinds ?? [],
      regimes: r.when.regimes ?? [],
      below: pct(r.when.labourShareBelowBp, lang),
      atLeast: pct(r.when.labourShareAtLeastBp, lang),
      minTerm: r.when.minTermMonths === undefined ? '' : String(r.when.minTermMonths),
      minValue: euros(r.when.minValueCents, lang),
      cpv: (r.when.cpvPrefixes ?? []).join(', '),
      reasonNl: r.reason.nl,
      reasonEn: r.reason.en,
    })),
    clauses: {
      none: { ...rules.clauseTemplates.none },
      trust: { ...rules.clauseTemplates.trust },
      plan: { ...rules.clauseTemplates.plan },
    },
    touched: false,
  };
}

/**
 * The draft as the policy's `tender` field (undefined when untouched: the version keeps what it
 * had), with a local error per field that is not a number (keys `td-…`); the API checks the rest.
 */
export function collectTender(
  d: TenderDraft,
  lang: 'nl' | 'en',
  notANumber: string,
  local: Record<string, string>,
): TenderRules | undefined {
  if (!d.touched) return undefined;
  const bp = (text: string, key: string) => {
    if (!text.trim()) return undefined;
    const n = Number(text.trim().replace(',', '.'));
    if (!Number.isFinite(n)) {
      local[key] = notANumber;
      return undefined;
    }
    return Math.round(n * 100);
  };
  const whole = (text: string, key: string) => {
    if (!text.trim()) return undefined;
    const n = Number(text.trim());
    if (!Number.isInteger(n)) local[key] = notANumber;
    return Number.isInteger(n) ? n : undefined;
  };
  return {
    labourShareBands: d.bands.map((b, i) => ({
      belowBp: bp(b.below, `td-band-${i}-below`) ?? 0,
      percentageBp: bp(b.percentage, `td-band-${i}-percentage`) ?? 0,
    })),
    suggestionRules: d.rules.map((r, i) => {
      const minValue = r.minValue.trim() ? parseEuros(r.minValue, lang) : undefined;
      if (minValue === null) local[`td-rule-${i}-minValue`] = notANumber;
      const below = bp(r.below, `td-rule-${i}-below`);
      const atLeast = bp(r.atLeast, `td-rule-${i}-atLeast`);
      const minTerm = whole(r.minTerm, `td-rule-${i}-minTerm`);
      const cpv = r.cpv
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
      return {
        form: r.form as TenderRules['suggestionRules'][number]['form'],
        when: {
          ...(r.kinds.length ? { kinds: r.kinds as (typeof kinds)[number][] } : {}),
          ...(r.regimes.length ? { regimes: r.regimes as Regime[] } : {}),
          ...(below === undefined ? {} : { labourShareBelowBp: below }),
          ...(atLeast === undefined ? {} : { labourShareAtLeastBp: atLeast }),
          ...(minTerm === undefined ? {} : { minTermMonths: minTerm }),
          ...(minValue == null ? {} : { minValueCents: minValue }),
          ...(cpv.length ? { cpvPrefixes: cpv } : {}),
        },
        reason: { nl: r.reasonNl.trim(), en: r.reasonEn.trim() },
      };
    }),
    clauseTemplates: d.clauses,
  };
}

/** API field names → the editor's field keys. */
export function tenderFieldMap(d: TenderDraft): Record<string, string> {
  const map: Record<string, string> = {
    tender: d.bands.length ? 'td-band-0-below' : 'td-clause-plan-nl',
    'tender.labourShareBands': d.bands.length ? 'td-band-0-below' : 'td-clause-plan-nl',
    'tender.suggestionRules': d.rules.length ? 'td-rule-0-form' : 'td-clause-plan-nl',
  };
  d.bands.forEach((_, i) => {
    map[`tender.labourShareBands.${i}.belowBp`] = `td-band-${i}-below`;
    map[`tender.labourShareBands.${i}.percentageBp`] = `td-band-${i}-percentage`;
    map[`tender.labourShareBands.${i}`] = `td-band-${i}-below`;
  });
  d.rules.forEach((_, i) => {
    const at = `tender.suggestionRules.${i}`;
    map[`${at}.form`] = `td-rule-${i}-form`;
    map[`${at}.when.labourShareBelowBp`] = `td-rule-${i}-below`;
    map[`${at}.when.labourShareAtLeastBp`] = `td-rule-${i}-atLeast`;
    map[`${at}.when.minTermMonths`] = `td-rule-${i}-minTerm`;
    map[`${at}.when.minValueCents`] = `td-rule-${i}-minValue`;
    map[`${at}.when.cpvPrefixes`] = `td-rule-${i}-cpv`;
    map[`${at}.when`] = `td-rule-${i}-below`;
    map[`${at}.reason.nl`] = `td-rule-${i}-reasonNl`;
    map[`${at}.reason.en`] = `td-rule-${i}-reasonEn`;
    map[`${at}.reason`] = `td-rule-${i}-reasonNl`;
  });
  for (const r of regimes)
    for (const l of ['nl', 'en'] as const) map[`tender.clauseTemplates.${r}.${l}`] = `td-clause-${r}-${l}`;
  return map;
}

/**
 * The policy editor's part for tender advice (issue 17): the percentage by labour share, the rules
 * that suggest forms of fulfilment with their reasons, and the tender clause per regime in Dutch and
 * English with its placeholders.
 */
export function TenderRulesEditor({
  value,
  onChange,
  errors,
}: {
  value: TenderDraft;
  onChange: (next: TenderDraft) => void;
  errors: Record<string, string | undefined>;
}) {
  const { t, tx } = useI18n();
  const change = (next: Partial<TenderDraft>) => onChange({ ...value, ...next, touched: true });
  const setBand = (key: number, field: 'below' | 'percentage') => (e: { target: { value: string } }) =>
    change({ bands: value.bands.map((b) => (b.key === key ? { ...b, [field]: e.target.value } : b)) });
  const setRule =
    (key: number, field: Exclude<keyof RuleRow, 'key' | 'kinds' | 'regimes'>) =>
    (e: { target: { value: string } }) =>
      change({ rules: value.rules.map((r) => (r.key === key ? { ...r, [field]: e.target.value } : r)) });
  const toggle = (key: number, field: 'kinds' | 'regimes', item: string, on: boolean) =>
    change({
      rules: value.rules.map((r) =>
        r.key === key ? { ...r, [field]: on ? [...r[field], item] : r[field].filter((x) => x !== item) } : r,
      ),
    });
  const text = draftField(errors);
  const checks = (r: RuleRow, i: number, field: 'kinds' | 'regimes', items: readonly string[]) => (
    <Fieldset legend={t(field === 'kinds' ? 'tenderEdit.kinds' : 'tenderEdit.regimes')}>
      {items.map((x) => (
        <div key={x} className="utrecht-form-field utrecht-form-field--checkbox">
          <input
            type="checkbox"
            id={`policy-td-rule-${i}-${field}-${x}`}
            className="utrecht-checkbox utrecht-checkbox--html-input"
            checked={r[field].includes(x)}
            onChange={(e) => toggle(r.key, field, x, e.target.checked)}
          />
          <label
            htmlFor={`policy-td-rule-${i}-${field}-${x}`}
            className="utrecht-form-label utrecht-form-label--checkbox"
          >
            {field === 'kinds' ? tx('tender.kind', x) : tx('regime', x)}
          </label>
        </div>
      ))}
    </Fieldset>
  );
  return (
    <section aria-labelledby="policy-tender" className="retour-stack">
      <Heading level={3} id="policy-tender">
        {t('tenderEdit.title')}
      </Heading>
      <Paragraph small>{t('tenderEdit.lead')}</Paragraph>

      <Heading level={4}>{t('tenderEdit.bands')}</Heading>
      <Paragraph small>{t('tenderEdit.bandsHint')}</Paragraph>
      {value.bands.map((b, i) => (
        <Fieldset key={b.key} legend={t('tenderEdit.bandLegend', { n: i + 1 })}>
          <div className="retour-toolbar">
            {text(`td-band-${i}-below`, t('tenderEdit.below'), b.below, setBand(b.key, 'below'), {
              inputMode: 'decimal',
            })}
            {text(
              `td-band-${i}-percentage`,
              t('tenderEdit.percentage'),
              b.percentage,
              setBand(b.key, 'percentage'),
              { inputMode: 'decimal' },
            )}
          </div>
          <Button type="button" onClick={() => change({ bands: value.bands.filter((x) => x.key !== b.key) })}>
            {t('tenderEdit.removeBand', { n: i + 1 })}
          </Button>
        </Fieldset>
      ))}
      <div>
        <Button
          type="button"
          onClick={() => change({ bands: [...value.bands, { key: nextKey++, below: '', percentage: '' }] })}
        >
          {t('tenderEdit.addBand')}
        </Button>
      </div>

      <Heading level={4}>{t('tenderEdit.rules')}</Heading>
      <Paragraph small>{t('tenderEdit.rulesHint')}</Paragraph>
      {value.rules.map((r, i) => (
        <Fieldset
          key={r.key}
          legend={t('tenderEdit.ruleLegend', { n: i + 1, form: tx('tender.form', r.form) })}
        >
          <SelectField
            id={`policy-td-rule-${i}-form`}
            label={t('tender.form')}
            value={r.form}
            onChange={setRule(r.key, 'form')}
            error={errors[`td-rule-${i}-form`]}
            options={forms.map((f) => ({ value: f, label: tx('tender.form', f) }))}
          />
          <div className="retour-toolbar">
            {checks(r, i, 'kinds', kinds)}
            {checks(r, i, 'regimes', regimes)}
          </div>
          <div className="retour-toolbar">
            {text(`td-rule-${i}-below`, t('tenderEdit.labourBelow'), r.below, setRule(r.key, 'below'), {
              inputMode: 'decimal',
            })}
            {text(
              `td-rule-${i}-atLeast`,
              t('tenderEdit.labourAtLeast'),
              r.atLeast,
              setRule(r.key, 'atLeast'),
              {
                inputMode: 'decimal',
              },
            )}
            {text(`td-rule-${i}-minTerm`, t('tenderEdit.minTerm'), r.minTerm, setRule(r.key, 'minTerm'), {
              inputMode: 'numeric',
            })}
            {text(`td-rule-${i}-minValue`, t('tenderEdit.minValue'), r.minValue, setRule(r.key, 'minValue'), {
              inputMode: 'decimal',
            })}
            {text(`td-rule-${i}-cpv`, t('tenderEdit.cpv'), r.cpv, setRule(r.key, 'cpv'), {
              description: t('tenderEdit.cpvHint'),
            })}
          </div>
          <TextareaField
            id={`policy-td-rule-${i}-reasonNl`}
            label={t('tenderEdit.reasonNl')}
            value={r.reasonNl}
            onChange={setRule(r.key, 'reasonNl')}
            error={errors[`td-rule-${i}-reasonNl`]}
            rows={2}
          />
          <TextareaField
            id={`policy-td-rule-${i}-reasonEn`}
            label={t('tenderEdit.reasonEn')}
            value={r.reasonEn}
            onChange={setRule(r.key, 'reasonEn')}
            error={errors[`td-rule-${i}-reasonEn`]}
            rows={2}
          />
          <Button type="button" onClick={() => change({ rules: value.rules.filter((x) => x.key !== r.key) })}>
            {t('tenderEdit.removeRule', { n: i + 1 })}
          </Button>
        </Fieldset>
      ))}
      <div>
        <Button
          type="button"
          onClick={() =>
            change({
              rules: [
                ...value.rules,
                {
                  key: nextKey++,
                  form: 'jobs',
                  kinds: [],
                  regimes: [],
                  below: '',
                  atLeast: '',
                  minTerm: '',
                  minValue: '',
                  cpv: '',
                  reasonNl: '',
                  reasonEn: '',
                },
              ],
            })
          }
        >
          {t('tenderEdit.addRule')}
        </Button>
      </div>

      <Heading level={4}>{t('tenderEdit.clauses')}</Heading>
      <Paragraph small>{t('tenderEdit.clausesHint')}</Paragraph>
      {regimes.map((r) => (
        <Fieldset key={r} legend={tx('regime', r)}>
          {(['nl', 'en'] as const).map((l) => (
            <TextareaField
              key={l}
              id={`policy-td-clause-${r}-${l}`}
              label={t(l === 'nl' ? 'tender.clauseNl' : 'tender.clauseEn')}
              value={value.clauses[r][l]}
              onChange={(e) =>
                change({ clauses: { ...value.clauses, [r]: { ...value.clauses[r], [l]: e.target.value } } })
              }
              error={errors[`td-clause-${r}-${l}`]}
              rows={4}
            />
          ))}
        </Fieldset>
      ))}
    </section>
  );
}
