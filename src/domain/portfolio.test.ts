import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeProgress, portfolioProgress, type ProgressInput, type ValuedItem } from './progress.ts';
import { PortfolioAccumulator } from './portfolio.ts';
import { fromDayNumber, toDayNumber } from './dates.ts';
import { presets } from './presets.ts';
import { categoryCode } from './policy.ts';

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

describe('§7 portfolio accumulator (the fast path of a dashboard)', () => {
  const category = fc.constantFrom(
    'employment',
    'participation',
    'socialDomain',
    'socialEnterprise' as const,
  );
  const items = fc.array(fc.record({ category, valueCents: fc.integer({ min: -1e6, max: 1e12 }) }), {
    maxLength: 8,
  });
  const day0 = toDayNumber('2024-01-01');
  const contract = fc
    .record({
      start: fc.integer({ min: 0, max: 1_500 }),
      term: fc.integer({ min: 1, max: 1_500 }),
      obligationCents: fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.constant(2 ** 53 - 1)),
      planned: items,
      realised: items,
      verified: items,
      caps: fc.option(
        fc.record(
          {
            employment: fc.integer({ min: 0, max: 10_000 }),
            socialEnterprise: fc.integer({ min: 0, max: 10_000 }),
          },
          { requiredKeys: [] },
        ),
        { nil: undefined },
      ),
      tolerance: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }),
      withPolicy: fc.boolean(),
    })
    .map((c): ProgressInput => ({
      obligationCents: c.obligationCents,
      startDate: fromDayNumber(day0 + c.start),
      endDate: fromDayNumber(day0 + c.start + c.term - 1),
      planned: c.planned,
      realised: c.realised,
      verified: c.verified,
      categoryCapsBp: c.caps,
      toleranceBp: c.tolerance,
      policy: c.withPolicy ? presets.amsterdam : undefined,
    }));

  /** The value-by-value path: terms first, then each list's values, in an order mixing the lists. */
  const streamed = (acc: PortfolioAccumulator, input: ProgressInput, order: number[], byCode = false) => {
    const addRealised = (item: ValuedItem) =>
      byCode
        ? acc.addRealisedCode(categoryCode(item.category), item.valueCents)
        : acc.addRealised(item.category, item.valueCents);
    const addVerified = (item: ValuedItem) =>
      byCode
        ? acc.addVerifiedCode(categoryCode(item.category), item.valueCents)
        : acc.addVerified(item.category, item.valueCents);
    const { planned, realised, verified, ...terms } = input;
    acc.startContract(terms);
    const queues = [[...planned], [...realised], [...verified]];
    for (const list of order) {
      const item = queues[list % 3]?.shift();
      if (item === undefined) continue;
      if (list % 3 === 0) acc.addPlanned(item.category, item.valueCents);
      else if (list % 3 === 1) addRealised(item);
      else addVerified(item);
    }
    for (const item of queues[0] ?? []) acc.addPlanned(item.category, item.valueCents);
    for (const item of queues[1] ?? []) addRealised(item);
    for (const item of queues[2] ?? []) addVerified(item);
    return acc.finishContract();
  };

  it('equals portfolioProgress of computeProgress per contract, status by status, on both paths (property)', () => {
    fc.assert(
      fc.property(
        fc.array(contract, { maxLength: 12 }),
        fc.integer({ min: -30, max: 3_100 }),
        fc.array(fc.nat(2), { maxLength: 24 }),
        (list, at, order) => {
          const asOf = fromDayNumber(day0 + at);
          const slow = list.map((input) => computeProgress(input, asOf));
          const whole = new PortfolioAccumulator(asOf);
          const byValue = new PortfolioAccumulator(asOf);
          const byCode = new PortfolioAccumulator(asOf);
          const statuses = slow.map((p) => p.status);
          expect(list.map((input) => whole.add(input))).toEqual(statuses);
          expect(list.map((input) => streamed(byValue, input, order))).toEqual(statuses);
          expect(list.map((input) => streamed(byCode, input, order, true))).toEqual(statuses);
          expect(whole.result()).toStrictEqual(portfolioProgress(slow));
          expect(byValue.result()).toStrictEqual(portfolioProgress(slow));
          expect(byCode.result()).toStrictEqual(portfolioProgress(slow));
        },
      ),
    );
  });

  it('a contract must be started before its values, and one with a refused value cannot be finished', () => {
    const acc = new PortfolioAccumulator('2026-07-02');
    const invalidState = expect.objectContaining({ code: 'INVALID_STATE' });
    expect(() => acc.addRealised('employment', 1)).toThrow(invalidState);
    expect(() => acc.finishContract()).toThrow(invalidState);
    acc.startContract(base);
    acc.addRealised('employment', 100);
    expect(acc.finishContract()).toBe('behind');
    expect(() => acc.finishContract()).toThrow(invalidState); // finished already
    acc.startContract(base);
    acc.addRealised('employment', 1);
    expect(() => acc.addRealised('employment', 0.5)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ name: 'realised.1.valueCents' })] }),
    );
    expect(() => acc.finishContract()).toThrow(invalidState);
    expect(acc.result()).toStrictEqual(
      portfolioProgress([computeProgress({ ...base, realised: [emp(100)] }, '2026-07-02')]),
    );
  });

  it.each([
    { code: -1, reason: 'unknown category -1' },
    { code: 4, reason: 'unknown category 4' },
    { code: 1.5, reason: 'unknown category 1.5' },
    { code: NaN, reason: 'unknown category NaN' },
  ])('refuses a category code that is none of the four: $code', ({ code, reason }) => {
    const acc = new PortfolioAccumulator('2026-07-02');
    acc.startContract(base);
    acc.addRealisedCode(categoryCode('socialDomain'), 100);
    expect(() => acc.addVerifiedCode(code, 1)).toThrow(
      expect.objectContaining({ issues: [{ name: 'verified.0.category', reason }] }),
    );
    expect(() => acc.finishContract()).toThrow(expect.objectContaining({ code: 'INVALID_STATE' }));
    acc.startContract(base);
    acc.addRealisedCode(categoryCode('socialDomain'), 100);
    expect(() => acc.addRealisedCode(categoryCode('socialEnterprise'), 0.5)).toThrow(
      expect.objectContaining({ issues: [expect.objectContaining({ name: 'realised.1.valueCents' })] }),
    );
  });

  it.each([
    { case: 'end before start', input: { ...base, endDate: '2025-01-01' }, asOf: '2026-01-01' },
    { case: 'asOf not a date, with a broken start', input: { ...base, startDate: '2026-02-30' }, asOf: 'x' },
    {
      case: 'a value in cents with a fraction',
      input: { ...base, verified: [emp(1.5)] },
      asOf: '2026-01-01',
    },
    {
      case: 'an unknown category',
      input: { ...base, planned: [{ category: 'other', valueCents: 1 } as unknown as ValuedItem] },
      asOf: '2026-01-01',
    },
    { case: 'a tolerance over 100%', input: { ...base, toleranceBp: 10_001 }, asOf: '2026-01-01' },
  ])('refuses like computeProgress: $case', ({ input, asOf }) => {
    let expected: unknown;
    try {
      computeProgress(input, asOf);
    } catch (e) {
      expected = e;
    }
    expect(expected).toMatchObject({ code: 'VALIDATION' });
    const acc = new PortfolioAccumulator(asOf);
    expect(() => acc.add(input)).toThrow(expected as Error);
    expect(() => acc.add(input)).toThrow(
      expect.objectContaining({ issues: (expected as { issues: unknown }).issues }),
    );
    expect(() => streamed(acc, input, [])).toThrow(
      expect.objectContaining({ issues: (expected as { issues: unknown }).issues }),
    );
    expect(acc.result()).toStrictEqual(portfolioProgress([]));
  });
});
