/** The roles of Retour (domain.md §2, issue 5). */
export const roles = [
  'platformAdmin',
  'municipalityAdmin',
  'advisor',
  'contractManager',
  'supplier',
  'initiative',
  /** An independent verifier (an accountant, a regional werkgeversservicepunt): reads the contracts
   * assigned to them and accepts or rejects their activities, nothing else (issue 16). */
  'verifier',
] as const;
export type Role = (typeof roles)[number];

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}

/** Roles that work for the municipality itself and see all its contracts. */
export const municipalityStaff: readonly Role[] = ['municipalityAdmin', 'advisor', 'contractManager'];
