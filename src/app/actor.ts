import type { Role } from '../domain/access.ts';

/**
 * Who is asking, resolved from the session cookie or the bearer token, never from the request body.
 * Every request acts in one tenant at a time (null only for a platform admin outside a tenant).
 */
export interface Actor {
  userId: string;
  email: string;
  tenantId: string | null;
  role: Role;
  membershipId: string;
  /** Set for supplier users: the organisation they act for. */
  supplierId: string | null;
  /** Set for initiative users. */
  initiativeId: string | null;
  via: 'session' | 'token';
  sessionId?: string;
  ip: string | null;
}
