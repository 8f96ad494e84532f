import { forgetTokenHolders } from './api-token-actor.ts';
import { and, eq } from 'drizzle-orm';
import { DomainError, invalid } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import type { Tx } from '../../db/client.ts';
import { apiTokens, memberships, sessions, tenants, users } from '../../db/schema/index.ts';
import { isUuid } from '../../db/repositories/evidence.ts';
import { queueMail } from '../../mail/queue-mail.ts';
import type { Actor } from '../actor.ts';
import type { AppDeps } from '../deps.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { issueLink, linksSince } from './one-time-links.ts';

/** Roles an admin may switch a membership between: none of them is bound to an organisation. */
export const staffRoles = ['municipalityAdmin', 'advisor', 'contractManager'] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A membership of this municipality (another municipality's is not found), locked for the change. */
async function membershipHere(tx: Tx, actor: Actor, id: string) {
  if (!isUuid(id)) throw new DomainError('NOT_FOUND', 'No such user here.');
  const [row] = await tx
    .select({ membership: memberships, user: users })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.id, id), eq(memberships.tenantId, tenantOf(actor))))
    .for('update', { of: memberships })
    .limit(1);
  if (!row) throw new DomainError('NOT_FOUND', 'No such user here.');
  return row;
}

function notYourself(actor: Actor, membershipId: string) {
  if (actor.membershipId === membershipId)
    throw new DomainError(
      'INVALID_STATE',
      'You cannot change or remove your own role; ask another administrator of this municipality.',
    );
}

/** Ends what acts with a membership: its browser sessions and API tokens. */
async function endAccess(tx: Tx, membershipId: string, now: Date) {
  await tx.delete(sessions).where(eq(sessions.membershipId, membershipId));
  await tx.update(apiTokens).set({ revokedAt: now }).where(eq(apiTokens.membershipId, membershipId));
}

/**
 * Disables or enables a user's role in this municipality, or changes it between the staff roles.
 * Disabling ends its sessions and revokes its API tokens here at once.
 */
export const updateMembership = defineUseCase({
  name: 'membership.update',
  access: ['municipalityAdmin'],
  async run(
    { deps, actor },
    input: { id: string; disabled?: boolean | undefined; role?: StaffRole | undefined },
  ) {
    const updated = await deps.db.transaction(async (tx) => {
      const { membership, user } = await membershipHere(tx, actor, input.id);
      notYourself(actor, membership.id);
      const changes: { disabled?: boolean; role?: StaffRole } = {};
      if (input.disabled !== undefined && input.disabled !== membership.disabled)
        changes.disabled = input.disabled;
      if (input.role !== undefined && input.role !== membership.role) {
        if (!(staffRoles as readonly string[]).includes(membership.role))
          throw invalid('A supplier or initiative role cannot be changed; remove it and invite again.', [
            { name: 'role', reason: `only between ${staffRoles.join(', ')}` },
          ]);
        changes.role = input.role;
      }
      if (!Object.keys(changes).length) return { ...membership, email: user.email };
      const [row] = await tx
        .update(memberships)
        .set(changes)
        .where(eq(memberships.id, membership.id))
        .returning();
      if (!row) throw new Error('membership not updated');
      // A disabled member stops at once; a changed role is taken up at the next sign-in.
      if (changes.disabled || changes.role) await endAccess(tx, membership.id, deps.now());
      await writeAudit(tx, {
        tenantId: tenantOf(actor),
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'membership.update',
        objectType: 'membership',
        objectId: membership.id,
        details: { email: user.email, ...changes, ...(changes.role ? { from: membership.role } : {}) },
        ip: actor.ip,
      });
      return { ...row, email: user.email };
    });
    forgetTokenHolders(deps.db);
    return updated;
  },
});

/** Removes a user's role in this municipality; its sessions end and its API tokens here go. */
export const removeMembership = defineUseCase({
  name: 'membership.delete',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: { id: string }) {
    await deps.db.transaction(async (tx) => {
      const { membership, user } = await membershipHere(tx, actor, input.id);
      notYourself(actor, membership.id);
      await tx.delete(sessions).where(eq(sessions.membershipId, membership.id));
      await tx.delete(apiTokens).where(eq(apiTokens.membershipId, membership.id));
      await tx.delete(memberships).where(eq(memberships.id, membership.id));
      await writeAudit(tx, {
        tenantId: tenantOf(actor),
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'membership.delete',
        objectType: 'membership',
        objectId: membership.id,
        details: { email: user.email, role: membership.role },
        ip: actor.ip,
      });
    });
    forgetTokenHolders(deps.db);
  },
});

