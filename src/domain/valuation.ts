import { invalid, type Issue } from './errors.ts';
import {
  dayNumberOrNaN,
  fromDayNumber,
  halfYearDays,
  isHalfYear,
  type HalfYear,
  type IsoDate,
} from './dates.ts';
import { formatBp, formatEuro, formatHundredths, mulDivRound, toHundredths, type Cents } from './money.ts';
import type { ActivityType } from './policy.ts';

/** The quantities of one reported activity; which ones apply depends on the method (domain.md §6). */
export interface ActivityInput {
  fte?: number | undefined;
  months?: number | undefined;
  units?: number | undefined;
  hours?: number | undefined;
  amountCents?: number | undefined;
  validFrom?: IsoDate | undefined;
  validTo?: IsoDate | undefined;
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
}

export interface Valuation {
  valueCents: Cents;
  ruleId: string;
  explanation: string;
}

/**
 * Checks a valuation context once; refuses a period outside the contract term.
 * @example valuationContext({ contractStart: '2026-01-01', contractEnd: '2027-12-31', obligationCents: 2_500_000, period: '2026-H1' })
 */
export function valuationContext(input: ValuationContextInput): ValuationContext {
  const issues: Issue[] = [];
  const startDay = dayNumberOrNaN(input.contractStart);
  const endDay = dayNumberOrNaN(input.contractEnd);
  if (Number.isNaN(startDay))
    issues.push({ name: 'contractStart', reason: 'must be a real date (YYYY-MM-DD)' });
  if (Number.isNaN(endDay)) issues.push({ name: 'contractEnd', reason: 'must be a real date (YYYY-MM-DD)' });
  else if (endDay < startDay)
    issues.push({ name: 'contractEnd', reason: 'must not be before contractStart' });
  if (!Number.isSafeInteger(input.obligationCents) || input.obligationCents < 0)
    issues.push({ name: 'obligationCents', reason: 'must be whole cents, not negative' });
  let fromDay = startDay;
  let toDay = endDay;
  const termOk = !Number.isNaN(startDay) && !Number.isNaN(endDay) && endDay >= startDay;
  if (input.period !== undefined) {
    if (!isHalfYear(input.period))
      issues.push({ name: 'period', reason: 'must be a half-year (YYYY-H1 or YYYY-H2)' });
    else {
      const r = halfYearDays(input.period);
      const ps = r.startDay;
      const pe = r.endDay;
      fromDay = Math.max(ps, startDay);
      toDay = Math.min(pe, endDay);
      if (termOk && fromDay > toDay)
        issues.push({
          name: 'period',
          reason: `${input.period} is outside the contract term ${input.contractStart} – ${input.contractEnd}`,
        });
    }
  }
  let reportedOnDay = NaN;
  if (input.reportedOn !== undefined) {
    reportedOnDay = dayNumberOrNaN(input.reportedOn);
    if (Number.isNaN(reportedOnDay))
      issues.push({ name: 'reportedOn', reason: 'must be a real date (YYYY-MM-DD)' });
  }
  if (issues.length > 0) throw invalid('The activity cannot be valued in this context.', issues);
  return {
    startDay,
    endDay,
    termDays: endDay - startDay + 1,
    obligationCents: input.obligationCents,
    fromDay,
    toDay,
    period: input.period,
    reportedOnDay,
    versionSuffix: input.policyVersion === undefined ? '' : `@${input.policyVersion}`,
  };
}

const quantityFields = ['fte', 'months', 'units', 'hours', 'amountCents', 'validFrom', 'validTo'] as const;
/** Bit i stands for quantityFields[i]: the fields each method reads. */
const maskOf: Record<string, number> = {
  fteYear: 0b0000011,
  unit: 0b0000100,
  hour: 0b0001000,
  spendShare: 0b0010000,
  money: 0b0010000,
  obligationShare: 0b1100000,
};

function present(v: unknown): number {
  return v === undefined || v === null ? 0 : 1;
}

function fieldMask(i: ActivityInput): number {
  return (
    present(i.fte) |
    (present(i.months) << 1) |
    (present(i.units) << 2) |
    (present(i.hours) << 3) |
    (present(i.amountCents) << 4) |
    (present(i.validFrom) << 5) |
    (present(i.validTo) << 6)
  );
}

