import { invalid, type Issue } from './errors.ts';
import { euroIn, formatBp, mulDivRound, type Cents, type Lang } from './money.ts';

/** What an ended contract owes (domain.md §12). */
export interface SettlementFigures {
  obligationCents: Cents;
  /** Verified value after caps, plus any surplus carried in from another contract. */
  countedCents: Cents;
  shortfallCents: Cents;
  /** shortfall × penaltyFactorBp / 10 000, rounded once; 0 without a factor. */
  penaltyCents: Cents;
  /** What was verified beyond the obligation (may be carried over, explicitly). */
  surplusCents: Cents;
}

/**
 * shortfall = max(0, obligation − verified − carried in); penalty = shortfall × factor, rounded
 * once half away from zero; surplus = max(0, verified + carried in − obligation).
 * @example settlementFigures({ obligationCents: 1_000_000, verifiedCents: 600_000, penaltyFactorBp: 15_000 })
 * // { shortfallCents: 400_000, penaltyCents: 600_000, surplusCents: 0, … }
 */
export function settlementFigures(input: {
  obligationCents: number;
  verifiedCents: number;
  carriedInCents?: number | undefined;
  penaltyFactorBp?: number | undefined;
}): SettlementFigures {
  const counted = input.verifiedCents + (input.carriedInCents ?? 0);
  const shortfall = Math.max(0, input.obligationCents - counted);
  const factor = input.penaltyFactorBp ?? 0;
  return {
    obligationCents: input.obligationCents as Cents,
    countedCents: counted as Cents,
    shortfallCents: shortfall as Cents,
    penaltyCents: mulDivRound(shortfall, factor, 1, 10_000),
    surplusCents: Math.max(0, counted - input.obligationCents) as Cents,
  };
}

export const settlementDecisions = ['impose', 'reduce', 'waive'] as const;
export type SettlementDecision = (typeof settlementDecisions)[number];

export interface SettlementChoice {
  decision: SettlementDecision;
  /** Required for `reduce` (less than the computed penalty); `impose` takes the computed penalty. */
  penaltyCents?: number | undefined;
  note: string;
  carryOver?: { contractId: string; amountCents: number; reason: string } | undefined;
}

/**
 * Checks the advisor's decision against the figures and returns the penalty that stands: `impose`
 * the computed one, `reduce` a lower amount with a reason, `waive` none. A carry-over takes at most
 * the surplus, with a reason. Every refused field is named.
 */
export function decidePenalty(figures: SettlementFigures, choice: SettlementChoice): Cents {
  const issues: Issue[] = [];
  const p = choice.penaltyCents;
  const computed = figures.penaltyCents;
  if (!choice.note.trim()) issues.push({ name: 'note', reason: 'is required: say why' });
  if (choice.decision === 'impose' && p !== undefined && p !== computed)
    issues.push({
      name: 'penaltyCents',
      reason: `impose takes the computed penalty of ${euroIn('en', computed)}; use reduce for a lower amount`,
    });
  if (choice.decision === 'waive' && p !== undefined && p !== 0)
    issues.push({ name: 'penaltyCents', reason: 'a waived penalty is 0' });
  if (choice.decision === 'reduce') {
    if (p === undefined) issues.push({ name: 'penaltyCents', reason: 'is required to reduce the penalty' });
    else if (!Number.isSafeInteger(p) || p < 0)
      issues.push({ name: 'penaltyCents', reason: 'must be whole cents, not negative' });
    else if (p >= computed)
      issues.push({
        name: 'penaltyCents',
        reason: `must be less than the computed penalty of ${euroIn('en', computed)}`,
      });
  }
  const c = choice.carryOver;
  if (c) {
    if (!Number.isSafeInteger(c.amountCents) || c.amountCents <= 0)
      issues.push({ name: 'carryOver.amountCents', reason: 'must be whole cents, more than 0' });
    else if (c.amountCents > figures.surplusCents)
      issues.push({
        name: 'carryOver.amountCents',
        reason: `must not exceed the surplus of ${euroIn('en', figures.surplusCents)}`,
      });
    if (!c.reason.trim()) issues.push({ name: 'carryOver.reason', reason: 'is required: say why' });
  }
  if (issues.length) throw invalid('The settlement cannot be recorded.', issues);
  if (choice.decision === 'impose') return computed;
  if (choice.decision === 'waive') return 0 as Cents;
  return p as Cents;
}

/** The arithmetic of the figures, to check by hand. */
export function explainSettlement(
  f: SettlementFigures,
  factorBp: number | undefined,
  carriedInCents: number,
  lang: Lang,
): string {
  const e = (c: number) => euroIn(lang, c);
  const nl = lang === 'nl';
  const carried = carriedInCents ? ` − ${e(carriedInCents)} ${nl ? 'overgeheveld' : 'carried in'}` : '';
  const verified = e(f.countedCents - carriedInCents);
  const shortfall = nl
    ? `tekort = max(0, ${e(f.obligationCents)} verplichting − ${verified} geverifieerd${carried}) = ${e(f.shortfallCents)}`
    : `shortfall = max(0, ${e(f.obligationCents)} obligation − ${verified} verified${carried}) = ${e(f.shortfallCents)}`;
  const penalty =
    factorBp === undefined
      ? nl
        ? 'geen boetefactor in het beleid: boete € 0,00'
        : 'no penalty factor in the policy: penalty €0,00'
      : `${nl ? 'boete' : 'penalty'} = ${e(f.shortfallCents)} × ${formatBp(factorBp)} = ${e(f.penaltyCents)}`;
  return `${shortfall}; ${penalty}`;
}
