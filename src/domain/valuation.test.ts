import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActivityType } from './policy.ts';
import { fromDayNumber, toDayNumber } from './dates.ts';
import { presets } from './presets.ts';
import {
  activityValueCents,
  valuationContext,
  valueActivity,
  type ActivityInput,
  type ValuationContextInput,
} from './valuation.ts';

const type = (code: string): ActivityType => {
  const t = presets.amsterdam.activityTypes.find((x) => x.code === code);
  if (!t) throw new Error(code);
  return t;
};
const custom = (t: Partial<ActivityType> & Pick<ActivityType, 'method'>): ActivityType => ({
  code: 'x',
  name: 'X',
  category: 'participation',
  ...t,
});

/** A contract of 2026 (365 days) with an obligation of €25.000, reported in 2026-H1. */
const ctx: ValuationContextInput = {
  contractStart: '2026-01-01',
  contractEnd: '2026-12-31',
  obligationCents: 2_500_000,
  period: '2026-H1',
};

describe('§6 valuation by method', () => {
  it.each([
    {
      case: '§6 fteYear: 1 FTE × 6 months × €35.000 / 12',
      rule: '§6 fteYear',
      t: type('job-benefits'),
      input: { fte: 1, months: 6 },
      value: 1_750_000,
    },
    {
      case: '§6 fteYear: 0,5 FTE × 3 months of a BBL place (€10.000)',
      rule: '§6 fteYear',
      t: type('bbl-place'),
      input: { fte: 0.5, months: 3 },
      value: 125_000,
    },
    {
      case: '§6 fteYear: the maximum 1,5 FTE × 6 months',
      t: type('job-benefits'),
      input: { fte: 1.5, months: 6 },
      value: 2_625_000,
    },
    {
      case: '§6 fteYear: 0,01 FTE × 0,01 month = 29,17 cents → 29',
      t: type('job-benefits'),
      input: { fte: 0.01, months: 0.01 },
      value: 29,
    },
    {
      case: '§6 fteYear: exactly half a cent rounds up (rate €35.000,01 × 0,5)',
      rule: '§6 rounding once half away from zero',
      t: custom({ method: 'fteYear', rateCents: 3_500_001 }),
      input: { fte: 1, months: 6 },
      value: 1_750_001,
    },
    {
      case: '§6 unit: 3 internships × €2.500',
      rule: '§6 unit',
      t: type('internship'),
      input: { units: 3 },
      value: 750_000,
    },
    {
      case: '§6 hour: 10,5 hours × €60',
      rule: '§6 hour',
      t: type('initiative-hours'),
      input: { hours: 10.5 },
      value: 63_000,
    },
    {
      case: '§6 hour: exactly half a cent rounds up (0,01 hour × 50 cents)',
      t: custom({ method: 'hour', rateCents: 50 }),
      input: { hours: 0.01 },
      value: 1,
    },
    {
      case: '§6 spendShare: 30% of €10.000 bought from an SW-bedrijf',
      rule: '§6 spendShare',
      t: type('sw-purchase'),
      input: { amountCents: 1_000_000 },
      value: 300_000,
    },
    {
      case: '§6 spendShare: 30% of €10,05 = 301,5 cents → 302 (exact, not float)',
      t: type('sw-purchase'),
      input: { amountCents: 1_005 },
      value: 302,
    },
    {
      case: '§6 spendShare: 2% of 25 cents own procurement → half a cent → 1',
      t: type('sr-in-own-procurement'),
      input: { amountCents: 25 },
      value: 1,
    },
    {
      case: '§6 money: 100% of training cost',
      rule: '§6 money',
      t: type('training'),
      input: { amountCents: 50_000 },
      value: 50_000,
    },
    {
      case: '§6 money: share defaults to 100%',
      rule: '§6 money default share',
      t: custom({ method: 'money' }),
      input: { amountCents: 12_345 },
      value: 12_345,
    },
    {
      case: '§6 obligationShare: PSO rung 2, certificate over all of H1 (181 of 365 days)',
      rule: '§6 obligationShare',
      t: type('pso-2'),
      input: { validFrom: '2025-01-01', validTo: '2027-12-31' },
      value: 1_239_726,
    },
    {
      case: '§6 obligationShare: PSO rung 1 counts 50%',
      t: type('pso-1'),
      input: { validFrom: '2025-01-01', validTo: '2027-12-31' },
      value: 619_863,
    },
    {
      case: '§6 obligationShare: certificate covering part of the term (1 Jan – 31 Mar, 90 days)',
      rule: '§6 PSO days within the term',
      t: type('pso-2'),
      input: { validFrom: '2025-06-01', validTo: '2026-03-31' },
      value: 616_438,
    },
  ])('$case', ({ t, input, value }) => {
    const v = valueActivity(t, input, ctx);
    expect(v.valueCents).toBe(value);
    expect(activityValueCents(t, input, valuationContext(ctx))).toBe(value);
  });

  it.each([
    {
      case: '§6 obligationShare without a period: the whole term, 184 of 365 days',
      rule: '§6 PSO days within the term',
      c: { ...ctx, period: undefined },
      input: { validFrom: '2026-07-01', validTo: '2027-06-30' },
      value: 1_260_274,
    },
    {
      case: '§6 obligationShare, leap day inside the term: 60 of 366 days',
      c: { contractStart: '2028-01-01', contractEnd: '2028-12-31', obligationCents: 3_660_000 },
      input: { validFrom: '2027-01-01', validTo: '2028-02-29' },
      value: 600_000,
    },
    {
      case: '§6 obligationShare, leap day outside the term: 59 of 365 days',
      c: { contractStart: '2027-01-01', contractEnd: '2027-12-31', obligationCents: 3_650_000 },
      input: { validFrom: '2026-01-01', validTo: '2027-02-28' },
      value: 590_000,
    },
    {
      case: '§6 obligationShare, term of one day',
      c: { contractStart: '2026-03-01', contractEnd: '2026-03-01', obligationCents: 1_234 },
      input: { validFrom: '2026-01-01', validTo: '2026-12-31' },
      value: 1_234,
    },
    {
      case: '§6 obligationShare: exactly half a cent rounds up (1 of 2 days of 1 cent)',
      c: { contractStart: '2026-01-01', contractEnd: '2026-01-02', obligationCents: 1 },
      input: { validFrom: '2026-01-02', validTo: '2026-12-31' },
      value: 1,
    },
    {
      case: '§6 obligationShare: certificate valid on the report date',
      rule: '§6 certificate valid when reported',
      c: { ...ctx, reportedOn: '2026-07-15' },
      input: { validFrom: '2026-01-01', validTo: '2026-12-31' },
      value: 1_239_726,
    },
  ])('$case', ({ c, input, value }) => expect(valueActivity(type('pso-2'), input, c).valueCents).toBe(value));

  it.each([
    {
      case: '§6 fteYear explanation',
      rule: '§6 explanation',
      t: type('job-benefits'),
      input: { fte: 1, months: 6 },
      text: '1 FTE × 6 months / 12 × €35.000,00 = €17.500,00',
    },
    {
      case: '§6 fteYear explanation, decimals',
      t: type('bbl-place'),
      input: { fte: 0.5, months: 1 },
      text: '0,5 FTE × 1 month / 12 × €10.000,00 = €416,67',
    },
    {
      case: '§6 unit explanation',
      t: type('internship'),
      input: { units: 3 },
      text: '3 × €2.500,00 per internship = €7.500,00',
    },
    {
      case: '§6 hour explanation',
      t: type('initiative-hours'),
      input: { hours: 10.5 },
      text: '10,5 hours × €60,00 = €630,00',
    },
    {
      case: '§6 spendShare explanation',
      t: type('sw-purchase'),
      input: { amountCents: 1_000_000 },
      text: '30% × €10.000,00 spent = €3.000,00',
    },
    {
      case: '§6 money explanation',
      t: type('initiative-money'),
      input: { amountCents: 50_000 },
      text: '100% × €500,00 given = €500,00',
    },
    {
      case: '§6 obligationShare explanation',
      rule: '§6 explanation',
      t: type('pso-2'),
      input: { validFrom: '2025-06-01', validTo: '2026-03-31' },
      text: '100% × €25.000,00 × 90 / 365 days = €6.164,38 (certificate valid 2026-01-01 – 2026-03-31 in 2026-H1 within the term)',
    },
  ])('$case', ({ t, input, text }) => expect(valueActivity(t, input, ctx).explanation).toBe(text));

  it.each([{ case: '§6 the rule names method, type and policy version', rule: '§6 rule named' }])(
    '$case',
    () => {
      expect(valueActivity(type('job-benefits'), { fte: 1, months: 6 }, ctx).ruleId).toBe(
        'fteYear:job-benefits',
      );
      expect(
        valueActivity(type('job-benefits'), { fte: 1, months: 6 }, { ...ctx, policyVersion: 'v3' }).ruleId,
      ).toBe('fteYear:job-benefits@v3');
    },
  );
});

