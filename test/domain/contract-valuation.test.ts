import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcome } from './outcome.ts';
import {
  dayNumberOrNaN,
  fromDayNumber,
  halfYearIndex,
  halfYearOf,
  halfYearText,
  toDayNumber,
} from '../../src/domain/dates.ts';
import { presets } from '../../src/domain/presets.ts';
import type { ActivityType } from '../../src/domain/policy.ts';
import { targetGroupActivityTypes, targetGroupTables } from '../../src/domain/target-group-tables.ts';
import { ContractValuation } from '../../src/domain/contract-valuation.ts';
import {
  activityValueCents,
  valuationContext,
  valueActivity,
  type ActivityInput,
  type ValuationContextInput,
} from '../../src/domain/valuation.ts';

const day0 = toDayNumber('2025-01-01');
const date = fc.oneof(
  { weight: 12, arbitrary: fc.integer({ min: -400, max: 1_500 }).map((n) => fromDayNumber(day0 + n)) },
  { weight: 1, arbitrary: fc.constantFrom('2025-02-29', 'x') },
);
/** Mostly a real term (end on or after start), sometimes any two dates. */
const term = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(fc.integer({ min: -400, max: 1_200 }), fc.integer({ min: 0, max: 1_200 }))
      .map(([s, n]) => [fromDayNumber(day0 + s), fromDayNumber(day0 + s + n)] as const),
  },
  { weight: 1, arbitrary: fc.tuple(date, date) },
);
const terms = fc
  .record(
    {
      term,
      obligationCents: fc.oneof(
        { weight: 8, arbitrary: fc.integer({ min: 0, max: 1e10 }) },
        { weight: 1, arbitrary: fc.constantFrom(-1, 0.5) },
      ),
      reportedOn: date,
      policyVersion: fc.constantFrom(3, 'v2'),
      scale: fc.constant(targetGroupTables.utrecht),
    },
    { requiredKeys: ['term', 'obligationCents'] },
  )
  .map(({ term: [contractStart, contractEnd], ...rest }) => ({ ...rest, contractStart, contractEnd }));
/** Half-years in and around the terms above, sometimes none or not one at all. */
const period = fc.oneof(
  {
    weight: 12,
    arbitrary: fc
      .tuple(fc.integer({ min: 2023, max: 2030 }), fc.constantFrom(1, 2))
      .map(([y, h]) => `${y}-H${h}`),
  },
  { weight: 1, arbitrary: fc.constantFrom(undefined, '2026-H3', '') },
);
const quantity = fc.oneof(
  { weight: 8, arbitrary: fc.integer({ min: 1, max: 600 }).map((h) => h / 100) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 0.125, 40, 36, 1.5, 1.51, NaN, Infinity) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>('1', null) as fc.Arbitrary<number> }, // as JSON may carry them
);
/** Any of the quantities, each there or not: mostly refused (a field the method does not read). */
const anyInput: fc.Arbitrary<ActivityInput> = fc.record(
  {
    fte: quantity,
    months: quantity,
    units: fc.integer({ min: 0, max: 5 }),
    hours: quantity,
    amountCents: fc.integer({ min: 0, max: 1e9 }),
    validFrom: date,
    validTo: date,
    targetGroup: fc.constantFrom('pw-lt2', 'pw-gt2', 'nobody'),
    hoursPerWeek: quantity,
  },
  { requiredKeys: [] },
);
/** The quantities a method reads (mostly valued, sometimes refused on their values or the term). */
const inputFor = (t: ActivityType): fc.Arbitrary<ActivityInput> => {
  switch (t.method) {
    case 'fteYear':
      return fc.record({ fte: quantity, months: quantity });
    case 'unit':
      return fc.record({ units: fc.integer({ min: 0, max: 5 }) });
    case 'hour':
      return fc.record({ hours: quantity });
    case 'spendShare':
    case 'money':
      return fc.record({ amountCents: fc.integer({ min: 0, max: 1e9 }) });
    case 'obligationShare':
      return fc.record({ validFrom: date, validTo: date });
    default:
      return fc.record({
        targetGroup: fc.constantFrom('pw-lt2', 'pw-gt2', 'nobody'),
        hoursPerWeek: quantity,
        months: quantity,
      });
  }
};
const amsterdam = presets.amsterdam.activityTypes;
const byMethod = (method: ActivityType['method']) =>
  amsterdam.find((t) => t.method === method) as ActivityType;
