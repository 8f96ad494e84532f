import { invalid, type Issue } from './errors.ts';
import { dayNumberOrNaN, halfYearDays, isHalfYear, type IsoDate } from './dates.ts';
import { mulDivRound, type Cents } from './money.ts';
import { expectedOnDay } from './obligation.ts';

/** What was invoiced in one half-year of a framework contract. */
export interface InvoicedPeriod {
  period: string;
  amountCents: number;
}

/** The invoiced total of a framework contract: the sum of its half-years. */
export function invoicedTotal(invoices: readonly InvoicedPeriod[]): Cents {
  return invoices.reduce((sum, i) => sum + i.amountCents, 0) as Cents;
}

/**
 * The expected pace of a framework contract on invoiced value (policy base `invoiced`, decision
 * 022). The obligation grows with what is invoiced, so each half-year brings its own share of the
 * obligation, expected pro rata by days over that half-year (clipped to the term, both inclusive).
 * The shares are cut from the running total so that they add up to the obligation exactly:
 * `share(k) = min(obligation, round(pct × invoiced up to k)) − the same up to k − 1`; a cap on the
 * obligation is therefore reached by the first half-years, never exceeded.
 * @example invoicedPace({ percentageBp: 200, obligationCents: 2_000, startDate: '2026-01-01', endDate: '2026-12-31', invoices: [{ period: '2026-H1', amountCents: 100_000 }] }, '2026-06-30') // 2_000
 */
export function invoicedPace(
  terms: {
    percentageBp: number;
    obligationCents: number;
    startDate: IsoDate;
    endDate: IsoDate;
    invoices: readonly InvoicedPeriod[];
  },
  asOf: IsoDate,
): Cents {
  const issues: Issue[] = [];
  const start = dayNumberOrNaN(terms.startDate);
  const end = dayNumberOrNaN(terms.endDate);
  const at = dayNumberOrNaN(asOf);
  if (Number.isNaN(start)) issues.push({ name: 'startDate', reason: 'must be a real date (YYYY-MM-DD)' });
  if (Number.isNaN(end)) issues.push({ name: 'endDate', reason: 'must be a real date (YYYY-MM-DD)' });
  if (Number.isNaN(at)) issues.push({ name: 'asOf', reason: 'must be a real date (YYYY-MM-DD)' });
  terms.invoices.forEach((inv, i) => {
    if (!isHalfYear(inv.period))
      issues.push({ name: `invoices.${i}.period`, reason: 'must be a half-year (YYYY-H1 or YYYY-H2)' });
    if (!Number.isSafeInteger(inv.amountCents) || inv.amountCents < 0)
      issues.push({ name: `invoices.${i}.amountCents`, reason: 'must be whole cents, not negative' });
  });
  if (issues.length) throw invalid('Cannot pace the invoiced obligation.', issues);
  const sorted = [...terms.invoices].sort((a, b) => a.period.localeCompare(b.period));
  let running = 0;
  let before = 0;
  let expected = 0;
  for (const inv of sorted) {
    running += inv.amountCents;
    const upTo = Math.min(terms.obligationCents, mulDivRound(running, terms.percentageBp, 1, 10_000));
    const share = upTo - before;
    before = upTo;
    if (share <= 0) continue;
    const days = halfYearDays(inv.period);
    // the half-year within the term; a half-year outside the term is paced over itself
    const from = Math.max(days.startDay, start);
    const to = Math.min(days.endDay, end);
    expected +=
      from <= to ? expectedOnDay(share, from, to, at) : expectedOnDay(share, days.startDay, days.endDay, at);
  }
  return expected as Cents;
}
