import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addDays,
  addMonths,
  compareDates,
  dayNumberOrNaN,
  daysInclusive,
  fromDayNumber,
  halfYearDays,
  halfYearEndDay,
  halfYearIndex,
  halfYearIndexOfDay,
  halfYearMonthsWithinHundredths,
  halfYearOf,
  halfYearRange,
  halfYearStartDay,
  halfYearsBetween,
  isHalfYear,
  isIsoDate,
  monthsWithinHundredths,
  parseIsoDate,
  reportDueDate,
  toDayNumber,
} from './dates.ts';

describe('ISO dates', () => {
  it.each([
    { case: 'an ordinary date', s: '2026-07-01', ok: true },
    { case: 'leap day in a leap year', s: '2028-02-29', ok: true },
    { case: 'leap day in 2000 (divisible by 400)', s: '2000-02-29', ok: true },
    { case: 'no leap day in 2027', s: '2027-02-29', ok: false },
    { case: 'no leap day in 1900 (divisible by 100)', s: '1900-02-29', ok: false },
    { case: '31 April does not exist', s: '2026-04-31', ok: false },
    { case: 'month 13', s: '2026-13-01', ok: false },
    { case: 'day 0', s: '2026-01-00', ok: false },
    { case: 'no zero padding', s: '2026-1-01', ok: false },
    { case: 'a timestamp', s: '2026-01-01T00:00:00Z', ok: false },
    { case: 'not a string', s: 20260101, ok: false },
  ])('isIsoDate: $case', ({ s, ok }) => expect(isIsoDate(s)).toBe(ok));

  it('parseIsoDate refuses with the field named', () => {
    expect(() => parseIsoDate('2027-02-29', 'startDate')).toThrow(
      expect.objectContaining({
        code: 'VALIDATION',
        issues: [expect.objectContaining({ name: 'startDate' })],
      }),
    );
  });

  it.each([
    {
      case: '§4 inclusive: a term of one day is 1 day',
      rule: '§4 days inclusive',
      start: '2026-03-01',
      end: '2026-03-01',
      days: 1,
    },
    {
      case: '§4 inclusive: 2026 has 365 days',
      rule: '§4 days inclusive',
      start: '2026-01-01',
      end: '2026-12-31',
      days: 365,
    },
    { case: '§4 inclusive: 2028 has 366 days', start: '2028-01-01', end: '2028-12-31', days: 366 },
    { case: '§4 leap day inside the term', start: '2028-02-01', end: '2028-03-01', days: 30 },
    { case: '§4 leap day outside the term (2027)', start: '2027-02-01', end: '2027-03-01', days: 29 },
    { case: '§4 end before start: 0 days', start: '2026-03-02', end: '2026-03-01', days: 0 },
  ])('daysInclusive: $case', ({ start, end, days }) => expect(daysInclusive(start, end)).toBe(days));

  it.each([
    { case: 'into a leap day', date: '2028-02-28', n: 1, expected: '2028-02-29' },
    { case: 'over a year end', date: '2026-12-31', n: 1, expected: '2027-01-01' },
    { case: 'backwards', date: '2026-03-01', n: -1, expected: '2026-02-28' },
  ])('addDays: $case', ({ date, n, expected }) => expect(addDays(date, n)).toBe(expected));

  it.each([
    { case: 'month end clamps', date: '2026-08-31', n: 6, expected: '2027-02-28' },
    { case: 'to a leap February', date: '2027-08-31', n: 6, expected: '2028-02-29' },
    { case: 'plain', date: '2026-01-01', n: 6, expected: '2026-07-01' },
  ])('addMonths: $case', ({ date, n, expected }) => expect(addMonths(date, n)).toBe(expected));

  it('compareDates', () => {
    expect([
      compareDates('2026-01-02', '2026-01-10'),
      compareDates('2026-01-10', '2026-01-10'),
      compareDates('2027-01-01', '2026-12-31'),
    ]).toEqual([-1, 0, 1]);
  });

  it('day numbers round-trip for every date 0001–9999 (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), (n) => {
        const d = fromDayNumber(n);
        expect(isIsoDate(d)).toBe(true);
        expect(toDayNumber(d)).toBe(n);
      }),
    );
  });
});

