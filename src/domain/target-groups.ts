import type { Issue } from './errors.ts';
import { euroIn, formatHundredths, mulDivRound, toHundredths, type Lang } from './money.ts';

/**
 * Valuing people by target group, the "bouwblokken" method (domain.md §11): a rate per full-time
 * year for the candidate's group, plus bonuses, prorated by hours per week and months, with an
 * optional cap on the months one candidate counts in the group.
 */
export interface TargetGroup {
  code: string;
  name: string;
  /** Cents per full-time year. */
  rateCents: number;
  /** How many months one candidate counts in this group over all half-years and contracts of a supplier. */
  maxMonths?: number | undefined;
}

export interface Bonus {
  code: string;
  name: string;
  /** Cents per full-time year, prorated exactly like the group's rate. */
  rateCents: number;
}

/** The policy data the method reads. */
export interface TargetGroupScale {
  fullTimeHoursPerWeek?: number | undefined;
  minHoursPerWeek?: number | undefined;
  targetGroups?: readonly TargetGroup[] | undefined;
  bonuses?: readonly Bonus[] | undefined;
}

/** The inputs of one `targetGroupYear` activity. */
export interface TargetGroupInput {
  targetGroup?: string | undefined;
  hoursPerWeek?: number | undefined;
  /** Months in the half-year, at most 2 decimals. */
  months?: number | undefined;
  bonuses?: readonly string[] | undefined;
  /**
   * Months this candidate already counts in the group (the database sums them over every half-year
   * and contract of the same supplier in the municipality); 0 when left out.
   */
  monthsCountedBefore?: number | undefined;
}

/** A full-time week when the policy names none (domain.md §11). */
export const DEFAULT_FULL_TIME_HOURS = 36;
/** More hours a week is not a placement but a typing error. */
export const MAX_HOURS_PER_WEEK = 60;

/** Every term of a checked `targetGroupYear` valuation, in whole cents and hundredths. */
export interface TargetGroupTerms {
  group: TargetGroup;
  bonuses: Bonus[];
  /** Group rate plus bonus rates, cents per full-time year. */
  yearCents: number;
  /** Hours per week as reported, hundredths. */
  hours: number;
  /** min(hours, full time), hundredths. */
  countedHours: number;
  /** Full-time week, hundredths. */
  fullTime: number;
  /** Months reported, hundredths. */
  months: number;
  /** Months that count: those still inside the group's cap, hundredths. */
  countedMonths: number;
  /** Months counted before this activity, hundredths. */
  before: number;
}

function hundredthsIn(
  v: unknown,
  name: string,
  max: number,
  issues: Issue[],
  maxReason: string,
  zeroOk = false,
): number {
  if (v === undefined || v === null) {
    issues.push({ name, reason: 'is required' });
    return NaN;
  }
  const h = toHundredths(v as number);
  if (Number.isNaN(h)) issues.push({ name, reason: 'must be a number with at most 2 decimals' });
  else if (zeroOk ? h < 0 : h <= 0)
    issues.push({ name, reason: zeroOk ? 'must not be negative' : 'must be more than 0' });
  else if (h > max) issues.push({ name, reason: maxReason });
  else return h;
  return NaN;
}

/**
 * Checks the inputs of a `targetGroupYear` activity against the policy's scale; `maxMonths` is the
 * most months the period allows inside the term (hundredths). Pushes an issue per field and returns
 * undefined when any is refused.
 */
