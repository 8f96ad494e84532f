import { DomainError } from '../../domain/errors.ts';
import { isRole } from '../../domain/access.ts';
import { writeAudit } from '../../db/audit.ts';
import type { Tx } from '../../db/client.ts';
import {
  linkExternalIdentity,
  membershipOfUserInTenant,
  userByEmail,
  userOfExternalIdentity,
} from '../../db/repositories/identity.ts';
import type { OidcProviderRow } from '../../db/repositories/oidc.ts';
import { memberships, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { startSession } from './start-session.ts';

/** What the identity provider told us about the person. */
export interface Identity {
  subject: string;
  email: string | null;
  /** True only when the provider said `email_verified: true`; a missing claim is not verified. */
  emailVerified: boolean;
  name: string;
}

/** Roles a provider may give a first-time user on its own (a supplier or initiative needs an organisation). */
const autoRoles = new Set(['advisor', 'contractManager', 'municipalityAdmin']);

type Outcome =
  | { ok: true; started: Awaited<ReturnType<typeof startSession>> }
  | { ok: false; reason: string; message: string };

/**
 * Signs in the person the provider vouches for, in the provider's municipality only:
 * - a (provider, subject) seen before signs in as the user it was linked to;
 * - otherwise an existing user with the same verified email is linked only when that user already
 *   has a role in the provider's municipality: a provider cannot reach accounts of other
 *   municipalities (its admin could register any issuer and claim any email address);
 * - otherwise a new user gets the provider's default role, when it has one.
 * The session stays in the provider's municipality (no tenant switch). Every outcome is audited.
 */
export async function signInWithIdentity(
  deps: AppDeps,
  found: { provider: OidcProviderRow; tenant: { id: string; name: string } },
  identity: Identity,
  request: { ip: string | null; userAgent: string | null; previousTokenHash?: string | undefined },
) {
  const { provider, tenant } = found;
  const email = identity.email?.trim().toLowerCase() ?? '';
  const refuse = async (reason: string, code: 'UNAUTHENTICATED' | 'FORBIDDEN', message: string) => {
    await writeAudit(deps.db, {
      tenantId: tenant.id,
      actorUserId: null,
      actorLabel: email || identity.subject,
      action: 'session.failed',
      details: { via: 'oidc', provider: provider.id, reason },
      ip: request.ip,
    });
    throw new DomainError(code, message);
  };
  if (!identity.subject || !email || identity.emailVerified !== true)
    return refuse(
      'no verified email',
      'UNAUTHENTICATED',
      'The identity provider gave no verified email address.',
    );
  const noRole = `You have no role in ${tenant.name}. Ask its administrator for an invitation.`;
  const audit = (tx: Tx, userId: string, action: string, details: Record<string, unknown>) =>
    writeAudit(tx, {
      tenantId: tenant.id,
      actorUserId: userId,
      actorLabel: email,
      action,
      objectType: 'user',
      objectId: userId,
      details: { via: 'oidc', provider: provider.id, subject: identity.subject, ...details },
      ip: request.ip,
    });
  const outcome = await deps.db.transaction(async (tx): Promise<Outcome> => {
    let user = await userOfExternalIdentity(tx, provider.id, identity.subject);
    if (!user) {
      const byEmail = await userByEmail(tx, email);
      if (byEmail) {
        if (!(await membershipOfUserInTenant(tx, byEmail.id, tenant.id)))
          return {
            ok: false,
            reason: 'account of another municipality',
            message: `An account with this email address exists, but has no role in ${tenant.name}. Single sign-on cannot attach it; ask the administrator of ${tenant.name} for an invitation.`,
          };
        await linkExternalIdentity(tx, {
          providerId: provider.id,
          subject: identity.subject,
          userId: byEmail.id,
        });
        await audit(tx, byEmail.id, 'externalIdentity.link', {});
        user = byEmail;
      } else {
        const role = provider.defaultRole;
        if (!role || !isRole(role) || !autoRoles.has(role))
          return { ok: false, reason: 'no role', message: noRole };
        [user] = await tx.insert(users).values({ email, name: identity.name }).returning();
        if (!user) throw new Error('user not stored');
        await tx.insert(memberships).values({ userId: user.id, tenantId: tenant.id, role });
        await linkExternalIdentity(tx, {
          providerId: provider.id,
          subject: identity.subject,
          userId: user.id,
        });
        await audit(tx, user.id, 'user.create', { role });
      }
    }
    const membership = user.disabled ? undefined : await membershipOfUserInTenant(tx, user.id, tenant.id);
    if (!membership) return { ok: false, reason: 'no role', message: noRole };
    const started = await startSession(tx, {
      userId: user.id,
      membership,
      now: deps.now(),
      ip: request.ip,
      userAgent: request.userAgent,
      previousTokenHash: request.previousTokenHash,
      via: 'oidc',
    });
    await writeAudit(tx, {
      tenantId: tenant.id,
      actorUserId: user.id,
      actorLabel: email,
      action: 'session.create',
      objectType: 'session',
      objectId: started.session.id,
      details: { via: 'oidc', provider: provider.id, subject: identity.subject },
      ip: request.ip,
    });
    return { ok: true, started };
  });
  if (!outcome.ok) return refuse(outcome.reason, 'FORBIDDEN', outcome.message);
  return outcome.started;
}
