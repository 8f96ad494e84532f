import { invalid, type Issue } from './errors.ts';
import {
  dayNumberOrNaN,
  fromDayNumber,
  halfYearIndex,
  halfYearIndexEndDay,
  halfYearIndexStartDay,
  monthsWithinHundredths,
  type HalfYear,
  type IsoDate,
} from './dates.ts';
import {
  euroIn,
  formatBp,
  formatEuro,
  formatHundredths,
  mulDivRound,
  toHundredths,
  type Cents,
  type Lang,
} from './money.ts';
import type { ActivityType } from './policy.ts';
import {
  explainTargetGroup,
  targetGroupFte,
  targetGroupTerms,
  targetGroupValueCents,
  type TargetGroupScale,
  type TargetGroupTerms,
} from './target-groups.ts';

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

export interface Valuation {
  valueCents: Cents;
  ruleId: string;
  /** In English; {@link Valuation.explanationNl} says the same in Dutch. */
  explanation: string;
  explanationNl: string;
  /** `targetGroupYear`: the months that count (past the group's cap they are kept at €0). */
  countedMonths?: number | undefined;
  /** `targetGroupYear`: min(hours, full time) / full time, for the one-person-counts-once rule. */
  fte?: number | undefined;
}

/**
 * Checks a valuation context once; refuses a period outside the contract term.
 * @example valuationContext({ contractStart: '2026-01-01', contractEnd: '2027-12-31', obligationCents: 2_500_000, period: '2026-H1' })
 */
export function valuationContext(input: ValuationContextInput): ValuationContext {
  const startDay = dayNumberOrNaN(input.contractStart);
  const endDay = dayNumberOrNaN(input.contractEnd);
  const obligationCents = input.obligationCents;
  const period = input.period;
  let fromDay = startDay;
  let toDay = endDay;
  let periodOk = true;
  let maxMonths = MAX_MONTHS;
  if (period !== undefined) {
    const half = halfYearIndex(period);
    periodOk = !Number.isNaN(half);
    if (periodOk) {
      const ps = halfYearIndexStartDay(half);
      const pe = halfYearIndexEndDay(half);
      fromDay = ps > startDay ? ps : startDay;
      toDay = pe < endDay ? pe : endDay;
      // a term that covers the whole half-year allows its 6 months; otherwise count the months inside
      if ((fromDay !== ps || toDay !== pe) && fromDay <= toDay)
        maxMonths = monthsWithinHundredths(fromDay, toDay);
    }
  }
  const reportedOnDay = input.reportedOn === undefined ? NaN : dayNumberOrNaN(input.reportedOn);
  if (
    !(endDay >= startDay) || // also false when either is NaN
    !Number.isSafeInteger(obligationCents) ||
    obligationCents < 0 ||
    !periodOk ||
    fromDay > toDay ||
    (input.reportedOn !== undefined && Number.isNaN(reportedOnDay))
  )
    refuseContext(input, startDay, endDay, periodOk, fromDay, toDay, reportedOnDay);
  return {
    startDay,
    endDay,
    termDays: endDay - startDay + 1,
    obligationCents,
    fromDay,
    toDay,
    period,
    reportedOnDay,
    versionSuffix: input.policyVersion === undefined ? '' : `@${input.policyVersion}`,
    maxMonths,
    scale: input.scale,
  };
}

/** 6 months, in hundredths: a half-year (domain.md §6). */
const MAX_MONTHS = 600;

