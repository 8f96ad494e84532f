import { invalid, type Issue } from './errors.ts';

/**
 * The marketplace (domain.md §9): initiatives and social enterprises publish a profile with their
 * themes and needs, the municipality approves which qualify for social return, suppliers pledge a
 * contribution, and a confirmed contribution becomes an activity on the supplier's contract.
 */

/** The social domain themes of §5 (Amsterdam's list), as a fixed code list. */
export const themes = [
  'work',
  'povertyReduction',
  'healthPromotion',
  'participation',
  'education',
  'growingUpHealthy',
] as const;
export type Theme = (typeof themes)[number];

/** What an initiative asks for. */
export const needKinds = ['hours', 'goods', 'money', 'place'] as const;
export type NeedKind = (typeof needKinds)[number];

/** An open need takes pledges; a closed one no longer (kept for the pledges that answer it). */
export const needStatuses = ['open', 'closed'] as const;
export type NeedStatus = (typeof needStatuses)[number];

/** What a supplier can pledge; each kind maps onto one activity type of the catalogue. */
export const pledgeKinds = ['hours', 'money', 'goods'] as const;
export type PledgeKind = (typeof pledgeKinds)[number];

export const profileStatuses = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ProfileStatus = (typeof profileStatuses)[number];

export const pledgeStatuses = ['open', 'confirmed', 'declined'] as const;
export type PledgeStatus = (typeof pledgeStatuses)[number];

/** The activity type a confirmed pledge is recorded as (default catalogue codes of §6). */
export const activityTypeOfPledge: Record<PledgeKind, string> = {
  hours: 'initiative-hours',
  money: 'initiative-money',
  goods: 'initiative-goods',
};

/** The quantity of a pledge: hours for time, euro cents for money and for the value of goods. */
export interface PledgeQuantity {
  hours?: number | undefined;
  amountCents?: number | undefined;
}

/**
 * Checks that a pledge names the quantity its kind needs and nothing else, and returns the inputs
 * of the activity it becomes. Example: `pledgeQuantity('hours', { hours: 16 })` → `{ hours: 16 }`.
 */
export function pledgeQuantity(kind: PledgeKind, q: PledgeQuantity): PledgeQuantity {
  const issues: Issue[] = [];
  if (kind === 'hours') {
    if (q.hours === undefined) issues.push({ name: 'hours', reason: 'is required for a pledge of hours' });
    if (q.amountCents !== undefined)
      issues.push({ name: 'amountCents', reason: 'is not used for a pledge of hours' });
  } else {
    if (q.amountCents === undefined)
      issues.push({ name: 'amountCents', reason: `is required for a pledge of ${kind}` });
    if (q.hours !== undefined) issues.push({ name: 'hours', reason: `is not used for a pledge of ${kind}` });
  }
  if (issues.length) throw invalid('The quantity does not fit the kind of pledge.', issues);
  return kind === 'hours' ? { hours: q.hours } : { amountCents: q.amountCents };
}

/** Whether suppliers see the profile and it qualifies for social return. */
export function isVisibleToSuppliers(status: ProfileStatus): boolean {
  return status === 'approved';
}

/**
 * The status after an initiative edits its profile: a draft or rejected profile becomes (or stays)
 * a draft; a submitted one goes back to draft; an approved profile stays approved (decision 012:
 * the municipality can still reject it, and every edit is in the audit log).
 */
export function statusAfterEdit(status: ProfileStatus): ProfileStatus {
  return status === 'approved' ? 'approved' : 'draft';
}

/** Submitting for approval is possible from draft and rejected only. */
export function canSubmit(status: ProfileStatus): boolean {
  return status === 'draft' || status === 'rejected';
}

/** The municipality reviews a submitted profile, and may reject (withdraw) an approved one. */
export function canReview(status: ProfileStatus, decision: 'approved' | 'rejected'): boolean {
  return status === 'submitted' || (status === 'approved' && decision === 'rejected');
}