describe('§6 inputs the method does not allow are refused, naming the field', () => {
  it.each([
    {
      case: '§6 fteYear: fte 0',
      rule: '§6 fteYear inputs',
      t: type('job-benefits'),
      input: { fte: 0, months: 6 },
      fields: ['fte'],
    },
    {
      case: '§6 fteYear: fte above 1,5',
      rule: '§6 fteYear inputs',
      t: type('job-benefits'),
      input: { fte: 1.51, months: 6 },
      fields: ['fte'],
    },
    {
      case: '§6 fteYear: fte with 3 decimals',
      rule: '§6 more precision refused',
      t: type('job-benefits'),
      input: { fte: 0.125, months: 6 },
      fields: ['fte'],
    },
    {
      case: '§6 fteYear: months above 6 in one half-year',
      rule: '§6 fteYear inputs',
      t: type('job-benefits'),
      input: { fte: 1, months: 6.5 },
      fields: ['months'],
    },
    {
      case: '§6 fteYear: months 0 and fte negative',
      t: type('job-benefits'),
      input: { fte: -1, months: 0 },
      fields: ['fte', 'months'],
    },
    { case: '§6 fteYear: months missing', t: type('job-benefits'), input: { fte: 1 }, fields: ['months'] },
    {
      case: '§6 unit: not whole',
      rule: '§6 unit inputs',
      t: type('internship'),
      input: { units: 1.5 },
      fields: ['units'],
    },
    {
      case: '§6 unit: zero',
      rule: '§6 unit inputs',
      t: type('internship'),
      input: { units: 0 },
      fields: ['units'],
    },
    {
      case: '§6 hour: zero',
      rule: '§6 hour inputs',
      t: type('initiative-hours'),
      input: { hours: 0 },
      fields: ['hours'],
    },
    {
      case: '§6 hour: 3 decimals',
      rule: '§6 more precision refused',
      t: type('initiative-hours'),
      input: { hours: 1.001 },
      fields: ['hours'],
    },
    {
      case: '§6 spendShare: part of a cent',
      rule: '§6 more precision refused',
      t: type('sw-purchase'),
      input: { amountCents: 10.5 },
      fields: ['amountCents'],
    },
    {
      case: '§6 spendShare: nothing spent',
      rule: '§6 spendShare inputs',
      t: type('sw-purchase'),
      input: { amountCents: 0 },
      fields: ['amountCents'],
    },
    {
      case: '§6 money: negative',
      rule: '§6 money inputs',
      t: type('training'),
      input: { amountCents: -5 },
      fields: ['amountCents'],
    },
    {
      case: '§6 a quantity of another method',
      t: type('job-benefits'),
      input: { fte: 1, months: 6, hours: 3 },
      fields: ['hours'],
    },
    {
      case: '§6 obligationShare: dates missing',
      rule: '§6 obligationShare inputs',
      t: type('pso-2'),
      input: {},
      fields: ['validFrom', 'validTo'],
    },
    {
      case: '§6 obligationShare: validTo before validFrom',
      rule: '§6 obligationShare inputs',
      t: type('pso-2'),
      input: { validFrom: '2026-03-01', validTo: '2026-02-01' },
      fields: ['validTo'],
    },
    {
      case: '§6 obligationShare: certificate not valid in the period',
      t: type('pso-2'),
      input: { validFrom: '2026-07-01', validTo: '2026-12-31' },
      fields: ['validFrom'],
    },
    {
      case: '§6 obligationShare: certificate expired before the term',
      t: type('pso-2'),
      input: { validFrom: '2024-01-01', validTo: '2025-12-31' },
      fields: ['validFrom'],
    },
    {
      case: '§6 a type without a valid rate',
      t: custom({ method: 'unit' }),
      input: { units: 1 },
      fields: ['rateCents'],
    },
  ])('$case', ({ t, input, fields }) => {
    const expected = expect.objectContaining({
      code: 'VALIDATION',
      issues: fields.map((name) => expect.objectContaining({ name })),
    });
    expect(() => valueActivity(t, input as ActivityInput, ctx)).toThrow(expected);
    expect(() => activityValueCents(t, input as ActivityInput, valuationContext(ctx))).toThrow(expected);
  });

  it.each([
    {
      case: '§6 a certificate must be valid at the time it is reported',
      rule: '§6 certificate valid when reported',
    },
  ])('$case', () =>
    expect(() =>
      valueActivity(
        type('pso-2'),
        { validFrom: '2026-01-01', validTo: '2026-06-30' },
        { ...ctx, reportedOn: '2026-07-31' },
      ),
    ).toThrow(
      expect.objectContaining({
        issues: [
          expect.objectContaining({
            name: 'validTo',
            reason: expect.stringMatching(/report date 2026-07-31/),
          }),
        ],
      }),
    ),
  );

  it.each([
    { case: '§7 a period outside the contract term', c: { ...ctx, period: '2027-H1' }, field: 'period' },
    {
      case: '§7 a period just before the term',
      c: { ...ctx, contractStart: '2026-07-01', period: '2026-H1' },
      field: 'period',
    },
    { case: 'not a half-year', c: { ...ctx, period: '2026-Q1' }, field: 'period' },
    { case: 'contract end before start', c: { ...ctx, contractEnd: '2025-12-31' }, field: 'contractEnd' },
    { case: 'a negative obligation', c: { ...ctx, obligationCents: -1 }, field: 'obligationCents' },
  ])('context: $case', ({ c, field }) =>
    expect(() => valuationContext(c)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ name: field })] }),
    ),
  );
});

