/**
 * The checks and arithmetic of valuing one activity (domain.md §6), without its explanation: the
 * value in cents, or NaN with the issues that say why. Internal: `valuation.ts` and
 * `contract-valuation.ts` give it to callers.
 */
import { invalid, type Issue } from './errors.ts';
import { dayNumberOrNaN, fromDayNumber } from './dates.ts';
import { formatEuro, formatHundredths, mulDivRound, toHundredths } from './money.ts';
import type { ActivityType } from './policy.ts';
import { targetGroupTerms, targetGroupValueCents, type TargetGroupTerms } from './target-groups.ts';
import { MAX_MONTHS, type ActivityInput, type ValuationContext } from './valuation-context.ts';

const quantityFields = [
  'fte',
  'months',
  'units',
  'hours',
  'amountCents',
  'validFrom',
  'validTo',
  'targetGroup',
  'hoursPerWeek',
  'bonuses',
] as const;

/** Bit i stands for quantityFields[i]: the fields given (not undefined or null). */
export function fieldMask(i: ActivityInput): number {
  return (
    (given(i.fte) ? 1 : 0) |
    (given(i.months) ? 2 : 0) |
    (given(i.units) ? 4 : 0) |
    (given(i.hours) ? 8 : 0) |
    (given(i.amountCents) ? 16 : 0) |
    (given(i.validFrom) ? 32 : 0) |
    (given(i.validTo) ? 64 : 0) |
    (given(i.targetGroup) ? 128 : 0) |
    (given(i.hoursPerWeek) ? 256 : 0) |
    (given(i.bonuses) ? 512 : 0)
  );
}

