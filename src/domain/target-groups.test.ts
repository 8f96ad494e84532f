import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActivityType } from './policy.ts';
import { validatePolicy } from './policy-validation.ts';
import { getPreset } from './presets.ts';
import {
  applyTargetGroupTable,
  targetGroupActivityTypes,
  targetGroupTableNames,
  targetGroupTables,
  type TargetGroupTableName,
} from './target-group-tables.ts';
import { valueActivity, type ValuationContextInput } from './valuation.ts';

const job = targetGroupActivityTypes[0] as ActivityType;
/** A contract over 2026–2027, reported per half-year. */
const ctx = (period: string, scale: object): ValuationContextInput => ({
  contractStart: '2026-01-01',
  contractEnd: '2027-12-31',
  obligationCents: 5_000_000,
  period,
  scale,
});
const table = (name: TargetGroupTableName) => targetGroupTables[name];
const value = (
  name: TargetGroupTableName,
  input: {
    targetGroup: string;
    hoursPerWeek: number;
    months: number;
    bonuses?: string[];
    monthsCountedBefore?: number;
  },
  period = '2026-H1',
) => valueActivity(job, input, ctx(period, table(name)));

/*
 * Hand-worked values, one block per shipped table (domain.md §11). Each row's arithmetic is written
 * out in `work`: rate per full-time year × counted hours / 36 × counted months / 12, in euros, then
 * rounded once to cents, half away from zero.
 */