describe('§6 fteYear months within the term (decision 009)', () => {
  it.each([
    {
      case: 'a term from 1 June allows 1 month in 2026-H1',
      rule: '§6 fteYear',
      term: { contractStart: '2026-06-01', contractEnd: '2027-05-31' },
      months: 1,
      ok: true,
    },
    {
      case: 'a term from 1 June refuses 1,01 months in 2026-H1',
      rule: '§6 fteYear',
      term: { contractStart: '2026-06-01', contractEnd: '2027-05-31' },
      months: 1.01,
      ok: false,
    },
    {
      case: 'a term from 15 June: 16 of 30 days = 0,54 month (rounded up) is allowed',
      rule: '§6 fteYear',
      term: { contractStart: '2026-06-15', contractEnd: '2027-05-31' },
      months: 0.54,
      ok: true,
    },
    {
      case: 'a term from 15 June refuses 0,55 month',
      rule: '§6 fteYear',
      term: { contractStart: '2026-06-15', contractEnd: '2027-05-31' },
      months: 0.55,
      ok: false,
    },
    {
      case: 'a term ending 15 February (leap year 2028: 15 of 29 days) allows 1,52 months',
      rule: '§6 fteYear',
      term: { contractStart: '2027-01-01', contractEnd: '2028-02-15', period: '2028-H1' },
      months: 1.52,
      ok: true,
    },
    {
      case: 'a term ending 15 February 2028 refuses 1,53 months',
      rule: '§6 fteYear',
      term: { contractStart: '2027-01-01', contractEnd: '2028-02-15', period: '2028-H1' },
      months: 1.53,
      ok: false,
    },
    {
      case: 'a term covering the whole half-year allows 6 months',
      rule: '§6 fteYear',
      term: { contractStart: '2025-07-01', contractEnd: '2026-06-30' },
      months: 6,
      ok: true,
    },
  ])('$case', ({ term, months, ok }) => {
    const c = { ...ctx, ...term };
    const run = () => activityValueCents(type('job-benefits'), { fte: 1, months }, valuationContext(c));
    if (ok) expect(run()).toBe(Math.round((3_500_000 * months) / 12));
    else
      expect(run).toThrow(
        expect.objectContaining({
          issues: [
            expect.objectContaining({
              name: 'months',
              reason: expect.stringContaining('within the contract term'),
            }),
          ],
        }),
      );
  });
});