function push(issues: Issue[] | undefined, name: string, reason: string): Issue[] {
  const list = issues ?? [];
  list.push({ name, reason });
  return list;
}

/** Quantity with at most 2 decimals in (0, max]; NaN after recording an issue. */
function quantity(v: unknown, name: string, max: number, out: { issues: Issue[] | undefined }): number {
  if (v === undefined || v === null) {
    out.issues = push(out.issues, name, 'is required');
    return NaN;
  }
  const h = toHundredths(v as number);
  if (Number.isNaN(h)) out.issues = push(out.issues, name, 'must be a number with at most 2 decimals');
  else if (h <= 0) out.issues = push(out.issues, name, 'must be more than 0');
  else if (h > max) out.issues = push(out.issues, name, `must be at most ${formatHundredths(max)}`);
  else return h;
  return NaN;
}

function wholePositive(
  v: unknown,
  name: string,
  reason: string,
  out: { issues: Issue[] | undefined },
): number {
  if (v === undefined || v === null) out.issues = push(out.issues, name, 'is required');
  else if (typeof v !== 'number' || !Number.isSafeInteger(v)) out.issues = push(out.issues, name, reason);
  else if (v <= 0) out.issues = push(out.issues, name, 'must be more than 0');
  else return v;
  return NaN;
}

/** Certificate days inside the term (and period); NaN after recording an issue. */
function coveredDays(
  input: ActivityInput,
  ctx: ValuationContext,
  out: { issues: Issue[] | undefined },
): number {
  const from = input.validFrom === undefined ? NaN : dayNumberOrNaN(input.validFrom);
  const to = input.validTo === undefined ? NaN : dayNumberOrNaN(input.validTo);
  if (Number.isNaN(from))
    out.issues = push(
      out.issues,
      'validFrom',
      input.validFrom === undefined ? 'is required' : 'must be a real date (YYYY-MM-DD)',
    );
  if (Number.isNaN(to))
    out.issues = push(
      out.issues,
      'validTo',
      input.validTo === undefined ? 'is required' : 'must be a real date (YYYY-MM-DD)',
    );
  if (Number.isNaN(from) || Number.isNaN(to)) return NaN;
  if (to < from) {
    out.issues = push(out.issues, 'validTo', 'must not be before validFrom');
    return NaN;
  }
  if (!Number.isNaN(ctx.reportedOnDay) && (ctx.reportedOnDay < from || ctx.reportedOnDay > to)) {
    out.issues = push(
      out.issues,
      'validTo',
      `the certificate is not valid on the report date ${fromDayNumber(ctx.reportedOnDay)}`,
    );
    return NaN;
  }
  const a = from > ctx.fromDay ? from : ctx.fromDay;
  const b = to < ctx.toDay ? to : ctx.toDay;
  if (a > b) {
    const where = ctx.period === undefined ? 'the contract term' : `${ctx.period} within the contract term`;
    out.issues = push(out.issues, 'validFrom', `the certificate is not valid in ${where}`);
    return NaN;
  }
  return b - a + 1;
}

function rateOf(type: ActivityType, out: { issues: Issue[] | undefined }): number {
  const r = type.rateCents;
  if (typeof r !== 'number' || !Number.isSafeInteger(r) || r < 0) {
    out.issues = push(out.issues, 'rateCents', `activity type ${type.code} has no valid rate`);
    return NaN;
  }
  return r;
}

function shareOf(
  type: ActivityType,
  fallback: number | undefined,
  out: { issues: Issue[] | undefined },
): number {
  const s = type.shareBp ?? fallback;
  if (typeof s !== 'number' || !Number.isSafeInteger(s) || s < 0 || s > 10_000) {
    out.issues = push(out.issues, 'shareBp', `activity type ${type.code} has no valid share`);
    return NaN;
  }
  return s;
}

