/**
 * Valuing one activity (domain.md §6): its context (valuation-context.ts), its checks and arithmetic
 * (valuation-evaluate.ts) and its explanation (valuation-explain.ts). For the many activities of one
 * contract, `ContractValuation` (contract-valuation.ts) prepares the contract once.
 */
import type { Cents } from './money.ts';
import type { ActivityType } from './policy.ts';
import {
  valuationContext,
  type ActivityInput,
  type ValuationContext,
  type ValuationContextInput,
} from './valuation-context.ts';
import { evaluate, refuseActivity, refused, takeTerms } from './valuation-evaluate.ts';
import { explainedValuation, type Valuation } from './valuation-explain.ts';

export {
  valuationContext,
  type ActivityInput,
  type ValuationContext,
  type ValuationContextInput,
} from './valuation-context.ts';
export { MAX_HOURS, MAX_UNITS, MAX_VALUE_CENTS } from './valuation-evaluate.ts';
export type { Valuation } from './valuation-explain.ts';

function contextOf(ctx: ValuationContext | ValuationContextInput): ValuationContext {
  return 'termDays' in ctx ? ctx : valuationContext(ctx);
}

/**
 * The value in cents only, for loops over many activities: the same checks and the same arithmetic as
 * {@link valueActivity}, without building the explanation. Throws VALIDATION like it.
 */
export function activityValueCents(type: ActivityType, input: ActivityInput, ctx: ValuationContext): Cents {
  const r = evaluate(type, input, ctx);
  if (refused()) refuseActivity(type);
  return r as Cents;
}

/**
 * Values one activity (domain.md §6), rounded once, with the rule and an explanation to check by hand,
 * in English and Dutch. Invalid input throws VALIDATION with an issue per field (`fte`, `months`, …).
 * @example valueActivity(jobBenefits, { fte: 1, months: 6 }, ctx)
 * // { valueCents: 1_750_000, ruleId: 'fteYear:job-benefits', explanation: '1 FTE × 6 months / 12 × €35.000,00 = €17.500,00',
 * //   explanationNl: '1 FTE × 6 maanden / 12 × € 35.000,00 = € 17.500,00' }
 */
export function valueActivity(
  type: ActivityType,
  input: ActivityInput,
  context: ValuationContext | ValuationContextInput,
): Valuation {
  const ctx = contextOf(context);
  const r = evaluate(type, input, ctx);
  if (refused()) refuseActivity(type);
  return explainedValuation(type, input, ctx, r, takeTerms());
}
