import { DomainError } from './errors.ts';
import type { Cents } from './money.ts';
import type { ActivityType } from './policy.ts';
import {
  newContext,
  refuseContext,
  setPeriod,
  setTerms,
  termValid,
  type ActivityInput,
  type MutableContext,
  type ValuationContext,
  type ValuationContextInput,
} from './valuation-context.ts';
import { evaluate, refuseActivity, refused, takeTerms } from './valuation-evaluate.ts';
import { explainedValuation, type Valuation } from './valuation-explain.ts';

/** What a contract's activities are valued against: everything of a valuation context but the period. */
export type ContractValuationTerms = Omit<ValuationContextInput, 'period'>;

/**
 * The many activities of one contract valued against its terms checked once (domain.md §6): a list
 * page, an import, a portfolio recomputed from its activities. Each value, explanation and refusal is
 * the one {@link valueActivity} gives with the same terms and period; the contract's dates are read
 * once and each half-year's part of the term once, and valuing an activity allocates nothing. One
 * object serves contract after contract ({@link start} resets it).
 *
 * @example
 * const valuer = new ContractValuation();
 * for (const c of contracts) {
 *   valuer.start({ contractStart: c.startDate, contractEnd: c.endDate, obligationCents: c.obligationCents, policyVersion: 3 });
 *   for (const a of c.activities) total += valuer.valueCents(a.type, a, a.period); // as activityValueCents
 *   valuer.valuation(type, input, '2026-H1'); // as valueActivity: with rule and explanation
 * }
 */
export class ContractValuation {
  #terms: ContractValuationTerms | undefined = undefined;
  /** The one context this object values in, moved from period to period. */
  readonly #ctx: MutableContext = newContext({ contractStart: '', contractEnd: '', obligationCents: 0 });
  /** The periods of this contract seen so far (the first #seen), their part of the term and months. */
  #seen = 0;
  readonly #periods: (string | undefined)[] = [];
  readonly #from: number[] = [];
  readonly #to: number[] = [];
  readonly #maxMonths: number[] = [];

  /** Checks a contract's terms once; refuses them (VALIDATION) as {@link valuationContext} would. */
  start(terms: ContractValuationTerms): this {
    this.#terms = undefined;
    this.#seen = 0; // the lists keep their room from contract to contract
    const ctx = this.#ctx;
    setTerms(ctx, terms);
    if (!termValid(ctx, terms)) refuseContext(terms, ctx, true);
    this.#terms = terms;
    return this;
  }

  /** Moves the context to `period` (the whole term without one); refuses a period outside the term. */
  #at(period: string | undefined): MutableContext {
    const ctx = this.#ctx;
    if (period === ctx.period && this.#terms !== undefined) return ctx;
    const periods = this.#periods;
    for (let i = 0; i < this.#seen; i++)
      if (periods[i] === period) {
        ctx.fromDay = this.#from[i] as number;
        ctx.toDay = this.#to[i] as number;
        ctx.maxMonths = this.#maxMonths[i] as number;
        ctx.period = period;
        return ctx;
      }
    return this.#add(period);
  }

  /** A period not seen before in this contract (apart, so that {@link #at} stays small). */
  #add(period: string | undefined): MutableContext {
    const terms = this.#terms;
    if (terms === undefined)
      throw new DomainError('INVALID_STATE', 'Start a contract before valuing its activities.');
    const ctx = this.#ctx;
    const ok = setPeriod(ctx, period);
    if (!ok || ctx.fromDay > ctx.toDay) {
      const seen = { ...ctx }; // with the bounds of a period outside the term, for its issue
      setPeriod(ctx, undefined); // the context stays usable after a refused period
      refuseContext({ ...terms, period }, seen, ok);
    }
    const i = this.#seen++;
    this.#periods[i] = period;
    this.#from[i] = ctx.fromDay;
    this.#to[i] = ctx.toDay;
    this.#maxMonths[i] = ctx.maxMonths;
    return ctx;
  }

  /** The value in cents, as {@link activityValueCents} in this contract and period; throws like it. */
  valueCents(type: ActivityType, input: ActivityInput, period?: string): Cents {
    const r = evaluate(type, input, this.#at(period));
    if (refused()) refuseActivity(type);
    return r as Cents;
  }

  /** The value with its rule and explanations, as {@link valueActivity} in this contract and period. */
  valuation(type: ActivityType, input: ActivityInput, period?: string): Valuation {
    const ctx = this.#at(period);
    const r = evaluate(type, input, ctx);
    if (refused()) refuseActivity(type);
    return explainedValuation(type, input, ctx, r, takeTerms());
  }

  /** A copy of the context of `period`, as {@link valuationContext} gives it. */
  context(period?: string): ValuationContext {
    return { ...this.#at(period) };
  }
}