const rows: {
  case: string;
  table: TargetGroupTableName;
  input: Parameters<typeof value>[1];
  work: string;
  cents: number;
}[] = [
  // Utrecht
  {
    case: '24 h for 6 months',
    table: 'utrecht',
    input: { targetGroup: 'pw-lt2', hoursPerWeek: 24, months: 6 },
    work: '40 000 × 24/36 × 6/12 = 13 333,333…',
    cents: 1_333_333,
  },
  {
    case: '36 h, half a year, two bonuses',
    table: 'utrecht',
    input: { targetGroup: 'pw-gt2', hoursPerWeek: 36, months: 6, bonuses: ['age-50', 'permanent'] },
    work: '(40 000 + 10 000 + 10 000) × 36/36 × 6/12 = 30 000',
    cents: 3_000_000,
  },
  {
    case: 'hours above the full-time week count as 36',
    table: 'utrecht',
    input: { targetGroup: 'ww-lt1', hoursPerWeek: 48, months: 6 },
    work: '20 000 × 36/36 × 6/12 = 10 000',
    cents: 1_000_000,
  },
  {
    case: 'half a cent rounds away from zero',
    table: 'utrecht',
    input: { targetGroup: 'register', hoursPerWeek: 12.15, months: 5.99, bonuses: ['age-50'] },
    work: '60 000 × 12,15/36 × 5,99/12 = 10 108,125',
    cents: 1_010_813,
  },
  {
    case: 'no cap: a third half-year counts in full',
    table: 'utrecht',
    input: { targetGroup: 'ww-lt1', hoursPerWeek: 36, months: 6, monthsCountedBefore: 12 },
    work: '20 000 × 36/36 × 6/12 = 10 000',
    cents: 1_000_000,
  },
  // Oost-NL (Impact Oost)
  {
    case: '24 h for 6 months',
    table: 'oost-nl',
    input: { targetGroup: 'pw-lt2', hoursPerWeek: 24, months: 6 },
    work: '30 000 × 24/36 × 6/12 = 10 000',
    cents: 1_000_000,
  },
  {
    case: '36 h, half a year (the table has no bonuses)',
    table: 'oost-nl',
    input: { targetGroup: 'register', hoursPerWeek: 36, months: 6 },
    work: '40 000 × 36/36 × 6/12 = 20 000',
    cents: 2_000_000,
  },
  {
    case: 'hours above the full-time week count as 36',
    table: 'oost-nl',
    input: { targetGroup: 'wia-wao', hoursPerWeek: 40, months: 6 },
    work: '40 000 × 36/36 × 6/12 = 20 000',
    cents: 2_000_000,
  },
  {
    case: 'half a cent rounds away from zero',
    table: 'oost-nl',
    input: { targetGroup: 'ww-lt1', hoursPerWeek: 12.42, months: 5.99 },
    work: '10 000 × 12,42/36 × 5,99/12 = 1 722,125',
    cents: 172_213,
  },
  {
    case: 'capped WW, first half-year',
    table: 'oost-nl',
    input: { targetGroup: 'ww-lt1', hoursPerWeek: 36, months: 6, monthsCountedBefore: 0 },
    work: '10 000 × 36/36 × 6/12 = 5 000',
    cents: 500_000,
  },
  {
    case: 'capped WW, second half-year',
    table: 'oost-nl',
    input: { targetGroup: 'ww-lt1', hoursPerWeek: 36, months: 6, monthsCountedBefore: 6 },
    work: '10 000 × 36/36 × 6/12 = 5 000',
    cents: 500_000,
  },
  {
    case: 'capped WW, third half-year: 12 months reached',
    table: 'oost-nl',
    input: { targetGroup: 'ww-lt1', hoursPerWeek: 36, months: 6, monthsCountedBefore: 12 },
    work: '10 000 × 36/36 × 0/12 = 0',
    cents: 0,
  },
  {
    case: 'Participatiewet cap 24: 20 counted, 4 of 6 count',
    table: 'oost-nl',
    input: { targetGroup: 'pw-lt2', hoursPerWeek: 36, months: 6, monthsCountedBefore: 20 },
    work: '30 000 × 36/36 × 4/12 = 10 000',
    cents: 1_000_000,
  },
  // Holland Rijnland / Leiden
  {
    case: '24 h for 6 months',
    table: 'holland-rijnland',
    input: { targetGroup: 'register', hoursPerWeek: 24, months: 6 },
    work: '50 000 × 24/36 × 6/12 = 16 666,666…',
    cents: 1_666_667,
  },
  {
    case: '36 h, half a year, with the 55+ bonus',
    table: 'holland-rijnland',
    input: { targetGroup: 'wia-wao', hoursPerWeek: 36, months: 6, bonuses: ['age-55'] },
    work: '(40 000 + 15 000) × 36/36 × 6/12 = 27 500',
    cents: 2_750_000,
  },
  {
    case: 'hours above the full-time week count as 36',
    table: 'holland-rijnland',
    input: { targetGroup: 'bbl', hoursPerWeek: 60, months: 6 },
    work: '25 000 × 36/36 × 6/12 = 12 500',
    cents: 1_250_000,
  },
  {
    case: 'half a cent rounds away from zero',
    table: 'holland-rijnland',
    input: { targetGroup: 'wajong', hoursPerWeek: 14.04, months: 5.99 },
    work: '25 000 × 14,04/36 × 5,99/12 = 4 866,875',
    cents: 486_688,
  },
  {
    case: 'no cap: a fifth half-year counts in full',
    table: 'holland-rijnland',
    input: { targetGroup: 'nug', hoursPerWeek: 36, months: 6, monthsCountedBefore: 24 },
    work: '5 000 × 36/36 × 6/12 = 2 500',
    cents: 250_000,
  },
  // Harlingen
  {
    case: '24 h for 6 months',
    table: 'harlingen',
    input: { targetGroup: 'pw-lt2', hoursPerWeek: 24, months: 6 },
    work: '35 000 × 24/36 × 6/12 = 11 666,666…',
    cents: 1_166_667,
  },
  {
    case: '36 h, half a year, two bonuses',
    table: 'harlingen',
    input: { targetGroup: 'register', hoursPerWeek: 36, months: 6, bonuses: ['age-50', 'age-55'] },
    work: '(40 000 + 5 000 + 7 500) × 36/36 × 6/12 = 26 250',
    cents: 2_625_000,
  },
  {
    case: 'hours above the full-time week count as 36',
    table: 'harlingen',
    input: { targetGroup: 'ww-gt1', hoursPerWeek: 38, months: 6 },
    work: '20 000 × 36/36 × 6/12 = 10 000',
    cents: 1_000_000,
  },
  {
    case: 'half a cent rounds away from zero',
    table: 'harlingen',
    input: { targetGroup: 'pw-lt2', hoursPerWeek: 12.15, months: 6, bonuses: ['age-55'] },
    work: '42 500 × 12,15/36 × 6/12 = 7 171,875',
    cents: 717_188,
  },
  // Hilversum
  {
    case: '24 h for 6 months',
    table: 'hilversum',
    input: { targetGroup: 'pw-gt2', hoursPerWeek: 24, months: 6 },
    work: '40 000 × 24/36 × 6/12 = 13 333,333…',
    cents: 1_333_333,
  },
  {
    case: '36 h, half a year, with the 55+ bonus',
    table: 'hilversum',
    input: { targetGroup: 'wajong', hoursPerWeek: 36, months: 6, bonuses: ['age-55'] },
    work: '(35 000 + 5 000) × 36/36 × 6/12 = 20 000',
    cents: 2_000_000,
  },
  {
    case: 'hours above the full-time week count as 36',
    table: 'hilversum',
    input: { targetGroup: 'bbl', hoursPerWeek: 40, months: 3 },
    work: '10 000 × 36/36 × 3/12 = 2 500',
    cents: 250_000,
  },
  {
    case: 'half a cent rounds away from zero',
    table: 'hilversum',
    input: { targetGroup: 'wajong', hoursPerWeek: 14.04, months: 5.99 },
    work: '35 000 × 14,04/36 × 5,99/12 = 6 813,625',
    cents: 681_363,
  },
];

