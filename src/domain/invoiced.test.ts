import { describe, expect, it } from 'vitest';
import { invoicedPace, invoicedTotal } from './invoiced.ts';
import { computeObligation } from './obligation.ts';
import type { Policy } from './policy.ts';
import { presets } from './presets.ts';
import { computeProgress } from './progress.ts';

/** Amsterdam's rules (2%, plan from €200.000) on invoiced value: a framework contract. */
const framework: Policy = { ...presets.amsterdam, base: 'invoiced' };
const term = { startDate: '2026-01-01', endDate: '2027-12-31' };

describe('decision 022: obligation on invoiced value (framework contracts)', () => {
  it.each([
    {
      case: 'nothing invoiced yet: obligation 0, the regime judged on the framework value',
      policy: framework,
      terms: { valueCents: 100_000_000 },
      amount: 0,
      regime: 'plan',
      text: '2% × invoiced €0,00 (nothing invoiced yet) = €0,00; value €1.000.000,00 ≥ €200.000,00: plan regime; framework contract: the obligation and the expected pace follow the invoiced amounts',
    },
    {
      case: '2% of the invoiced total, not of the framework value',
      policy: framework,
      terms: { valueCents: 100_000_000, invoicedCents: 12_345_678 },
      amount: 246_914, // 246_913.56 rounded half away from zero
      regime: 'plan',
      text: '2% × invoiced €123.456,78 = €2.469,14; value €1.000.000,00 ≥ €200.000,00: plan regime; framework contract: the obligation and the expected pace follow the invoiced amounts',
    },
    {
      case: 'a small framework: trust regime on its value, the obligation still follows the invoices',
      policy: framework,
      terms: { valueCents: 10_000_000, invoicedCents: 5_000_000 },
      amount: 100_000,
      regime: 'trust',
      text: '2% × invoiced €50.000,00 = €1.000,00; value €100.000,00 < €200.000,00: trust regime; framework contract: the obligation and the expected pace follow the invoiced amounts',
    },
    {
      case: 'the obligation cap holds for invoiced value too',
      policy: { ...framework, obligationCapCents: 150_000 },
      terms: { valueCents: 100_000_000, invoicedCents: 10_000_000 },
      amount: 150_000,
      regime: 'plan',
      text: '2% × invoiced €100.000,00 = €2.000,00, capped at €1.500,00; value €1.000.000,00 ≥ €200.000,00: plan regime; framework contract: the obligation and the expected pace follow the invoiced amounts',
    },
    {
      case: 'invoiced amounts are ignored by a policy on total value',
      policy: presets.amsterdam,
      terms: { valueCents: 100_000_000, invoicedCents: 5_000_000 },
      amount: 2_000_000,
      regime: 'plan',
      text: '2% × €1.000.000,00 = €20.000,00; ≥ €200.000,00: plan regime',
    },
  ])('$case', ({ policy, terms, amount, regime, text }) => {
    const o = computeObligation(policy, { ...term, ...terms });
    expect(o.amountCents).toBe(amount);
    expect(o.regime).toBe(regime);
    expect(o.explanation).toBe(text);
  });

  it('says so in Dutch', () => {
    const o = computeObligation(framework, { ...term, valueCents: 100_000_000, invoicedCents: 5_000_000 });
    expect(o.explanationNl).toContain('gefactureerd');
    expect(o.explanationNl).toContain(
      'raamovereenkomst: de verplichting en het verwachte tempo volgen de gefactureerde bedragen',
    );
  });

  it('refuses invoiced cents that are not whole or negative', () => {
    expect(() => computeObligation(framework, { ...term, valueCents: 1, invoicedCents: -1 })).toThrow(
      'cannot be judged',
    );
  });
});

describe('decision 022: the expected pace follows the invoiced half-years', () => {
  const pace = (
    invoices: { period: string; amountCents: number }[],
    asOf: string,
    obligationCents?: number,
  ) =>
    invoicedPace(
      {
        percentageBp: 200,
        obligationCents: obligationCents ?? Math.round((invoicedTotal(invoices) * 200) / 10_000),
        ...term,
        invoices,
      },
      asOf,
    );

  it.each([
    { case: 'no invoices: nothing expected', invoices: [], asOf: '2027-12-31', expected: 0 },
    {
      case: 'before a half-year begins its share is not expected yet',
      invoices: [{ period: '2026-H2', amountCents: 1_000_000 }],
      asOf: '2026-06-30',
      expected: 0,
    },
    {
      case: "a half-year's share is expected pro rata by days within it (2026-H2: 184 days, 1 elapsed)",
      invoices: [{ period: '2026-H2', amountCents: 1_840_000 }],
      asOf: '2026-07-01',
      expected: 200, // 36_800 × 1 / 184
    },
    {
      case: 'a half-year that has ended: its whole share',
      invoices: [{ period: '2026-H1', amountCents: 1_000_000 }],
      asOf: '2026-07-01',
      expected: 20_000,
    },
    {
      case: 'several half-years add up; order of input does not matter',
      invoices: [
        { period: '2027-H1', amountCents: 500_000 },
        { period: '2026-H1', amountCents: 1_000_000 },
      ],
      asOf: '2027-12-31',
      expected: 30_000,
    },
    {
      case: 'shares are cut from the running total, so they add up to the obligation exactly (half cents)',
      invoices: [
        { period: '2026-H1', amountCents: 25 }, // 0.5 cent → 1
        { period: '2026-H2', amountCents: 25 }, // running 1 cent → share 0
      ],
      asOf: '2027-12-31',
      expected: 1,
    },
    {
      case: 'a cap is reached by the first half-years, never exceeded',
      invoices: [
        { period: '2026-H1', amountCents: 1_000_000 },
        { period: '2026-H2', amountCents: 1_000_000 },
      ],
      asOf: '2026-06-30',
      obligation: 15_000,
      expected: 15_000,
    },
  ])('$case', ({ invoices, asOf, expected, obligation }) =>
    expect(pace(invoices, asOf, obligation)).toBe(expected),
  );

  it('clips a half-year to the term: a contract starting on 2026-04-01 paces 2026-H1 over 91 days', () => {
    const value = invoicedPace(
      {
        percentageBp: 200,
        obligationCents: 9_100,
        startDate: '2026-04-01',
        endDate: '2026-12-31',
        invoices: [{ period: '2026-H1', amountCents: 455_000 }],
      },
      '2026-04-01',
    );
    expect(value).toBe(100); // 9_100 × 1 / 91
  });

  it('refuses a period that is not a half-year', () => {
    expect(() => pace([{ period: '2026-Q1', amountCents: 1 }], '2026-01-01', 0)).toThrow('Cannot pace');
  });

  it('progress uses the pace given instead of the term pro rata', () => {
    const base = { obligationCents: 20_000, ...term, planned: [], realised: [], verified: [] };
    expect(computeProgress(base, '2026-12-31').expectedCents).toBe(10_000); // pro rata over the term (365 of 730 days)
    const given = computeProgress({ ...base, expectedCents: 20_000 }, '2026-12-31');
    expect(given.expectedCents).toBe(20_000);
    expect(given.status).toBe('behind');
  });
});
