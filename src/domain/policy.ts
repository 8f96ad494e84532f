import type { IsoDate } from './dates.ts';
import type { TenderRules } from './tender-rules.ts';
import type { Bonus, TargetGroup } from './target-groups.ts';

/** The four ways of the social return ladder (domain.md §5), in ladder order. */
export const categories = ['employment', 'participation', 'socialDomain', 'socialEnterprise'] as const;
export type Category = (typeof categories)[number];

/**
 * A category's place in {@link categories} (its code, 0–3), or -1 for anything else. Their names
 * differ in length, so one comparison of text decides.
 * @example categoryCode('socialDomain') // 2
 */
export function categoryCode(category: unknown): number {
  switch (typeof category === 'string' ? category.length : 0) {
    case 10:
      return category === 'employment' ? 0 : -1;
    case 13:
      return category === 'participation' ? 1 : -1;
    case 12:
      return category === 'socialDomain' ? 2 : -1;
    case 16:
      return category === 'socialEnterprise' ? 3 : -1;
    default:
      return -1;
  }
}

/** The valuation methods (domain.md §6, and `targetGroupYear` of §11). */
export const methods = [
  'fteYear',
  'unit',
  'hour',
  'spendShare',
  'money',
  'obligationShare',
  'targetGroupYear',
] as const;
export type Method = (typeof methods)[number];

export type ContractKind = 'works' | 'servicesAndSupplies';

export interface ActivityType {
  code: string;
  name: string;
  category: Category;
  method: Method;
  /** Cents per FTE-year (`fteYear`), per unit (`unit`), per hour (`hour`). */
  rateCents?: number | undefined;
  /** Basis points of the amount (`spendShare`, `money`: default 10 000) or of the obligation (`obligationShare`). */
  shareBp?: number | undefined;
  unit?: string | undefined;
  description?: string | undefined;
  /** Evidence is required: without it an activity of this type is not submitted or accepted (decision 024). */
  evidenceRequired?: boolean | undefined;
}

/**
 * One version of a municipality's policy (api.md; every setting of domain.md §3). A contract is
 * judged by the version in force on its award date, for its whole life. {@link validatePolicy}
 * fills the settings left open with the defaults of §3, so a stored version never changes meaning
 * when code defaults change.
 */
export interface Policy {
  validFrom: IsoDate;
  /** Percentage of the base, in basis points (200 = 2%). */
  percentageBp: number;
  /**
   * What the percentage applies to: the total value, its labour-cost part, or (framework contracts)
   * what is actually invoiced, recorded per half-year (decision 022).
   */
  base: 'totalValue' | 'labourCost' | 'invoiced';
  /** At or above: plan regime; below: trust regime. */
  planThresholdCents: number;
  planThresholdByKind?: { works?: number | undefined; servicesAndSupplies?: number | undefined } | undefined;
  /** Below this contract value: no social return (regime `none`). */
  exemptBelowCents?: number | undefined;
  /** Contracts shorter than this many months: no social return (e.g. the Rijk's 6 months). */
  minTermMonths?: number | undefined;
  obligationCapCents?: number | undefined;
  reporting: 'halfYearly' | 'atCompletion';
  reportDueDays: number;
  behindToleranceBp: number;
  categoryCapsBp?: Partial<Record<Category, number>> | undefined;
  /** When the intake takes place (plan regime), as text: 'summer'. */
  intake: string;
  /** When the plan is due (plan regime), as text: 'autumn'. */
  planDue: string;
  /** Years evidence documents are kept. */
  retentionYears: number;
  source?: { title: string; url?: string | undefined } | undefined;
  /** Tender advice: labour-share percentages, suggestion rules, clause texts (absent: Retour's defaults). */
  tender?: TenderRules | undefined;
  activityTypes: ActivityType[];
  /** Hours of a full-time week for `targetGroupYear` (domain.md §11; default 36 when groups exist). */
  fullTimeHoursPerWeek?: number | undefined;
  /** Fewer hours a week do not count (refused with the reason). */
  minHoursPerWeek?: number | undefined;
  /** Rates per full-time year by the candidate's target group (`targetGroupYear`). */
  targetGroups?: TargetGroup[] | undefined;
  bonuses?: Bonus[] | undefined;
  /** Where the target-group table came from (a regional preset), when one was applied. */
  targetGroupSource?: { title: string; url?: string | undefined; readOn?: string | undefined } | undefined;
  /** Penalty on the unrealised amount at the end (domain.md §12), basis points: 15 000 = 1.5 ×. */
  penaltyFactorBp?: number | undefined;
}

/** The defaults of domain.md §3 for every setting a policy may leave open. */
export const policyDefaults = {
  base: 'totalValue',
  planThresholdCents: 20_000_000,
  reporting: 'halfYearly',
  reportDueDays: 31,
  behindToleranceBp: 1_000,
  intake: 'summer',
  planDue: 'autumn',
  retentionYears: 7,
} as const satisfies Partial<Policy>;

/**
 * The version in force on a date: the greatest `validFrom` on or before it; on a tie the higher
 * `version` (or the later in the list) wins. `undefined` when none is in force yet.
 * @example policyInForce([{ validFrom: '2025-01-01' }, { validFrom: '2026-07-01' }], '2026-03-15') // the 2025 one
 */
export function policyInForce<T extends { validFrom: string; version?: number | undefined }>(
  versions: readonly T[],
  onDate: IsoDate,
): T | undefined {
  let best: T | undefined;
  for (const v of versions) {
    if (v.validFrom > onDate) continue; // ISO dates sort as text
    if (
      best === undefined ||
      v.validFrom > best.validFrom ||
      (v.validFrom === best.validFrom && (v.version ?? 0) >= (best.version ?? 0))
    )
      best = v;
  }
  return best;
}

/** An activity type of the policy by code. */
export function activityTypeByCode(
  policy: Pick<Policy, 'activityTypes'>,
  code: string,
): ActivityType | undefined {
  return policy.activityTypes.find((t) => t.code === code);
}
