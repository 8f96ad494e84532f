/** The runs the benchmark times (bench/run.ts), apart so that a profile or another harness can call them. */
import type { PortfolioProgress } from '../src/domain/progress.ts';
import type { Cents } from '../src/domain/money.ts';
import { PortfolioAccumulator } from '../src/domain/portfolio.ts';
import { ContractValuation } from '../src/domain/contract-valuation.ts';
import { categoryCode, type ActivityType } from '../src/domain/policy.ts';
import { toDayNumber } from '../src/domain/dates.ts';
import type { BenchContract, BenchData } from './generate.ts';

/** The date progress is computed at. */
export const asOf = '2025-06-30';

/**
 * The domain path a dashboard takes: value every activity with its checks (ContractValuation: the
 * policy's activity types prepared once and named by index, the contract's terms checked once, each
 * half-year's part of the term once), and sum each contract's
 * progress into the portfolio value by value (PortfolioAccumulator: no list of valued items, no
 * Progress object per contract).
 */
export function domainRun(d: BenchData): { portfolio: PortfolioProgress; checksum: number } {
  const portfolio = new PortfolioAccumulator(asOf);
  const checksum = valueInto(d, portfolio);
  return { portfolio: portfolio.result(), checksum };
}

/**
 * The loop of {@link domainRun}, apart from making its result: optimised once and reused run after
 * run (with the result inside it, every run left the optimised loop at the end for want of type
 * feedback there, and started over in slower code).
 */
function valueInto(d: BenchData, portfolio: PortfolioAccumulator): number {
  const { contracts, activities, types, policy } = d;
  const valuer = new ContractValuation().useTypes(types);
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
      const v = valuer.valueCentsAt(a.typeIndex, a, k.halves[a.periodIndex] as number);
      checksum += v;
      const category = categoryCodes[a.typeIndex] as number;
      portfolio.addRealisedCode(category, v);
      if (a.verified) portfolio.addVerifiedCode(category, v);
    }
    portfolio.finishContract();
  }
  return checksum;
}

/** A policy's activity types and caps as plain numbers, as a hand-written loop would keep them. */
interface BareTables {
  methodCode: number[];
  catCode: number[];
  rate: number[];
  share: number[];
  /** The cap of each category as a fraction of the obligation (Infinity: none). */
  capShare: number[];
  tolerance: number;
  asOfDay: number;
}

function bareTables(d: BenchData): BareTables {
  const { types, policy } = d;
  return {
    methodCode: types.map((t) =>
      ['fteYear', 'unit', 'hour', 'spendShare', 'money', 'obligationShare'].indexOf(t.method),
    ),
    catCode: types.map((t) =>
      ['employment', 'participation', 'socialDomain', 'socialEnterprise'].indexOf(t.category),
    ),
    rate: types.map((t) => t.rateCents ?? 0),
    share: types.map((t) => t.shareBp ?? 10_000),
    capShare: (['employment', 'participation', 'socialDomain', 'socialEnterprise'] as const).map((c) => {
      const bp = policy.categoryCapsBp?.[c];
      return bp === undefined ? Infinity : bp / 10_000;
    }),
    tolerance: (policy.behindToleranceBp ?? 1_000) / 10_000,
    asOfDay: toDayNumber(asOf),
  };
}

/** One activity's value on plain numbers: no checks, float rounding, the contract's days given. */
function bareValue(t: BareTables, k: BenchContract, a: BenchData['activities'][number]): number {
  const i = a.typeIndex;
  switch (t.methodCode[i]) {
    case 0:
      return Math.round(((t.rate[i] as number) * (a.fte ?? 0) * (a.months ?? 0)) / 12);
    case 1:
      return (t.rate[i] as number) * (a.units ?? 0);
    case 2:
      return Math.round((t.rate[i] as number) * (a.hours ?? 0));
    case 5: {
      const p = k.periods[a.periodIndex] as string;
      const y = Number(p.slice(0, 4));
      const ps = p.endsWith('1') ? Date.UTC(y, 0, 1) / 864e5 : Date.UTC(y, 6, 1) / 864e5;
      const pe = p.endsWith('1') ? Date.UTC(y, 5, 30) / 864e5 : Date.UTC(y, 11, 31) / 864e5;
      const covered = Math.min(pe, k.endDay) - Math.max(ps, k.startDay) + 1;
      const term = k.endDay - k.startDay + 1;
      return Math.round(((t.share[i] as number) / 10_000) * k.obligationCents * (covered / term));
    }
    default:
      return Math.round(((a.amountCents ?? 0) * (t.share[i] as number)) / 10_000);
  }
}