/** Every issue of a context {@link valuationContext} refuses. */
function refuseContext(
  input: ValuationContextInput,
  startDay: number,
  endDay: number,
  periodOk: boolean,
  fromDay: number,
  toDay: number,
  reportedOnDay: number,
): never {
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
function fieldMask(i: ActivityInput): number {
  return (
    (i.fte != null ? 1 : 0) |
    (i.months != null ? 2 : 0) |
    (i.units != null ? 4 : 0) |
    (i.hours != null ? 8 : 0) |
    (i.amountCents != null ? 16 : 0) |
    (i.validFrom != null ? 32 : 0) |
    (i.validTo != null ? 64 : 0) |
    (i.targetGroup != null ? 128 : 0) |
    (i.hoursPerWeek != null ? 256 : 0) |
    (i.bonuses != null ? 512 : 0)
  );
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
function evaluate(type: ActivityType, input: ActivityInput, ctx: ValuationContext): number {
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
function takeIssues(): Issue[] {
  const issues = pending ?? [];
  pending = undefined;
  return issues;
}

function refuse(type: ActivityType, issues: Issue[]): never {
  throw invalid(`The activity cannot be valued as ${type.code}.`, issues);
}

function contextOf(ctx: ValuationContext | ValuationContextInput): ValuationContext {
  return 'termDays' in ctx ? ctx : valuationContext(ctx);
}

/**
 * The value in cents only, for loops over many activities: the same checks and the same arithmetic as
 * {@link valueActivity}, without building the explanation. Throws VALIDATION like it.
 */
export function activityValueCents(type: ActivityType, input: ActivityInput, ctx: ValuationContext): Cents {
  const r = evaluate(type, input, ctx);
  if (pending !== undefined) refuse(type, takeIssues());
  return r as Cents;
}

function plural(h: number, one: string, many: string): string {
  return `${formatHundredths(h)} ${h === 100 ? one : many}`;
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
  if (pending !== undefined) return refuse(type, takeIssues());
  if (type.method === 'targetGroupYear' && lastTerms) {
    const terms = lastTerms;
    lastTerms = undefined;
    return {
      valueCents: r as Cents,
      ruleId: `${type.method}:${type.code}:${terms.group.code}${ctx.versionSuffix}`,
      explanation: explainTargetGroup(terms, r, 'en'),
      explanationNl: explainTargetGroup(terms, r, 'nl'),
      countedMonths: terms.countedMonths / 100,
      fte: targetGroupFte(terms),
    };
  }
  return {
    valueCents: r as Cents,
    ruleId: `${type.method}:${type.code}${ctx.versionSuffix}`,
    explanation: explainValuation(type, input, ctx, r, 'en'),
    explanationNl: explainValuation(type, input, ctx, r, 'nl'),
  };
}

/** The explanation of a valuation already computed, in one language (never called by the fast path). */
function explainValuation(
  type: ActivityType,
  input: ActivityInput,
  ctx: ValuationContext,
  valueCents: number,
  lang: Lang,
): string {
  const nl = lang === 'nl';
  const value = euroIn(lang, valueCents);
  const rate = euroIn(lang, type.rateCents ?? 0);
  switch (type.method) {
    case 'fteYear': {
      const months = toHundredths(input.months ?? 0);
      return `${formatHundredths(toHundredths(input.fte ?? 0))} FTE × ${nl ? plural(months, 'maand', 'maanden') : plural(months, 'month', 'months')} / 12 × ${rate} = ${value}`;
    }
    case 'unit':
      // the catalogue's unit is its own text (often English), so the Dutch line leaves it out
      return `${input.units ?? 0} × ${rate}${type.unit && !nl ? ` per ${type.unit}` : ''} = ${value}`;
    case 'hour': {
      const hours = toHundredths(input.hours ?? 0);
      return `${nl ? plural(hours, 'uur', 'uur') : plural(hours, 'hour', 'hours')} × ${rate} = ${value}`;
    }
    case 'spendShare':
      return `${formatBp(type.shareBp ?? 0)} × ${euroIn(lang, input.amountCents ?? 0)} ${nl ? 'besteed' : 'spent'} = ${value}`;
    case 'money':
      return `${formatBp(type.shareBp ?? 10_000)} × ${euroIn(lang, input.amountCents ?? 0)} ${nl ? 'gegeven' : 'given'} = ${value}`;
    case 'targetGroupYear':
      return ''; // valueActivity explains it from its terms
    case 'obligationShare': {
      const from = Math.max(dayNumberOrNaN(input.validFrom ?? ''), ctx.fromDay);
      const to = Math.min(dayNumberOrNaN(input.validTo ?? ''), ctx.toDay);
      const head = `${formatBp(type.shareBp ?? 0)} × ${euroIn(lang, ctx.obligationCents)} × ${to - from + 1} / ${ctx.termDays} ${nl ? 'dagen' : 'days'} = ${value}`;
      const valid = `${fromDayNumber(from)} – ${fromDayNumber(to)}`;
      if (nl)
        return `${head} (certificaat geldig ${valid} ${ctx.period === undefined ? 'in de looptijd' : `in ${ctx.period} binnen de looptijd`})`;
      return `${head} (certificate valid ${valid} in ${ctx.period === undefined ? 'the term' : `${ctx.period} within the term`})`;
    }
  }
}
