import type { IsoDate } from './dates.ts';
import type { Cents } from './money.ts';
import type { Category, Policy } from './policy.ts';

/** The shapes of progress (domain.md §4, §7), apart from the code that computes them. */
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
  policy?: Pick<Policy, 'behindToleranceBp' | 'categoryCapsBp' | 'penaltyFactorBp'> | undefined;
  toleranceBp?: number | undefined;
  categoryCapsBp?: Partial<Record<Category, number>> | undefined;
  /**
   * The expected value at the date when it does not follow the term pro rata: a framework contract
   * on invoiced value passes {@link invoicedPace} (decision 022).
   */
  expectedCents?: number | undefined;
}

/** A contract's terms as progress needs them: {@link ProgressInput} without its lists. */
export type ProgressTerms = Omit<ProgressInput, 'planned' | 'realised' | 'verified'>;

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
  /** After the end date only (domain.md §12): max(0, obligation − verified). */
  shortfallCents?: Cents | undefined;
  /** After the end date only: shortfall × the policy's penaltyFactorBp (0 without one). */
  penaltyCents?: Cents | undefined;
}
