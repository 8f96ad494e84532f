import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addDays, toDayNumber } from './dates.ts';
import {
  computeObligation,
  estimateObligation,
  expectedByDate,
  expectedOnDay,
  type ContractTerms,
} from './obligation.ts';
import { presets } from './presets.ts';

const term = { startDate: '2026-01-01', endDate: '2027-12-31' };

describe('§4 obligation', () => {
  it.each([
    {
      case: '§4 plan regime: 2% × €1.250.000 = €25.000',
      rule: '§4 obligation',
      preset: 'amsterdam',
      terms: { valueCents: 125_000_000 },
      amount: 2_500_000,
      regime: 'plan',
    },
    {
      case: '§3 at the plan threshold exactly: plan regime',
      rule: '§4 regime plan',
      preset: 'amsterdam',
      terms: { valueCents: 20_000_000 },
      amount: 400_000,
      regime: 'plan',
    },
    {
      case: '§3 one cent below the plan threshold: trust regime',
      rule: '§4 regime trust',
      preset: 'amsterdam',
      terms: { valueCents: 19_999_999 },
      amount: 400_000,
      regime: 'trust',
    },
    {
      case: '§4 trust contracts keep their obligation',
      rule: '§4 trust keeps its obligation',
      preset: 'amsterdam',
      terms: { valueCents: 5_000_000 },
      amount: 100_000,
      regime: 'trust',
    },
    {
      case: '§6 rounding: 2% of 25 cents is half a cent → 1',
      rule: '§6 rounding once half away from zero',
      preset: 'amsterdam',
      terms: { valueCents: 25 },
      amount: 1,
      regime: 'trust',
    },
    {
      case: '§6 rounding: 2% of 24 cents is 0.48 → 0',
      rule: '§6 rounding once half away from zero',
      preset: 'amsterdam',
      terms: { valueCents: 24 },
      amount: 0,
      regime: 'trust',
    },
    {
      case: '§4 exempt: below exempt-below no social return (Rotterdam €50.000)',
      rule: '§4 regime none',
      preset: 'rotterdam',
      terms: { valueCents: 4_999_999 },
      amount: 0,
      regime: 'none',
    },
    {
      case: '§4 at exempt-below: trust regime (Rotterdam)',
      rule: '§3 exempt below',
      preset: 'rotterdam',
      terms: { valueCents: 5_000_000 },
      amount: 250_000,
      regime: 'trust',
    },
    {
      case: '§10 den-haag: below €215.000 none',
      preset: 'den-haag',
      terms: { valueCents: 21_499_999 },
      amount: 0,
      regime: 'none',
    },
    {
      case: '§10 den-haag: from €215.000 plan, 5%',
      preset: 'den-haag',
      terms: { valueCents: 21_500_000 },
      amount: 1_075_000,
      regime: 'plan',
    },
    {
      case: '§3 threshold by kind: works below €225.000 trust (Schiedam)',
      rule: '§3 threshold by contract kind',
      preset: 'schiedam',
      terms: { valueCents: 22_499_999, contractKind: 'works' },
      amount: 1_125_000,
      regime: 'trust',
    },
    {
      case: '§3 threshold by kind: works at €225.000 plan (Schiedam)',
      rule: '§3 threshold by contract kind',
      preset: 'schiedam',
      terms: { valueCents: 22_500_000, contractKind: 'works' },
      amount: 1_125_000,
      regime: 'plan',
    },
    {
      case: '§3 threshold by kind: services at €125.000 plan (Schiedam)',
      rule: '§3 threshold by contract kind',
      preset: 'schiedam',
      terms: { valueCents: 12_500_000, contractKind: 'servicesAndSupplies' },
      amount: 625_000,
      regime: 'plan',
    },
    {
      case: '§3 obligation cap reached: 2% × €20.000.000 capped at €300.000',
      rule: '§3 obligation cap',
      preset: 'sudwest-fryslan',
      terms: { valueCents: 2_000_000_000 },
      amount: 30_000_000,
      regime: 'plan',
    },
    {
      case: '§3 obligation cap not reached',
      rule: '§3 obligation cap',
      preset: 'sudwest-fryslan',
      terms: { valueCents: 1_000_000_000 },
      amount: 20_000_000,
      regime: 'plan',
    },
    {
      case: '§10 rijk: €250.000 exactly is not above the threshold',
      preset: 'rijk',
      terms: { valueCents: 25_000_000 },
      amount: 0,
      regime: 'none',
    },
    {
      case: '§10 rijk: base is the labour cost when given',
      rule: '§3 base',
      preset: 'rijk',
      terms: { valueCents: 50_000_000, labourCostCents: 20_000_000 },
      amount: 1_000_000,
      regime: 'plan',
    },
  ] as const)('$case', ({ preset, terms, amount, regime }) => {
    const o = computeObligation(presets[preset], { ...term, ...terms } as ContractTerms);
    expect(o.amountCents).toBe(amount);
    expect(o.regime).toBe(regime);
    expect(o.ruleId).toBe(`obligation:${regime}`);
  });

  it.each([
    { case: '§10 rijk: a term of 6 months counts', endDate: '2026-06-30', regime: 'plan' },
    { case: '§10 rijk: a term one day short of 6 months does not', endDate: '2026-06-29', regime: 'none' },
  ])('$case', ({ endDate, regime }) =>
    expect(
      computeObligation(presets.rijk, { valueCents: 30_000_000, startDate: '2026-01-01', endDate }).regime,
    ).toBe(regime),
  );

  it.each([
    {
      case: '§4 extension crossing the plan threshold: trust becomes plan on the new total, end date moves',
      rule: '§4 extension regime',
      extensions: [{ valueCents: 6_000_000, endDate: '2028-12-31' }],
      amount: 420_000,
      regime: 'plan',
      endDate: '2028-12-31',
    },
    {
      case: '§4 extension staying below the threshold: trust',
      rule: '§4 extension regime',
      extensions: [{ valueCents: 4_999_999 }],
      amount: 400_000,
      regime: 'trust',
      endDate: '2027-12-31',
    },
    {
      case: '§4 several extensions add up; the latest end date counts',
      rule: '§4 extension base',
      extensions: [
        { valueCents: 1_000_000, endDate: '2028-06-30' },
        { valueCents: 1_000_000, endDate: '2028-03-31' },
      ],
      amount: 340_000,
      regime: 'trust',
      endDate: '2028-06-30',
    },
  ])('$case', ({ extensions, amount, regime, endDate }) => {
    const o = computeObligation(presets.amsterdam, { valueCents: 15_000_000, ...term, extensions });
    expect({ amount: o.amountCents, regime: o.regime, endDate: o.endDate }).toEqual({
      amount,
      regime,
      endDate,
    });
  });

  it.each([
    {
      case: 'plan',
      valueCents: 125_000_000,
      text: '2% × €1.250.000,00 = €25.000,00; ≥ €200.000,00: plan regime',
    },
    {
      case: 'trust',
      valueCents: 15_000_000,
      text: '2% × €150.000,00 = €3.000,00; < €200.000,00: trust regime',
    },
  ])('§6 explains itself: $case', ({ valueCents, text }) =>
    expect(computeObligation(presets.amsterdam, { valueCents, ...term }).explanation).toBe(text),
  );

  it.each([{ case: '§6 explains extensions, caps and exemptions', rule: '§6 explanation' }])('$case', () => {
    expect(
      computeObligation(presets.amsterdam, {
        valueCents: 15_000_000,
        ...term,
        extensions: [{ valueCents: 6_000_000 }],
      }).explanation,
    ).toBe(
      '2% × €150.000,00 + extensions €60.000,00 = €210.000,00 = €4.200,00; value €210.000,00 ≥ €200.000,00: plan regime',
    );
    expect(
      computeObligation(presets['sudwest-fryslan'], { valueCents: 2_000_000_000, ...term }).explanation,
    ).toBe('2% × €20.000.000,00 = €400.000,00, capped at €300.000,00; ≥ €200.000,00: plan regime');
    expect(computeObligation(presets.rotterdam, { valueCents: 4_000_000, ...term }).explanation).toBe(
      '€40.000,00 < €50.000,00: no social return',
    );
  });

  it.each([{ case: 'a policy version id goes into the rule id', rule: '§6 rule named' }])('$case', () =>
    expect(
      computeObligation(presets.amsterdam, { valueCents: 1, ...term }, { policyVersion: 4 }).ruleId,
    ).toBe('obligation:trust@4'),
  );

  it('refuses broken contracts, naming every field', () => {
    expect(() =>
      computeObligation(presets.amsterdam, {
        valueCents: -1,
        startDate: '2026-02-30',
        endDate: '2026-01-01',
        extensions: [{ valueCents: 1.5 }],
      }),
    ).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [
          expect.objectContaining({ name: 'valueCents' }),
          expect.objectContaining({ name: 'startDate' }),
          expect.objectContaining({ name: 'extensions.0.valueCents' }),
        ],
      }),
    );
    expect(() =>
      computeObligation(presets.amsterdam, { valueCents: 1, startDate: '2026-02-01', endDate: '2026-01-01' }),
    ).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ name: 'endDate' })] }));
  });
});

