import { invalid, type Issue } from './errors.ts';
import { dayNumberOrNaN, type IsoDate } from './dates.ts';
import { categoryCapCents } from './caps.ts';
import { expectedOnDay } from './obligation.ts';
import { mulDivRound, type Cents } from './money.ts';
import { categories, type Category, type Policy } from './policy.ts';

export type ProgressStatus = 'met' | 'notMet' | 'behind' | 'onTrack';

/** A valued activity as progress needs it. */
export interface ValuedItem {
  category: Category;
  valueCents: number;
}

export interface ProgressInput {
  obligationCents: number;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Committed in the approved plan. */
  planned: readonly ValuedItem[];
  /** Reported (whatever its verification). */
  realised: readonly ValuedItem[];
  /** Accepted by the advisor. */
  verified: readonly ValuedItem[];
  /** The contract's policy version: its tolerance and caps, unless given below. */
  policy?: Pick<Policy, 'behindToleranceBp' | 'categoryCapsBp'> | undefined;
  toleranceBp?: number | undefined;
  categoryCapsBp?: Partial<Record<Category, number>> | undefined;
}

export interface CategoryProgress {
  plannedCents: Cents;
  /** After the category cap. */
  realisedCents: Cents;
  /** After the category cap. */
  verifiedCents: Cents;
}

export interface Progress {
  obligationCents: Cents;
  plannedCents: Cents;
  realisedCents: Cents;
  verifiedCents: Cents;
  expectedCents: Cents;
  forecastCents: Cents;
  status: ProgressStatus;
  byCategory: Record<Category, CategoryProgress>;
}

const DEFAULT_TOLERANCE_BP = 1_000;

/** Sums values into four slots by category, allocation-free. */
function sumInto(items: readonly ValuedItem[], into: Float64Array, at: number, name: string): void {
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as ValuedItem;
    const v = it.valueCents;
    if (!Number.isSafeInteger(v))
      throw invalid('Cannot compute progress.', [
        { name: `${name}.${i}.valueCents`, reason: 'must be whole cents' },
      ]);
    switch (it.category) {
      case 'employment':
        into[at + 0] = (into[at + 0] as number) + v;
        break;
      case 'participation':
        into[at + 1] = (into[at + 1] as number) + v;
        break;
      case 'socialDomain':
        into[at + 2] = (into[at + 2] as number) + v;
        break;
      case 'socialEnterprise':
        into[at + 3] = (into[at + 3] as number) + v;
        break;
      default:
        throw invalid('Cannot compute progress.', [
          { name: `${name}.${i}.category`, reason: `unknown category ${String(it.category)}` },
        ]);
    }
  }
}