/** Not undefined or null: two comparisons of the value itself (`!= null` reads an object's map too). */
function given(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/**
 * The issues of the evaluation in progress: a module-level slot, so that {@link evaluate} allocates
 * nothing for a valid input and returns a plain number. Only evaluate sets and clears it (it calls no
 * outside code), so it cannot be overwritten before it is read.
 */
let pending: Issue[] | undefined;
/** The terms of the last `targetGroupYear` evaluation, for its explanation. */
let lastTerms: TargetGroupTerms | undefined;

function push(name: string, reason: string): void {
  (pending ??= []).push({ name, reason });
}

/**
 * Upper bounds (decision 009): no activity is worth more than €10 billion, the API's amount limit (and
 * far beyond any contract); units and hours are bounded far above any real report, so that a typing
 * error (10,000,000 internships) is refused with a reason instead of counting billions.
 */
export const MAX_VALUE_CENTS = 1_000_000_000_000;
/** Units in one activity (internships, places): a report of more should be split. */
export const MAX_UNITS = 100_000;
/** Hours in one activity, in hundredths: 1,000,000 hours is about 550 people full time for a half-year. */
export const MAX_HOURS = 100_000_000;

function boundReason(name: string, max: number): string {
  if (name === 'amountCents') return `must be at most ${formatEuro(max)}, the most one activity can be worth`;
  return `must be at most ${name === 'hours' ? formatHundredths(max) : formatHundredths(max * 100)} in one activity (split a larger report)`;
}

/*
 * Each check below accepts in one small test, which the compiler inlines into the loop over
 * activities, and leaves saying why it refuses (the text of the issue) to a function of its own that
 * only a refused input reaches.
 */

/** Quantity with at most 2 decimals in (0, max]; NaN after recording an issue. */
function quantity(v: unknown, name: string, max: number): number {
  const h = toHundredths(v as number); // NaN for anything but a number
  if (h > 0 && !(h > max)) return h;
  quantityRefused(v, name, max, h);
  return NaN;
}

function quantityRefused(v: unknown, name: string, max: number, h: number): void {
  if (v === undefined || v === null) push(name, 'is required');
  else if (Number.isNaN(h)) push(name, 'must be a number with at most 2 decimals');
  else if (h <= 0) push(name, 'must be more than 0');
  else push(name, name === 'hours' ? boundReason(name, max) : `must be at most ${formatHundredths(max)}`);
}

/** A whole number in (0, max]; NaN after recording an issue (`reason` when it is not whole). */
function wholePositive(v: unknown, name: string, reason: string, max: number): number {
  if (Number.isSafeInteger(v) && (v as number) > 0 && !((v as number) > max)) return v as number;
  wholePositiveRefused(v, name, reason, max);
  return NaN;
}

function wholePositiveRefused(v: unknown, name: string, reason: string, max: number): void {
  if (v === undefined || v === null) push(name, 'is required');
  else if (typeof v !== 'number' || !Number.isSafeInteger(v)) push(name, reason);
  else if (v <= 0) push(name, 'must be more than 0');
  else push(name, boundReason(name, max));
}

/** Says why `months` is limited below 6: the period is only partly inside the term. */
function explainMonthLimit(ctx: ValuationContext): void {
  const last = pending?.at(-1);
  if (last?.name !== 'months' || !last.reason.startsWith('must be at most')) return;
  last.reason +=
    `: ${ctx.period} has ${formatHundredths(ctx.maxMonths)} months within the contract term` +
    ` (${fromDayNumber(ctx.fromDay)} – ${fromDayNumber(ctx.toDay)}; a partial month counts by its days, rounded up to hundredths)`;
}

/** Certificate days inside the term (and period); NaN after recording an issue. */
function coveredDays(input: ActivityInput, ctx: ValuationContext): number {
  const from = input.validFrom === undefined ? NaN : dayNumberOrNaN(input.validFrom);
  const to = input.validTo === undefined ? NaN : dayNumberOrNaN(input.validTo);
  if (Number.isNaN(from))
    push('validFrom', input.validFrom === undefined ? 'is required' : 'must be a real date (YYYY-MM-DD)');
  if (Number.isNaN(to))
    push('validTo', input.validTo === undefined ? 'is required' : 'must be a real date (YYYY-MM-DD)');
  if (Number.isNaN(from) || Number.isNaN(to)) return NaN;
  if (to < from) {
    push('validTo', 'must not be before validFrom');
    return NaN;
  }
  if (!Number.isNaN(ctx.reportedOnDay) && (ctx.reportedOnDay < from || ctx.reportedOnDay > to)) {
    push('validTo', `the certificate is not valid on the report date ${fromDayNumber(ctx.reportedOnDay)}`);
    return NaN;
  }
  const a = from > ctx.fromDay ? from : ctx.fromDay;
  const b = to < ctx.toDay ? to : ctx.toDay;
  if (a > b) {
    const where = ctx.period === undefined ? 'the contract term' : `${ctx.period} within the contract term`;
    push('validFrom', `the certificate is not valid in ${where}`);
    return NaN;
  }
  return b - a + 1;
}

function rateOf(type: ActivityType): number {
  const r = type.rateCents;
  if (Number.isSafeInteger(r) && (r as number) >= 0) return r as number;
  return refusedType('rateCents', type, 'rate');
}

function shareOf(type: ActivityType, fallback?: number): number {
  const s = type.shareBp ?? fallback;
  if (Number.isSafeInteger(s) && (s as number) >= 0 && (s as number) <= 10_000) return s as number;
  return refusedType('shareBp', type, 'share');
}

/** Records that the activity type lacks a valid rate or share; NaN. */
function refusedType(name: string, type: ActivityType, what: string): number {
  push(name, `activity type ${type.code} has no valid ${what}`);
  return NaN;
}

/**
 * The value in cents, or NaN with the issues left in {@link pending} (the caller takes them with
 * {@link takeIssues}). Allocation-free when the input is valid.
 */
export function evaluate(type: ActivityType, input: ActivityInput, ctx: ValuationContext): number {
  pending = undefined;
  let v = NaN;
  let allowed: number; // bit i stands for quantityFields[i]: the fields the method reads
  switch (type.method) {
    case 'fteYear': {
      allowed = 0b0000011;
      const fte = quantity(input.fte, 'fte', 150);
      const months = quantity(input.months, 'months', ctx.maxMonths);
      if (months !== months && ctx.maxMonths < MAX_MONTHS) explainMonthLimit(ctx); // NaN: refused
      const rate = rateOf(type);
      if (pending === undefined) v = mulDivRound(rate, fte, months, 120_000);
      break;
    }
    case 'unit': {
      allowed = 0b0000100;
      const units = wholePositive(input.units, 'units', 'must be a whole number', MAX_UNITS);
      const rate = rateOf(type);
      if (pending === undefined) v = mulDivRound(rate, units, 1, 1);
      break;
    }
    case 'hour': {
      allowed = 0b0001000;
      const hours = quantity(input.hours, 'hours', MAX_HOURS);
      const rate = rateOf(type);
      if (pending === undefined) v = mulDivRound(rate, hours, 1, 100);
      break;
    }
    case 'spendShare':
    case 'money': {
      allowed = 0b0010000;
      const amount = wholePositive(input.amountCents, 'amountCents', 'must be whole cents', MAX_VALUE_CENTS);
      const share = shareOf(type, type.method === 'money' ? 10_000 : undefined);
      if (pending === undefined) v = mulDivRound(amount, share, 1, 10_000);
      break;
    }
    case 'obligationShare': {
      allowed = 0b1100000;
      const covered = coveredDays(input, ctx);
      const share = shareOf(type);
      if (pending === undefined) v = mulDivRound(share, ctx.obligationCents, covered, 10_000 * ctx.termDays);
      break;
    }
    case 'targetGroupYear': {
      allowed = 0b1110000010;
      const issues: Issue[] = [];
      const terms = targetGroupTerms(ctx.scale ?? {}, input, ctx.maxMonths, issues);
      for (const x of issues) push(x.name, x.reason);
      lastTerms = terms;
      if (terms) v = targetGroupValueCents(terms);
      break;
    }
    default:
      push('method', `unknown method ${String(type.method)}`);
      return NaN;
  }
  const extra = fieldMask(input) & ~allowed;
  if (extra !== 0)
    for (let i = 0; i < quantityFields.length; i++)
      if (extra & (1 << i)) push(quantityFields[i] as string, `does not apply to method ${type.method}`);
  // the bound is judged only on inputs that are otherwise valid
  if (pending === undefined && v > MAX_VALUE_CENTS)
    push(
      'valueCents',
      `${formatEuro(v)} is more than ${formatEuro(MAX_VALUE_CENTS)}, the most one activity can be worth`,
    );
  return pending === undefined ? v : NaN;
}

/** The issues of the last failed {@link evaluate}, clearing the slot. */
export function takeIssues(): Issue[] {
  const issues = pending ?? [];
  pending = undefined;
  return issues;
}

/** True when the last {@link evaluate} refused its input (its issues wait for {@link takeIssues}). */
export function refused(): boolean {
  return pending !== undefined;
}

/** The terms of the last `targetGroupYear` evaluation, clearing the slot. */
export function takeTerms(): TargetGroupTerms | undefined {
  const terms = lastTerms;
  lastTerms = undefined;
  return terms;
}

/** Throws the refusal of an activity with the issues the last {@link evaluate} left. */
export function refuseActivity(type: ActivityType): never {
  throw invalid(`The activity cannot be valued as ${type.code}.`, takeIssues());
}