describe('§4 spread pro rata over the term', () => {
  it.each([
    {
      case: '§4 asOf before the start: 0',
      rule: '§4 elapsed clipped',
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2025-12-31',
      amount: 36_500,
      expected: 0,
    },
    {
      case: '§4 asOf on the start: one day counts',
      rule: '§4 days inclusive',
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-01-01',
      amount: 36_500,
      expected: 100,
    },
    {
      case: '§4 asOf inside: 10 of 365 days',
      rule: '§4 expected pro rata by days',
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-01-10',
      amount: 36_500,
      expected: 1_000,
    },
    {
      case: '§4 asOf on the end: all of it',
      rule: '§4 expected pro rata by days',
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2026-12-31',
      amount: 36_500,
      expected: 36_500,
    },
    {
      case: '§4 asOf after the end: clipped to all of it',
      rule: '§4 elapsed clipped',
      start: '2026-01-01',
      end: '2026-12-31',
      asOf: '2030-01-01',
      amount: 36_500,
      expected: 36_500,
    },
    {
      case: '§4 term of one day, asOf that day',
      rule: '§4 days inclusive',
      start: '2026-03-01',
      end: '2026-03-01',
      asOf: '2026-03-01',
      amount: 12_345,
      expected: 12_345,
    },
    {
      case: '§4 term of one day, asOf the day before',
      start: '2026-03-01',
      end: '2026-03-01',
      asOf: '2026-02-28',
      amount: 12_345,
      expected: 0,
    },
    {
      case: '§4 leap day inside the term: 60 of 366 days by 29 Feb',
      start: '2028-01-01',
      end: '2028-12-31',
      asOf: '2028-02-29',
      amount: 36_600,
      expected: 6_000,
    },
    {
      case: '§4 leap day outside the term: 60 of 365 days by 1 Mar 2027',
      start: '2027-01-01',
      end: '2027-12-31',
      asOf: '2027-03-01',
      amount: 36_500,
      expected: 6_000,
    },
    {
      case: '§4 rounded once, half away from zero: 1 cent × 1/2 → 1',
      rule: '§6 rounding once half away from zero',
      start: '2026-01-01',
      end: '2026-01-02',
      asOf: '2026-01-01',
      amount: 1,
      expected: 1,
    },
    {
      case: '§4 rounded once: 1 cent × 1/3 → 0',
      start: '2026-01-01',
      end: '2026-01-03',
      asOf: '2026-01-01',
      amount: 1,
      expected: 0,
    },
  ])('$case', ({ start, end, asOf, amount, expected }) =>
    expect(expectedByDate(amount, start, end, asOf)).toBe(expected),
  );

  it('accepts an obligation object', () =>
    expect(expectedByDate({ amountCents: 36_500 }, '2026-01-01', '2026-12-31', '2026-01-10')).toBe(1_000));

  it('§4 expected pace is monotonic in asOf and stays within 0..obligation (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e10 }),
        fc.integer({ min: 0, max: 3_000 }),
        fc.integer({ min: -400, max: 3_500 }),
        fc.integer({ min: 0, max: 400 }),
        (amount, length, offset, step) => {
          const s = toDayNumber('2026-01-01');
          const a = expectedOnDay(amount, s, s + length, s + offset);
          const b = expectedOnDay(amount, s, s + length, s + offset + step);
          expect(a).toBeLessThanOrEqual(b);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(amount);
          expect(
            expectedByDate(
              amount,
              '2026-01-01',
              addDays('2026-01-01', length),
              addDays('2026-01-01', offset),
            ),
          ).toBe(a);
        },
      ),
    );
  });
});