/** Types a policy could hold but `prepareTypes` does not take the quick way: no valid rate or share. */
const brokenTypes: ActivityType[] = [
  { ...byMethod('fteYear'), code: 'no-rate', rateCents: undefined },
  { ...byMethod('hour'), code: 'odd-rate', rateCents: 12.5 },
  { ...byMethod('spendShare'), code: 'no-share', shareBp: undefined },
  { ...byMethod('money'), code: 'too-much', shareBp: 10_001 },
  { ...byMethod('money'), code: 'default-share', shareBp: undefined }, // money's default 10 000: quick
];
/** A method's own quantities and one field more, which it does not read (unless it is its own). */
const oneMore = fc.constantFrom<[keyof ActivityInput, unknown]>(
  ['fte', 1],
  ['months', 1],
  ['units', 2],
  ['hours', 1],
  ['amountCents', 100],
  ['validFrom', '2025-03-01'],
  ['validTo', '2025-04-01'],
  ['targetGroup', 'pw-lt2'],
  ['hoursPerWeek', 36],
  ['bonuses', []],
);
const inputAndMore = (t: ActivityType): fc.Arbitrary<ActivityInput> =>
  fc.tuple(inputFor(t), oneMore).map(([input, [key, value]]) => ({ [key]: value, ...input }));
const types: ActivityType[] = [...amsterdam, ...targetGroupActivityTypes, ...brokenTypes];
/** Mostly a half-year of the term (when it is one), sometimes any. */
const periodOf = (t: { contractStart: string; contractEnd: string }) => {
  const [from, to] = [dayNumberOrNaN(t.contractStart), dayNumberOrNaN(t.contractEnd)];
  if (!(to >= from)) return period;
  const inside = fc.integer({ min: from, max: to }).map((d) => halfYearOf(fromDayNumber(d)) as string);
  return fc.oneof({ weight: 4, arbitrary: inside }, { weight: 1, arbitrary: period });
};
const activityIn = (t: { contractStart: string; contractEnd: string }) =>
  fc.constantFrom(...types).chain((type) =>
    fc.record({
      type: fc.constant(type),
      input: fc.oneof(
        { weight: 6, arbitrary: inputFor(type) },
        { weight: 1, arbitrary: inputAndMore(type) },
        { weight: 1, arbitrary: anyInput },
      ),
      period: periodOf(t),
    }),
  );
const contract = terms.chain((t) => fc.tuple(fc.constant(t), fc.array(activityIn(t), { maxLength: 12 })));

