import { dayNumberOrNaN, type IsoDate } from './dates.ts';
import type { Cents } from './money.ts';
import type { Category } from './policy.ts';
import type { PortfolioProgress, ProgressInput, ProgressStatus, ProgressTerms } from './progress.ts';
import { byCategoryOf, PLANNED, ProgressSums, REALISED, SLOTS, statuses, VERIFIED } from './progress-sums.ts';

/**
 * The progress of a whole portfolio (a municipality's dashboard, an export), summed contract by
 * contract and value by value, without a `Progress` object per contract or a list of valued
 * items: the fast path for large portfolios. The result equals `portfolioProgress` of `computeProgress`
 * of each contract, and every value is checked and refused like there (same issues, same field names
 * as long as each contract's values come list by list: planned, then realised, then verified).
 *
 * @example
 * const portfolio = new PortfolioAccumulator('2026-07-02');
 * for (const c of contracts) {
 *   portfolio.startContract({ obligationCents: c.obligationCents, startDate: c.startDate, endDate: c.endDate, policy });
 *   for (const a of c.activities) {
 *     portfolio.addRealised(a.category, a.valueCents);
 *     if (a.verified) portfolio.addVerified(a.category, a.valueCents);
 *   }
 *   portfolio.finishContract(); // its status
 * }
 * portfolio.result(); // { contracts, obligationCents, realisedCents, …, byCategory, byStatus }
 */
export class PortfolioAccumulator {
  readonly #asOfDay: number;
  readonly #sums = new ProgressSums();
  readonly #one = new Float64Array(SLOTS);
  readonly #totals = new Float64Array(SLOTS);
  readonly #byStatus = [0, 0, 0, 0];
  #contracts = 0;

  /** An invalid asOf is refused (issue `asOf`) by the first contract, as computeProgress would. */
  constructor(asOf: IsoDate) {
    this.#asOfDay = dayNumberOrNaN(asOf);
  }

  /** Starts a contract: checks its terms (VALIDATION like computeProgress); its values follow. */
  startContract(terms: ProgressTerms): void {
    this.#sums.start(terms, this.#asOfDay);
  }

  /** A value committed in the contract's approved plan. */
  addPlanned(category: Category, valueCents: number): void {
    this.#sums.add(PLANNED, category, valueCents);
  }

  /** A reported value (whatever its verification). */
  addRealised(category: Category, valueCents: number): void {
    this.#sums.add(REALISED, category, valueCents);
  }

  /** A value accepted by the advisor (add it as realised too). */
  addVerified(category: Category, valueCents: number): void {
    this.#sums.add(VERIFIED, category, valueCents);
  }

  /** {@link addRealised} with the category as its {@link categoryCode}: for callers that keep it so. */
  addRealisedCode(categoryCode: number, valueCents: number): void {
    this.#sums.addCode(REALISED, categoryCode, valueCents);
  }

  /** {@link addVerified} with the category as its {@link categoryCode}. */
  addVerifiedCode(categoryCode: number, valueCents: number): void {
    this.#sums.addCode(VERIFIED, categoryCode, valueCents);
  }

  /** Closes the contract, counts it in the portfolio and returns its status. */
  finishContract(): ProgressStatus {
    const r = this.#one;
    const status = this.#sums.finish(r);
    const t = this.#totals;
    for (let i = 0; i < SLOTS; i++) t[i] = (t[i] as number) + (r[i] as number);
    this.#byStatus[status] = (this.#byStatus[status] as number) + 1;
    this.#contracts++;
    return statuses[status] as ProgressStatus;
  }

  /** One contract with its lists, as given to computeProgress; returns its status. */
  add(input: ProgressInput): ProgressStatus {
    const s = this.#sums;
    s.start(input, this.#asOfDay);
    s.addAll(PLANNED, input.planned);
    s.addAll(REALISED, input.realised);
    s.addAll(VERIFIED, input.verified);
    return this.finishContract();
  }

  /** The totals of the contracts finished so far, in the shape of portfolioProgress. */
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