describe('§11 targetGroupYear: hand-worked values for each shipped table', () => {
  it.each(rows)('$table: $case ($work)', ({ table: name, input, cents }) => {
    expect(value(name, input).valueCents).toBe(cents);
  });

  it('every shipped table has rows', () => {
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set(targetGroupTableNames));
  });

  it('a 36-hour year with two bonuses is two half-years of 6 months (Utrecht: € 60.000)', () => {
    const input = { targetGroup: 'pw-gt2', hoursPerWeek: 36, months: 6, bonuses: ['age-50', 'permanent'] };
    const year =
      value('utrecht', input, '2026-H1').valueCents + value('utrecht', input, '2026-H2').valueCents;
    expect(year).toBe(6_000_000);
  });
});

describe('§11 explanations show every term, in Dutch and English', () => {
  it('24 hours for 6 months', () => {
    const v = value('oost-nl', { targetGroup: 'pw-lt2', hoursPerWeek: 24, months: 6 });
    expect(v.explanationNl).toBe(
      'Participatiewet < 2 jaar: € 30.000,00 × 24/36 uur × 6/12 maanden = € 10.000,00 (6 van ten hoogste 24 maanden in deze doelgroep geteld)',
    );
    expect(v.explanation).toBe(
      'Participatiewet < 2 jaar: €30.000,00 × 24/36 hours × 6/12 months = €10.000,00 (6 of at most 24 months in this group counted)',
    );
    expect(v.ruleId).toBe('targetGroupYear:tg-job:pw-lt2');
    expect(v.countedMonths).toBe(6);
    expect(v.fte).toBe(0.66);
  });

  it('bonuses and hours above the full week', () => {
    const v = value('harlingen', {
      targetGroup: 'register',
      hoursPerWeek: 40,
      months: 6,
      bonuses: ['age-50', 'age-55'],
    });
    expect(v.explanationNl).toBe(
      'Doelgroepregister / banenafspraak + 50+ + 55+: (€ 40.000,00 + € 5.000,00 + € 7.500,00) × 36/36 uur × 6/12 maanden = € 26.250,00 (40 uur per week gewerkt, ten hoogste een volle week van 36 uur telt)',
    );
    expect(v.fte).toBe(1);
  });

  it('the cap reached: months on record at €0 with the reason', () => {
    const v = value('oost-nl', {
      targetGroup: 'ww-lt1',
      hoursPerWeek: 36,
      months: 6,
      monthsCountedBefore: 12,
    });
    expect(v.valueCents).toBe(0);
    expect(v.countedMonths).toBe(0);
    expect(v.explanation).toBe(
      'WW < 1 jaar: €10.000,00 × 36/36 hours × 0/12 months = €0,00 (cap of 12 months for WW < 1 jaar reached: 0 of 6 months count (12 counted before))',
    );
    expect(v.explanationNl).toContain(
      'maximum van 12 maanden voor WW < 1 jaar bereikt: 0 van 6 maanden tellen',
    );
  });
});

