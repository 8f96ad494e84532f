import { fromDayNumber, halfYearIndex, toDayNumber } from '../src/domain/dates.ts';
import { valuationContext, type ActivityInput } from '../src/domain/valuation.ts';
import type { ValuedItem } from '../src/domain/progress.ts';
import { presets } from '../src/domain/presets.ts';
import type { ActivityType, Category, Policy } from '../src/domain/policy.ts';

/** Mulberry32: a small seeded PRNG, so every run sees the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchContract {
  startDate: string;
  endDate: string;
  startDay: number;
  endDay: number;
  obligationCents: number;
  /** Half-years of the term, as `YYYY-Hn`. */
  periods: string[];
  /** The same half-years as numbers ({@link halfYearIndex}), as a caller that groups by half-year holds them. */
  halves: number[];
  firstActivity: number;
  activityCount: number;
}

/** An activity as a row would hold it: all fields present (monomorphic), unused ones undefined. */
export interface BenchActivity extends ActivityInput {
  contract: number;
  typeIndex: number;
  periodIndex: number;
  verified: boolean;
  /** The activity as a valued item (for callers that pass lists to computeProgress). */
  item: ValuedItem;
}

export interface BenchData {
  policy: Policy;
  types: ActivityType[];
  contracts: BenchContract[];
  activities: BenchActivity[];
}

/** A realistic mix: mostly jobs and places, some purchases, hours and gifts, few PSO certificates. */
const mix: [code: string, weight: number][] = [
  ['job-benefits', 30],
  ['job-jobagreement', 8],
  ['bbl-place', 12],
  ['work-experience', 10],
  ['internship', 8],
  ['training', 6],
  ['sw-purchase', 8],
  ['social-firm-purchase', 4],
  ['initiative-hours', 8],
  ['initiative-money', 3],
  ['initiative-goods', 1],
  ['pso-2', 1],
  ['sr-in-own-procurement', 1],
];

export function generate(contractCount: number, activityCount: number, seed = 42): BenchData {
  const rnd = prng(seed);
  const policy = structuredClone(presets.amsterdam);
  policy.categoryCapsBp = { socialEnterprise: 5_000 };
  const types = policy.activityTypes;
  const weighted: number[] = [];
  for (const [code, w] of mix) {
    const i = types.findIndex((t) => t.code === code);
    for (let k = 0; k < w; k++) weighted.push(i);
  }
  const day0 = toDayNumber('2023-01-01');
  const contracts: BenchContract[] = [];
  for (let c = 0; c < contractCount; c++) {
    const startDay = day0 + Math.floor(rnd() * 1_000);
    const endDay = startDay + 180 + Math.floor(rnd() * 1_200);
    const startDate = fromDayNumber(startDay);
    const endDate = fromDayNumber(endDay);
    const periods: string[] = [];
    const y0 = Number(startDate.slice(0, 4));
    const y1 = Number(endDate.slice(0, 4));
    for (let y = y0; y <= y1; y++)
      for (const h of [1, 2]) {
        const ps = toDayNumber(`${y}-${h === 1 ? '01-01' : '07-01'}`);
        const pe = toDayNumber(`${y}-${h === 1 ? '06-30' : '12-31'}`);
        if (pe >= startDay && ps <= endDay) periods.push(`${y}-H${h}`);
      }
    const value = 5_000_000 + Math.floor(rnd() * 500_000_000);
    contracts.push({
      startDate,
      endDate,
      startDay,
      endDay,
      obligationCents: Math.round(value * 0.02),
      periods,
      halves: periods.map(halfYearIndex),
      firstActivity: 0,
      activityCount: 0,
    });
  }
  const activities: BenchActivity[] = [];
  const perContract = activityCount / contractCount;
  for (let c = 0; c < contractCount; c++) {
    const contract = contracts[c] as BenchContract;
    contract.firstActivity = activities.length;
    const n =
      c === contractCount - 1
        ? activityCount - activities.length
        : Math.round(perContract * (c + 1)) - Math.round(perContract * c);
    for (let k = 0; k < n; k++) {
      const typeIndex = weighted[Math.floor(rnd() * weighted.length)] as number;
      const t = types[typeIndex] as ActivityType;
      const periodIndex = Math.floor(rnd() * contract.periods.length);
      const a: BenchActivity = {
        contract: c,
        typeIndex,
        periodIndex,
        verified: rnd() < 0.7,
        item: { category: t.category as Category, valueCents: 0 },
        fte: undefined,
        months: undefined,
        units: undefined,
        hours: undefined,
        amountCents: undefined,
        validFrom: undefined,
        validTo: undefined,
      };
      switch (t.method) {
        case 'fteYear':
          a.fte = (10 + Math.floor(rnd() * 91)) / 100;
          // at most the months of the half-year inside the term (domain.md §6, decision 009)
          a.months = Math.min(
            (50 + Math.floor(rnd() * 551)) / 100,
            valuationContext({
              contractStart: contract.startDate,
              contractEnd: contract.endDate,
              obligationCents: contract.obligationCents,
              period: contract.periods[periodIndex] as string,
            }).maxMonths / 100, // maxMonths is in hundredths
          );
          break;
        case 'unit':
          a.units = 1 + Math.floor(rnd() * 4);
          break;
        case 'hour':
          a.hours = (25 + Math.floor(rnd() * 20_000)) / 100;
          break;
        case 'spendShare':
        case 'money':
          a.amountCents = 1_000 + Math.floor(rnd() * 5_000_000);
          break;
        case 'obligationShare':
          a.validFrom = fromDayNumber(contract.startDay - 200);
          a.validTo = fromDayNumber(contract.endDay + 100);
          break;
      }
      activities.push(a);
    }
    contract.activityCount = n;
  }
  return { policy, types, contracts, activities };
}