export function targetGroupTerms(
  scale: TargetGroupScale,
  input: TargetGroupInput,
  maxMonths: number,
  issues: Issue[],
): TargetGroupTerms | undefined {
  const before = issues.length;
  const groups = scale.targetGroups ?? [];
  const fullTime = (scale.fullTimeHoursPerWeek ?? DEFAULT_FULL_TIME_HOURS) * 100;
  let group: TargetGroup | undefined;
  if (input.targetGroup === undefined || input.targetGroup === null || input.targetGroup === '')
    issues.push({ name: 'targetGroup', reason: 'is required' });
  else {
    group = groups.find((g) => g.code === input.targetGroup);
    if (!group)
      issues.push({
        name: 'targetGroup',
        reason:
          groups.length === 0
            ? 'this policy version has no target groups'
            : `unknown target group "${input.targetGroup}" (one of ${groups.map((g) => g.code).join(', ')})`,
      });
  }
  const hours = hundredthsIn(
    input.hoursPerWeek,
    'hoursPerWeek',
    MAX_HOURS_PER_WEEK * 100,
    issues,
    `must be at most ${MAX_HOURS_PER_WEEK} hours a week`,
  );
  const min = scale.minHoursPerWeek;
  if (!Number.isNaN(hours) && min !== undefined && hours < min * 100)
    issues.push({
      name: 'hoursPerWeek',
      reason: `must be at least ${min} hours a week: fewer hours do not count in this policy`,
    });
  const months = hundredthsIn(
    input.months,
    'months',
    maxMonths,
    issues,
    `must be at most ${formatHundredths(maxMonths)}, the months of the period within the contract term`,
  );
  const counted = hundredthsIn(
    input.monthsCountedBefore ?? 0,
    'monthsCountedBefore',
    Number.MAX_SAFE_INTEGER,
    issues,
    '',
    true,
  );
  const chosen: Bonus[] = [];
  const codes = input.bonuses ?? [];
  if (!Array.isArray(codes)) issues.push({ name: 'bonuses', reason: 'must be a list of bonus codes' });
  else
    codes.forEach((code, i) => {
      const b = (scale.bonuses ?? []).find((x) => x.code === code);
      if (!b)
        issues.push({
          name: `bonuses.${i}`,
          reason: `unknown bonus "${String(code)}"${(scale.bonuses ?? []).length ? ` (one of ${(scale.bonuses ?? []).map((x) => x.code).join(', ')})` : ': this policy version has no bonuses'}`,
        });
      else if (chosen.includes(b)) issues.push({ name: `bonuses.${i}`, reason: `"${code}" is given twice` });
      else chosen.push(b);
    });
  if (issues.length > before || !group) return undefined;
  const capLeft = group.maxMonths === undefined ? Infinity : Math.max(0, group.maxMonths * 100 - counted);
  return {
    group,
    bonuses: chosen,
    yearCents: group.rateCents + chosen.reduce((s, b) => s + b.rateCents, 0),
    hours,
    countedHours: Math.min(hours, fullTime),
    fullTime,
    months,
    countedMonths: Math.min(months, capLeft),
    before: counted,
  };
}

/**
 * (rate + Σ bonus rates) × min(hours, full time) / full time × countedMonths / 12, rounded once, half
 * away from zero, computed exactly on integers.
 * @example targetGroupValueCents({ yearCents: 3_000_000, countedHours: 2400, fullTime: 3600, countedMonths: 600, … }) // 1_000_000
 */
export function targetGroupValueCents(
  t: Pick<TargetGroupTerms, 'yearCents' | 'countedHours' | 'fullTime' | 'countedMonths'>,
): number {
  return mulDivRound(t.yearCents, t.countedHours, t.countedMonths, t.fullTime * 1200);
}

/**
 * The FTE of the one-person-counts-once rule: min(hours, full time) / full time, rounded down to
 * hundredths so that a split of one person over contracts that adds up to a full week is never refused.
 */
export function targetGroupFte(t: Pick<TargetGroupTerms, 'countedHours' | 'fullTime'>): number {
  return Math.floor((t.countedHours * 100) / t.fullTime) / 100;
}

/**
 * Every term of the valuation, to check by hand:
 * `Participatiewet: € 30.000,00 × 24/36 uur × 6/12 maanden = € 10.000,00`.
 */
export function explainTargetGroup(t: TargetGroupTerms, valueCents: number, lang: Lang): string {
  const nl = lang === 'nl';
  const h = formatHundredths;
  const names = [t.group.name, ...t.bonuses.map((b) => b.name)].join(' + ');
  const rates =
    t.bonuses.length === 0
      ? euroIn(lang, t.group.rateCents)
      : `(${[t.group.rateCents, ...t.bonuses.map((b) => b.rateCents)].map((c) => euroIn(lang, c)).join(' + ')})`;
  const hourWord = nl ? 'uur' : 'hours';
  const monthWord = nl ? 'maanden' : 'months';
  let text = `${names}: ${rates} × ${h(t.countedHours)}/${h(t.fullTime)} ${hourWord} × ${h(t.countedMonths)}/12 ${monthWord} = ${euroIn(lang, valueCents)}`;
  const notes: string[] = [];
  if (t.hours > t.fullTime)
    notes.push(
      nl
        ? `${h(t.hours)} uur per week gewerkt, ten hoogste een volle week van ${h(t.fullTime)} uur telt`
        : `${h(t.hours)} hours a week worked, at most a full week of ${h(t.fullTime)} hours counts`,
    );
  const max = t.group.maxMonths;
  if (max !== undefined && t.countedMonths < t.months)
    notes.push(
      nl
        ? `maximum van ${max} maanden voor ${t.group.name} bereikt: ${h(t.countedMonths)} van ${h(t.months)} maanden tellen (${h(t.before)} al eerder geteld)`
        : `cap of ${max} months for ${t.group.name} reached: ${h(t.countedMonths)} of ${h(t.months)} months count (${h(t.before)} counted before)`,
    );
  else if (max !== undefined)
    notes.push(
      nl
        ? `${h(t.before + t.countedMonths)} van ten hoogste ${max} maanden in deze doelgroep geteld`
        : `${h(t.before + t.countedMonths)} of at most ${max} months in this group counted`,
    );
  if (notes.length) text += ` (${notes.join('; ')})`;
  return text;
}