describe('§11 refused inputs name the field', () => {
  const scale = { ...table('utrecht'), minHoursPerWeek: 12 };
  const refused = (input: object, period = '2026-H1') => {
    try {
      valueActivity(job, input, ctx(period, scale));
    } catch (e) {
      return (e as { issues: { name: string }[] }).issues.map((i) => i.name);
    }
    return [];
  };
  it.each([
    {
      case: 'unknown group',
      input: { targetGroup: 'x', hoursPerWeek: 36, months: 6 },
      fields: ['targetGroup'],
    },
    { case: 'no group', input: { hoursPerWeek: 36, months: 6 }, fields: ['targetGroup'] },
    {
      case: 'unknown bonus',
      input: { targetGroup: 'nug', hoursPerWeek: 36, months: 6, bonuses: ['age-55'] },
      fields: ['bonuses.0'],
    },
    {
      case: 'a bonus twice',
      input: { targetGroup: 'nug', hoursPerWeek: 36, months: 6, bonuses: ['age-50', 'age-50'] },
      fields: ['bonuses.1'],
    },
    { case: '0 hours', input: { targetGroup: 'nug', hoursPerWeek: 0, months: 6 }, fields: ['hoursPerWeek'] },
    {
      case: 'above 60 hours',
      input: { targetGroup: 'nug', hoursPerWeek: 60.01, months: 6 },
      fields: ['hoursPerWeek'],
    },
    {
      case: 'under minHoursPerWeek',
      input: { targetGroup: 'nug', hoursPerWeek: 11.99, months: 6 },
      fields: ['hoursPerWeek'],
    },
    {
      case: 'more months than the half-year',
      input: { targetGroup: 'nug', hoursPerWeek: 36, months: 6.01 },
      fields: ['months'],
    },
    {
      case: 'months of 3 decimals',
      input: { targetGroup: 'nug', hoursPerWeek: 36, months: 1.001 },
      fields: ['months'],
    },
    {
      case: 'fte does not apply',
      input: { targetGroup: 'nug', hoursPerWeek: 36, months: 6, fte: 1 },
      fields: ['fte'],
    },
  ])('$case', ({ input, fields }) => expect(refused(input)).toEqual(fields));

  it('months outside the part of the half-year inside the term', () => {
    const late: ValuationContextInput = { ...ctx('2026-H1', scale), contractStart: '2026-05-01' };
    let reason = '';
    try {
      valueActivity(job, { targetGroup: 'nug', hoursPerWeek: 36, months: 3 }, late);
    } catch (e) {
      reason = (e as { issues: { name: string; reason: string }[] }).issues[0]?.reason ?? '';
    }
    expect(reason).toBe('must be at most 2, the months of the period within the contract term');
  });

  it('other methods refuse the target-group fields', () => {
    const fte = getPreset('amsterdam').activityTypes[0] as ActivityType;
    expect(() =>
      valueActivity(fte, { fte: 1, months: 6, targetGroup: 'nug' }, ctx('2026-H1', scale)),
    ).toThrow(/cannot be valued/);
  });
});

describe('§11 properties', () => {
  const name = fc.constantFrom(...targetGroupTableNames);
  const hours = fc.integer({ min: 1, max: 6000 }).map((h) => h / 100);
  const months = fc.integer({ min: 1, max: 600 }).map((m) => m / 100);
  const before = fc.integer({ min: 0, max: 4000 }).map((m) => m / 100);
  const pick = (n: TargetGroupTableName, i: number) => {
    const groups = table(n).targetGroups;
    return (groups[i % groups.length] as { code: string }).code;
  };

  it('the value never decreases with hours or months', () => {
    fc.assert(
      fc.property(name, fc.nat(), hours, hours, months, months, before, (n, i, h1, h2, m1, m2, b) => {
        const g = pick(n, i);
        const [hl, hh] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const [ml, mh] = m1 <= m2 ? [m1, m2] : [m2, m1];
        const at = (h: number, m: number) =>
          value(n, { targetGroup: g, hoursPerWeek: h, months: m, monthsCountedBefore: b }).valueCents;
        expect(at(hh, ml)).toBeGreaterThanOrEqual(at(hl, ml));
        expect(at(hl, mh)).toBeGreaterThanOrEqual(at(hl, ml));
      }),
    );
  });

  it('never more than the uncapped value, and equal to it before any month counted', () => {
    fc.assert(
      fc.property(name, fc.nat(), hours, months, before, (n, i, h, m, b) => {
        const g = pick(n, i);
        const capped = value(n, { targetGroup: g, hoursPerWeek: h, months: m, monthsCountedBefore: b });
        const uncapped = valueActivity(
          job,
          { targetGroup: g, hoursPerWeek: h, months: m },
          ctx('2026-H1', {
            ...table(n),
            targetGroups: table(n).targetGroups.map(({ code, name: nm, rateCents }) => ({
              code,
              name: nm,
              rateCents,
            })),
          }),
        );
        expect(capped.valueCents).toBeLessThanOrEqual(uncapped.valueCents);
        expect(capped.countedMonths).toBeLessThanOrEqual(m);
        if (b === 0) expect(capped.valueCents).toBe(uncapped.valueCents);
      }),
    );
  });
});