/** The value, or the list of issues; allocation-free when the input is valid. */
function evaluate(type: ActivityType, input: ActivityInput, ctx: ValuationContext): number | Issue[] {
  const out: { issues: Issue[] | undefined } = { issues: undefined };
  const allowed = maskOf[type.method];
  if (allowed === undefined) return [{ name: 'method', reason: `unknown method ${String(type.method)}` }];
  let v = NaN;
  switch (type.method) {
    case 'fteYear': {
      const fte = quantity(input.fte, 'fte', 150, out);
      const months = quantity(input.months, 'months', 600, out);
      const rate = rateOf(type, out);
      if (out.issues === undefined) v = mulDivRound(rate, fte, months, 120_000);
      break;
    }
    case 'unit': {
      const units = wholePositive(input.units, 'units', 'must be a whole number', out);
      const rate = rateOf(type, out);
      if (out.issues === undefined) v = mulDivRound(rate, units, 1, 1);
      break;
    }
    case 'hour': {
      const hours = quantity(input.hours, 'hours', Number.MAX_SAFE_INTEGER, out);
      const rate = rateOf(type, out);
      if (out.issues === undefined) v = mulDivRound(rate, hours, 1, 100);
      break;
    }
    case 'spendShare':
    case 'money': {
      const amount = wholePositive(input.amountCents, 'amountCents', 'must be whole cents', out);
      const share = shareOf(type, type.method === 'money' ? 10_000 : undefined, out);
      if (out.issues === undefined) v = mulDivRound(amount, share, 1, 10_000);
      break;
    }
    case 'obligationShare': {
      const covered = coveredDays(input, ctx, out);
      const share = shareOf(type, undefined, out);
      if (out.issues === undefined)
        v = mulDivRound(share, ctx.obligationCents, covered, 10_000 * ctx.termDays);
      break;
    }
  }
  const extra = fieldMask(input) & ~allowed;
  if (extra !== 0)
    for (let i = 0; i < quantityFields.length; i++)
      if (extra & (1 << i))
        out.issues = push(out.issues, quantityFields[i] as string, `does not apply to method ${type.method}`);
  return out.issues ?? v;
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
  if (typeof r !== 'number') refuse(type, r);
  return r as Cents;
}

function plural(h: number, one: string, many: string): string {
  return `${formatHundredths(h)} ${h === 100 ? one : many}`;
}

/**
 * Values one activity (domain.md §6), rounded once, with the rule and an explanation to check by hand.
 * Invalid input throws VALIDATION with an issue per field (`fte`, `months`, …).
 * @example valueActivity(jobBenefits, { fte: 1, months: 6 }, ctx)
 * // { valueCents: 1_750_000, ruleId: 'fteYear:job-benefits', explanation: '1 FTE × 6 months / 12 × €35.000,00 = €17.500,00' }
 */
export function valueActivity(
  type: ActivityType,
  input: ActivityInput,
  context: ValuationContext | ValuationContextInput,
): Valuation {
  const ctx = contextOf(context);
  const r = evaluate(type, input, ctx);
  if (typeof r !== 'number') return refuse(type, r);
  const value = formatEuro(r);
  const rate = formatEuro(type.rateCents ?? 0);
  let explanation: string;
  switch (type.method) {
    case 'fteYear':
      explanation = `${formatHundredths(toHundredths(input.fte ?? 0))} FTE × ${plural(toHundredths(input.months ?? 0), 'month', 'months')} / 12 × ${rate} = ${value}`;
      break;
    case 'unit':
      explanation = `${input.units ?? 0} × ${rate}${type.unit ? ` per ${type.unit}` : ''} = ${value}`;
      break;
    case 'hour':
      explanation = `${plural(toHundredths(input.hours ?? 0), 'hour', 'hours')} × ${rate} = ${value}`;
      break;
    case 'spendShare':
      explanation = `${formatBp(type.shareBp ?? 0)} × ${formatEuro(input.amountCents ?? 0)} spent = ${value}`;
      break;
    case 'money':
      explanation = `${formatBp(type.shareBp ?? 10_000)} × ${formatEuro(input.amountCents ?? 0)} given = ${value}`;
      break;
    case 'obligationShare': {
      const from = Math.max(dayNumberOrNaN(input.validFrom ?? ''), ctx.fromDay);
      const to = Math.min(dayNumberOrNaN(input.validTo ?? ''), ctx.toDay);
      const within = ctx.period === undefined ? 'the term' : `${ctx.period} within the term`;
      explanation =
        `${formatBp(type.shareBp ?? 0)} × ${formatEuro(ctx.obligationCents)} × ${to - from + 1} / ${ctx.termDays} days = ${value}` +
        ` (certificate valid ${fromDayNumber(from)} – ${fromDayNumber(to)} in ${within})`;
      break;
    }
  }
  return { valueCents: r as Cents, ruleId: `${type.method}:${type.code}${ctx.versionSuffix}`, explanation };
}
