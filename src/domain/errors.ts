/**
 * The one error type of Retour. Broken invariants and refused inputs throw it; `src/http/problem.ts`
 * maps each code to an HTTP status once.
 */
export type DomainErrorCode =
  | 'VALIDATION' // input refused; `issues` names each field
  | 'NOT_FOUND' // also used for objects of another tenant: never reveal they exist
  | 'CONFLICT' // unique key taken, concurrent change lost
  | 'INVALID_STATE' // the action does not fit the object's state (e.g. approve a draft)
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'RATE_LIMITED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

export interface Issue {
  /** Field path in the input, dot separated (`activityTypes.2.rateCents`); '' for the whole input. */
  name: string;
  reason: string;
}

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  readonly issues: readonly Issue[];
  constructor(code: DomainErrorCode, message: string, issues: readonly Issue[] = []) {
    super(message);
    this.name = 'DomainError';
    this.code = code;
    this.issues = issues;
  }
}

/** Shorthand for a refused input with the fields that caused it. */
export function invalid(message: string, issues: readonly Issue[]): DomainError {
  return new DomainError('VALIDATION', message, issues);
}
