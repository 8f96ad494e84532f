import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { ActivityType } from './policy.ts';
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
      t: type('job-benefits'),
      input: { fte: 1, months: 6 },
      value: 1_750_000,
    },
    {
      case: '§6 fteYear: 0,5 FTE × 3 months of a BBL place (€10.000)',
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
      t: custom({ method: 'fteYear', rateCents: 3_500_001 }),
      input: { fte: 1, months: 6 },
      value: 1_750_001,
    },
    { case: '§6 unit: 3 internships × €2.500', t: type('internship'), input: { units: 3 }, value: 750_000 },
    { case: '§6 hour: 10,5 hours × €60', t: type('initiative-hours'), input: { hours: 10.5 }, value: 63_000 },
    {
      case: '§6 hour: exactly half a cent rounds up (0,01 hour × 50 cents)',
      t: custom({ method: 'hour', rateCents: 50 }),
      input: { hours: 0.01 },
      value: 1,
    },
    {
      case: '§6 spendShare: 30% of €10.000 bought from an SW-bedrijf',
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
      t: type('training'),
      input: { amountCents: 50_000 },
      value: 50_000,
    },
    {
      case: '§6 money: share defaults to 100%',
      t: custom({ method: 'money' }),
      input: { amountCents: 12_345 },
      value: 12_345,
    },
    {
      case: '§6 obligationShare: PSO rung 2, certificate over all of H1 (181 of 365 days)',
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
      c: { ...ctx, reportedOn: '2026-07-15' },
      input: { validFrom: '2026-01-01', validTo: '2026-12-31' },
      value: 1_239_726,
    },
  ])('$case', ({ c, input, value }) => expect(valueActivity(type('pso-2'), input, c).valueCents).toBe(value));

  it.each([
    {
      case: '§6 fteYear explanation',
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
      t: type('pso-2'),
      input: { validFrom: '2025-06-01', validTo: '2026-03-31' },
      text: '100% × €25.000,00 × 90 / 365 days = €6.164,38 (certificate valid 2026-01-01 – 2026-03-31 in 2026-H1 within the term)',
    },
  ])('$case', ({ t, input, text }) => expect(valueActivity(t, input, ctx).explanation).toBe(text));

  it('§6 the rule names method, type and policy version', () => {
    expect(valueActivity(type('job-benefits'), { fte: 1, months: 6 }, ctx).ruleId).toBe(
      'fteYear:job-benefits',
    );
    expect(
      valueActivity(type('job-benefits'), { fte: 1, months: 6 }, { ...ctx, policyVersion: 'v3' }).ruleId,
    ).toBe('fteYear:job-benefits@v3');
  });
});

describe('§6 inputs the method does not allow are refused, naming the field', () => {
  it.each([
    { case: '§6 fteYear: fte 0', t: type('job-benefits'), input: { fte: 0, months: 6 }, fields: ['fte'] },
    {
      case: '§6 fteYear: fte above 1,5',
      t: type('job-benefits'),
      input: { fte: 1.51, months: 6 },
      fields: ['fte'],
    },
    {
      case: '§6 fteYear: fte with 3 decimals',
      t: type('job-benefits'),
      input: { fte: 0.125, months: 6 },
      fields: ['fte'],
    },
    {
      case: '§6 fteYear: months above 6 in one half-year',
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
    { case: '§6 unit: not whole', t: type('internship'), input: { units: 1.5 }, fields: ['units'] },
    { case: '§6 unit: zero', t: type('internship'), input: { units: 0 }, fields: ['units'] },
    { case: '§6 hour: zero', t: type('initiative-hours'), input: { hours: 0 }, fields: ['hours'] },
    { case: '§6 hour: 3 decimals', t: type('initiative-hours'), input: { hours: 1.001 }, fields: ['hours'] },
    {
      case: '§6 spendShare: part of a cent',
      t: type('sw-purchase'),
      input: { amountCents: 10.5 },
      fields: ['amountCents'],
    },
    { case: '§6 money: negative', t: type('training'), input: { amountCents: -5 }, fields: ['amountCents'] },
    {
      case: '§6 a quantity of another method',
      t: type('job-benefits'),
      input: { fte: 1, months: 6, hours: 3 },
      fields: ['hours'],
    },
    {
      case: '§6 obligationShare: dates missing',
      t: type('pso-2'),
      input: {},
      fields: ['validFrom', 'validTo'],
    },
    {
      case: '§6 obligationShare: validTo before validFrom',
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

  it('§6 a certificate must be valid at the time it is reported', () =>
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
    ));

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

describe('§6 properties', () => {
  const amount = fc.integer({ min: 1, max: 1e12 });
  it('§6 money and unit are additive: the value of a sum equals the sum of the values', () => {
    fc.assert(
      fc.property(
        amount,
        amount,
        fc.integer({ min: 1, max: 1000 }),
        fc.integer({ min: 1, max: 1000 }),
        (a, b, u, w) => {
          const money = type('initiative-money');
          const unit = type('internship');
          expect(valueActivity(money, { amountCents: a + b }, ctx).valueCents).toBe(
            valueActivity(money, { amountCents: a }, ctx).valueCents +
              valueActivity(money, { amountCents: b }, ctx).valueCents,
          );
          expect(valueActivity(unit, { units: u + w }, ctx).valueCents).toBe(
            valueActivity(unit, { units: u }, ctx).valueCents +
              valueActivity(unit, { units: w }, ctx).valueCents,
          );
        },
      ),
    );
  });

  it('§6 no valuation is negative, and the fast path agrees with the explained one', () => {
    const hundredths = (max: number) => fc.integer({ min: 1, max }).map((h) => h / 100);
    const input = fc.record({
      code: fc.constantFrom(...presets.amsterdam.activityTypes.map((t) => t.code)),
      fte: hundredths(150),
      months: hundredths(600),
      units: fc.integer({ min: 1, max: 10_000 }),
      hours: hundredths(1_000_000),
      amountCents: fc.integer({ min: 1, max: 1e11 }),
      from: fc.integer({ min: 0, max: 180 }),
      length: fc.integer({ min: 0, max: 1_000 }),
    });
    const c = valuationContext(ctx);
    fc.assert(
      fc.property(input, (r) => {
        const t = type(r.code);
        const fields: Record<string, ActivityInput> = {
          fteYear: { fte: r.fte, months: r.months },
          unit: { units: r.units },
          hour: { hours: r.hours },
          spendShare: { amountCents: r.amountCents },
          money: { amountCents: r.amountCents },
          obligationShare: { validFrom: '2026-01-01', validTo: '2026-06-30' },
        };
        const i = fields[t.method] ?? {};
        const v = valueActivity(t, i, ctx);
        expect(v.valueCents).toBeGreaterThanOrEqual(0);
        expect(Number.isSafeInteger(v.valueCents)).toBe(true);
        expect(activityValueCents(t, i, c)).toBe(v.valueCents);
      }),
    );
  });
});
