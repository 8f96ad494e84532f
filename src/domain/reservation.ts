import { invalid, type Issue } from './errors.ts';
import { dayNumberOrNaN } from './dates.ts';

/**
 * A reserved contract (voorbehouden opdracht, Aanbestedingswet art. 2.82): only suppliers that meet
 * an eligibility condition may bid. Retour records which one the supplier meets and for how long.
 */
export const reservationBases = ['pso30plus', 'targetGroupShare'] as const;
export type ReservationBasis = (typeof reservationBases)[number];

/** The share of staff from the target groups a reserved contract asks at least (30%). */
export const minTargetGroupShareBp = 3_000;

export interface Reservation {
  basis: ReservationBasis;
  /** Staff share from the target groups, basis points: required (≥ 30%) for `targetGroupShare`. */
  shareBp?: number | undefined;
  /** Certificate number or the statement's reference. */
  reference: string;
  validFrom: string;
  validTo: string;
}

/**
 * Checks an eligibility condition and names every wrong field.
 * @example checkReservation({ basis: 'targetGroupShare', shareBp: 2500, … }) // throws: shareBp must be at least 3000
 */
export function checkReservation(r: Reservation): Reservation {
  const issues: Issue[] = [];
  if (!(reservationBases as readonly string[]).includes(r.basis))
    issues.push({ name: 'basis', reason: `must be one of ${reservationBases.join(', ')}` });
  if (r.basis === 'targetGroupShare' && r.shareBp === undefined)
    issues.push({ name: 'shareBp', reason: 'is required for a stated target-group share' });
  if (r.shareBp !== undefined) {
    if (!Number.isSafeInteger(r.shareBp) || r.shareBp > 10_000)
      issues.push({ name: 'shareBp', reason: 'must be whole basis points, at most 10000 (100%)' });
    else if (r.shareBp < minTargetGroupShareBp)
      issues.push({ name: 'shareBp', reason: 'must be at least 3000 (30%) for a reserved contract' });
  }
  const from = dayNumberOrNaN(String(r.validFrom));
  const to = dayNumberOrNaN(String(r.validTo));
  if (Number.isNaN(from)) issues.push({ name: 'validFrom', reason: 'must be a real date (YYYY-MM-DD)' });
  if (Number.isNaN(to)) issues.push({ name: 'validTo', reason: 'must be a real date (YYYY-MM-DD)' });
  else if (to < from) issues.push({ name: 'validTo', reason: 'must not be before validFrom' });
  if (issues.length > 0) throw invalid('The eligibility condition cannot be recorded.', issues);
  return r;
}

/** Whether the condition holds on a date (both ends counted). */
export function reservationValidOn(r: Pick<Reservation, 'validFrom' | 'validTo'>, date: string): boolean {
  return r.validFrom <= date && date <= r.validTo;
}
