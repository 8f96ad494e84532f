import type { Access } from '../../../src/app/use-case.ts';
import { roles, type Role } from '../../../src/domain/access.ts';
import type { Ids } from './world.ts';

/**
 * - `object`: the path or body names an object of the municipality (contract, report, supplier …):
 *   someone of another municipality gets 404, never the data.
 * - `tenant`: acts on or lists the caller's own municipality (no object named): another
 *   municipality's user gets an answer about their own municipality, never the target's data.
 * - `none`: not bound to a municipality (health, sign-in, who am I).
 */
export type Scope = 'object' | 'tenant' | 'none';

export interface Rule {
  access: Access;
  scope: Scope;
  /** A valid body (validation runs before authorization, so the body must pass it). */
  body?: (ids: Ids) => unknown;
  /** Query string without `?`. */
  query?: string;
  /** Status when allowed; default: 200 for GET, for writes any answer except 401/403/404/5xx. */
  status?: number;
  /** A new object per case, for endpoints that delete or revoke it. */
  fresh?: 'evidence' | 'activity' | 'apiToken' | 'oidcProvider' | 'membership';
  /** Status for an object of another municipality (default 404; 400 when a body field names it). */
  foreign?: number;
  /**
   * Roles that must not reach another supplier's object (default: supplier, contractManager and
   * verifier if listed: the verifier is assigned to the first supplier's contract only).
   */
  crossSupplier?: readonly Role[];
  /**
   * Only in a browser session: the cases are sent with a session cookie (and CSRF token), and an
   * API token of every listed role gets 403 (see 'session-only endpoints' in the matrix test).
   */
  session?: true;
}

export type Who = Role | 'anonymous';
export type Where = 'same' | 'other';
/** A status, or 'allowed': anything except 401, 403, 404 and 5xx. */
export type Expected = number | 'allowed';

export const contexts: { who: Who; where: Where }[] = [
  { who: 'anonymous', where: 'same' },
  { who: 'platformAdmin', where: 'same' },
  ...roles
    .filter((r) => r !== 'platformAdmin')
    .flatMap((who) => (['same', 'other'] as const).map((where) => ({ who, where }))),
];

function allowedStatus(rule: Rule, method: string): Expected {
  return rule.status ?? (method === 'GET' ? 200 : 'allowed');
}

/** What a request should answer: the rule of the endpoint applied to who asks and whose object. */
export function expectedStatus(rule: Rule, method: string, who: Who, where: Where): Expected {
  if (rule.access === 'public') return allowedStatus(rule, method);
  if (who === 'anonymous') return 401;
  const listed = rule.access === 'signedIn' || rule.access.includes(who);
  // A platform admin acts outside any municipality: municipality work needs a tenant first.
  if (who === 'platformAdmin' && rule.scope !== 'none' && !rule.access.includes('platformAdmin')) return 403;
  if (!listed) return 403;
  if (where === 'other' && rule.scope === 'object') return rule.foreign ?? 404;
  return allowedStatus(rule, method);
}

export function matches(expected: Expected, status: number): boolean {
  if (expected === 'allowed') return ![401, 403, 404].includes(status) && status < 500;
  return status === expected;
}

/**
 * `/contracts/{id}/plan` with the contract's id; the segment before `{id}` says which id.
 * `{slug}` is the municipality's slug, `{period}` the half-year 2026-H1.
 */
export function fillPath(path: string, ids: Ids): string {
  const idOf: Record<string, keyof Ids> = {
    contracts: 'contractId',
    reports: 'reportId',
    activities: 'activityId',
    evidence: 'evidenceId',
    suppliers: 'supplierId',
    'api-tokens': 'apiTokenId',
    'oidc-providers': 'oidcProviderId',
    initiatives: 'initiativeId',
    pledges: 'pledgeId',
    memberships: 'membershipId',
    notifications: 'notificationId',
  };
  // `{userId}` (a verifier to unassign): someone never assigned, so the assignment the world made stays.
  return path
    .replace('{slug}', ids.tenantSlug)
    .replace('{period}', '2026-H1')
    .replace('{needId}', ids.needId)
    .replace('{userId}', '6f1c2f9e-0000-4000-8000-000000000009')
    .replace(/\/([a-z-]+)\/\{id\}/g, (_m, segment: string) => {
      const key = idOf[segment];
      if (!key) throw new Error(`No id for /${segment}/{id}: add it to fillPath in test/api/matrix/rules.ts`);
      return `/${segment}/${ids[key]}`;
    });
}
