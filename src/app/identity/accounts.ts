import { and, asc, eq } from 'drizzle-orm';
import { DomainError, invalid } from '../../domain/errors.ts';
import { roles, type Role } from '../../domain/access.ts';
import { writeAccountAudit, writeAudit } from '../../db/audit.ts';
import { clearSignInFailures, tenantIdsOfUser } from '../../db/repositories/identity.ts';
import { initiatives, memberships, sessions, suppliers, users } from '../../db/schema/index.ts';
import { hashPassword, minPasswordLength } from '../passwords.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { consumeLink, linksSince } from './one-time-links.ts';
import { mailInvitation, mailPasswordReset } from './memberships.ts';

const invitableRoles = roles.filter((r) => r !== 'platformAdmin');

function checkPassword(password: string) {
  if (password.length < minPasswordLength) {
    throw invalid(`The password must have at least ${minPasswordLength} characters.`, [
      { name: 'password', reason: `at least ${minPasswordLength} characters` },
    ]);
  }
}

/** The municipality's users with their roles in it. */
export const listUsers = defineUseCase({
  name: 'user.list',
  access: ['municipalityAdmin'],
  async run({ deps, actor }, _input: void) {
    return deps.db
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        disabled: users.disabled,
        hasPassword: users.passwordHash,
        membershipId: memberships.id,
        membershipDisabled: memberships.disabled,
        role: memberships.role,
        initiativeId: memberships.initiativeId,
        supplierId: memberships.supplierId,
        supplierName: suppliers.name,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .leftJoin(suppliers, eq(suppliers.id, memberships.supplierId))
      .where(eq(memberships.tenantId, tenantOf(actor)))
      .orderBy(asc(users.email));
  },
});

/** Invites someone by email: a role in this municipality and a one-time link to set a password. */
export const inviteUser = defineUseCase({
  name: 'user.invite',
  access: ['municipalityAdmin'],
  async run(
    { deps, actor },
    input: {
      email: string;
      role: Role;
      supplierId?: string | undefined;
      initiativeId?: string | undefined;
      name?: string | undefined;
    },
  ) {
    const tenantId = tenantOf(actor);
    const email = input.email.trim().toLowerCase();
    if (!(invitableRoles as readonly string[]).includes(input.role)) {
      throw invalid('This role cannot be given by invitation.', [{ name: 'role', reason: 'not invitable' }]);
    }
    if (input.role === 'supplier' && !input.supplierId) {
      throw invalid('A supplier user belongs to a supplier.', [
        { name: 'supplierId', reason: 'required for role supplier' },
      ]);
    }
    if (input.role === 'initiative' && !input.initiativeId) {
      throw invalid('An initiative user belongs to an initiative.', [
        { name: 'initiativeId', reason: 'required for role initiative' },
      ]);
    }
    const now = deps.now();
    return deps.db.transaction(async (tx) => {
      if (input.initiativeId) {
        const [initiative] = await tx
          .select()
          .from(initiatives)
          .where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.tenantId, tenantId)))
          .limit(1);
        if (!initiative)
          throw invalid('Unknown initiative.', [{ name: 'initiativeId', reason: 'no such initiative here' }]);
      }
      if (input.supplierId) {
        const [supplier] = await tx
          .select()
          .from(suppliers)
          .where(and(eq(suppliers.id, input.supplierId), eq(suppliers.tenantId, tenantId)))
          .limit(1);
        if (!supplier)
          throw invalid('Unknown supplier.', [{ name: 'supplierId', reason: 'no such supplier here' }]);
      }
      const [found] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
      const user =
        found ??
        (
          await tx
            .insert(users)
            .values({ email, name: input.name ?? '' })
            .returning()
        )[0];
      if (!user) throw new Error('user not created');
      const [existing] = await tx
        .select()
        .from(memberships)
        .where(
          and(
            eq(memberships.userId, user.id),
            eq(memberships.tenantId, tenantId),
            eq(memberships.role, input.role),
            ...(input.supplierId ? [eq(memberships.supplierId, input.supplierId)] : []),
            ...(input.initiativeId ? [eq(memberships.initiativeId, input.initiativeId)] : []),
          ),
        )
        .limit(1);
      if (existing)
        throw new DomainError('CONFLICT', `${email} has this role here already.`, [
          { name: 'email', reason: 'already a member with this role' },
        ]);
      const [membership] = await tx
        .insert(memberships)
        .values({
          userId: user.id,
          tenantId,
          role: input.role,
          supplierId: input.role === 'supplier' ? (input.supplierId ?? null) : null,
          initiativeId: input.role === 'initiative' ? (input.initiativeId ?? null) : null,
        })
        .returning();
      const link = await mailInvitation(tx, deps, tenantId, user, now);
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'user.invite',
        objectType: 'user',
        objectId: user.id,
        details: { email, role: input.role },
        ip: actor.ip,
      });
      return { userId: user.id, membershipId: membership?.id ?? '', expiresAt: link.expiresAt };
    });
  },
});

/** Accepting an invitation or completing a reset: the link is used once and the password set. */
export const setPasswordWithLink = defineUseCase({
  name: 'user.setPassword',
  access: 'public',
  async run(
    { deps },
    input: { purpose: 'invitation' | 'passwordReset'; token: string; password: string; ip: string | null },
  ) {
    checkPassword(input.password);
    const passwordHash = await hashPassword(input.password);
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      const link = await consumeLink(tx, input.purpose, input.token, now);
      const [user] = await tx
        .update(users)
        .set({ passwordHash })
        .where(eq(users.id, link.userId))
        .returning({ email: users.email });
      // The owner proved control of the mailbox: earlier failed guesses no longer slow them down.
      if (user) await clearSignInFailures(tx, user.email);
      // A new password ends every session that may have been opened with the old one.
      await tx.delete(sessions).where(eq(sessions.userId, link.userId));
      await writeAudit(tx, {
        tenantId: link.tenantId,
        actorUserId: link.userId,
        action: input.purpose === 'invitation' ? 'user.acceptInvitation' : 'user.resetPassword',
        objectType: 'user',
        objectId: link.userId,
        ip: input.ip,
      });
    });
  },
});

/** Sends a reset link if the account exists; answers the same either way (no account probing). */
export const requestPasswordReset = defineUseCase({
  name: 'user.requestPasswordReset',
  access: 'public',
  async run({ deps }, input: { email: string; ip: string | null }) {
    const email = input.email.trim().toLowerCase();
    const now = deps.now();
    await deps.db.transaction(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
      await writeAccountAudit(tx, user ? await tenantIdsOfUser(tx, user.id) : [], {
        actorUserId: user?.id ?? null,
        actorLabel: email,
        action: 'user.requestPasswordReset',
        ip: input.ip,
      });
      if (!user || user.disabled) return;
      // At most 3 reset mails an hour per account: the form cannot be used to flood a mailbox.
      if ((await linksSince(tx, 'passwordReset', user.id, new Date(now.getTime() - 3_600_000))) >= 3) return;
      await mailPasswordReset(tx, deps, null, user, now);
    });
  },
});