/** a × b < c × d exactly, for non-negative safe integers. */
function productLess(a: number, b: number, c: number, d: number): boolean {
  const l = a * b;
  const r = c * d;
  if (l <= Number.MAX_SAFE_INTEGER && r <= Number.MAX_SAFE_INTEGER) return l < r;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

const statuses: readonly ProgressStatus[] = ['met', 'notMet', 'behind', 'onTrack'];

/**
 * Slots of a progress in a Float64Array: obligation, planned, realised, verified, expected, forecast,
 * then per category (in the order of `categories`) planned, realised, verified.
 */
const SLOTS = 18;
const CAT = 6;

/**
 * Checks one contract and writes its progress into `out` (slots above), allocating nothing; returns the
 * index of its status in `statuses`. `asOfDay` is NaN when asOf is not a date (refused with the rest).
 */
function progressInto(input: ProgressInput, asOfDay: number, out: Float64Array): number {
  const startDay = dayNumberOrNaN(input.startDate);
  const endDay = dayNumberOrNaN(input.endDate);
  const obligation = input.obligationCents;
  const tolerance = input.toleranceBp ?? input.policy?.behindToleranceBp ?? DEFAULT_TOLERANCE_BP;
  const caps = input.categoryCapsBp ?? input.policy?.categoryCapsBp;
  if (
    Number.isNaN(startDay) ||
    Number.isNaN(endDay) ||
    Number.isNaN(asOfDay) ||
    endDay < startDay ||
    !Number.isSafeInteger(obligation) ||
    obligation < 0 ||
    !Number.isSafeInteger(tolerance) ||
    tolerance < 0 ||
    tolerance > 10_000
  ) {
    const issues: Issue[] = [];
    if (Number.isNaN(startDay))
      issues.push({ name: 'startDate', reason: 'must be a real date (YYYY-MM-DD)' });
    if (Number.isNaN(endDay)) issues.push({ name: 'endDate', reason: 'must be a real date (YYYY-MM-DD)' });
    else if (endDay < startDay) issues.push({ name: 'endDate', reason: 'must not be before startDate' });
    if (Number.isNaN(asOfDay)) issues.push({ name: 'asOf', reason: 'must be a real date (YYYY-MM-DD)' });
    if (!Number.isSafeInteger(obligation) || obligation < 0)
      issues.push({ name: 'obligationCents', reason: 'must be whole cents, not negative' });
    if (!Number.isSafeInteger(tolerance) || tolerance < 0 || tolerance > 10_000)
      issues.push({ name: 'toleranceBp', reason: 'must be 0–10000 basis points' });
    throw invalid('Cannot compute progress.', issues);
  }
  const s = sums;
  s.fill(0);
  sumInto(input.planned, s, 0, 'planned');
  sumInto(input.realised, s, 4, 'realised');
  sumInto(input.verified, s, 8, 'verified');
  let planned = 0;
  let realised = 0;
  let verified = 0;
  for (let c = 0; c < 4; c++) {
    const bp = caps?.[categories[c] as Category];
    const cap = bp === undefined ? Infinity : categoryCapCents(bp, obligation);
    const p = s[c] as number;
    const r0 = s[4 + c] as number;
    const v0 = s[8 + c] as number;
    const r = r0 > cap ? cap : r0;
    const v = v0 > cap ? cap : v0;
    planned += p;
    realised += r;
    verified += v;
    out[CAT + 3 * c] = p;
    out[CAT + 3 * c + 1] = r;
    out[CAT + 3 * c + 2] = v;
  }
  const expected = expectedOnDay(obligation, startDay, endDay, asOfDay);
  const term = endDay - startDay + 1;
  const elapsed = asOfDay - startDay + 1;
  const forecast = elapsed <= 0 ? 0 : elapsed >= term ? realised : mulDivRound(realised, term, 1, elapsed);
  out[0] = obligation;
  out[1] = planned;
  out[2] = realised;
  out[3] = verified;
  out[4] = expected;
  out[5] = forecast;
  if (verified >= obligation) return 0; // met
  if (asOfDay > endDay) return 1; // notMet
  if (productLess(realised, 10_000, expected, 10_000 - tolerance)) return 2; // behind
  return 3; // onTrack
}

const sums = new Float64Array(12);
const one = new Float64Array(SLOTS);

function categoryAt(r: Float64Array, c: number): CategoryProgress {
  return {
    plannedCents: r[CAT + 3 * c] as Cents,
    realisedCents: r[CAT + 3 * c + 1] as Cents,
    verifiedCents: r[CAT + 3 * c + 2] as Cents,
  };
}

function byCategoryOf(r: Float64Array): Record<Category, CategoryProgress> {
  return {
    employment: categoryAt(r, 0),
    participation: categoryAt(r, 1),
    socialDomain: categoryAt(r, 2),
    socialEnterprise: categoryAt(r, 3),
  };
}

/**
 * Progress of one contract at a date (domain.md §4, §7): realised and verified counted after caps;
 * expected pro rata by days; forecast = realised × termDays / elapsedDays (0 before the start, equal
 * to realised after the end); status tested in the order met → notMet → behind → onTrack.
 * @example computeProgress({ obligationCents: 36_500, startDate: '2026-01-01', endDate: '2026-12-31', planned: [], realised: [], verified: [] }, '2026-01-10').expectedCents // 1_000
 */
export function computeProgress(input: ProgressInput, asOf: IsoDate): Progress {
  const r = one;
  const status = statuses[progressInto(input, dayNumberOrNaN(asOf), r)] as ProgressStatus;
  return {
    obligationCents: r[0] as Cents,
    plannedCents: r[1] as Cents,
    realisedCents: r[2] as Cents,
    verifiedCents: r[3] as Cents,
    expectedCents: r[4] as Cents,
    forecastCents: r[5] as Cents,
    status,
    byCategory: byCategoryOf(r),
  };
}

export interface PortfolioProgress extends Omit<Progress, 'status'> {
  contracts: number;
  byStatus: Record<ProgressStatus, number>;
}

/**
 * Sums the progress of many contracts (a municipality's dashboard), in total and by category, and
 * counts contracts per status.
 */
export function portfolioProgress(list: readonly Progress[]): PortfolioProgress {
  let obligation = 0,
    planned = 0,
    realised = 0,
    verified = 0,
    expected = 0,
    forecast = 0;
  let cp0 = 0,
    cp1 = 0,
    cp2 = 0,
    cp3 = 0,
    cr0 = 0,
    cr1 = 0,
    cr2 = 0,
    cr3 = 0,
    cv0 = 0,
    cv1 = 0,
    cv2 = 0,
    cv3 = 0;
  let met = 0,
    notMet = 0,
    behind = 0,
    onTrack = 0;
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as Progress;
    obligation += p.obligationCents;
    planned += p.plannedCents;
    realised += p.realisedCents;
    verified += p.verifiedCents;
    expected += p.expectedCents;
    forecast += p.forecastCents;
    const b = p.byCategory;
    cp0 += b.employment.plannedCents;
    cr0 += b.employment.realisedCents;
    cv0 += b.employment.verifiedCents;
    cp1 += b.participation.plannedCents;
    cr1 += b.participation.realisedCents;
    cv1 += b.participation.verifiedCents;
    cp2 += b.socialDomain.plannedCents;
    cr2 += b.socialDomain.realisedCents;
    cv2 += b.socialDomain.verifiedCents;
    cp3 += b.socialEnterprise.plannedCents;
    cr3 += b.socialEnterprise.realisedCents;
    cv3 += b.socialEnterprise.verifiedCents;
    if (p.status === 'met') met++;
    else if (p.status === 'notMet') notMet++;
    else if (p.status === 'behind') behind++;
    else onTrack++;
  }
  const cat = (p: number, r: number, v: number): CategoryProgress => ({
    plannedCents: p as Cents,
    realisedCents: r as Cents,
    verifiedCents: v as Cents,
  });
  return {
    contracts: list.length,
    obligationCents: obligation as Cents,
    plannedCents: planned as Cents,
    realisedCents: realised as Cents,
    verifiedCents: verified as Cents,
    expectedCents: expected as Cents,
    forecastCents: forecast as Cents,
    byCategory: {
      employment: cat(cp0, cr0, cv0),
      participation: cat(cp1, cr1, cv1),
      socialDomain: cat(cp2, cr2, cv2),
      socialEnterprise: cat(cp3, cr3, cv3),
    },
    byStatus: { met, notMet, behind, onTrack },
  };
}

