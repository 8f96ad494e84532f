import { invalid } from '../../domain/errors.ts';

export type CandidateInput =
  | string
  | {
      code: string;
      targetGroup?: string | null | undefined;
      startDate?: string | null | undefined;
      endDate?: string | null | undefined;
      hoursPerWeek?: number | null | undefined;
    };

export interface Candidate {
  code: string;
  targetGroup: string | null;
  startDate: string | null;
  endDate: string | null;
  hoursPerWeek: number | null;
}

const codePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;
/** More than this many hours a week is not a placement but a typing error. */
export const maxHoursPerWeek = 60;

/**
 * A pseudonymised candidate (domain.md §8): a code chosen by the supplier, never a BSN, name, date
 * of birth or address, with the target group, start and end of the placement and hours per week.
 * Nine digits (with or without separators) look like a BSN and are refused; so is anything with
 * spaces or other characters a name or address would need. Dates arrive checked as real dates.
 */
export function checkCandidate(input: CandidateInput | undefined | null): Candidate | undefined {
  if (input === undefined || input === null) return undefined;
  const asText = typeof input === 'string';
  const field = asText ? 'candidate' : 'candidate.code';
  const code = (asText ? input : input.code).trim();
  if (/^\d{9}$/.test(code.replace(/[\s.-]/g, '')))
    throw invalid('A candidate is recorded by a pseudonymous code, never by a BSN.', [
      { name: field, reason: 'looks like a BSN (9 digits): use a pseudonymous code instead' },
    ]);
  if (!codePattern.test(code))
    throw invalid('A candidate is recorded by a pseudonymous code.', [
      {
        name: field,
        reason:
          "must be a pseudonymous code of at most 40 letters, digits, '.', '_' or '-' (no names, no spaces)",
      },
    ]);
  if (asText) return { code, targetGroup: null, startDate: null, endDate: null, hoursPerWeek: null };
  const group = input.targetGroup?.trim() ?? null;
  const startDate = input.startDate ?? null;
  const endDate = input.endDate ?? null;
  if (startDate && endDate && endDate < startDate)
    throw invalid('A placement ends on or after its start.', [
      { name: 'candidate.endDate', reason: `must not be before candidate.startDate (${startDate})` },
    ]);
  const hours = input.hoursPerWeek ?? null;
  if (hours !== null && !(hours > 0 && hours <= maxHoursPerWeek && Math.round(hours * 100) === hours * 100))
    throw invalid('Hours per week out of range.', [
      {
        name: 'candidate.hoursPerWeek',
        reason: `must be more than 0 and at most ${maxHoursPerWeek}, with at most 2 decimals`,
      },
    ]);
  return { code, targetGroup: group ? group : null, startDate, endDate, hoursPerWeek: hours };
}
