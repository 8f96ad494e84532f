import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeProgress, portfolioProgress, type ProgressInput, type ValuedItem } from './progress.ts';
import { presets } from './presets.ts';

const emp = (valueCents: number): ValuedItem => ({ category: 'employment', valueCents });
/** Obligation €365 over 2026 (365 days): €1 a day. */
const base: ProgressInput = {
  obligationCents: 36_500,
  startDate: '2026-01-01',
  endDate: '2026-12-31',
  planned: [],
  realised: [],
  verified: [],
};

describe('§7 progress at a date', () => {
  it.each([
    {
      case: '§7 asOf before the start: expected 0, forecast 0',
      rule: '§7 forecast before the start',
      asOf: '2025-12-31',
      realised: 0,
      verified: 0,
      expected: 0,
      forecast: 0,
      status: 'onTrack',
    },
    {
      case: '§7 asOf on the start: forecast = realised × 365 / 1',
      rule: '§7 forecast',
      asOf: '2026-01-01',
      realised: 100,
      verified: 0,
      expected: 100,
      forecast: 36_500,
      status: 'onTrack',
    },
    {
      case: '§7 behind: realised below expected × (1 − 10%)',
      rule: '§7 status behind',
      asOf: '2026-07-02',
      realised: 16_469,
      verified: 0,
      expected: 18_300,
      forecast: 32_848,
      status: 'behind',
    },
    {
      case: '§7 exactly at expected × (1 − 10%) is on track',
      rule: '§7 status onTrack',
      asOf: '2026-07-02',
      realised: 16_470,
      verified: 0,
      expected: 18_300,
      forecast: 32_850,
      status: 'onTrack',
    },
    {
      case: '§7 asOf on the end: forecast = realised, not yet notMet',
      rule: '§7 forecast after the end equals realised',
      asOf: '2026-12-31',
      realised: 20_000,
      verified: 0,
      expected: 36_500,
      forecast: 20_000,
      status: 'behind',
    },
    {
      case: '§7 asOf after the end, not verified in full: notMet',
      rule: '§7 status notMet',
      asOf: '2027-01-01',
      realised: 36_500,
      verified: 36_499,
      expected: 36_500,
      forecast: 36_500,
      status: 'notMet',
    },
    {
      case: '§7 met is tested before notMet',
      rule: '§7 status order',
      asOf: '2027-06-01',
      realised: 36_500,
      verified: 36_500,
      expected: 36_500,
      forecast: 36_500,
      status: 'met',
    },
    {
      case: '§7 met before the start, when verified reaches the obligation',
      rule: '§7 status met',
      asOf: '2025-06-01',
      realised: 40_000,
      verified: 40_000,
      expected: 0,
      forecast: 0,
      status: 'met',
    },
    {
      case: '§7 only verified value closes the obligation',
      rule: '§6 only verified value closes',
      asOf: '2026-12-31',
      realised: 36_500,
      verified: 0,
      expected: 36_500,
      forecast: 36_500,
      status: 'onTrack',
    },
  ])('$case', ({ asOf, realised, verified, expected, forecast, status }) => {
    const p = computeProgress(
      { ...base, realised: realised ? [emp(realised)] : [], verified: verified ? [emp(verified)] : [] },
      asOf,
    );
    expect(p).toMatchObject({
      obligationCents: 36_500,
      realisedCents: realised,
      verifiedCents: verified,
      expectedCents: expected,
      forecastCents: forecast,
      status,
    });
  });

  it.each([
    {
      case: '§7 forecast rounded half away from zero: 1 × 3 / 2 = 1,5 → 2',
      rule: '§7 expected and forecast rounded',
      realised: 1,
      asOf: '2026-01-02',
      forecast: 2,
    },
    {
      case: '§7 forecast rounded: 1 × 3 / 1 = 3',
      rule: '§7 forecast',
      realised: 1,
      asOf: '2026-01-01',
      forecast: 3,
    },
  ])('$case', ({ realised, asOf, forecast }) =>
    expect(
      computeProgress({ ...base, obligationCents: 3, endDate: '2026-01-03', realised: [emp(realised)] }, asOf)
        .forecastCents,
    ).toBe(forecast),
  );

  it.each([
    {
      case: '§7 a term of one day: on that day expected is all, forecast = realised',
      rule: '§4 days inclusive',
      asOf: '2026-03-01',
      expected: 500,
      forecast: 200,
    },
    {
      case: '§7 a term of one day: the day before nothing is expected',
      asOf: '2026-02-28',
      expected: 0,
      forecast: 0,
    },
  ])('$case', ({ asOf, expected, forecast }) =>
    expect(
      computeProgress(
        {
          ...base,
          obligationCents: 500,
          startDate: '2026-03-01',
          endDate: '2026-03-01',
          realised: [emp(200)],
        },
        asOf,
      ),
    ).toMatchObject({
      expectedCents: expected,
      forecastCents: forecast,
    }),
  );

  it.each([
    {
      case: '§3 tolerance from the policy (10%)',
      rule: '§3 behind tolerance',
      input: { policy: presets.amsterdam },
      status: 'onTrack',
    },
    {
      case: '§3 tolerance set to 0: any shortfall is behind',
      rule: '§3 behind tolerance',
      input: { toleranceBp: 0 },
      status: 'behind',
    },
    { case: '§3 tolerance set to 20%', input: { toleranceBp: 2_000 }, status: 'onTrack' },
  ])('$case', ({ input, status }) =>
    expect(computeProgress({ ...base, ...input, realised: [emp(18_299)] }, '2026-07-02').status).toBe(status),
  );

  it.each([
    {
      case: '§6 realised and verified are counted after caps; planned is shown as committed',
      rule: '§6 counted after caps',
    },
    {
      case: '§6 realised and verified are counted after caps; planned is shown as committed',
      rule: '§6 committed, reported and verified apart',
    },
  ])('$case', () => {
    const p = computeProgress(
      {
        ...base,
        categoryCapsBp: { employment: 5_000 },
        planned: [emp(30_000), { category: 'socialDomain', valueCents: 1_000 }],
        realised: [emp(20_000), emp(10_000), { category: 'socialDomain', valueCents: 1_000 }],
        verified: [emp(10_000)],
      },
      '2026-07-02',
    );
    expect(p.byCategory.employment).toEqual({
      plannedCents: 30_000,
      realisedCents: 18_250,
      verifiedCents: 10_000,
    });
    expect(p.byCategory.socialDomain).toEqual({
      plannedCents: 1_000,
      realisedCents: 1_000,
      verifiedCents: 0,
    });
    expect([p.plannedCents, p.realisedCents, p.verifiedCents]).toEqual([31_000, 19_250, 10_000]);
  });

  it('refuses broken input', () => {
    expect(() => computeProgress({ ...base, endDate: '2025-01-01' }, '2026-01-01')).toThrow(
      expect.objectContaining({ code: 'VALIDATION' }),
    );
    expect(() => computeProgress({ ...base, realised: [emp(1.5)] }, '2026-01-01')).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ name: 'realised.0.valueCents' })] }),
    );
  });

  it.each([
    {
      case: '§7 totals are sums of rounded values and counted values never exceed a cap (property)',
      rule: '§6 totals are sums of rounded values',
    },
  ])('$case', () => {
    const item = fc.record({
      category: fc.constantFrom('employment', 'participation', 'socialDomain', 'socialEnterprise' as const),
      valueCents: fc.integer({ min: 0, max: 1e9 }),
    });
    fc.assert(
      fc.property(
        fc.array(item, { maxLength: 20 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 1e9 }),
        (items, bp, obligation) => {
          const p = computeProgress(
            {
              ...base,
              obligationCents: obligation,
              realised: items,
              verified: items,
              categoryCapsBp: { participation: bp },
            },
            '2026-06-01',
          );
          const cap = Math.round((bp * obligation) / 10_000 + 1e-9);
          expect(p.byCategory.participation.realisedCents).toBeLessThanOrEqual(cap);
          const uncapped = items
            .filter((i) => i.category !== 'participation')
            .reduce((s, i) => s + i.valueCents, 0);
          expect(p.realisedCents).toBe(uncapped + p.byCategory.participation.realisedCents);
        },
      ),
    );
  });
});

describe('§7 portfolio progress', () => {
  it('sums contracts, by category, and counts statuses', () => {
    const a = computeProgress({ ...base, realised: [emp(10_000)], verified: [emp(5_000)] }, '2026-07-02');
    const b = computeProgress(
      {
        ...base,
        realised: [{ category: 'socialDomain', valueCents: 40_000 }],
        verified: [{ category: 'socialDomain', valueCents: 40_000 }],
      },
      '2026-07-02',
    );
    const total = portfolioProgress([a, b]);
    expect(total).toMatchObject({
      contracts: 2,
      obligationCents: 73_000,
      realisedCents: 50_000,
      verifiedCents: 45_000,
      expectedCents: 36_600,
      byStatus: { met: 1, notMet: 0, behind: 1, onTrack: 0 },
    });
    expect(total.byCategory.employment).toEqual({
      plannedCents: 0,
      realisedCents: 10_000,
      verifiedCents: 5_000,
    });
    expect(total.byCategory.socialDomain.realisedCents).toBe(40_000);
    expect(portfolioProgress([])).toMatchObject({ contracts: 0, obligationCents: 0 });
  });
});