describe('§3 half-years and report due dates', () => {
  it.each([
    {
      case: '§3 H1 is January–June (30 June)',
      rule: '§3 reporting half-yearly',
      date: '2026-06-30',
      h: '2026-H1',
    },
    {
      case: '§3 H2 is July–December (1 July)',
      rule: '§3 reporting half-yearly',
      date: '2026-07-01',
      h: '2026-H2',
    },
    { case: '§3 H2 ends 31 December', date: '2026-12-31', h: '2026-H2' },
  ])('halfYearOf: $case', ({ date, h }) => expect(halfYearOf(date)).toBe(h));

  it.each([
    { case: '§3 H1 range', h: '2026-H1', range: { start: '2026-01-01', end: '2026-06-30' } },
    { case: '§3 H2 range', h: '2026-H2', range: { start: '2026-07-01', end: '2026-12-31' } },
  ])('halfYearRange: $case', ({ h, range }) => expect(halfYearRange(h)).toEqual(range));

  it.each([
    { case: 'well formed', s: '2026-H2', ok: true },
    { case: 'H3 does not exist', s: '2026-H3', ok: false },
    { case: 'lower case', s: '2026-h1', ok: false },
  ])('isHalfYear: $case', ({ s, ok }) => expect(isHalfYear(s)).toBe(ok));

  it.each([
    {
      case: '§7 every half-year of a term has a report: May 2026 – Jan 2027',
      rule: '§7 a report per half-year',
      start: '2026-05-01',
      end: '2027-01-31',
      hs: ['2026-H1', '2026-H2', '2027-H1'],
    },
    {
      case: '§7 a one-day term touches one half-year',
      start: '2026-07-01',
      end: '2026-07-01',
      hs: ['2026-H2'],
    },
    { case: '§7 term inside one half-year', start: '2026-01-15', end: '2026-06-30', hs: ['2026-H1'] },
  ])('halfYearsBetween: $case', ({ start, end, hs }) => expect(halfYearsBetween(start, end)).toEqual(hs));

  it.each([
    {
      case: '§3 H1 is reported by 31 July (31 days after 30 June)',
      rule: '§3 reporting half-yearly',
      h: '2026-H1',
      days: 31,
      due: '2026-07-31',
    },
    {
      case: '§3 H2 is reported by 31 January (31 days after 31 December)',
      rule: '§3 report due days',
      h: '2026-H2',
      days: 31,
      due: '2027-01-31',
    },
    {
      case: '§3 report due days are configurable: 0 means the period end',
      rule: '§3 report due days',
      h: '2026-H1',
      days: 0,
      due: '2026-06-30',
    },
  ])('reportDueDate: $case', ({ h, days, due }) => expect(reportDueDate(h, days)).toBe(due));
});

describe('fast paths of dates (equal to the plain ones)', () => {
  it('halfYearStartDay / halfYearEndDay / halfYearDays agree with halfYearRange for every year 0001–9999', () => {
    for (let y = 1; y <= 9999; y++)
      for (const h of [1, 2]) {
        const s = `${String(y).padStart(4, '0')}-H${h}`;
        const r = halfYearRange(s);
        const days = { startDay: toDayNumber(r.start), endDay: toDayNumber(r.end) };
        if (halfYearStartDay(s) !== days.startDay || halfYearEndDay(s) !== days.endDay)
          expect({ s, start: halfYearStartDay(s), end: halfYearEndDay(s) }).toEqual({ s, ...days });
        if (y % 97 === 0) expect(halfYearDays(s)).toEqual(days);
      }
  });

  it.each([
    { case: 'H3', s: '2026-H3' },
    { case: 'year 0', s: '0000-H1' },
    { case: 'a date', s: '2026-01-01' },
    { case: 'empty', s: '' },
  ])('a non-half-year has NaN days: $case', ({ s }) => {
    expect(halfYearStartDay(s)).toBeNaN();
    expect(halfYearEndDay(s)).toBeNaN();
  });

  it('the memo of recent dates never changes an answer, whatever came before (property)', () => {
    const valid = fc
      .integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') })
      .map((n) => ({ s: fromDayNumber(n), n }));
    const invalid = fc
      .constantFrom('', '2026-02-29', '2026-13-01', '2026-1-01', 'x', '2026-01-01T00:00:00Z', '0000-01-01')
      .map((s) => ({ s, n: NaN }));
    fc.assert(
      fc.property(fc.array(fc.oneof(valid, invalid), { minLength: 1, maxLength: 30 }), (seq) => {
        // repeat the sequence, with copies that are other string objects of the same text
        for (const { s, n } of [...seq, ...seq.map((x) => ({ ...x, s: [...x.s].join('') })), ...seq])
          expect(dayNumberOrNaN(s)).toBe(n);
      }),
    );
  });

  it('the memo of the last half-year never changes an answer, whatever came before (property)', () => {
    const half = fc.oneof(
      fc
        .tuple(fc.integer({ min: 1, max: 9999 }), fc.constantFrom(1, 2))
        .map(([y, h]) => `${String(y).padStart(4, '0')}-H${h}`),
      fc.constantFrom('', '2026-H3', '2026-01-01', '0000-H1'),
    );
    const expected = (s: string) => {
      if (!isHalfYear(s) || s.startsWith('0000')) return [NaN, NaN];
      const r = halfYearRange(s);
      return [toDayNumber(r.start), toDayNumber(r.end)];
    };
    fc.assert(
      fc.property(fc.array(fc.tuple(half, fc.boolean()), { minLength: 1, maxLength: 20 }), (seq) => {
        for (const [s, endFirst] of seq) {
          const copy = [...s].join('');
          const got = endFirst
            ? [halfYearEndDay(s), halfYearStartDay(copy)].reverse()
            : [halfYearStartDay(s), halfYearEndDay(copy)];
          expect(got).toEqual(expected(s));
          expect(halfYearEndDay(s)).toEqual(expected(s)[1]);
        }
      }),
    );
  });
});