describe('upper bounds (decision 009)', () => {
  it.each([
    {
      case: '10.000.000 internships',
      rule: '§6 unit',
      t: type('internship'),
      input: { units: 10_000_000 },
      field: 'units',
    },
    {
      case: '100.001 internships',
      rule: '§6 unit',
      t: type('internship'),
      input: { units: 100_001 },
      field: 'units',
    },
    {
      case: 'more than 1.000.000 hours',
      rule: '§6 hour',
      t: type('initiative-hours'),
      input: { hours: 1_000_000.01 },
      field: 'hours',
    },
    {
      case: 'a gift above €10 billion',
      rule: '§6 money',
      t: type('initiative-money'),
      input: { amountCents: 1_000_000_000_001 },
      field: 'amountCents',
    },
    {
      case: 'a value above €10 billion from a huge rate',
      rule: '§6 unit',
      t: custom({ method: 'unit', rateCents: 100_000_000_000 }),
      input: { units: 11 },
      field: 'valueCents',
    },
  ])('refuses $case', ({ t, input, field }) => {
    const expected = expect.objectContaining({ issues: [expect.objectContaining({ name: field })] });
    expect(() => valueActivity(t, input, ctx)).toThrow(expected);
    expect(() => activityValueCents(t, input, valuationContext(ctx))).toThrow(expected);
  });

  it.each([
    {
      case: '100.000 internships',
      rule: '§6 unit',
      t: type('internship'),
      input: { units: 100_000 },
      value: 25_000_000_000,
    },
    {
      case: '1.000.000 hours',
      rule: '§6 hour',
      t: type('initiative-hours'),
      input: { hours: 1_000_000 },
      value: 6_000_000_000,
    },
    {
      case: 'a gift of exactly €10 billion',
      rule: '§6 money',
      t: type('initiative-money'),
      input: { amountCents: 1_000_000_000_000 },
      value: 1_000_000_000_000,
    },
  ])('accepts $case', ({ t, input, value }) => expect(valueActivity(t, input, ctx).valueCents).toBe(value));
});

