import { DomainError } from '../../domain/errors.ts';
import { isRole } from '../../domain/access.ts';
import { writeAudit } from '../../db/audit.ts';
import { membershipOfUserInTenant, userByEmail } from '../../db/repositories/identity.ts';
import type { OidcProviderRow } from '../../db/repositories/oidc.ts';
import { memberships, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { startSession } from './start-session.ts';

/** What the identity provider told us about the person. */
export interface Identity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string;
}

/** Roles a provider may give a first-time user on its own (a supplier or initiative needs an organisation). */
const autoRoles = new Set(['advisor', 'contractManager', 'municipalityAdmin']);

/**
 * Signs in the person the provider vouches for, by verified email, with their role in the
 * provider's municipality. Someone without a role there gets the provider's default role when it
 * has one, else is refused. Every outcome is audited.
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
  if (!email || !identity.emailVerified)
    return refuse(
      'no verified email',
      'UNAUTHENTICATED',
      'The identity provider gave no verified email address.',
    );
  const result = await deps.db.transaction(async (tx) => {
    let user = await userByEmail(tx, email);
    if (user?.disabled) return null;
    let membership = user ? await membershipOfUserInTenant(tx, user.id, tenant.id) : undefined;
    if (!membership) {
      const role = provider.defaultRole;
      if (!role || !isRole(role) || !autoRoles.has(role)) return null;
      user ??= (await tx.insert(users).values({ email, name: identity.name }).returning())[0];
      if (!user) throw new Error('user not stored');
      [membership] = await tx
        .insert(memberships)
        .values({ userId: user.id, tenantId: tenant.id, role })
        .returning();
      await writeAudit(tx, {
        tenantId: tenant.id,
        actorUserId: user.id,
        actorLabel: email,
        action: 'user.create',
        objectType: 'user',
        objectId: user.id,
        details: { via: 'oidc', provider: provider.id, role },
        ip: request.ip,
      });
    }
    if (!user || !membership) return null;
    const started = await startSession(tx, {
      userId: user.id,
      membership,
      now: deps.now(),
      ip: request.ip,
      userAgent: request.userAgent,
      previousTokenHash: request.previousTokenHash,
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
    return started;
  });
  if (!result)
    return refuse(
      'no role',
      'FORBIDDEN',
      `You have no role in ${tenant.name}. Ask its administrator for an invitation.`,
    );
  return result;
}