describe('monthsWithinHundredths (decision 009)', () => {
  const d = (iso: string) => toDayNumber(iso);
  it.each([
    { case: 'one whole month', from: '2026-03-01', to: '2026-03-31', months: 100 },
    { case: 'a half-year', from: '2026-01-01', to: '2026-06-30', months: 600 },
    { case: 'half of June, rounded up', from: '2026-06-15', to: '2026-06-30', months: 54 },
    { case: 'one day of January', from: '2026-01-31', to: '2026-01-31', months: 4 },
    { case: 'February of a leap year', from: '2028-02-01', to: '2028-02-29', months: 100 },
    { case: 'part of February 2028 (15 of 29 days)', from: '2028-02-15', to: '2028-02-29', months: 52 },
    { case: 'across the new year', from: '2026-12-16', to: '2027-01-15', months: 100 },
    { case: 'two partial months and one whole', from: '2026-10-16', to: '2026-12-15', months: 200 },
  ])('$case: $months hundredths', ({ from, to, months }) => {
    expect(monthsWithinHundredths(d(from), d(to))).toBe(months);
  });

  /** The definition month by month on ISO text: the oracle of the day-number loop. */
  function byText(fromDay: number, toDay: number): number {
    let whole = 0;
    let num = 0;
    let den = 1;
    for (let day = fromDay; day <= toDay;) {
      const iso = fromDayNumber(day);
      const y = Number(iso.slice(0, 4));
      const m = Number(iso.slice(5, 7));
      const len = new Date(Date.UTC(y, m, 0)).getUTCDate();
      const last = Math.min(day - Number(iso.slice(8, 10)) + len, toDay);
      const inside = last - day + 1;
      if (inside === len) whole++;
      else {
        num = num * len + inside * den;
        den *= len;
      }
      day = last + 1;
    }
    return whole * 100 + Math.ceil((num * 100) / den - 1e-9);
  }

  it('equals the month-by-month definition over any span of up to a year', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: d('1999-01-01'), max: d('2101-01-01') }),
        fc.integer({ min: 0, max: 366 }),
        (from, span) => {
          expect(monthsWithinHundredths(from, from + span)).toBe(byText(from, from + span));
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('halfYearMonthsWithinHundredths equals it on every part of the half-years of 2027–2029, 1900 and 2000', () => {
    const halves = ['2027-H1', '2027-H2', '2028-H1', '2028-H2', '2029-H1', '1900-H1', '2000-H1', '2000-H2'];
    let parts = 0;
    for (const p of halves) {
      const half = halfYearIndex(p);
      const { startDay, endDay } = halfYearDays(p);
      for (let from = startDay; from <= endDay; from++)
        for (let to = from; to <= endDay; to++) {
          const fast = halfYearMonthsWithinHundredths(half, from, to);
          if (fast !== monthsWithinHundredths(from, to)) expect([p, from, to, fast]).toBe('the same months');
          parts++;
        }
    }
    // three common first halves (181 days), two leap ones (182), three second halves (184)
    expect(parts).toBe((3 * (181 * 182)) / 2 + (2 * (182 * 183)) / 2 + (3 * (184 * 185)) / 2);
  });
});

describe('halfYearIndexOfDay', () => {
  it('is the half-year of the date, over the years 0001–9999 (property) and at their edges', () => {
    const byText = (day: number) => halfYearIndex(halfYearOf(fromDayNumber(day)));
    fc.assert(
      fc.property(fc.integer({ min: toDayNumber('0001-01-01'), max: toDayNumber('9999-12-31') }), (day) => {
        expect(halfYearIndexOfDay(day)).toBe(byText(day));
      }),
      { numRuns: 5_000 },
    );
    for (const edge of ['2024-06-30', '2024-07-01', '2025-12-31', '2026-01-01', '2000-07-01', '1900-06-30'])
      expect([edge, halfYearIndexOfDay(toDayNumber(edge))]).toEqual([edge, byText(toDayNumber(edge))]);
    expect(halfYearIndexOfDay(NaN)).toBeNaN();
  });

  it('is the half-year of every day of the years 1899–2301 (the table it looks up, and past its ends)', () => {
    const wrong: string[] = [];
    let expected = halfYearIndex('1899-H1');
    let nextStart = toDayNumber('1899-07-01');
    for (let day = toDayNumber('1899-01-01'); day <= toDayNumber('2301-12-31'); day++) {
      if (day === nextStart) {
        expected++;
        nextStart = toDayNumber(expected % 2 === 0 ? `${expected / 2}-07-01` : `${(expected + 1) / 2}-01-01`);
      }
      if (halfYearIndexOfDay(day) !== expected) wrong.push(fromDayNumber(day));
    }
    expect(wrong).toEqual([]);
    expect(expected).toBe(halfYearIndex('2301-H2'));
  });
});
