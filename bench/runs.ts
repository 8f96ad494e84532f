/** The runs the benchmark times (bench/run.ts), apart so that a profile or another harness can call them. */
import type { PortfolioProgress } from '../src/domain/progress.ts';
import { PortfolioAccumulator } from '../src/domain/portfolio.ts';
import { ContractValuation } from '../src/domain/contract-valuation.ts';
import { categoryCode, type ActivityType } from '../src/domain/policy.ts';
import { toDayNumber } from '../src/domain/dates.ts';
import type { BenchContract, BenchData } from './generate.ts';

/** The date progress is computed at. */
export const asOf = '2025-06-30';

/**
 * The domain path a dashboard takes: value every activity with its checks (ContractValuation: the
 * contract's terms checked once, each half-year's part of the term once), and sum each contract's
 * progress into the portfolio value by value (PortfolioAccumulator: no list of valued items, no
 * Progress object per contract).
 */
export function domainRun(d: BenchData): { portfolio: PortfolioProgress; checksum: number } {
  const { contracts, activities, types, policy } = d;
  const portfolio = new PortfolioAccumulator(asOf);
  const valuer = new ContractValuation();
  const categoryCodes = types.map((t) => categoryCode(t.category));
  let checksum = 0;
  for (let c = 0; c < contracts.length; c++) {
    const k = contracts[c] as BenchContract;
    valuer.start({ contractStart: k.startDate, contractEnd: k.endDate, obligationCents: k.obligationCents });
    portfolio.startContract({
      obligationCents: k.obligationCents,
      startDate: k.startDate,
      endDate: k.endDate,
      policy,
    });
    const end = k.firstActivity + k.activityCount;
    for (let i = k.firstActivity; i < end; i++) {
      const a = activities[i] as (typeof activities)[number];
      const type = types[a.typeIndex] as ActivityType;
      const v = valuer.valueCentsInHalf(type, a, k.halves[a.periodIndex] as number);
      checksum += v;
      const category = categoryCodes[a.typeIndex] as number;
      portfolio.addRealisedCode(category, v);
      if (a.verified) portfolio.addVerifiedCode(category, v);
    }
    portfolio.finishContract();
  }
  return { portfolio: portfolio.result(), checksum };
}

/** The same arithmetic on plain numbers: no checks, no exact rounding, dates already day numbers. */
export function bareRun(d: BenchData): { realised: number; checksum: number } {
  const { contracts, activities, types } = d;
  const methodCode = types.map((t) =>
    ['fteYear', 'unit', 'hour', 'spendShare', 'money', 'obligationShare'].indexOf(t.method),
  );
  const catCode = types.map((t) =>
    ['employment', 'participation', 'socialDomain', 'socialEnterprise'].indexOf(t.category),
  );
  const rate = types.map((t) => t.rateCents ?? 0);
  const share = types.map((t) => t.shareBp ?? 10_000);
  const asOfDay = toDayNumber(asOf);
  const sums = new Float64Array(8);
  let checksum = 0;
  let total = 0;
  let expectedTotal = 0;
  let forecastTotal = 0;
  let behind = 0;
  for (let c = 0; c < contracts.length; c++) {
    const k = contracts[c] as BenchContract;
    const term = k.endDay - k.startDay + 1;
    sums.fill(0);
    const end = k.firstActivity + k.activityCount;
    for (let i = k.firstActivity; i < end; i++) {
      const a = activities[i] as (typeof activities)[number];
      const t = a.typeIndex;
      let v: number;
      switch (methodCode[t]) {
        case 0:
          v = Math.round(((rate[t] as number) * (a.fte ?? 0) * (a.months ?? 0)) / 12);
          break;
        case 1:
          v = (rate[t] as number) * (a.units ?? 0);
          break;
        case 2:
          v = Math.round((rate[t] as number) * (a.hours ?? 0));
          break;
        case 5: {
          const p = k.periods[a.periodIndex] as string;
          const y = Number(p.slice(0, 4));
          const ps = p.endsWith('1') ? Date.UTC(y, 0, 1) / 864e5 : Date.UTC(y, 6, 1) / 864e5;
          const pe = p.endsWith('1') ? Date.UTC(y, 5, 30) / 864e5 : Date.UTC(y, 11, 31) / 864e5;
          const covered = Math.min(pe, k.endDay) - Math.max(ps, k.startDay) + 1;
          v = Math.round(((share[t] as number) / 10_000) * k.obligationCents * (covered / term));
          break;
        }
        default:
          v = Math.round(((a.amountCents ?? 0) * (share[t] as number)) / 10_000);
      }
      checksum += v;
      const cat = catCode[t] as number;
      sums[cat] = (sums[cat] as number) + v;
      if (a.verified) sums[4 + cat] = (sums[4 + cat] as number) + v;
    }
    const cap = Math.round(k.obligationCents * 0.5);
    if ((sums[3] as number) > cap) sums[3] = cap;
    if ((sums[7] as number) > cap) sums[7] = cap;
    const realised = (sums[0] as number) + (sums[1] as number) + (sums[2] as number) + (sums[3] as number);
    const elapsed = Math.min(Math.max(asOfDay - k.startDay + 1, 0), term);
    const expected = Math.round((k.obligationCents * elapsed) / term);
    const forecast = elapsed === 0 ? 0 : Math.round((realised * term) / elapsed);
    if (realised < expected * 0.9) behind++;
    total += realised;
    expectedTotal += expected;
    forecastTotal += forecast;
  }
  return { realised: total + expectedTotal * 0 + forecastTotal * 0 + behind * 0, checksum };
}

/** Every activity valued with its explanation (informative). */
export function explainedRun(d: BenchData): number {
  const valuer = new ContractValuation();
  let n = 0;
  for (let c = 0; c < d.contracts.length; c++) {
    const k = d.contracts[c] as BenchContract;
    valuer.start({ contractStart: k.startDate, contractEnd: k.endDate, obligationCents: k.obligationCents });
    const end = k.firstActivity + k.activityCount;
    for (let i = k.firstActivity; i < end; i++) {
      const a = d.activities[i] as (typeof d.activities)[number];
      n += valuer.valuation(d.types[a.typeIndex] as ActivityType, a, k.periods[a.periodIndex]).explanation
        .length;
    }
  }
  return n;
}
