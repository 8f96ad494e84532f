import { invalid } from '../../domain/errors.ts';

export type CandidateInput = string | { code: string; targetGroup?: string | null | undefined };

export interface Candidate {
  code: string;
  targetGroup: string | null;
}

const codePattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/**
 * A pseudonymised candidate (domain.md §8): a code chosen by the supplier, never a BSN, name, date
 * of birth or address. Nine digits (with or without separators) look like a BSN and are refused;
 * so is anything with spaces or other characters a name or address would need.
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
  const group = asText ? null : (input.targetGroup?.trim() ?? null);
  return { code, targetGroup: group ? group : null };
}