describe('§11 target groups in a policy version', () => {
  it('every shipped table applies to a preset and validates; other types stay as they were', () => {
    for (const n of targetGroupTableNames) {
      const base = getPreset('amsterdam');
      const applied = applyTargetGroupTable(base, n);
      const checked = validatePolicy(applied);
      expect(checked.ok, n).toBe(true);
      if (!checked.ok) continue;
      expect(checked.policy.activityTypes.slice(0, base.activityTypes.length)).toEqual(base.activityTypes);
      expect(checked.policy.targetGroups).toEqual(table(n).targetGroups);
      expect(checked.policy.fullTimeHoursPerWeek).toBe(36);
      expect(checked.policy.targetGroupSource?.readOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('applying twice adds the activity types once', () => {
    const twice = applyTargetGroupTable(applyTargetGroupTable(getPreset('rijk'), 'utrecht'), 'hilversum');
    expect(twice.activityTypes.filter((t) => t.method === 'targetGroupYear')).toHaveLength(2);
    expect(twice.bonuses).toEqual(table('hilversum').bonuses);
  });

  it('an unknown table is refused', () => {
    expect(() => applyTargetGroupTable(getPreset('rijk'), 'atlantis')).toThrow(/unknown target-group table/);
  });

  it.each([
    {
      case: 'duplicate code',
      patch: {
        targetGroups: [
          { code: 'a', name: 'A', rateCents: 1 },
          { code: 'a', name: 'B', rateCents: 1 },
        ],
      },
      field: 'targetGroups.1.code',
    },
    {
      case: 'a bonus with a group code',
      patch: {
        targetGroups: [{ code: 'a', name: 'A', rateCents: 1 }],
        bonuses: [{ code: 'a', name: 'B', rateCents: 1 }],
      },
      field: 'bonuses.0.code',
    },
    {
      case: 'negative rate',
      patch: { targetGroups: [{ code: 'a', name: 'A', rateCents: -1 }] },
      field: 'targetGroups.0.rateCents',
    },
    {
      case: 'maxMonths 0',
      patch: { targetGroups: [{ code: 'a', name: 'A', rateCents: 1, maxMonths: 0 }] },
      field: 'targetGroups.0.maxMonths',
    },
    {
      case: 'maxMonths on a bonus',
      patch: {
        targetGroups: [{ code: 'a', name: 'A', rateCents: 1 }],
        bonuses: [{ code: 'b', name: 'B', rateCents: 1, maxMonths: 3 }],
      },
      field: 'bonuses.0.maxMonths',
    },
    { case: 'full week of 61 hours', patch: { fullTimeHoursPerWeek: 61 }, field: 'fullTimeHoursPerWeek' },
    {
      case: 'minimum above the full week',
      patch: { fullTimeHoursPerWeek: 32, minHoursPerWeek: 33 },
      field: 'minHoursPerWeek',
    },
    {
      case: 'a targetGroupYear type without groups',
      patch: { activityTypes: [...targetGroupActivityTypes] },
      field: 'targetGroups',
    },
    {
      case: 'a rate on a targetGroupYear type',
      patch: {
        targetGroups: [{ code: 'a', name: 'A', rateCents: 1 }],
        activityTypes: [{ ...job, rateCents: 5 }],
      },
      field: 'activityTypes.0.rateCents',
    },
    { case: 'negative penalty factor', patch: { penaltyFactorBp: -1 }, field: 'penaltyFactorBp' },
  ])('refuses $case', ({ patch, field }) => {
    const checked = validatePolicy({ ...getPreset('amsterdam'), ...patch });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.issues.map((i) => i.name)).toContain(field);
  });

  it('a policy without target groups is unchanged by validation (no working week filled in)', () => {
    const checked = validatePolicy(getPreset('amsterdam'));
    expect(checked.ok && 'fullTimeHoursPerWeek' in checked.policy).toBe(false);
  });
});
