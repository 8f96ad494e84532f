import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DomainError } from './errors.ts';
import {
  cents,
  formatBp,
  formatEuro,
  formatHundredths,
  mulDivRound,
  roundHalfAwayFromZero,
  roundRatio,
  toHundredths,
} from './money.ts';

describe('cents', () => {
  it.each([
    { case: 'whole cents pass', n: 1_750_000 },
    { case: 'zero passes', n: 0 },
    { case: 'negative whole cents pass (a correction)', n: -1 },
  ])('$case', ({ n }) => expect(cents(n)).toBe(n));

  it.each([
    { case: 'a fraction of a cent is refused', n: 1.5 },
    { case: 'NaN is refused', n: NaN },
    { case: 'beyond safe integers is refused', n: 2 ** 53 },
  ])('$case', ({ n }) => expect(() => cents(n)).toThrow(DomainError));
});

describe('§6 rounding: half away from zero, to whole cents', () => {
  it.each([
    {
      case: '§6 rounding: exactly half a cent rounds up',
      rule: '§6 rounding once half away from zero',
      x: 0.5,
      expected: 1,
    },
    {
      case: '§6 rounding: exactly minus half a cent rounds down (away from zero)',
      rule: '§6 rounding once half away from zero',
      x: -0.5,
      expected: -1,
    },
    { case: '§6 rounding: 2.5 → 3', x: 2.5, expected: 3 },
    { case: '§6 rounding: -2.5 → -3', x: -2.5, expected: -3 },
    { case: '§6 rounding: below half rounds toward zero', x: 2.49, expected: 2 },
    { case: '§6 rounding: above minus half rounds toward zero', x: -2.49, expected: -2 },
    { case: '§6 rounding: -0.4 gives 0, never -0', x: -0.4, expected: 0 },
  ])('$case', ({ x, expected }) => expect(Object.is(roundHalfAwayFromZero(x), expected)).toBe(true));

  it.each([
    { case: '§6 exact ratio: 5/2 = 2.5 → 3', num: 5, den: 2, expected: 3 },
    { case: '§6 exact ratio: -5/2 = -2.5 → -3', num: -5, den: 2, expected: -3 },
    { case: '§6 exact ratio: 1/3 → 0', num: 1, den: 3, expected: 0 },
    { case: '§6 exact ratio: 2/3 → 1', num: 2, den: 3, expected: 1 },
    { case: '§6 exact ratio: -1/3 → 0 (not -0)', num: -1, den: 3, expected: 0 },
    { case: '§6 exact ratio: -2/3 → -1', num: -2, den: 3, expected: -1 },
    {
      case: '§6 exact ratio: 30% of €10,05 = 301.5 cents → 302 (float 1005 × 0.3 gives 301.4999…)',
      rule: '§6 rounding once half away from zero',
      num: 1005 * 3000,
      den: 10_000,
      expected: 302,
    },
  ])('$case', ({ num, den, expected }) => expect(Object.is(roundRatio(num, den), expected)).toBe(true));

  it('§6 rounding: products beyond 2^53 are still exact (BigInt fallback)', () => {
    const a = 2 ** 40 + 1;
    const b = 2 ** 20 + 3;
    const den = 2 ** 20 + 7;
    const n = BigInt(a) * BigInt(b) * 3n;
    const expected = (2n * n + BigInt(den)) / (2n * BigInt(den)); // half up, for positives
    expect(a * b * 3).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    expect(mulDivRound(a, b, 3, den)).toBe(Number(expected));
  });

  it('§6 rounding: roundRatio is exact over the whole safe range, near halves and multiples too (property)', () => {
    const ref = (num: number, den: number): number => {
      const n = BigInt(num);
      const abs = n < 0n ? -n : n;
      let q = abs / BigInt(den);
      if ((abs % BigInt(den)) * 2n >= BigInt(den)) q += 1n;
      const out = Number(n < 0n ? -q : q);
      return out === 0 ? 0 : out;
    };
    const den = fc.oneof(
      fc.integer({ min: 1, max: 120_000 }),
      fc.integer({ min: 1, max: 2 ** 52 - 1 }),
      fc.constantFrom(1, 2, 3, 100, 10_000, 120_000, 2 ** 26 + 1, 2 ** 52 - 1),
    );
    // numerators anywhere in the safe range, and next to a multiple or a half of den, where a rounded
    // quotient lands on the wrong side of an integer
    const num = fc.oneof(
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: -(2 ** 52) - 3, max: -(2 ** 52) + 3 }),
      fc.integer({ min: 2 ** 52 - 3, max: 2 ** 52 + 3 }),
    );
    fc.assert(
      fc.property(num, den, fc.integer({ min: -2, max: 2 }), fc.boolean(), (n, d, off, near) => {
        let x = n;
        if (near) {
          // k × den or k × den + den/2, plus a small offset, kept in the safe range
          const k = Math.trunc(n / d);
          const half = off === 0 ? 0 : Math.floor(d / 2);
          const y = k * d + half + off;
          if (Number.isSafeInteger(y)) x = y;
        }
        expect(Object.is(roundRatio(x, d), ref(x, d))).toBe(true);
      }),
      { numRuns: 5_000 },
    );
  });

  it('§6 rounding: roundRatio and mulDivRound agree with an exact BigInt reference (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e11, max: 1e11 }),
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: 1, max: 1e9 }),
        (a, b, den) => {
          const n = BigInt(a) * BigInt(b);
          const abs = n < 0n ? -n : n;
          let q = abs / BigInt(den);
          if ((abs % BigInt(den)) * 2n >= BigInt(den)) q += 1n;
          const ref = Number(n < 0n ? -q : q);
          expect(mulDivRound(a, b, 1, den)).toBe(ref === 0 ? 0 : ref);
        },
      ),
    );
  });
});

describe('formatting for explanations (Dutch notation)', () => {
  it.each([
    { case: 'thousands and cents', c: 1_750_000, text: '€17.500,00' },
    { case: 'millions', c: 125_000_000, text: '€1.250.000,00' },
    { case: 'a cent', c: 1, text: '€0,01' },
    { case: 'zero', c: 0, text: '€0,00' },
    { case: 'negative', c: -1234, text: '-€12,34' },
  ])('formatEuro: $case', ({ c, text }) => expect(formatEuro(c)).toBe(text));

  it.each([
    { case: 'whole', h: 600, text: '6' },
    { case: 'one decimal', h: 150, text: '1,5' },
    { case: 'two decimals', h: 105, text: '1,05' },
  ])('formatHundredths: $case', ({ h, text }) => expect(formatHundredths(h)).toBe(text));

  it('formatBp', () =>
    expect([formatBp(200), formatBp(250), formatBp(10_000)]).toEqual(['2%', '2,5%', '100%']));
});

describe('§6 inputs with more precision than the method allows', () => {
  it.each([
    { case: '0.29 is 29 hundredths', x: 0.29, h: 29 },
    { case: '1.5 is 150 hundredths', x: 1.5, h: 150 },
    { case: '1.005 has three decimals: refused', x: 1.005, h: NaN },
    { case: '0.1 + 0.2 is not 0.3: refused', x: 0.1 + 0.2, h: NaN },
    { case: 'Infinity: refused', x: Infinity, h: NaN },
  ])('$case', ({ x, h }) => expect(toHundredths(x)).toBe(h));
});