/**
 * The portfolio of many contracts summed as they come, without building a {@link Progress} per
 * contract: for dashboards and exports over large portfolios. After `add` of each contract's input,
 * `result()` equals `portfolioProgress(inputs.map((i) => computeProgress(i, asOf)))`, and `add` checks
 * and refuses exactly like {@link computeProgress} (an invalid asOf is refused on the first `add`).
 * @example const acc = new PortfolioAccumulator('2026-07-02'); for (const c of contracts) acc.add(c); acc.result()
 */
export class PortfolioAccumulator {
  readonly #asOfDay: number;
  readonly #totals = new Float64Array(SLOTS);
  readonly #byStatus = [0, 0, 0, 0];
  #contracts = 0;

  constructor(asOf: IsoDate) {
    this.#asOfDay = dayNumberOrNaN(asOf);
  }

  /** Adds one contract; returns its status. */
  add(input: ProgressInput): ProgressStatus {
    const r = one;
    const status = progressInto(input, this.#asOfDay, r);
    const t = this.#totals;
    for (let i = 0; i < SLOTS; i++) t[i] = (t[i] as number) + (r[i] as number);
    this.#byStatus[status] = (this.#byStatus[status] as number) + 1;
    this.#contracts++;
    return statuses[status] as ProgressStatus;
  }

  /** The totals so far, in the shape of {@link portfolioProgress}. */
  result(): PortfolioProgress {
    const t = this.#totals;
    const [met, notMet, behind, onTrack] = this.#byStatus as [number, number, number, number];
    return {
      contracts: this.#contracts,
      obligationCents: t[0] as Cents,
      plannedCents: t[1] as Cents,
      realisedCents: t[2] as Cents,
      verifiedCents: t[3] as Cents,
      expectedCents: t[4] as Cents,
      forecastCents: t[5] as Cents,
      byCategory: byCategoryOf(t),
      byStatus: { met, notMet, behind, onTrack },
    };
  }
}
