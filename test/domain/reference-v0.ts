/**
 * The calculation core as it was before the performance work (commit 849d418), kept verbatim (only
 * names prefixed `ref` where exported) as the oracle of fast-paths.test.ts: the optimised functions
 * must give the same values and refuse with the same issues. Not used by the application.
 */
import { invalid, type Issue } from '../../src/domain/errors.ts';
import { categoryCapCents } from '../../src/domain/caps.ts';
import { expectedOnDay } from '../../src/domain/obligation.ts';
import { formatHundredths, mulDivRound, toHundredths, type Cents } from '../../src/domain/money.ts';
import { categories, type ActivityType, type Category } from '../../src/domain/policy.ts';
import type {
  Progress,
  ProgressInput,
  ProgressStatus,
  CategoryProgress,
  ValuedItem,
} from '../../src/domain/progress.ts';
import type { ActivityInput, ValuationContext, ValuationContextInput } from '../../src/domain/valuation.ts';
import type { HalfYear, IsoDate } from '../../src/domain/dates.ts';

// ---- dates.ts ----
const monthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
}

/** Days since 1970-01-01 (proleptic Gregorian); the civil-from-days algorithm of H. Hinnant. */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The day number of a date, or NaN when it is not a real `YYYY-MM-DD` date (years 0001–9999). */
let lastText = '';
let lastDay = NaN;

export function refDayNumberOrNaN(s: string): number {
  if (s === lastText) return lastDay; // the same asOf or term date parsed over and over
  const n = parseDayNumber(s);
  lastText = s;
  lastDay = n;
  return n;
}

function parseDayNumber(s: string): number {
  if (typeof s !== 'string' || s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45)
    return NaN;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const m = digit(s, 5) * 10 + digit(s, 6);
  const d = digit(s, 8) * 10 + digit(s, 9);
  if (!(y >= 1 && m >= 1 && m <= 12 && d >= 1)) return NaN;
  const max = m === 2 && isLeap(y) ? 29 : (monthDays[m - 1] ?? 0);
  if (d > max) return NaN;
  return daysFromCivil(y, m, d);
}
function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
function fromDayNumber(z0: number): IsoDate {
  const z = z0 + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}
function isHalfYear(s: unknown): s is HalfYear {
  if (typeof s !== 'string' || s.length !== 7 || s.charCodeAt(4) !== 45 || s.charCodeAt(5) !== 72)
    return false;
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  const h = s.charCodeAt(6);
  return y >= 1 && (h === 49 || h === 50);
}
function halfYearDays(s: string): { startDay: number; endDay: number } {
  if (!isHalfYear(s)) return { startDay: NaN, endDay: NaN };
  const y = digit(s, 0) * 1000 + digit(s, 1) * 100 + digit(s, 2) * 10 + digit(s, 3);
  return s.charCodeAt(6) === 49
    ? { startDay: daysFromCivil(y, 1, 1), endDay: daysFromCivil(y, 6, 30) }
    : { startDay: daysFromCivil(y, 7, 1), endDay: daysFromCivil(y, 12, 31) };
}

// ---- valuation.ts ----
export function refValuationContext(input: ValuationContextInput): ValuationContext {
  const issues: Issue[] = [];
  const startDay = refDayNumberOrNaN(input.contractStart);
  const endDay = refDayNumberOrNaN(input.contractEnd);
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
    reportedOnDay = refDayNumberOrNaN(input.reportedOn);
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
    scale: undefined,
    maxMonths: 600, // the rule of then: 6 months in any half-year (the term was not looked at)
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
  const from = input.validFrom === undefined ? NaN : refDayNumberOrNaN(input.validFrom);
  const to = input.validTo === undefined ? NaN : refDayNumberOrNaN(input.validTo);
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
export function refActivityValueCents(
  type: ActivityType,
  input: ActivityInput,
  ctx: ValuationContext,
): Cents {
  const r = evaluate(type, input, ctx);
  if (typeof r !== 'number') refuse(type, r);
  return r as Cents;
}

// ---- progress.ts ----
const DEFAULT_TOLERANCE_BP = 1_000;

/** Sums values into four slots by category, allocation-free. */
function sumInto(items: readonly ValuedItem[], into: Float64Array, at: number, name: string): void {
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as ValuedItem;
    const v = it.valueCents;
    if (!Number.isSafeInteger(v))
      throw invalid('Cannot compute progress.', [
        { name: `${name}.${i}.valueCents`, reason: 'must be whole cents' },
      ]);
    switch (it.category) {
      case 'employment':
        into[at + 0] = (into[at + 0] as number) + v;
        break;
      case 'participation':
        into[at + 1] = (into[at + 1] as number) + v;
        break;
      case 'socialDomain':
        into[at + 2] = (into[at + 2] as number) + v;
        break;
      case 'socialEnterprise':
        into[at + 3] = (into[at + 3] as number) + v;
        break;
      default:
        throw invalid('Cannot compute progress.', [
          { name: `${name}.${i}.category`, reason: `unknown category ${String(it.category)}` },
        ]);
    }
  }
}

