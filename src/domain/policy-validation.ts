import type { Issue } from './errors.ts';
import { isIsoDate, type IsoDate } from './dates.ts';
import { readTenderRules } from './tender-rules.ts';
import { DEFAULT_FULL_TIME_HOURS, MAX_HOURS_PER_WEEK, type TargetGroup } from './target-groups.ts';
import {
  categories,
  methods,
  policyDefaults,
  type ActivityType,
  type Category,
  type Method,
  type Policy,
} from './policy.ts';

/**
 * Reading a policy from unknown input (an API body, a stored version, a preset): every field checked,
 * every issue named by its path, defaults filled in (domain.md §3). The policy's shape is policy.ts.
 */
export type PolicyCheck = { ok: true; policy: Policy } | { ok: false; issues: Issue[] };

const rateMethods: readonly Method[] = ['fteYear', 'unit', 'hour'];
const shareMethods: readonly Method[] = ['spendShare', 'obligationShare'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Collects issues while reading fields of an unknown input. */
class Reader {
  readonly issues: Issue[] = [];
  int(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    min: number,
    max: number,
    required: boolean,
  ): number | undefined {
    const v = obj[key];
    const name = path ? `${path}.${key}` : key;
    if (v === undefined || v === null) {
      if (required) this.issues.push({ name, reason: 'is required' });
      return undefined;
    }
    if (typeof v !== 'number' || !Number.isSafeInteger(v)) {
      this.issues.push({ name, reason: 'must be a whole number' });
      return undefined;
    }
    if (v < min)
      this.issues.push({ name, reason: min === 0 ? 'must not be negative' : `must be at least ${min}` });
    else if (v > max) this.issues.push({ name, reason: `must be at most ${max}` });
    else return v;
    return undefined;
  }
  text(obj: Record<string, unknown>, key: string, path: string, required: boolean): string | undefined {
    const v = obj[key];
    const name = path ? `${path}.${key}` : key;
    if (v === undefined || v === null) {
      if (required) this.issues.push({ name, reason: 'is required' });
      return undefined;
    }
    if (typeof v !== 'string' || v.trim() === '') {
      this.issues.push({ name, reason: 'must be a non-empty text' });
      return undefined;
    }
    return v;
  }
  oneOf<T extends string>(
    obj: Record<string, unknown>,
    key: string,
    path: string,
    allowed: readonly T[],
    required: boolean,
  ): T | undefined {
    const v = obj[key];
    const name = path ? `${path}.${key}` : key;
    if (v === undefined || v === null) {
      if (required) this.issues.push({ name, reason: 'is required' });
      return undefined;
    }
    if (typeof v !== 'string' || !(allowed as readonly string[]).includes(v)) {
      this.issues.push({ name, reason: `must be one of ${allowed.join(', ')}` });
      return undefined;
    }
    return v as T;
  }
}

const MAX_CENTS = Number.MAX_SAFE_INTEGER;

/** The `code` of a list item at `path`, refused when an earlier item (kept in `seen` by path) has it. */
function uniqueCode(
  r: Reader,
  raw: Record<string, unknown>,
  path: string,
  seen: Map<string, string>,
): string | undefined {
  const code = r.text(raw, 'code', path, true);
  if (code === undefined) return undefined;
  const first = seen.get(code);
  if (first !== undefined)
    r.issues.push({ name: `${path}.code`, reason: `"${code}" is also used by ${first}` });
  else seen.set(code, path);
  return code;
}

function readActivityType(
  r: Reader,
  raw: unknown,
  i: number,
  seen: Map<string, string>,
): ActivityType | undefined {
  const path = `activityTypes.${i}`;
  if (!isRecord(raw)) {
    r.issues.push({ name: path, reason: 'must be an object' });
    return undefined;
  }
  const before = r.issues.length;
  const code = uniqueCode(r, raw, path, seen);
  const name = r.text(raw, 'name', path, true);
  const category = r.oneOf(raw, 'category', path, categories, true);
  const method = r.oneOf(raw, 'method', path, methods, true);
  const needsRate = method !== undefined && rateMethods.includes(method);
  const needsShare = method !== undefined && shareMethods.includes(method);
  const usesShare = needsShare || method === 'money';
  const rateCents = r.int(raw, 'rateCents', path, 0, MAX_CENTS, needsRate);
  const shareBp = r.int(raw, 'shareBp', path, 0, 10_000, needsShare);
  if (method !== undefined && !needsRate && raw.rateCents !== undefined)
    r.issues.push({
      name: `${path}.rateCents`,
      reason:
        method === 'targetGroupYear'
          ? 'does not apply to method targetGroupYear (the rate comes from targetGroups)'
          : `does not apply to method ${method} (it uses shareBp)`,
    });
  if (method !== undefined && !usesShare && raw.shareBp !== undefined)
    r.issues.push({
      name: `${path}.shareBp`,
      reason:
        method === 'targetGroupYear'
          ? 'does not apply to method targetGroupYear (the rate comes from targetGroups)'
          : `does not apply to method ${method} (it uses rateCents)`,
    });
  const unit = raw.unit === undefined ? undefined : r.text(raw, 'unit', path, false);
  const description = raw.description === undefined ? undefined : r.text(raw, 'description', path, false);
  const evidenceRequired = raw.evidenceRequired;
  if (evidenceRequired !== undefined && typeof evidenceRequired !== 'boolean')
    r.issues.push({ name: `${path}.evidenceRequired`, reason: 'must be true or false' });
  if (r.issues.length > before || !code || !name || !category || !method) return undefined;
  const t: ActivityType = { code, name, category, method };
  if (rateCents !== undefined) t.rateCents = rateCents;
  if (shareBp !== undefined) t.shareBp = shareBp;
  if (unit !== undefined) t.unit = unit;
  if (description !== undefined) t.description = description;
  if (evidenceRequired === true) t.evidenceRequired = true;
  return t;
}

function readRated(
  r: Reader,
  raw: unknown,
  path: string,
  seen: Map<string, string>,
  withMax: boolean,
): TargetGroup | undefined {
  if (!isRecord(raw)) {
    r.issues.push({ name: path, reason: 'must be an object' });
    return undefined;
  }
  const before = r.issues.length;
  const code = uniqueCode(r, raw, path, seen);
  const name = r.text(raw, 'name', path, true);
  const rateCents = r.int(raw, 'rateCents', path, 0, MAX_RATE_CENTS, true);
  const maxMonths = withMax ? r.int(raw, 'maxMonths', path, 1, 1200, false) : undefined;
  if (!withMax && raw.maxMonths !== undefined)
    r.issues.push({ name: `${path}.maxMonths`, reason: 'does not apply to a bonus' });
  if (r.issues.length > before || !code || !name || rateCents === undefined) return undefined;
  return maxMonths === undefined ? { code, name, rateCents } : { code, name, rateCents, maxMonths };
}

/** A rate per full-time year above €10 million is a typing error. */
const MAX_RATE_CENTS = 1_000_000_000;

/** The target-group fields of domain.md §11 and the penalty factor of §12, checked. */
function readTargetGroupFields(r: Reader, input: Record<string, unknown>, types: readonly ActivityType[]) {
  const out: Pick<
    Policy,
    | 'fullTimeHoursPerWeek'
    | 'minHoursPerWeek'
    | 'targetGroups'
    | 'bonuses'
    | 'penaltyFactorBp'
    | 'targetGroupSource'
  > = {};
  const fullTime = r.int(input, 'fullTimeHoursPerWeek', '', 1, MAX_HOURS_PER_WEEK, false);
  const minHours = r.int(input, 'minHoursPerWeek', '', 0, MAX_HOURS_PER_WEEK, false);
  if (minHours !== undefined && minHours > (fullTime ?? DEFAULT_FULL_TIME_HOURS))
    r.issues.push({ name: 'minHoursPerWeek', reason: 'must not exceed fullTimeHoursPerWeek' });
  const seen = new Map<string, string>();
  const list = (key: 'targetGroups' | 'bonuses') => {
    const raw = input[key];
    if (raw === undefined || raw === null) return undefined;
    if (!Array.isArray(raw)) {
      r.issues.push({ name: key, reason: 'must be a list' });
      return undefined;
    }
    const items: TargetGroup[] = [];
    raw.forEach((x: unknown, i) => {
      const item = readRated(r, x, `${key}.${i}`, seen, key === 'targetGroups');
      if (item) items.push(item);
    });
    return items;
  };
  const targetGroups = list('targetGroups');
  const bonuses = list('bonuses');
  const usesGroups = types.some((t) => t.method === 'targetGroupYear');
  if (usesGroups && !targetGroups?.length)
    r.issues.push({
      name: 'targetGroups',
      reason: 'is required when an activity type uses method targetGroupYear',
    });
  const penalty = r.int(input, 'penaltyFactorBp', '', 0, 100_000, false);
  if (input.targetGroupSource !== undefined) {
    const raw = input.targetGroupSource;
    if (!isRecord(raw))
      r.issues.push({ name: 'targetGroupSource', reason: 'must be an object with a title' });
    else {
      const title = r.text(raw, 'title', 'targetGroupSource', true);
      const url = r.text(raw, 'url', 'targetGroupSource', false);
      const readOn = raw.readOn;
      if (readOn !== undefined && !isIsoDate(readOn))
        r.issues.push({ name: 'targetGroupSource.readOn', reason: 'must be a real date (YYYY-MM-DD)' });
      if (title !== undefined)
        out.targetGroupSource = {
          title,
          ...(url === undefined ? {} : { url }),
          ...(typeof readOn === 'string' && isIsoDate(readOn) ? { readOn } : {}),
        };
    }
  }
  if (targetGroups?.length || bonuses?.length || usesGroups || fullTime !== undefined)
    out.fullTimeHoursPerWeek = fullTime ?? DEFAULT_FULL_TIME_HOURS;
  if (minHours !== undefined) out.minHoursPerWeek = minHours;
  if (targetGroups !== undefined) out.targetGroups = targetGroups;
  if (bonuses !== undefined) out.bonuses = bonuses;
  if (penalty !== undefined) out.penaltyFactorBp = penalty;
  return out;
}

/**
 * Checks a whole policy version and lists every problem at once; on success returns the policy with
 * the defaults of domain.md §3 filled in (unknown fields are dropped).
 * @example validatePolicy({ ...presets.amsterdam, percentageBp: -1 }) // { ok: false, issues: [{ name: 'percentageBp', … }] }
 */
export function validatePolicy(input: unknown): PolicyCheck {
  const r = new Reader();
  if (!isRecord(input)) return { ok: false, issues: [{ name: '', reason: 'a policy must be an object' }] };
  const validFrom = input.validFrom;
  if (validFrom === undefined) r.issues.push({ name: 'validFrom', reason: 'is required' });
  else if (!isIsoDate(validFrom))
    r.issues.push({ name: 'validFrom', reason: 'must be a real date (YYYY-MM-DD)' });
  const percentageBp = r.int(input, 'percentageBp', '', 0, 10_000, true);
  const base = r.oneOf(input, 'base', '', ['totalValue', 'labourCost', 'invoiced'] as const, false);
  const planThresholdCents = r.int(input, 'planThresholdCents', '', 0, MAX_CENTS, true);
  let planThresholdByKind: Policy['planThresholdByKind'];
  if (input.planThresholdByKind !== undefined) {
    const raw = input.planThresholdByKind;
    if (!isRecord(raw)) r.issues.push({ name: 'planThresholdByKind', reason: 'must be an object' });
    else {
      for (const key of Object.keys(raw))
        if (key !== 'works' && key !== 'servicesAndSupplies')
          r.issues.push({
            name: `planThresholdByKind.${key}`,
            reason: 'unknown contract kind (works, servicesAndSupplies)',
          });
      const works = r.int(raw, 'works', 'planThresholdByKind', 0, MAX_CENTS, false);
      const services = r.int(raw, 'servicesAndSupplies', 'planThresholdByKind', 0, MAX_CENTS, false);
      planThresholdByKind = {};
      if (works !== undefined) planThresholdByKind.works = works;
      if (services !== undefined) planThresholdByKind.servicesAndSupplies = services;
    }
  }
  const exemptBelowCents = r.int(input, 'exemptBelowCents', '', 0, MAX_CENTS, false);
  if (
    exemptBelowCents !== undefined &&
    planThresholdCents !== undefined &&
    exemptBelowCents > planThresholdCents
  )
    r.issues.push({ name: 'exemptBelowCents', reason: 'must not exceed planThresholdCents' });
  if (exemptBelowCents !== undefined && planThresholdByKind !== undefined)
    for (const kind of ['works', 'servicesAndSupplies'] as const) {
      const threshold = planThresholdByKind[kind];
      if (threshold !== undefined && exemptBelowCents > threshold)
        r.issues.push({ name: 'exemptBelowCents', reason: `must not exceed planThresholdByKind.${kind}` });
    }
  const minTermMonths = r.int(input, 'minTermMonths', '', 1, 1200, false);
  const obligationCapCents = r.int(input, 'obligationCapCents', '', 1, MAX_CENTS, false);
  const reporting = r.oneOf(input, 'reporting', '', ['halfYearly', 'atCompletion'] as const, false);
  const reportDueDays = r.int(input, 'reportDueDays', '', 0, 366, false);
  const behindToleranceBp = r.int(input, 'behindToleranceBp', '', 0, 10_000, false);
  const retentionYears = r.int(input, 'retentionYears', '', 1, 100, false);
  const intake = r.text(input, 'intake', '', false);
  const planDue = r.text(input, 'planDue', '', false);
  let categoryCapsBp: Policy['categoryCapsBp'];
  if (input.categoryCapsBp !== undefined) {
    const raw = input.categoryCapsBp;
    if (!isRecord(raw)) r.issues.push({ name: 'categoryCapsBp', reason: 'must be an object' });
    else {
      categoryCapsBp = {};
      for (const key of Object.keys(raw)) {
        if (!(categories as readonly string[]).includes(key)) {
          r.issues.push({
            name: `categoryCapsBp.${key}`,
            reason: `unknown category (${categories.join(', ')})`,
          });
          continue;
        }
        const v = r.int(raw, key, 'categoryCapsBp', 0, 10_000, false);
        if (v !== undefined) categoryCapsBp[key as Category] = v;
      }
    }
  }
  let source: Policy['source'];
  if (input.source !== undefined) {
    const raw = input.source;
    if (!isRecord(raw)) r.issues.push({ name: 'source', reason: 'must be an object with a title' });
    else {
      const title = r.text(raw, 'title', 'source', true);
      const url = r.text(raw, 'url', 'source', false);
      if (title !== undefined) source = url === undefined ? { title } : { title, url };
    }
  }
  const tender = input.tender === undefined ? undefined : readTenderRules(input.tender, r.issues);
  const activityTypes: ActivityType[] = [];
  if (!Array.isArray(input.activityTypes)) r.issues.push({ name: 'activityTypes', reason: 'must be a list' });
  else {
    const seen = new Map<string, string>();
    input.activityTypes.forEach((raw: unknown, i) => {
      const t = readActivityType(r, raw, i, seen);
      if (t) activityTypes.push(t);
    });
  }
  const groupFields = readTargetGroupFields(r, input, activityTypes);
  if (r.issues.length > 0 || percentageBp === undefined || planThresholdCents === undefined)
    return { ok: false, issues: r.issues };

  const policy: Policy = {
    validFrom: validFrom as IsoDate,
    percentageBp,
    base: base ?? policyDefaults.base,
    planThresholdCents,
    reporting: reporting ?? policyDefaults.reporting,
    reportDueDays: reportDueDays ?? policyDefaults.reportDueDays,
    behindToleranceBp: behindToleranceBp ?? policyDefaults.behindToleranceBp,
    intake: intake ?? policyDefaults.intake,
    planDue: planDue ?? policyDefaults.planDue,
    retentionYears: retentionYears ?? policyDefaults.retentionYears,
    activityTypes,
  };
  if (planThresholdByKind !== undefined) policy.planThresholdByKind = planThresholdByKind;
  if (exemptBelowCents !== undefined) policy.exemptBelowCents = exemptBelowCents;
  if (minTermMonths !== undefined) policy.minTermMonths = minTermMonths;
  if (obligationCapCents !== undefined) policy.obligationCapCents = obligationCapCents;
  if (categoryCapsBp !== undefined) policy.categoryCapsBp = categoryCapsBp;
  if (source !== undefined) policy.source = source;
  if (tender !== undefined) policy.tender = tender;
  Object.assign(policy, groupFields);
  return { ok: true, policy };
}