describe('ContractValuation: the many activities of one contract (oracle: valueActivity per activity)', () => {
  it('values, explanations and refusals equal valueActivity and activityValueCents, contract after contract (property)', () => {
    const valuer = new ContractValuation().useTypes(types); // one object for every contract, as a loop uses it
    let valued = 0;
    fc.assert(
      fc.property(contract, ([t, activities]) => {
        const started = outcome(() => valuer.start(t));
        if (!('ok' in started)) {
          expect(started).toStrictEqual(outcome(() => valuationContext(t)));
          return;
        }
        for (const a of activities) {
          const full: ValuationContextInput = { ...t, period: a.period };
          const byActivity = outcome(() => valueActivity(a.type, a.input, full));
          if ('ok' in byActivity) valued++;
          const cents = outcome(() => activityValueCents(a.type, a.input, valuationContext(full)));
          expect(outcome(() => valuer.valuation(a.type, a.input, a.period))).toStrictEqual(byActivity);
          expect(outcome(() => valuer.valueCents(a.type, a.input, a.period))).toStrictEqual(cents);
          const half = a.period === undefined ? NaN : halfYearIndex(a.period);
          if (!Number.isNaN(half)) {
            expect(outcome(() => valuer.valueCentsInHalf(a.type, a.input, half))).toStrictEqual(cents);
            expect(outcome(() => valuer.valueCentsAt(types.indexOf(a.type), a.input, half))).toStrictEqual(
              cents,
            );
          }
          if ('ok' in cents) expect(valuer.context(a.period)).toStrictEqual(valuationContext(full));
        }
      }),
      { numRuns: 3_000 },
    );
    expect(valued).toBeGreaterThan(3_000); // a good share is valued, not refused (about 4,300)
  });

  it('valueCentsInHalf: a half-year given as a number is the one valueCents reads from its text; another number is refused', () => {
    const valuer = new ContractValuation();
    const job = presets.amsterdam.activityTypes[0] as ActivityType;
    valuer.start({ contractStart: '2026-03-15', contractEnd: '2027-02-10', obligationCents: 1_000_000 });
    for (const period of ['2026-H1', '2026-H2', '2027-H1', '2026-H1'])
      expect(valuer.valueCentsInHalf(job, { fte: 1, months: 1 }, halfYearIndex(period))).toBe(
        valuer.valueCents(job, { fte: 1, months: 1 }, period),
      );
    // the part of 2026-H1 inside the term has fewer than 6 months: said as valueCents says it
    expect(
      outcome(() => valuer.valueCentsInHalf(job, { fte: 1, months: 6 }, halfYearIndex('2026-H1'))),
    ).toStrictEqual(outcome(() => valuer.valueCents(job, { fte: 1, months: 6 }, '2026-H1')));
    for (const [half, reason] of [
      [halfYearIndex('2025-H2'), '2025-H2 is outside the contract term 2026-03-15 – 2027-02-10'],
      [halfYearIndex('2027-H2'), '2027-H2 is outside the contract term 2026-03-15 – 2027-02-10'],
      [NaN, 'must be a half-year (YYYY-H1 or YYYY-H2)'],
      [4052.5, 'must be a half-year (YYYY-H1 or YYYY-H2)'],
    ] as const) {
      expect(outcome(() => valuer.valueCentsInHalf(job, { fte: 1, months: 1 }, half))).toMatchObject({
        thrown: { code: 'VALIDATION', issues: [{ name: 'period', reason }] },
      });
      valuer.useTypes([job]);
      expect(outcome(() => valuer.valueCentsAt(0, { fte: 1, months: 1 }, half))).toMatchObject({
        thrown: { code: 'VALIDATION', issues: [{ name: 'period', reason }] },
      });
    }
  });

  it('valueCentsAt: by the index of a prepared type, its value or refusal; an index outside them is refused', () => {
    const hour = byMethod('hour');
    const valuer = new ContractValuation().useTypes([byMethod('fteYear'), hour]);
    valuer.start({ contractStart: '2026-03-15', contractEnd: '2027-02-10', obligationCents: 1_000_000 });
    const h1 = halfYearIndex('2026-H1');
    // the first half-year's months inside the term (3.55: 17 days of March, April–June) bound an FTE-year activity there
    expect(valuer.context('2026-H1').maxMonths).toBe(355);
    expect(valuer.valueCentsAt(0, { fte: 1, months: 3.55 }, h1)).toBe(
      valuer.valueCents(byMethod('fteYear'), { fte: 1, months: 3.55 }, '2026-H1'),
    );
    expect(outcome(() => valuer.valueCentsAt(0, { fte: 1, months: 3.56 }, h1))).toMatchObject({
      thrown: { code: 'VALIDATION', issues: [{ name: 'months' }] },
    });
    // the most one activity may be worth is judged there too
    expect(outcome(() => valuer.valueCentsAt(1, { hours: 1_000_000 }, h1))).toStrictEqual(
      outcome(() => valuer.valueCents(hour, { hours: 1_000_000 }, '2026-H1')),
    );
    for (const index of [2, -1, 0.5, NaN])
      expect(outcome(() => valuer.valueCentsAt(index, { hours: 1 }, h1))).toMatchObject({
        thrown: { code: 'INVALID_STATE' },
      });
    expect(() => new ContractValuation().useTypes([hour]).valueCentsAt(0, { hours: 1 }, h1)).toThrow(
      /Start a contract/,
    );
  });

  it('halfYearText writes a half-year number back as halfYearIndex read it, and nothing else', () => {
    for (const text of ['0001-H1', '1899-H2', '1900-H1', '2026-H2', '2300-H2', '2301-H1', '9999-H2'])
      expect(halfYearText(halfYearIndex(text))).toBe(text);
    expect(halfYearText(halfYearIndex('2026-H2'))).toBe(halfYearText(4053)); // made once
    for (const n of [NaN, 1, 20_000, 4052.5, -4053, Infinity]) expect(halfYearText(n)).toBeUndefined();
  });

  it('refuses to value before a contract is started, and after its terms were refused', () => {
    const valuer = new ContractValuation();
    const job = presets.amsterdam.activityTypes[0] as ActivityType;
    expect(() => valuer.valueCents(job, { fte: 1, months: 6 }, '2026-H1')).toThrow(/Start a contract/);
    expect(() => valuer.valueCentsInHalf(job, { fte: 1, months: 6 }, 4052)).toThrow(/Start a contract/);
    valuer.start({ contractStart: '2026-01-01', contractEnd: '2026-12-31', obligationCents: 100 });
    expect(valuer.valueCents(job, { fte: 1, months: 6 }, '2026-H1')).toBeGreaterThan(0);
    expect(() =>
      valuer.start({ contractStart: '2026-01-01', contractEnd: '2025-12-31', obligationCents: 100 }),
    ).toThrow(/cannot be valued/);
    expect(() => valuer.valueCents(job, { fte: 1, months: 6 }, '2026-H1')).toThrow(/Start a contract/);
  });
});