/** a × b < c × d exactly, for non-negative safe integers. */
function productLess(a: number, b: number, c: number, d: number): boolean {
  const l = a * b;
  const r = c * d;
  if (l <= Number.MAX_SAFE_INTEGER && r <= Number.MAX_SAFE_INTEGER) return l < r;
  return BigInt(a) * BigInt(b) < BigInt(c) * BigInt(d);
}

const scratch = new Float64Array(12);

/**
 * Progress of one contract at a date (domain.md §4, §7): realised and verified counted after caps;
 * expected pro rata by days; forecast = realised × termDays / elapsedDays (0 before the start, equal
 * to realised after the end); status tested in the order met → notMet → behind → onTrack.
 * @example computeProgress({ obligationCents: 36_500, startDate: '2026-01-01', endDate: '2026-12-31', planned: [], realised: [], verified: [] }, '2026-01-10').expectedCents // 1_000
 */
export function refComputeProgress(input: ProgressInput, asOf: IsoDate): Progress {
  const startDay = refDayNumberOrNaN(input.startDate);
  const endDay = refDayNumberOrNaN(input.endDate);
  const asOfDay = refDayNumberOrNaN(asOf);
  const obligation = input.obligationCents;
  const tolerance = input.toleranceBp ?? input.policy?.behindToleranceBp ?? DEFAULT_TOLERANCE_BP;
  const caps = input.categoryCapsBp ?? input.policy?.categoryCapsBp;
  if (
    Number.isNaN(startDay) ||
    Number.isNaN(endDay) ||
    Number.isNaN(asOfDay) ||
    endDay < startDay ||
    !Number.isSafeInteger(obligation) ||
    obligation < 0 ||
    !Number.isSafeInteger(tolerance) ||
    tolerance < 0 ||
    tolerance > 10_000
  ) {
    const issues: Issue[] = [];
    if (Number.isNaN(startDay))
      issues.push({ name: 'startDate', reason: 'must be a real date (YYYY-MM-DD)' });
    if (Number.isNaN(endDay)) issues.push({ name: 'endDate', reason: 'must be a real date (YYYY-MM-DD)' });
    else if (endDay < startDay) issues.push({ name: 'endDate', reason: 'must not be before startDate' });
    if (Number.isNaN(asOfDay)) issues.push({ name: 'asOf', reason: 'must be a real date (YYYY-MM-DD)' });
    if (!Number.isSafeInteger(obligation) || obligation < 0)
      issues.push({ name: 'obligationCents', reason: 'must be whole cents, not negative' });
    if (!Number.isSafeInteger(tolerance) || tolerance < 0 || tolerance > 10_000)
      issues.push({ name: 'toleranceBp', reason: 'must be 0–10000 basis points' });
    throw invalid('Cannot compute progress.', issues);
  }
  const s = scratch;
  s.fill(0);
  sumInto(input.planned, s, 0, 'planned');
  sumInto(input.realised, s, 4, 'realised');
  sumInto(input.verified, s, 8, 'verified');
  let planned = 0;
  let realised = 0;
  let verified = 0;
  const byCategory = {} as Record<Category, CategoryProgress>;
  for (let c = 0; c < 4; c++) {
    const cat = categories[c] as Category;
    const bp = caps?.[cat];
    const cap = bp === undefined ? Infinity : categoryCapCents(bp, obligation);
    const p = s[c] as number;
    const r0 = s[4 + c] as number;
    const v0 = s[8 + c] as number;
    const r = r0 > cap ? cap : r0;
    const v = v0 > cap ? cap : v0;
    planned += p;
    realised += r;
    verified += v;
    byCategory[cat] = { plannedCents: p as Cents, realisedCents: r as Cents, verifiedCents: v as Cents };
  }
  const expected = expectedOnDay(obligation, startDay, endDay, asOfDay);
  const term = endDay - startDay + 1;
  const elapsed = asOfDay - startDay + 1;
  const forecast = elapsed <= 0 ? 0 : elapsed >= term ? realised : mulDivRound(realised, term, 1, elapsed);
  let status: ProgressStatus;
  if (verified >= obligation) status = 'met';
  else if (asOfDay > endDay) status = 'notMet';
  else if (productLess(realised, 10_000, expected, 10_000 - tolerance)) status = 'behind';
  else status = 'onTrack';
  return {
    obligationCents: obligation as Cents,
    plannedCents: planned as Cents,
    realisedCents: realised as Cents,
    verifiedCents: verified as Cents,
    expectedCents: expected,
    forecastCents: forecast as Cents,
    status,
    byCategory,
  };
}