describe('§10 estimates (a bidder without a contract term)', () => {
  it.each([
    {
      case: 'rijk without a term: the 6-month rule is named, not applied',
      rule: '§10 rijk',
      preset: 'rijk',
      terms: { valueCents: 100_000_000, awardDate: '2026-01-01' },
      amount: 5_000_000,
      regime: 'plan',
      says: 'only for contracts of at least 6 months',
      saysNl: 'alleen voor opdrachten van ten minste 6 maanden',
    },
    {
      case: 'rijk with a 6-month term: counts, and the rule is not named',
      rule: '§10 rijk',
      preset: 'rijk',
      terms: {
        valueCents: 100_000_000,
        awardDate: '2026-01-01',
        startDate: '2026-01-01',
        endDate: '2026-06-30',
      },
      amount: 5_000_000,
      regime: 'plan',
      says: 'plan regime',
      saysNl: 'planregime',
    },
    {
      case: 'rijk with a term one day short of 6 months: none',
      rule: '§10 rijk',
      preset: 'rijk',
      terms: {
        valueCents: 100_000_000,
        awardDate: '2026-01-01',
        startDate: '2026-01-01',
        endDate: '2026-06-29',
      },
      amount: 0,
      regime: 'none',
      says: 'shorter than 6 months',
      saysNl: 'korter dan 6 maanden',
    },
    {
      case: 'amsterdam has no minimum term: nothing is added',
      rule: '§4 obligation',
      preset: 'amsterdam',
      terms: { valueCents: 125_000_000, awardDate: '2026-01-01' },
      amount: 2_500_000,
      regime: 'plan',
      says: '2% × €1.250.000,00 = €25.000,00; ≥ €200.000,00: plan regime',
      saysNl: '2% × € 1.250.000,00 = € 25.000,00; ≥ € 200.000,00: planregime',
    },
  ])('$case', ({ preset, terms, amount, regime, says, saysNl }) => {
    const o = estimateObligation(presets[preset as keyof typeof presets], terms);
    expect(o).toMatchObject({ amountCents: amount, regime });
    expect(o.explanation).toContain(says);
    expect(o.explanationNl).toContain(saysNl);
    if (preset === 'amsterdam') expect(o.explanation).not.toContain('at least');
  });

  it.each([
    { case: 'only a start', terms: { startDate: '2026-01-01' }, field: 'endDate' },
    { case: 'only an end', terms: { endDate: '2026-12-31' }, field: 'startDate' },
  ])('refuses a term with $case', ({ terms, field }) => {
    const run = () =>
      estimateObligation(presets.rijk, { valueCents: 100_000_000, awardDate: '2026-01-01', ...terms });
    expect(run).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ name: field })] }));
  });
});
