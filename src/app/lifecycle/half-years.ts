import { expectedByDate, halfYearRange, halfYearsBetween } from '../../domain/index.ts';
import { startOfPeriod, type ContractFacts } from './progress-data.ts';

export interface HalfYearAmounts {
  period: string;
  obligationCents: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
}

/**
 * One contract's figures per half-year, by the dashboard's rule: the obligation spread pro rata by
 * days (differences of expected, so the periods add up to the obligation exactly), planned,
 * realised and verified as stored (before category caps, which apply to the whole term).
 */
export function halfYearsOf(f: ContractFacts, asOf: string): HalfYearAmounts[] {
  const rows = new Map<string, HalfYearAmounts>();
  const row = (period: string) => {
    let r = rows.get(period);
    if (!r)
      rows.set(
        period,
        (r = { period, obligationCents: 0, plannedCents: 0, realisedCents: 0, verifiedCents: 0 }),
      );
    return r;
  };
  const { startDate, obligationCents } = f.contract;
  let before = 0;
  for (const period of halfYearsBetween(startDate, f.endDate)) {
    const end = halfYearRange(period).end;
    const upTo = expectedByDate(obligationCents, startDate, f.endDate, end < f.endDate ? end : f.endDate);
    row(period).obligationCents += upTo - before;
    before = upTo;
  }
  for (const i of f.planned) row(i.period).plannedCents += i.valueCents;
  for (const v of f.values) {
    if (v.verification === 'rejected' || startOfPeriod(v.period) > asOf) continue;
    row(v.period).realisedCents += v.valueCents;
    if (v.verification === 'accepted') row(v.period).verifiedCents += v.valueCents;
  }
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period));
}