describe('§6 properties', () => {
  const hundredths = (max: number) => fc.integer({ min: 1, max }).map((h) => h / 100);
  const day = (n: number) => fromDayNumber(toDayNumber('2026-01-01') + n);
  /**
   * For each method: a whole activity and the same activity in two parts (months, units, hours, amount,
   * or the certificate's days), with a rate that makes every value exact, or any rate.
   */
  const splits: Record<
    string,
    fc.Arbitrary<{ t: ActivityType; whole: ActivityInput; a: ActivityInput; b: ActivityInput }>
  > = {
    fteYear: fc
      .tuple(
        fc.integer({ min: 1, max: 1e6 }),
        hundredths(150),
        fc.integer({ min: 1, max: 599 }),
        fc.integer({ min: 1, max: 599 }),
      )
      .filter(([, , m1, m2]) => m1 + m2 <= 600)
      .map(([rate, fte, m1, m2]) => ({
        t: custom({ method: 'fteYear', rateCents: rate }),
        whole: { fte, months: (m1 + m2) / 100 },
        a: { fte, months: m1 / 100 },
        b: { fte, months: m2 / 100 },
      })),
    unit: fc
      .tuple(
        fc.integer({ min: 1, max: 1e7 }),
        fc.integer({ min: 1, max: 50_000 }),
        fc.integer({ min: 1, max: 50_000 }),
      )
      .map(([rate, u, w]) => ({
        t: custom({ method: 'unit', rateCents: rate }),
        whole: { units: u + w },
        a: { units: u },
        b: { units: w },
      })),
    hour: fc
      .tuple(
        fc.integer({ min: 1, max: 1e5 }),
        fc.integer({ min: 1, max: 5e7 }),
        fc.integer({ min: 1, max: 5e7 }),
      )
      .map(([rate, h, k]) => ({
        t: custom({ method: 'hour', rateCents: rate }),
        whole: { hours: (h + k) / 100 },
        a: { hours: h / 100 },
        b: { hours: k / 100 },
      })),
    spendShare: fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 1, max: 5e11 }),
        fc.integer({ min: 1, max: 5e11 }),
      )
      .map(([share, x, y]) => ({
        t: custom({ method: 'spendShare', shareBp: share }),
        whole: { amountCents: x + y },
        a: { amountCents: x },
        b: { amountCents: y },
      })),
    money: fc
      .tuple(
        fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
        fc.integer({ min: 1, max: 5e11 }),
        fc.integer({ min: 1, max: 5e11 }),
      )
      .map(([share, x, y]) => ({
        t: custom({ method: 'money', shareBp: share }),
        whole: { amountCents: x + y },
        a: { amountCents: x },
        b: { amountCents: y },
      })),
    obligationShare: fc
      .tuple(
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
      )
      .map(([share, from, n, m]) => ({
        t: custom({ method: 'obligationShare', shareBp: share }),
        whole: { validFrom: day(from), validTo: day(from + n + 1 + m) },
        a: { validFrom: day(from), validTo: day(from + n) },
        b: { validFrom: day(from + n + 1), validTo: day(from + n + 1 + m) },
      })),
  };
  const obligation = fc.integer({ min: 0, max: 1e10 });

  it.each([
    { case: 'fteYear', rule: '§6 fteYear', method: 'fteYear' },
    { case: 'unit', rule: '§6 unit', method: 'unit' },
    { case: 'hour', rule: '§6 hour', method: 'hour' },
    { case: 'spendShare', rule: '§6 spendShare', method: 'spendShare' },
    { case: 'money', rule: '§6 money', method: 'money' },
    { case: 'obligationShare', rule: '§6 obligationShare', method: 'obligationShare' },
  ])(
    '§6 $case: the value of a sum equals the sum of the values, up to the one rounding per activity',
    ({ method }) => {
      const split = splits[method] as (typeof splits)['unit'];
      fc.assert(
        fc.property(split, obligation, ({ t, whole, a, b }, obligationCents) => {
          const c = { ...ctx, obligationCents, period: undefined };
          const v = (i: ActivityInput) => valueActivity(t, i, c).valueCents;
          const diff = v(whole) - (v(a) + v(b));
          // each value is within half a cent of the exact one, and exact values add up
          expect(Math.abs(diff)).toBeLessThanOrEqual(1);
          // where no rounding happens the sum is exact
          const exact = (i: ActivityInput) => exactValue(t, i, c) % 1 === 0;
          if (exact(a) && exact(b)) expect(diff).toBe(0);
        }),
      );
    },
  );

  it('§6 no valuation is negative, and the fast path agrees with the explained one', () => {
    const input = fc.record({
      code: fc.constantFrom(...presets.amsterdam.activityTypes.map((t) => t.code)),
      fte: hundredths(150),
      months: hundredths(600),
      units: fc.integer({ min: 1, max: 10_000 }),
      hours: hundredths(1_000_000),
      amountCents: fc.integer({ min: 1, max: 1e11 }),
      from: fc.integer({ min: -100, max: 180 }),
      length: fc.integer({ min: 0, max: 1_000 }),
      obligationCents: obligation,
    });
    fc.assert(
      fc.property(input, (r) => {
        const t = type(r.code);
        // the certificate starts before, at or inside 2026-H1 and always overlaps it
        const from = r.from;
        const to = Math.max(from + r.length, 0);
        const fields: Record<string, ActivityInput> = {
          fteYear: { fte: r.fte, months: r.months },
          unit: { units: r.units },
          hour: { hours: r.hours },
          spendShare: { amountCents: r.amountCents },
          money: { amountCents: r.amountCents },
          obligationShare: { validFrom: day(from), validTo: day(to) },
        };
        const i = fields[t.method] ?? {};
        const c = { ...ctx, obligationCents: r.obligationCents };
        const v = valueActivity(t, i, c);
        expect(v.valueCents).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(v.valueCents)).toBe(true);
        expect(activityValueCents(t, i, valuationContext(c))).toBe(v.valueCents);
        if (t.method === 'obligationShare') expect(v.valueCents).toBeLessThanOrEqual(r.obligationCents);
      }),
    );
  });
});

