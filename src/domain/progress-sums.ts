/**
 * The arithmetic of progress (domain.md §4, §7), shared by `computeProgress` (one contract, its lists
 * at once) and `PortfolioAccumulator` (many contracts, values one by one), so that both give the same
 * answer by construction. Internal: not exported from index.ts.
 */
import { DomainError, invalid, type Issue } from './errors.ts';
import { dayNumberOrNaN } from './dates.ts';
import { categoryCapCents } from './caps.ts';
import { expectedOnDay } from './obligation.ts';
import { mulDivRound } from './money.ts';
import { categories, categoryCode, type Category } from './policy.ts';
import type { Cents } from './money.ts';
import type { CategoryProgress, ProgressStatus, ProgressTerms, ValuedItem } from './progress-types.ts';

const DEFAULT_TOLERANCE_BP = 1_000;

export const statuses: readonly ProgressStatus[] = ['met', 'notMet', 'behind', 'onTrack'];

/**
 * Slots of a progress in a Float64Array: obligation, planned, realised, verified, expected, forecast,
 * then per category (employment, participation, socialDomain, socialEnterprise) planned, realised,
 * verified.
 */
export const SLOTS = 18;
export const CAT = 6;

/** The three lists of a contract, in the order computeProgress sums them. */
export const PLANNED = 0;
export const REALISED = 1;
export const VERIFIED = 2;
const listNames = ['planned', 'realised', 'verified'] as const;

