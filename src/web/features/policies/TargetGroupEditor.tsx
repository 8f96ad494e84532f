import { useRef, useState } from 'react';
import { parseEuros } from '../../format.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { endpoints } from '../../lib/endpoints.ts';
import type { ActivityType, TargetGroupData, TargetGroupTable } from '../../lib/model.ts';
import type { PolicyInput } from '../../lib/policy-model.ts';
import { useResource } from '../../lib/useResource.ts';
import { Button } from '../../ui/Button.tsx';
import { Fieldset, SelectField } from '../../ui/fields.tsx';
import { Alert, Heading, Paragraph } from '../../ui/text.tsx';
import { draftField } from './draftField.tsx';

interface RateRow {
  key: number;
  code: string;
  name: string;
  /** Euros per full-time year, as typed. */
  rate: string;
  /** Months (groups only), as typed. */
  max: string;
}

export interface TargetGroupDraft {
  fullTime: string;
  minHours: string;
  /** Percent of the shortfall, as typed (150 = 1.5 ×). */
  penalty: string;
  groups: RateRow[];
  bonuses: RateRow[];
  source: TargetGroupData['targetGroupSource'];
}

let nextKey = 0;
const euroText = (c: number, lang: 'nl' | 'en') =>
  (c / 100).toLocaleString(lang === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: 2 });
const rowsOf = (
  items: { code: string; name: string; rateCents: number; maxMonths?: number | undefined }[],
  lang: 'nl' | 'en',
) =>
  items.map((x) => ({
    key: nextKey++,
    code: x.code,
    name: x.name,
    rate: euroText(x.rateCents, lang),
    max: x.maxMonths === undefined ? '' : String(x.maxMonths),
  }));

/** The editable form of a policy's target-group data. */
export function draftOf(p: PolicyInput, lang: 'nl' | 'en'): TargetGroupDraft {
  return {
    fullTime: p.fullTimeHoursPerWeek === undefined ? '' : String(p.fullTimeHoursPerWeek),
    minHours: p.minHoursPerWeek === undefined ? '' : String(p.minHoursPerWeek),
    penalty: p.penaltyFactorBp === undefined ? '' : String(p.penaltyFactorBp / 100),
    groups: rowsOf(p.targetGroups ?? [], lang),
    bonuses: rowsOf(p.bonuses ?? [], lang),
    source: p.targetGroupSource,
  };
}

/**
 * The draft as policy fields, with a local error per field that is not a number (keys `tg-…`);
 * the API checks the rest and names `targetGroups.2.rateCents`, mapped back by {@link targetGroupFieldMap}.
 */
export function collectTargetGroups(
  d: TargetGroupDraft,
  lang: 'nl' | 'en',
  notANumber: string,
  local: Record<string, string>,
): Partial<PolicyInput> {
  const whole = (text: string, key: string) => {
    if (!text.trim()) return undefined;
    const n = Number(text.trim().replace(',', '.'));
    if (!Number.isFinite(n)) local[key] = notANumber;
    return Number.isFinite(n) ? n : undefined;
  };
  const list = (rows: RateRow[], prefix: 'group' | 'bonus') =>
    rows.map((r, i) => {
      const rateCents = parseEuros(r.rate, lang);
      if (rateCents === null) local[`tg-${prefix}-${i}-rate`] = notANumber;
      const max = prefix === 'group' ? whole(r.max, `tg-${prefix}-${i}-max`) : undefined;
      return {
        code: r.code.trim(),
        name: r.name.trim(),
        rateCents: rateCents ?? 0,
        ...(max === undefined ? {} : { maxMonths: max }),
      };
    });
  const out: Partial<PolicyInput> = {};
  const fullTime = whole(d.fullTime, 'tg-fullTime');
  const minHours = whole(d.minHours, 'tg-minHours');
  const penalty = whole(d.penalty, 'tg-penalty');
  if (fullTime !== undefined) out.fullTimeHoursPerWeek = fullTime;
  if (minHours !== undefined) out.minHoursPerWeek = minHours;
  if (penalty !== undefined) out.penaltyFactorBp = Math.round(penalty * 100);
  if (d.groups.length) out.targetGroups = list(d.groups, 'group');
  if (d.bonuses.length) out.bonuses = list(d.bonuses, 'bonus');
  if (d.source && d.groups.length) out.targetGroupSource = d.source;
  return out;
}

/** API field names → the editor's field keys. */
export function targetGroupFieldMap(d: TargetGroupDraft): Record<string, string> {
  const map: Record<string, string> = {
    fullTimeHoursPerWeek: 'tg-fullTime',
    minHoursPerWeek: 'tg-minHours',
    penaltyFactorBp: 'tg-penalty',
    targetGroups: d.groups.length ? 'tg-group-0-code' : 'tg-fullTime',
  };
  d.groups.forEach((_, i) => {
    map[`targetGroups.${i}.code`] = `tg-group-${i}-code`;
    map[`targetGroups.${i}.name`] = `tg-group-${i}-name`;
    map[`targetGroups.${i}.rateCents`] = `tg-group-${i}-rate`;
    map[`targetGroups.${i}.maxMonths`] = `tg-group-${i}-max`;
  });
  d.bonuses.forEach((_, i) => {
    map[`bonuses.${i}.code`] = `tg-bonus-${i}-code`;
    map[`bonuses.${i}.name`] = `tg-bonus-${i}-name`;
    map[`bonuses.${i}.rateCents`] = `tg-bonus-${i}-rate`;
  });
  return map;
}