/** The value before rounding, by the formulas of domain.md §6, to tell an exact value from a rounded one. */
function exactValue(t: ActivityType, i: ActivityInput, c: ValuationContextInput): number {
  const rate = t.rateCents ?? 0;
  switch (t.method) {
    case 'fteYear':
      return (rate * Math.round((i.fte ?? 0) * 100) * Math.round((i.months ?? 0) * 100)) / 120_000;
    case 'unit':
      return rate * (i.units ?? 0);
    case 'hour':
      return (rate * Math.round((i.hours ?? 0) * 100)) / 100;
    case 'spendShare':
    case 'money':
      return ((i.amountCents ?? 0) * (t.shareBp ?? 10_000)) / 10_000;
    case 'obligationShare': {
      const term = toDayNumber(c.contractEnd) - toDayNumber(c.contractStart) + 1;
      const days = toDayNumber(i.validTo ?? '') - toDayNumber(i.validFrom ?? '') + 1;
      return (((t.shareBp ?? 0) * c.obligationCents) / 10_000) * (days / term);
    }
    case 'targetGroupYear':
      return NaN; // valued from the policy's target groups: src/domain/target-groups.test.ts
  }
}

describe('§6 explanations in English and Dutch (decision 009)', () => {
  it.each([
    {
      case: 'fteYear',
      rule: '§6 explanation',
      t: type('job-benefits'),
      input: { fte: 1, months: 6 },
      en: '1 FTE × 6 months / 12 × €35.000,00 = €17.500,00',
      nl: '1 FTE × 6 maanden / 12 × € 35.000,00 = € 17.500,00',
    },
    {
      case: 'hour',
      rule: '§6 explanation',
      t: type('initiative-hours'),
      input: { hours: 10 },
      en: '10 hours × €60,00 = €600,00',
      nl: '10 uur × € 60,00 = € 600,00',
    },
    {
      case: 'unit',
      rule: '§6 explanation',
      t: type('internship'),
      input: { units: 1 },
      en: '1 × €2.500,00 per internship = €2.500,00',
      nl: '1 × € 2.500,00 = € 2.500,00',
    },
    {
      case: 'spendShare',
      rule: '§6 explanation',
      t: type('sw-purchase'),
      input: { amountCents: 123_456 },
      en: '30% × €1.234,56 spent = €370,37',
      nl: '30% × € 1.234,56 besteed = € 370,37',
    },
    {
      case: 'money',
      rule: '§6 explanation',
      t: type('training'),
      input: { amountCents: 100_000 },
      en: '100% × €1.000,00 given = €1.000,00',
      nl: '100% × € 1.000,00 gegeven = € 1.000,00',
    },
    {
      case: 'obligationShare',
      rule: '§6 explanation',
      t: type('pso-2'),
      input: { validFrom: '2026-01-01', validTo: '2026-06-30' },
      en: '100% × €25.000,00 × 181 / 365 days = €12.397,26 (certificate valid 2026-01-01 – 2026-06-30 in 2026-H1 within the term)',
      nl: '100% × € 25.000,00 × 181 / 365 dagen = € 12.397,26 (certificaat geldig 2026-01-01 – 2026-06-30 in 2026-H1 binnen de looptijd)',
    },
  ])('$case', ({ t, input, en, nl }) => {
    const v = valueActivity(t, input, ctx);
    expect(v.explanation).toBe(en);
    expect(v.explanationNl).toBe(nl);
  });
});