/** a × b < c × d exactly, for non-negative safe integers. */
function productLess(a: number, b: number, c: number, d: number): boolean {
  const l = a * b;
  const r = c * d;
  if (l <= Number.MAX_SAFE_INTEGER && r <= Number.MAX_SAFE_INTEGER) return l < r;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

/** One contract's checked terms and its sums by list and category, reused from contract to contract. */
export class ProgressSums {
  #open = false;
  #startDay = NaN;
  #endDay = NaN;
  #asOfDay = NaN;
  #obligation = 0;
  /** Expected given by the caller (invoiced base), else NaN: pro rata over the term. */
  #expected = NaN;
  #tolerance = 0;
  #caps: Partial<Record<Category, number>> | undefined = undefined;
  /** Raw sums: list × 4 + category. */
  readonly #sums = new Float64Array(12);
  /** Items added per list, to name a refused one like computeProgress does (`realised.3.valueCents`). */
  readonly #counts = [0, 0, 0];

  /** Checks a contract's terms (refusing them like computeProgress) and starts its sums at 0. */
  start(terms: ProgressTerms, asOfDay: number): void {
    this.#open = false;
    const startDay = dayNumberOrNaN(terms.startDate);
    const endDay = dayNumberOrNaN(terms.endDate);
    const obligation = terms.obligationCents;
    const tolerance = terms.toleranceBp ?? terms.policy?.behindToleranceBp ?? DEFAULT_TOLERANCE_BP;
    if (
      !(endDay >= startDay) || // also when either is NaN
      Number.isNaN(asOfDay) ||
      !Number.isSafeInteger(obligation) ||
      obligation < 0 ||
      !Number.isSafeInteger(tolerance) ||
      tolerance < 0 ||
      tolerance > 10_000 ||
      (terms.expectedCents !== undefined &&
        (!Number.isSafeInteger(terms.expectedCents) || terms.expectedCents < 0))
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
      if (
        terms.expectedCents !== undefined &&
        (!Number.isSafeInteger(terms.expectedCents) || terms.expectedCents < 0)
      )
        issues.push({ name: 'expectedCents', reason: 'must be whole cents, not negative' });
      throw invalid('Cannot compute progress.', issues);
    }
    this.#startDay = startDay;
    this.#endDay = endDay;
    this.#asOfDay = asOfDay;
    this.#obligation = obligation;
    this.#expected = terms.expectedCents ?? NaN;
    this.#tolerance = tolerance;
    this.#caps = terms.categoryCapsBp ?? terms.policy?.categoryCapsBp;
    const sums = this.#sums;
    for (let i = 0; i < 12; i++) sums[i] = 0; // a loop the compiler inlines, not a call to fill
    this.#counts[0] = 0;
    this.#counts[1] = 0;
    this.#counts[2] = 0;
    this.#open = true;
  }

  /** Adds one value to a list (PLANNED, REALISED, VERIFIED), refusing it like computeProgress. */
  add(list: number, category: Category, valueCents: number): void {
    const c = categoryCode(category);
    if (this.#open && c >= 0 && Number.isSafeInteger(valueCents)) {
      this.#counts[list] = (this.#counts[list] as number) + 1;
      const at = list * 4 + c;
      this.#sums[at] = (this.#sums[at] as number) + valueCents;
    } else this.#refuse(list, category, valueCents);
  }

  /** {@link add} with the category given as its {@link categoryCode} (0–3). */
  addCode(list: number, code: number, valueCents: number): void {
    if (
      this.#open &&
      (code === 0 || code === 1 || code === 2 || code === 3) &&
      Number.isSafeInteger(valueCents)
    ) {
      this.#counts[list] = (this.#counts[list] as number) + 1;
      const at = list * 4 + code;
      this.#sums[at] = (this.#sums[at] as number) + valueCents;
    } else this.#refuse(list, categories[code] ?? code, valueCents);
  }

  /** Why {@link add} refuses a value (apart, so that add stays small enough to inline into a loop). */
  #refuse(list: number, category: unknown, valueCents: number): never {
    if (!this.#open) throw new DomainError('INVALID_STATE', 'Start a contract before adding its values.');
    const i = this.#counts[list] as number;
    this.#open = false; // a contract with a refused value cannot be finished
    const name = `${listNames[list] as string}.${i}`;
    if (!Number.isSafeInteger(valueCents))
      throw invalid('Cannot compute progress.', [
        { name: `${name}.valueCents`, reason: 'must be whole cents' },
      ]);
    throw invalid('Cannot compute progress.', [
      { name: `${name}.category`, reason: `unknown category ${String(category)}` },
    ]);
  }

  /** Adds a whole list. */
  addAll(list: number, items: readonly ValuedItem[]): void {
    for (let i = 0; i < items.length; i++) {
      const it = items[i] as ValuedItem;
      this.add(list, it.category, it.valueCents);
    }
  }

  /** Category `c`: planned as committed, realised and verified after its cap (capBp × obligation). */
  #capInto(out: Float64Array, c: number, bp: number | undefined): void {
    const cap = bp === undefined ? Infinity : categoryCapCents(bp, this.#obligation);
    const s = this.#sums;
    const r0 = s[4 + c] as number;
    const v0 = s[8 + c] as number;
    out[CAT + 3 * c] = s[c] as number;
    out[CAT + 3 * c + 1] = r0 > cap ? cap : r0;
    out[CAT + 3 * c + 2] = v0 > cap ? cap : v0;
  }

  /**
   * Writes the contract's progress into `out` (the slots above) and closes it; returns the index of its
   * status in `statuses`. Realised and verified count after caps; expected pro rata by days; forecast =
   * realised × termDays / elapsedDays (0 before the start, realised after the end); status tested in
   * the order met → notMet → behind → onTrack.
   */
  finish(out: Float64Array): number {
    if (!this.#open) throw new DomainError('INVALID_STATE', 'Start a contract before finishing it.');
    this.#open = false;
    const caps = this.#caps;
    // one named read per category (a loop over the names would make the read a keyed one)
    this.#capInto(out, 0, caps?.employment);
    this.#capInto(out, 1, caps?.participation);
    this.#capInto(out, 2, caps?.socialDomain);
    this.#capInto(out, 3, caps?.socialEnterprise);
    let planned = 0;
    let realised = 0;
    let verified = 0;
    for (let c = CAT; c < SLOTS; c += 3) {
      planned += out[c] as number;
      realised += out[c + 1] as number;
      verified += out[c + 2] as number;
    }
    const obligation = this.#obligation;
    const startDay = this.#startDay;
    const endDay = this.#endDay;
    const asOfDay = this.#asOfDay;
    const given = this.#expected;
    const expected = Number.isNaN(given) ? expectedOnDay(obligation, startDay, endDay, asOfDay) : given;
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
    if (productLess(realised, 10_000, expected, 10_000 - this.#tolerance)) return 2; // behind
    return 3; // onTrack
  }
}

function categoryAt(r: Float64Array, c: number): CategoryProgress {
  return {
    plannedCents: r[CAT + 3 * c] as Cents,
    realisedCents: r[CAT + 3 * c + 1] as Cents,
    verifiedCents: r[CAT + 3 * c + 2] as Cents,
  };
}

/** The four categories of a progress in slots. */
export function byCategoryOf(r: Float64Array): Record<Category, CategoryProgress> {
  return {
    employment: categoryAt(r, 0),
    participation: categoryAt(r, 1),
    socialDomain: categoryAt(r, 2),
    socialEnterprise: categoryAt(r, 3),
  };
}