/**
 * The policy editor's part for valuing people by target group (domain.md §11) and the penalty
 * factor (§12): apply a published regional table, then edit groups, bonuses and the working week.
 */
export function TargetGroupEditor({
  value,
  onChange,
  errors,
  onTypes,
}: {
  value: TargetGroupDraft;
  onChange: (next: TargetGroupDraft) => void;
  errors: Record<string, string | undefined>;
  /** The activity types a table brings (added when the policy lacks them). */
  onTypes: (types: ActivityType[]) => void;
}) {
  const { t, lang } = useI18n();
  const tables = useResource<{ items: (TargetGroupTable & { activityTypes: ActivityType[] })[] }>(
    endpoints.targetGroupTables,
  );
  const [choice, setChoice] = useState('');
  const [applied, setApplied] = useState<string | null>(null);
  const touched = useRef(false);
  const apply = () => {
    const table = tables.data?.items.find((x) => x.code === choice);
    if (!table) return;
    touched.current = true;
    onChange({
      ...value,
      fullTime: String(table.fullTimeHoursPerWeek),
      groups: rowsOf(table.targetGroups, lang),
      bonuses: rowsOf(table.bonuses, lang),
      source: { title: table.source.title, url: table.source.url, readOn: table.source.readOn },
    });
    onTypes(table.activityTypes);
    setApplied(table.name);
  };
  const setRow =
    (list: 'groups' | 'bonuses', key: number, field: keyof RateRow) => (e: { target: { value: string } }) =>
      onChange({
        ...value,
        [list]: value[list].map((r) => (r.key === key ? { ...r, [field]: e.target.value } : r)),
      });
  const add = (list: 'groups' | 'bonuses') =>
    onChange({
      ...value,
      [list]: [...value[list], { key: nextKey++, code: '', name: '', rate: '', max: '' }],
    });
  const remove = (list: 'groups' | 'bonuses', key: number) =>
    onChange({ ...value, [list]: value[list].filter((r) => r.key !== key) });
  const field = draftField(errors);
  const rows = (list: 'groups' | 'bonuses') =>
    value[list].map((r, i) => {
      const prefix = list === 'groups' ? 'group' : 'bonus';
      return (
        <Fieldset
          key={r.key}
          legend={t(list === 'groups' ? 'tg.groupLegend' : 'tg.bonusLegend', { n: i + 1 })}
        >
          <div className="retour-toolbar">
            {field(`tg-${prefix}-${i}-code`, t('tg.code'), r.code, setRow(list, r.key, 'code'))}
            {field(`tg-${prefix}-${i}-name`, t('tg.name'), r.name, setRow(list, r.key, 'name'))}
            {field(`tg-${prefix}-${i}-rate`, t('tg.rate'), r.rate, setRow(list, r.key, 'rate'), {
              inputMode: 'decimal',
            })}
            {list === 'groups'
              ? field(`tg-${prefix}-${i}-max`, t('tg.max'), r.max, setRow(list, r.key, 'max'), {
                  inputMode: 'numeric',
                })
              : null}
          </div>
          <Button type="button" onClick={() => remove(list, r.key)}>
            {t('tg.remove', { name: r.name || String(i + 1) })}
          </Button>
        </Fieldset>
      );
    });
  return (
    <section aria-labelledby="policy-target-groups" className="retour-stack">
      <Heading level={3} id="policy-target-groups">
        {t('tg.editorTitle')}
      </Heading>
      <Paragraph small>{t('tg.editorLead')}</Paragraph>
      <div className="retour-toolbar">
        <SelectField
          id="policy-tg-table"
          label={t('tg.table')}
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
          options={[
            { value: '', label: t('tg.tableNone') },
            ...(tables.data?.items ?? []).map((x) => ({ value: x.code, label: x.name })),
          ]}
        />
        <div>
          <Button type="button" onClick={apply} disabled={!choice}>
            {t('tg.apply')}
          </Button>
        </div>
      </div>
      <div aria-live="polite">
        {applied ? <Alert type="info">{t('tg.applied', { name: applied })}</Alert> : null}
      </div>
      <div className="retour-toolbar">
        {field(
          'tg-fullTime',
          t('tg.fullTime'),
          value.fullTime,
          (e) => onChange({ ...value, fullTime: e.target.value }),
          { inputMode: 'numeric' },
        )}
        {field(
          'tg-minHours',
          t('tg.minHours'),
          value.minHours,
          (e) => onChange({ ...value, minHours: e.target.value }),
          { inputMode: 'numeric' },
        )}
        {field(
          'tg-penalty',
          t('tg.penalty'),
          value.penalty,
          (e) => onChange({ ...value, penalty: e.target.value }),
          {
            inputMode: 'decimal',
            description: t('tg.penaltyHint'),
          },
        )}
      </div>
      {rows('groups')}
      <div>
        <Button type="button" onClick={() => add('groups')}>
          {t('tg.addGroup')}
        </Button>
      </div>
      {rows('bonuses')}
      <div>
        <Button type="button" onClick={() => add('bonuses')}>
          {t('tg.addBonus')}
        </Button>
      </div>
    </section>
  );
}
