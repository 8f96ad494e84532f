import { DomainError } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { touchInBackground } from '../../db/last-used.ts';
import {
  deleteSession,
  membershipOfUserInTenant,
  membershipsOf,
  sessionByTokenHash,
  setSessionMembership,
  touchSession,
} from '../../db/repositories/identity.ts';
import { eq } from 'drizzle-orm';
import { isRole } from '../../domain/access.ts';
import { sessions, users } from '../../db/schema/index.ts';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { sessionExpired, sessionPolicy } from './session-policy.ts';
import { defineUseCase } from '../use-case.ts';

/** Ends the current browser session. */
export const signOut = defineUseCase({
  name: 'session.delete',
  access: 'signedIn',
  async run({ deps, actor }, _input: void) {
    if (actor.via !== 'session' || !actor.sessionId) {
      throw new DomainError(
        'INVALID_STATE',
        'Only a browser session can be signed out; revoke an API token instead.',
      );
    }
    const sessionId = actor.sessionId;
    await deps.db.transaction(async (tx) => {
      await deleteSession(tx, sessionId);
      await writeAudit(tx, {
        tenantId: actor.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'session.delete',
        objectType: 'session',
        objectId: sessionId,
        ip: actor.ip,
      });
    });
  },
});

/** Who am I: the user, the tenant and role this request acts with, all memberships, the CSRF token. */
export const whoAmI = defineUseCase({
  name: 'me.get',
  access: 'signedIn',
  async run({ deps, actor }, input: { csrfToken: string | null }) {
    const [user] = await deps.db.select().from(users).where(eq(users.id, actor.userId)).limit(1);
    if (!user) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
    const all = (await membershipsOf(deps.db, actor.userId)).filter((m) => !m.disabled);
    const current = all.find((m) => m.id === actor.membershipId);
    return { user, actor, current, memberships: all, csrfToken: input.csrfToken };
  },
});

/** Switches the session to the user's membership in another tenant. */
export const switchTenant = defineUseCase({
  name: 'session.switchTenant',
  access: 'signedIn',
  async run({ deps, actor }, input: { tenantId: string }) {
    if (actor.via !== 'session' || !actor.sessionId) {
      throw new DomainError('INVALID_STATE', 'An API token always acts in its own municipality.');
    }
    const sessionId = actor.sessionId;
    return deps.db.transaction(async (tx) => {
      const [current] = await tx.select().from(sessions).where(eq(sessions.id, sessionId)).limit(1);
      if (current?.via === 'oidc' && current.tenantId !== input.tenantId)
        throw new DomainError(
          'INVALID_STATE',
          'A single sign-on session stays in the municipality of its identity provider. Sign in there to work elsewhere.',
        );
      const membership = await membershipOfUserInTenant(tx, actor.userId, input.tenantId);
      if (!membership) throw new DomainError('NOT_FOUND', 'You have no role in that municipality.');
      await setSessionMembership(tx, sessionId, membership);
      await writeAudit(tx, {
        tenantId: membership.tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'session.switchTenant',
        objectType: 'session',
        objectId: sessionId,
        ip: actor.ip,
      });
      return membership;
    });
  },
});

/** Resolves a cookie token to its session; expired sessions are removed and give nothing. */
export async function actorForSession(
  deps: AppDeps,
  tokenHash: string,
  ip: string | null,
): Promise<{ actor: Actor; csrfToken: string } | null> {
  const found = await sessionByTokenHash(deps.db, tokenHash);
  if (!found) return null;
  const now = deps.now();
  if (sessionExpired(found.session, now) || found.user.disabled) {
    await deleteSession(deps.db, found.session.id);
    return null;
  }
  const sessionId = found.session.id;
  touchInBackground(
    deps.db,
    `session:${sessionId}`,
    { last: found.session.lastSeenAt, now, everyMs: sessionPolicy.touchEveryMs },
    () => touchSession(deps.db, sessionId, now),
  );
  const m = found.membership;
  if (!m || m.disabled || !isRole(m.role)) return null;
  return {
    csrfToken: found.session.csrfToken,
    actor: {
      userId: found.user.id,
      email: found.user.email,
      tenantId: m.tenantId,
      role: m.role,
      membershipId: m.id,
      supplierId: m.supplierId,
      initiativeId: m.initiativeId,
      via: 'session',
      sessionId: found.session.id,
      ip,
    },
  };
}
