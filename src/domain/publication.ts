import { invalid } from './errors.ts';
import { expectedByDate } from './obligation.ts';
import type { Cents } from './money.ts';

/** Below this, a count of people is published as "< 5", never as the number (issue 17). */
export const smallCountThreshold = 5;
export type PublicCount = number | '< 5';

/**
 * A count as the public may see it: below {@link smallCountThreshold} (0 included) as "< 5", so a
 * small group cannot be singled out.
 * @example publicCount(3) // '< 5';  publicCount(12) // 12
 */
export function publicCount(n: number): PublicCount {
  if (!Number.isSafeInteger(n) || n < 0)
    throw invalid('not a count', [{ name: 'count', reason: 'must be a whole number ≥ 0' }]);
  return n < smallCountThreshold ? '< 5' : n;
}

/** The first and last day of a calendar year, checked (2000–2100: the years a contract here can touch). */
export function yearRange(year: number): { from: string; to: string; periods: [string, string] } {
  if (!Number.isSafeInteger(year) || year < 2000 || year > 2100)
    throw invalid('Not a year results can be given for.', [
      { name: 'year', reason: 'must be a year 2000–2100' },
    ]);
  return { from: `${year}-01-01`, to: `${year}-12-31`, periods: [`${year}-H1`, `${year}-H2`] };
}

/**
 * The part of an obligation that falls in a year: the obligation spread pro rata by days over the
 * term (domain.md §4), expected at the year's end minus expected at the end of the year before, so
 * the years of a term add up to the obligation exactly (as the dashboard's half-years do).
 * @example obligationInYear({ obligationCents: 36_500, startDate: '2026-07-01', endDate: '2027-06-30' }, 2026) // 18_400
 */
export function obligationInYear(
  c: { obligationCents: number; startDate: string; endDate: string },
  year: number,
): Cents {
  const { to } = yearRange(year);
  const upTo = expectedByDate(c.obligationCents, c.startDate, c.endDate, to);
  const before = expectedByDate(c.obligationCents, c.startDate, c.endDate, `${year - 1}-12-31`);
  return (upTo - before) as Cents;
}
