import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcome } from './outcome.ts';
import { fromDayNumber, toDayNumber } from '../../src/domain/dates.ts';
import { presets } from '../../src/domain/presets.ts';
import type { ActivityType } from '../../src/domain/policy.ts';
import { computeProgress, portfolioProgress, type ProgressInput } from '../../src/domain/progress.ts';
import { PortfolioAccumulator } from '../../src/domain/portfolio.ts';
import {
  activityValueCents,
  MAX_HOURS,
  MAX_UNITS,
  MAX_VALUE_CENTS,
  valuationContext,
  type ActivityInput,
} from '../../src/domain/valuation.ts';
import { refActivityValueCents, refComputeProgress, refValuationContext } from './reference-v0.ts';

const day0 = toDayNumber('2024-01-01');
const date = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: -400, max: 1_500 }).map((n) => fromDayNumber(day0 + n)) },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-29', '2024-13-01', 'x', '') },
);
const period = fc
  .oneof(
    { weight: 8, arbitrary: fc.tuple(fc.integer({ min: 2023, max: 2028 }), fc.constantFrom(1, 2)) },
    { weight: 1, arbitrary: fc.constant(null) },
  )
  .map((p) => (p === null ? '2026-H3' : `${p[0]}-H${p[1]}`));
const cents = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 1e10 }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 1_000 }) },
  { weight: 1, arbitrary: fc.constantFrom(-1, 0.5, 2 ** 53, Number.NaN) },
);
/** A term: mostly a real one (end on or after start), sometimes any two dates. */
const term = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(fc.integer({ min: -400, max: 1_500 }), fc.integer({ min: 0, max: 1_500 }))
      .map(([s, n]) => [fromDayNumber(day0 + s), fromDayNumber(day0 + s + n)] as const),
  },
  { weight: 2, arbitrary: fc.tuple(date, date) },
);
const contextInput = fc
  .record(
    {
      term,
      obligationCents: cents,
      period,
      reportedOn: date,
      policyVersion: fc.constantFrom(3, 'v2'),
    },
    { requiredKeys: ['term', 'obligationCents'] },
  )
  .map(({ term: [contractStart, contractEnd], ...rest }) => ({ ...rest, contractStart, contractEnd }));

