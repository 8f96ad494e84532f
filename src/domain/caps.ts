import { toHundredths, mulDivRound, formatHundredths, type Cents } from './money.ts';
import { categories, type Category, type Policy } from './policy.ts';

export interface CategoryCount {
  totalCents: Cents;
  /** The cap amount, or null when the category has none. */
  capCents: Cents | null;
  countedCents: Cents;
}

export interface CappedTotals {
  byCategory: Record<Category, CategoryCount>;
  countedCents: Cents;
}

/**
 * The cap amount of a category: `capBp × obligation`, rounded like a valuation (domain.md §6).
 * @example categoryCapCents(2_500, 2_500_001) // 625_000 (625 000,25 rounds down)
 */
export function categoryCapCents(capBp: number, obligationCents: number): Cents {
  return mulDivRound(capBp, obligationCents, 1, 10_000);
}

/**
 * What counts per category: `min(sum in category, cap × obligation)` (domain.md §6).
 * @example applyCategoryCaps({ employment: 900_000 }, { categoryCapsBp: { employment: 5_000 } }, 1_000_000)
 * // employment counts 500_000
 */
export function applyCategoryCaps(
  totalsByCategory: Partial<Record<Category, number>>,
  policy: Pick<Policy, 'categoryCapsBp'>,
  obligationCents: number,
): CappedTotals {
  const byCategory = {} as Record<Category, CategoryCount>;
  let counted = 0;
  for (const c of categories) {
    const total = (totalsByCategory[c] ?? 0) as Cents;
    const bp = policy.categoryCapsBp?.[c];
    const cap = bp === undefined ? null : categoryCapCents(bp, obligationCents);
    const countedCents = (cap !== null && total > cap ? cap : total) as Cents;
    byCategory[c] = { totalCents: total, capCents: cap, countedCents };
    counted += countedCents;
  }
  return { byCategory, countedCents: counted as Cents };
}

export type FteCheck = { ok: true; totalFte: number } | { ok: false; reason: string };

/**
 * No double counting (domain.md §6): one candidate counts for at most 1.0 FTE in a half-year across
 * all contracts. `existingFte` is what the candidate already has in that half-year.
 * @example checkCandidateFte(0.6, 0.5) // { ok: false, reason: '… 0,6 + 0,5 = 1,1 FTE …' }
 */
export function checkCandidateFte(existingFte: number, newFte: number): FteCheck {
  const a = toHundredths(existingFte);
  const b = toHundredths(newFte);
  if (Number.isNaN(a) || a < 0)
    return {
      ok: false,
      reason: 'the FTE the candidate already has must be 0 or more, with at most 2 decimals',
    };
  if (Number.isNaN(b) || b <= 0)
    return { ok: false, reason: 'fte must be more than 0, with at most 2 decimals' };
  const total = a + b;
  if (total > 100)
    return {
      ok: false,
      reason: `the candidate would count for ${formatHundredths(a)} + ${formatHundredths(b)} = ${formatHundredths(total)} FTE in this half-year; at most 1 FTE counts across all contracts`,
    };
  return { ok: true, totalFte: total / 100 };
}
