import { DomainError } from './errors.ts';
import type { Cents } from './money.ts';
import type { ActivityType } from './policy.ts';
import {
  halfYearIndex,
  halfYearIndexEndDay,
  halfYearIndexOfDay,
  halfYearIndexStartDay,
  halfYearText,
} from './dates.ts';
import {
  MAX_MONTHS,
  newContext,
  refuseContext,
  setHalfYear,
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
import { FTE_YEAR, prepareTypes, quickValueCents, type PreparedTypes } from './valuation-quick.ts';

/** What a contract's activities are valued against: everything of a valuation context but the period. */
export type ContractValuationTerms = Omit<ValuationContextInput, 'period'>;

/**
 * The many activities of one contract valued against its terms checked once (domain.md §6): a list
 * page, an import, a portfolio recomputed from its activities. Each value, explanation and refusal is
 * the one {@link valueActivity} gives with the same terms and period; the contract's dates are read
 * once, and so are the parts of its first and last half-year inside the term (every other half-year
 * of the term lies wholly inside it); valuing an activity allocates nothing. One
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
  /**
   * The half-years of the term's first and last day ({@link halfYearIndex}): a half-year between them
   * lies wholly inside the term, and only these two may be partly outside it, so only their part and
   * months are kept (the others are the whole half-year and its 6 months).
   */
  #first = NaN;
  #last = NaN;
  #firstFrom = NaN;
  #firstTo = NaN;
  #firstMonths = NaN;
  #lastFrom = NaN;
  #lastTo = NaN;
  #lastMonths = NaN;
  /** The half-year the context is at ({@link halfYearIndex}), NaN at the whole term. */
  #half = NaN;
  /** The activity types {@link valueCentsAt} values by index ({@link useTypes}). */
  #prepared: PreparedTypes = prepareTypes([]);

  /**
   * Prepares a policy's activity types once (each method as a small number, each rate or share
   * checked), for {@link valueCentsAt}; they serve every contract started after, until replaced. The
   * types must not change afterwards.
   */
  useTypes(types: readonly ActivityType[]): this {
    this.#prepared = prepareTypes(types);
    return this;
  }

  /** Checks a contract's terms once; refuses them (VALIDATION) as {@link valuationContext} would. */
  start(terms: ContractValuationTerms): this {
    this.#terms = undefined;
    this.#first = NaN; // no period is inside the terms until they are checked
    this.#last = NaN;
    this.#half = NaN;
    const ctx = this.#ctx;
    setTerms(ctx, terms);
    if (!termValid(ctx, terms)) refuseContext(terms, ctx, true);
    this.#first = halfYearIndexOfDay(ctx.startDay);
    this.#last = halfYearIndexOfDay(ctx.endDay);
    this.#firstMonths = NaN; // their parts are worked out when first asked for
    this.#lastMonths = NaN;
    setPeriod(ctx, undefined); // the whole term until a period is asked for
    this.#half = NaN;
    this.#terms = terms;
    return this;
  }

  /** Moves the context to `period` (the whole term without one); refuses a period outside the term. */
  #at(period: string | undefined): MutableContext {
    const ctx = this.#ctx;
    if (period === ctx.period && this.#terms !== undefined) return ctx;
    const half = period === undefined ? NaN : halfYearIndex(period);
    if (half >= this.#first && half <= this.#last) return this.#moveTo(half, period as string);
    return this.#other(period);
  }

  /** Moves the context to the half-year numbered `half` ({@link halfYearIndex}); refuses one outside the term. */
  #atHalf(half: number): MutableContext {
    const ctx = this.#ctx;
    if (half === this.#half) return ctx;
    if (half >= this.#first && half <= this.#last && (half | 0) === half)
      return this.#moveTo(half, halfYearText(half) as string);
    return this.#other(halfYearText(half) ?? String(half));
  }

  /** Moves the context to a half-year of the term: `half`, written `period`. */
  #moveTo(half: number, period: string): MutableContext {
    const ctx = this.#ctx;
    if (half > this.#first && half < this.#last) {
      ctx.fromDay = halfYearIndexStartDay(half);
      ctx.toDay = halfYearIndexEndDay(half);
      ctx.maxMonths = MAX_MONTHS;
    } else if (half === this.#first) {
      if (Number.isNaN(this.#firstMonths)) return this.#edge(half, period);
      ctx.fromDay = this.#firstFrom;
      ctx.toDay = this.#firstTo;
      ctx.maxMonths = this.#firstMonths;
    } else {
      if (Number.isNaN(this.#lastMonths)) return this.#edge(half, period);
      ctx.fromDay = this.#lastFrom;
      ctx.toDay = this.#lastTo;
      ctx.maxMonths = this.#lastMonths;
    }
    ctx.period = period;
    this.#half = half;
    return ctx;
  }

  /** The first or last half-year of the term, asked for the first time: its part inside the term, kept. */
  #edge(half: number, period: string): MutableContext {
    const ctx = this.#ctx;
    setHalfYear(ctx, half, period);
    if (half === this.#first) {
      this.#firstFrom = ctx.fromDay;
      this.#firstTo = ctx.toDay;
      this.#firstMonths = ctx.maxMonths;
    } else {
      this.#lastFrom = ctx.fromDay;
      this.#lastTo = ctx.toDay;
      this.#lastMonths = ctx.maxMonths;
    }
    this.#half = half;
    return ctx;
  }

  /** No period (the whole term), or one refused: not a half-year, or outside the term. */
  #other(period: string | undefined): MutableContext {
    const terms = this.#terms;
    if (terms === undefined)
      throw new DomainError('INVALID_STATE', 'Start a contract before valuing its activities.');
    const ctx = this.#ctx;
    if (period === undefined) {
      setPeriod(ctx, undefined);
      this.#half = NaN;
      return ctx;
    }
    const probe = newContext(terms);
    const ok = setPeriod(probe, period);
    refuseContext({ ...terms, period }, probe, ok); // not a half-year, or one outside the term
  }

  /** The value in cents, as {@link activityValueCents} in this contract and period; throws like it. */
  valueCents(type: ActivityType, input: ActivityInput, period?: string): Cents {
    const r = evaluate(type, input, this.#at(period));
    if (refused()) refuseActivity(type);
    return r as Cents;
  }

  /**
   * {@link valueCents} with the period given as its {@link halfYearIndex}: for a caller that holds its
   * half-years as numbers (a loop over many activities reads each period's text once, or never).
   */
  valueCentsInHalf(type: ActivityType, input: ActivityInput, half: number): Cents {
    const r = evaluate(type, input, this.#atHalf(half));
    if (refused()) refuseActivity(type);
    return r as Cents;
  }

  /**
   * {@link valueCentsInHalf} of the activity type at `index` of those given to {@link useTypes}: the
   * same value or refusal. A valid input of a type valued by FTE-year, unit, hour or amount is valued
   * without moving the context (`valuation-quick.ts`); anything else takes the path of valueCentsInHalf.
   */
  valueCentsAt(index: number, input: ActivityInput, half: number): Cents {
    const p = this.#prepared;
    const method = p.method[index] as number; // undefined past the end: not quick
    if (half >= this.#first && half <= this.#last && (half | 0) === half) {
      const months = method === FTE_YEAR ? this.#monthsIn(half) : MAX_MONTHS;
      const v = quickValueCents(method, p.factor[index] as number, input, months);
      if (v === v) return v as Cents; // not NaN
    }
    const type = p.types[index];
    if (type === undefined)
      throw new DomainError(
        'INVALID_STATE',
        `No activity type ${index}: give the policy's activity types (useTypes) before valuing by index.`,
      );
    return this.valueCentsInHalf(type, input, half);
  }

  /** The months an activity may have in half-year `half` of the term, in hundredths. */
  #monthsIn(half: number): number {
    if (half > this.#first && half < this.#last) return MAX_MONTHS;
    const known = half === this.#first ? this.#firstMonths : this.#lastMonths;
    return Number.isNaN(known) ? this.#edge(half, halfYearText(half) as string).maxMonths : known;
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