describe('the optimised core gives what the core before the performance work gave (oracle: reference-v0.ts)', () => {
  it('valuationContext: same context, or the same refusal (property)', () => {
    fc.assert(
      fc.property(contextInput, (input) => {
        // maxMonths is newer than the oracle (decision 009): compared in valuation.test.ts instead
        expect(outcome(() => ({ ...valuationContext(input), maxMonths: 600 }))).toStrictEqual(
          outcome(() => refValuationContext(input)),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  const quantity = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 1, max: 800 }).map((h) => h / 100) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 1e7 }) },
    { weight: 1, arbitrary: fc.constantFrom(0, -1, 0.125, 1.5, Number.NaN, Infinity, 2 ** 60) },
  );
  const activityInput = fc.record(
    {
      fte: quantity,
      months: quantity,
      units: quantity,
      hours: quantity,
      amountCents: quantity,
      validFrom: date,
      validTo: date,
    },
    { requiredKeys: [] },
  );
  const activityType = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...presets.amsterdam.activityTypes) },
    {
      weight: 2,
      arbitrary: fc.record({
        code: fc.constant('custom'),
        name: fc.constant('Custom'),
        category: fc.constant('participation' as const),
        method: fc.constantFrom('fteYear', 'unit', 'hour', 'spendShare', 'money', 'obligationShare' as const),
        rateCents: fc.option(fc.oneof(fc.integer({ min: 0, max: 1e8 }), fc.constantFrom(-1, 0.5)), {
          nil: undefined,
        }),
        shareBp: fc.option(fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(10_001, 0.5)), {
          nil: undefined,
        }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.constant({ code: 'odd', name: 'Odd', category: 'participation', method: 'barter' }),
    },
  ) as fc.Arbitrary<ActivityType>;

  it('activityValueCents: same value, or the same refusal with the same issues (property)', () => {
    fc.assert(
      fc.property(activityType, activityInput, contextInput, (type, input: ActivityInput, c) => {
        // the oracle's rule of 6 months in any half-year, so only the arithmetic and checks are compared
        const ctx = outcome(() => ({ ...valuationContext(c), maxMonths: 600 }));
        if (!('ok' in ctx)) return;
        const ref = outcome(() => refActivityValueCents(type, input, ctx.ok));
        // the upper bounds (decision 009) are newer than the oracle: valuation.test.ts covers them
        const big = (v: unknown, max: number) => typeof v === 'number' && v > max;
        if (
          big(input.units, MAX_UNITS) ||
          big(input.hours, MAX_HOURS / 100) ||
          big(input.amountCents, MAX_VALUE_CENTS) ||
          ('ok' in ref && ref.ok > MAX_VALUE_CENTS)
        )
          return;
        expect(outcome(() => activityValueCents(type, input, ctx.ok))).toStrictEqual(ref);
      }),
      { numRuns: 5_000 },
    );
  });

  const item = fc.record({
    category: fc.oneof(
      {
        weight: 12,
        arbitrary: fc.constantFrom(
          'employment',
          'participation',
          'socialDomain',
          'socialEnterprise' as const,
        ),
      },
      { weight: 1, arbitrary: fc.constant('other' as 'employment') },
    ),
    valueCents: fc.oneof(
      { weight: 12, arbitrary: fc.integer({ min: -1e6, max: 1e12 }) },
      { weight: 1, arbitrary: fc.constant(0.5) },
    ),
  });
  const progressInput = fc
    .record(
      {
        obligationCents: cents,
        term,
        planned: fc.array(item, { maxLength: 5 }),
        realised: fc.array(item, { maxLength: 5 }),
        verified: fc.array(item, { maxLength: 5 }),
        policy: fc.constant(presets.amsterdam),
        toleranceBp: fc.oneof(
          { weight: 6, arbitrary: fc.integer({ min: 0, max: 10_000 }) },
          { weight: 1, arbitrary: fc.constantFrom(-1, 10_001, 0.5) },
        ),
        categoryCapsBp: fc.record(
          {
            employment: fc.integer({ min: 0, max: 10_000 }),
            socialEnterprise: fc.integer({ min: 0, max: 10_000 }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['obligationCents', 'term', 'planned', 'realised', 'verified'] },
    )
    .map(({ term: [startDate, endDate], ...rest }) => ({
      ...rest,
      startDate,
      endDate,
    })) as fc.Arbitrary<ProgressInput>;

  it('computeProgress: same progress, or the same refusal (property)', () => {
    fc.assert(
      fc.property(progressInput, date, (input, asOf) => {
        // the reference (v0) predates §12: its figures, plus shortfall and penalty after the end date
        const fast = outcome(() => computeProgress(input, asOf));
        if ('ok' in fast) {
          const { shortfallCents, penaltyCents, ...rest } = fast.ok;
          if (asOf > input.endDate) {
            expect(shortfallCents).toBe(Math.max(0, rest.obligationCents - rest.verifiedCents));
            expect(penaltyCents).toBe(0); // these inputs carry no penaltyFactorBp
          } else expect([shortfallCents, penaltyCents]).toEqual([undefined, undefined]);
          expect({ ok: rest }).toStrictEqual(outcome(() => refComputeProgress(input, asOf)));
        } else expect(fast).toStrictEqual(outcome(() => refComputeProgress(input, asOf)));
      }),
      { numRuns: 3_000 },
    );
  });

  it('PortfolioAccumulator: portfolioProgress of the reference computeProgress of the contracts it took (property)', () => {
    fc.assert(
      fc.property(fc.array(progressInput, { maxLength: 10 }), date, (list, asOf) => {
        const acc = new PortfolioAccumulator(asOf);
        const taken = list.filter((input) => 'ok' in outcome(() => acc.add(input)));
        expect(acc.result()).toStrictEqual(portfolioProgress(taken.map((i) => refComputeProgress(i, asOf))));
      }),
      { numRuns: 1_000 },
    );
  });
});