/** Sends a new invitation link to a user who has not set a password yet. */
export const resendInvitation = defineUseCase({
  name: 'membership.resendInvitation',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: { id: string }) {
    const tenantId = tenantOf(actor);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const { membership, user } = await membershipHere(tx, actor, input.id);
      if (user.passwordHash)
        throw new DomainError('INVALID_STATE', `${user.email} has accepted the invitation already.`);
      if (membership.disabled || user.disabled)
        throw new DomainError('INVALID_STATE', 'Enable this user first.');
      const link = await mailInvitation(tx, deps, tenantId, user, now);
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'user.reinvite',
        objectType: 'membership',
        objectId: membership.id,
        details: { email: user.email },
        ip: actor.ip,
      });
      return { expiresAt: link.expiresAt };
    });
  },
});

/**
 * An admin sends a password-reset link to a user of this municipality (someone who lost access and
 * called). The same link and mail as "forgot password", with the same limit of 3 an hour.
 */
export const sendPasswordReset = defineUseCase({
  name: 'membership.sendPasswordReset',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, input: { id: string }) {
    const tenantId = tenantOf(actor);
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      const { membership, user } = await membershipHere(tx, actor, input.id);
      if (!user.passwordHash)
        throw new DomainError(
          'INVALID_STATE',
          `${user.email} has not accepted the invitation yet; send the invitation again instead.`,
        );
      if (membership.disabled || user.disabled)
        throw new DomainError('INVALID_STATE', 'Enable this user first.');
      if ((await linksSince(tx, 'passwordReset', user.id, new Date(now.getTime() - 3_600_000))) >= 3)
        throw new DomainError(
          'RATE_LIMITED',
          'Three reset links went to this account in the last hour; try again later.',
        );
      const link = await mailPasswordReset(tx, deps, tenantId, user, now);
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'user.sendPasswordReset',
        objectType: 'membership',
        objectId: membership.id,
        details: { email: user.email },
        ip: actor.ip,
      });
      return { expiresAt: link.expiresAt };
    });
  },
});

/**
 * Issues a password-reset link and queues the mail with it (asked for by the person, or sent by an
 * admin of a municipality, whose name the mail then carries).
 */
export async function mailPasswordReset(
  tx: Tx,
  deps: AppDeps,
  tenantId: string | null,
  user: { id: string; email: string; locale: string },
  now: Date,
) {
  const [tenant] = tenantId ? await tx.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1) : [];
  const link = await issueLink(tx, 'passwordReset', user.id, null, now);
  await queueMail(tx, {
    tenantId,
    to: user.email,
    locale: user.locale,
    template: {
      kind: 'passwordReset',
      data: {
        tenantName: tenant?.name ?? 'Retour',
        link: `${deps.config.publicUrl}/password-reset#token=${link.secret}`,
        expiresAt: link.expiresAt.toISOString(),
      },
    },
  });
  return link;
}

/** Issues an invitation link for a user and queues the mail with it (invite and resend alike). */
export async function mailInvitation(
  tx: Tx,
  deps: AppDeps,
  tenantId: string,
  user: { id: string; email: string; locale: string },
  now: Date,
) {
  const [tenant] = await tx.select().from(tenants).where(eq(tenants.id, tenantId)).limit(1);
  if (!tenant) throw new DomainError('NOT_FOUND', 'No such municipality.');
  const link = await issueLink(tx, 'invitation', user.id, tenantId, now);
  await queueMail(tx, {
    tenantId,
    to: user.email,
    locale: user.locale,
    template: {
      kind: 'invitation',
      data: {
        tenantName: tenant.name,
        link: `${deps.config.publicUrl}/invitation#token=${link.secret}`,
        expiresAt: link.expiresAt.toISOString(),
      },
    },
  });
  return link;
}