/** A contract's values summed into `sums` (realised, then verified, by category); returns their total. */
function bareSums(
  t: BareTables,
  k: BenchContract,
  activities: BenchData['activities'],
  sums: Float64Array,
): number {
  sums.fill(0);
  let total = 0;
  const end = k.firstActivity + k.activityCount;
  for (let i = k.firstActivity; i < end; i++) {
    const a = activities[i] as (typeof activities)[number];
    const v = bareValue(t, k, a);
    total += v;
    const cat = t.catCode[a.typeIndex] as number;
    sums[cat] = (sums[cat] as number) + v;
    if (a.verified) sums[4 + cat] = (sums[4 + cat] as number) + v;
  }
  return total;
}

/**
 * The domain run's whole result on plain numbers: every activity valued, each contract's realised and
 * verified sums by category capped, its expected pace, forecast and status, and the portfolio's totals
 * by category and status. No checks, no exact rounding, dates already day numbers.
 */
export function bareRun(d: BenchData): { portfolio: PortfolioProgress; checksum: number } {
  const { contracts, activities } = d;
  const t = bareTables(d);
  const { asOfDay, capShare, tolerance } = t;
  const sums = new Float64Array(8); // realised, then verified, by category
  const totals = new Float64Array(14); // obligation, realised, verified, expected, forecast, then realised and verified by category
  const byStatus = [0, 0, 0, 0]; // met, notMet, behind, onTrack
  let checksum = 0;
  for (let c = 0; c < contracts.length; c++) {
    const k = contracts[c] as BenchContract;
    checksum += bareSums(t, k, activities, sums);
    const obligation = k.obligationCents;
    let realised = 0;
    let verified = 0;
    for (let cat = 0; cat < 4; cat++) {
      const cap = Math.round(obligation * (capShare[cat] as number));
      const r = Math.min(sums[cat] as number, cap);
      const v = Math.min(sums[4 + cat] as number, cap);
      realised += r;
      verified += v;
      totals[5 + cat] = (totals[5 + cat] as number) + r;
      totals[9 + cat] = (totals[9 + cat] as number) + v;
    }
    const term = k.endDay - k.startDay + 1;
    const elapsed = Math.min(Math.max(asOfDay - k.startDay + 1, 0), term);
    const expected = Math.round((obligation * elapsed) / term);
    const forecast = elapsed === 0 ? 0 : Math.round((realised * term) / elapsed);
    const status =
      verified >= obligation ? 0 : asOfDay > k.endDay ? 1 : realised < expected * (1 - tolerance) ? 2 : 3;
    byStatus[status] = (byStatus[status] as number) + 1;
    totals[0] = (totals[0] as number) + obligation;
    totals[1] = (totals[1] as number) + realised;
    totals[2] = (totals[2] as number) + verified;
    totals[3] = (totals[3] as number) + expected;
    totals[4] = (totals[4] as number) + forecast;
  }
  const category = (cat: number) => ({
    plannedCents: 0 as Cents,
    realisedCents: totals[5 + cat] as Cents,
    verifiedCents: totals[9 + cat] as Cents,
  });
  const [met, notMet, behind, onTrack] = byStatus as [number, number, number, number];
  return {
    portfolio: {
      contracts: contracts.length,
      obligationCents: totals[0] as Cents,
      plannedCents: 0 as Cents,
      realisedCents: totals[1] as Cents,
      verifiedCents: totals[2] as Cents,
      expectedCents: totals[3] as Cents,
      forecastCents: totals[4] as Cents,
      byCategory: {
        employment: category(0),
        participation: category(1),
        socialDomain: category(2),
        socialEnterprise: category(3),
      },
      byStatus: { met, notMet, behind, onTrack },
    },
    checksum,
  };
}

/**
 * The loop the ratio was taken against until stop 24 (informative): the values and the realised total
 * only, with a fixed cap on one category and no status but "behind"; less than the domain run gives.
 */
export function bareValuesRun(d: BenchData): { realised: number; checksum: number } {
  const { contracts, activities } = d;
  const t = bareTables(d);
  const sums = new Float64Array(8);
  let checksum = 0;
  let total = 0;
  for (let c = 0; c < contracts.length; c++) {
    const k = contracts[c] as BenchContract;
    checksum += bareSums(t, k, activities, sums);
    const cap = Math.round(k.obligationCents * 0.5);
    if ((sums[3] as number) > cap) sums[3] = cap;
    total += (sums[0] as number) + (sums[1] as number) + (sums[2] as number) + (sums[3] as number);
  }
  return { realised: total, checksum };
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
