/**
 * The context an activity is valued in (domain.md §6): the contract's term and obligation, the
 * half-year it is reported in, the report date and the policy version. Checked once, with its dates
 * as day numbers, and shared by `valueActivity`, `activityValueCents` and `ContractValuation`.
 */
import { invalid, type Issue } from './errors.ts';
import {
  dayNumberOrNaN,
  halfYearIndex,
  halfYearIndexEndDay,
  halfYearIndexStartDay,
  halfYearMonthsWithinHundredths,
  type HalfYear,
  type IsoDate,
} from './dates.ts';
import type { TargetGroupScale } from './target-groups.ts';

/** The quantities of one reported activity; which ones apply depends on the method (domain.md §6). */
export interface ActivityInput {
  fte?: number | undefined;
  months?: number | undefined;
  units?: number | undefined;
  hours?: number | undefined;
  amountCents?: number | undefined;
  validFrom?: IsoDate | undefined;
  validTo?: IsoDate | undefined;
  /** `targetGroupYear` (domain.md §11): the candidate's group, hours a week and bonus codes. */
  targetGroup?: string | undefined;
  hoursPerWeek?: number | undefined;
  bonuses?: readonly string[] | undefined;
  /** `targetGroupYear`: months the candidate already counts in the group (supplied by the database). */
  monthsCountedBefore?: number | undefined;
}

export interface ValuationContextInput {
  contractStart: IsoDate;
  contractEnd: IsoDate;
  /** The contract's obligation (for `obligationShare`). */
  obligationCents: number;
  /** The half-year the activity is reported in; without it, a certificate is valued over the whole term. */
  period?: HalfYear | string | undefined;
  /** The date the activity is reported: a certificate must be valid on it. */
  reportedOn?: IsoDate | undefined;
  policyVersion?: string | number | undefined;
  /** The policy's target groups, bonuses and working week (for `targetGroupYear`). */
  scale?: TargetGroupScale | undefined;
}

/** A checked context with its dates as day numbers: build it once per contract and period. */
export interface ValuationContext {
  readonly startDay: number;
  readonly endDay: number;
  readonly termDays: number;
  readonly obligationCents: number;
  /** The part of the period inside the term (the whole term without a period). */
  readonly fromDay: number;
  readonly toDay: number;
  readonly period: string | undefined;
  /** NaN when not given. */
  readonly reportedOnDay: number;
  readonly versionSuffix: string;
  /** The most `months` an fteYear activity may have: those of the period inside the term, in hundredths. */
  readonly maxMonths: number;
  readonly scale: TargetGroupScale | undefined;
}

/** A context the domain fills in place (ContractValuation keeps one and moves it from period to period). */
export type MutableContext = { -readonly [K in keyof ValuationContext]: ValuationContext[K] };

/** 6 months, in hundredths: a half-year (domain.md §6). */
export const MAX_MONTHS = 600;

/**
 * The one place a context object is made, so that every context has the same shape and the code that
 * reads them sees one kind of object. Its period is the whole term until {@link setPeriod}.
 */
export function newContext(input: Omit<ValuationContextInput, 'period'>): MutableContext {
  const ctx: MutableContext = {
    startDay: NaN,
    endDay: NaN,
    termDays: NaN,
    obligationCents: 0,
    fromDay: NaN,
    toDay: NaN,
    period: undefined,
    reportedOnDay: NaN,
    versionSuffix: '',
    maxMonths: MAX_MONTHS,
    scale: undefined,
  };
  setTerms(ctx, input);
  return ctx;
}

/** Moves a context to other terms (not yet checked: see {@link termValid}), over the whole term. */
export function setTerms(ctx: MutableContext, input: Omit<ValuationContextInput, 'period'>): void {
  const startDay = dayNumberOrNaN(input.contractStart);
  const endDay = dayNumberOrNaN(input.contractEnd);
  ctx.startDay = startDay;
  ctx.endDay = endDay;
  ctx.termDays = endDay - startDay + 1;
  ctx.obligationCents = input.obligationCents;
  ctx.reportedOnDay = input.reportedOn === undefined ? NaN : dayNumberOrNaN(input.reportedOn);
  ctx.versionSuffix = input.policyVersion === undefined ? '' : `@${input.policyVersion}`;
  ctx.scale = input.scale;
  setPeriod(ctx, undefined);
}

/** True when the term, obligation and report date of a context are valid (the period apart). */
export function termValid(ctx: ValuationContext, input: Omit<ValuationContextInput, 'period'>): boolean {
  return (
    ctx.endDay >= ctx.startDay && // also false when either is NaN
    Number.isSafeInteger(ctx.obligationCents) &&
    ctx.obligationCents >= 0 &&
    (input.reportedOn === undefined || !Number.isNaN(ctx.reportedOnDay))
  );
}

/**
 * Moves a context to a half-year (or to the whole term without one): the part of it inside the term
 * and the months it allows. False when `period` is not a half-year (the context is then left as it
 * was); a period outside the term leaves fromDay > toDay.
 */
export function setPeriod(ctx: MutableContext, period: string | undefined): boolean {
  if (period === undefined) {
    ctx.fromDay = ctx.startDay;
    ctx.toDay = ctx.endDay;
    ctx.maxMonths = MAX_MONTHS;
    ctx.period = undefined;
    return true;
  }
  const half = halfYearIndex(period);
  if (Number.isNaN(half)) return false;
  setHalfYear(ctx, half, period);
  return true;
}

/** {@link setPeriod} to the half-year `period` whose {@link halfYearIndex} is `half`. */
export function setHalfYear(ctx: MutableContext, half: number, period: string): void {
  const ps = halfYearIndexStartDay(half);
  const pe = halfYearIndexEndDay(half);
  const fromDay = ps > ctx.startDay ? ps : ctx.startDay;
  const toDay = pe < ctx.endDay ? pe : ctx.endDay;
  // a term that covers the whole half-year allows its 6 months; otherwise count the months inside
  ctx.maxMonths =
    (fromDay !== ps || toDay !== pe) && fromDay <= toDay
      ? halfYearMonthsWithinHundredths(half, fromDay, toDay)
      : MAX_MONTHS;
  ctx.fromDay = fromDay;
  ctx.toDay = toDay;
  ctx.period = period;
}

/**
 * Checks a valuation context once; refuses a period outside the contract term.
 * @example valuationContext({ contractStart: '2026-01-01', contractEnd: '2027-12-31', obligationCents: 2_500_000, period: '2026-H1' })
 */
export function valuationContext(input: ValuationContextInput): ValuationContext {
  const ctx = newContext(input);
  const periodOk = setPeriod(ctx, input.period);
  if (!termValid(ctx, input) || !periodOk || ctx.fromDay > ctx.toDay) refuseContext(input, ctx, periodOk);
  return ctx;
}

/** Every issue of a context {@link valuationContext} refuses. */
export function refuseContext(input: ValuationContextInput, ctx: ValuationContext, periodOk: boolean): never {
  const { startDay, endDay, fromDay, toDay, reportedOnDay } = ctx;
  const issues: Issue[] = [];
  if (Number.isNaN(startDay))
    issues.push({ name: 'contractStart', reason: 'must be a real date (YYYY-MM-DD)' });
  if (Number.isNaN(endDay)) issues.push({ name: 'contractEnd', reason: 'must be a real date (YYYY-MM-DD)' });
  else if (endDay < startDay)
    issues.push({ name: 'contractEnd', reason: 'must not be before contractStart' });
  if (!Number.isSafeInteger(input.obligationCents) || input.obligationCents < 0)
    issues.push({ name: 'obligationCents', reason: 'must be whole cents, not negative' });
  const termOk = !Number.isNaN(startDay) && !Number.isNaN(endDay) && endDay >= startDay;
  if (!periodOk) issues.push({ name: 'period', reason: 'must be a half-year (YYYY-H1 or YYYY-H2)' });
  else if (termOk && fromDay > toDay)
    issues.push({
      name: 'period',
      reason: `${input.period} is outside the contract term ${input.contractStart} – ${input.contractEnd}`,
    });
  if (input.reportedOn !== undefined && Number.isNaN(reportedOnDay))
    issues.push({ name: 'reportedOn', reason: 'must be a real date (YYYY-MM-DD)' });
  throw invalid('The activity cannot be valued in this context.', issues);
}
