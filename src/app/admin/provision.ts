import { and, eq, isNull } from 'drizzle-orm';
import { isRole, type Role } from '../../domain/access.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { getPreset } from '../../domain/index.ts';
import { writeAudit } from '../../db/audit.ts';
import {
  apiTokens,
  initiatives,
  memberships,
  policyVersions,
  suppliers,
  tenants,
  users,
} from '../../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { hashPassword, minPasswordLength } from '../passwords.ts';
import { hashSecret, newSecret } from '../tokens.ts';

/**
 * Operations for setting up an installation without the demo data (the `retour` CLI). They act as
 * the system, not as a user, and each is one transaction with one audit entry.
 */
const system = { actorUserId: null, actorLabel: 'cli' } as const;

export async function addTenant(
  deps: AppDeps,
  input: { slug: string; name: string; preset?: string | undefined },
) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(input.slug)) {
    throw invalid('The slug may hold lower-case letters, digits and dashes only.', [
      { name: 'slug', reason: 'e.g. voorbeeldstad' },
    ]);
  }
  const policy = getPreset(input.preset ?? 'amsterdam');
  return deps.db.transaction(async (tx) => {
    const [existing] = await tx.select().from(tenants).where(eq(tenants.slug, input.slug)).limit(1);
    if (existing) throw new DomainError('CONFLICT', `A municipality with slug ${input.slug} exists already.`);
    const [tenant] = await tx.insert(tenants).values({ slug: input.slug, name: input.name }).returning();
    if (!tenant) throw new Error('tenant not created');
    await tx
      .insert(policyVersions)
      .values({ tenantId: tenant.id, version: 1, validFrom: policy.validFrom, policy });
    await writeAudit(tx, {
      ...system,
      tenantId: tenant.id,
      action: 'tenant.create',
      objectType: 'tenant',
      objectId: tenant.id,
      details: { preset: input.preset ?? 'amsterdam' },
    });
    return tenant;
  });
}

/**
 * Creates a user with a role, or adds a role to an existing user. An existing user's password is
 * kept: giving one then is refused unless `resetPassword` is set, so a typo in the email address
 * cannot take over someone's account. A role the user holds already is left as it is.
 */
export async function addUser(
  deps: AppDeps,
  input: {
    email: string;
    tenant?: string | undefined;
    role: string;
    supplierId?: string | undefined;
    initiativeId?: string | undefined;
    name?: string | undefined;
    /** Empty: keep an existing user's password (a new user needs one). */
    password: string;
    resetPassword?: boolean | undefined;
  },
) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw invalid('Not an email address.', [{ name: 'email', reason: 'must be an email address' }]);
  if (!isRole(input.role))
    throw invalid(`Unknown role ${input.role}.`, [
      {
        name: 'role',
        reason:
          'platformAdmin, municipalityAdmin, advisor, contractManager, supplier, initiative or verifier',
      },
    ]);
  const role: Role = input.role;
  if (input.password && input.password.length < minPasswordLength) {
    throw invalid(`The password must have at least ${minPasswordLength} characters.`, [
      { name: 'password', reason: 'too short' },
    ]);
  }
  if (input.resetPassword && !input.password)
    throw invalid('--reset-password needs the new password on stdin.', [
      { name: 'password', reason: 'required with --reset-password' },
    ]);
  if (role !== 'platformAdmin' && !input.tenant)
    throw invalid('Name the municipality with --tenant.', [
      { name: 'tenant', reason: 'required for this role' },
    ]);
  organisationFits(role, 'supplier', input.supplierId);
  organisationFits(role, 'initiative', input.initiativeId);
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  return deps.db.transaction(async (tx) => {
    let tenantId: string | null = null;
    if (input.tenant) {
      const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, input.tenant)).limit(1);
      if (!tenant) throw new DomainError('NOT_FOUND', `No municipality ${input.tenant}.`);
      tenantId = tenant.id;
    }
    if (role === 'platformAdmin') tenantId = null;
    if (input.supplierId) {
      const [supplier] = await tx
        .select()
        .from(suppliers)
        .where(and(eq(suppliers.id, input.supplierId), eq(suppliers.tenantId, tenantId ?? '')))
        .limit(1);
      if (!supplier)
        throw new DomainError('NOT_FOUND', `No supplier ${input.supplierId} in ${input.tenant}.`);
    }
    if (input.initiativeId) {
      const [initiative] = await tx
        .select()
        .from(initiatives)
        .where(and(eq(initiatives.id, input.initiativeId), eq(initiatives.tenantId, tenantId ?? '')))
        .limit(1);
      if (!initiative)
        throw new DomainError('NOT_FOUND', `No initiative ${input.initiativeId} in ${input.tenant}.`);
    }
    const [found] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    if (found && passwordHash && !input.resetPassword)
      throw new DomainError(
        'CONFLICT',
        `${email} exists already; its password is kept. To add a role, give no password (stdin empty, e.g. </dev/null); to replace the password, add --reset-password.`,
      );
    if (!found && !passwordHash)
      throw invalid('A new user needs a password on stdin.', [{ name: 'password', reason: 'required' }]);
    const user =
      found ??
      (
        await tx
          .insert(users)
          .values({ email, name: input.name ?? '', passwordHash })
          .returning()
      )[0];
    if (!user) throw new Error('user not created');
    const passwordReset = Boolean(found && passwordHash);
    if (found && passwordHash) await tx.update(users).set({ passwordHash }).where(eq(users.id, found.id));
    const key = {
      userId: user.id,
      tenantId,
      role,
      supplierId: input.supplierId ?? null,
      initiativeId: input.initiativeId ?? null,
    };
    const [held] = await tx
      .select()
      .from(memberships)
      .where(
        and(
          eq(memberships.userId, key.userId),
          key.tenantId ? eq(memberships.tenantId, key.tenantId) : isNull(memberships.tenantId),
          eq(memberships.role, key.role),
          key.supplierId ? eq(memberships.supplierId, key.supplierId) : isNull(memberships.supplierId),
          key.initiativeId
            ? eq(memberships.initiativeId, key.initiativeId)
            : isNull(memberships.initiativeId),
        ),
      )
      .limit(1);
    const membership = held ?? (await tx.insert(memberships).values(key).returning())[0];
    if (!membership) throw new Error('membership not created');
    if (!found || !held || passwordReset)
      await writeAudit(tx, {
        ...system,
        tenantId,
        action: !found ? 'user.create' : !held ? 'membership.create' : 'user.passwordReset',
        objectType: 'user',
        objectId: user.id,
        details: { email, role, ...(passwordReset ? { passwordReset } : {}) },
      });
    return { user, membership, created: !found, roleAdded: !held, passwordReset };
  });
}

/** `--supplier` belongs to the role supplier and `--initiative` to the role initiative, and only there. */
function organisationFits(role: Role, bound: 'supplier' | 'initiative', id: string | undefined) {
  if (role === bound && !id)
    throw invalid(`A${bound === 'initiative' ? 'n' : ''} ${bound} user needs --${bound} <id>.`, [
      { name: bound, reason: `required for role ${bound}` },
    ]);
  if (role !== bound && id)
    throw invalid(`--${bound} belongs to the role ${bound} only.`, [
      { name: bound, reason: `not for role ${role}` },
    ]);
}

/**
 * A new API token acting as one of a user's roles in a municipality; with several roles there,
 * `role` names which one (a token never picks one by chance).
 */
export async function addToken(
  deps: AppDeps,
  input: { tenant: string; email: string; name: string; role?: string | undefined },
) {
  return deps.db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, input.tenant)).limit(1);
    if (!tenant) throw new DomainError('NOT_FOUND', `No municipality ${input.tenant}.`);
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.email, input.email.trim().toLowerCase()))
      .limit(1);
    if (!user) throw new DomainError('NOT_FOUND', `No user ${input.email}.`);
    const held = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.tenantId, tenant.id)));
    if (!held.length) throw new DomainError('NOT_FOUND', `${input.email} has no role in ${input.tenant}.`);
    const their = `roles of ${input.email} in ${input.tenant}: ${held.map(roleLabel).join(', ')}`;
    const fitting = input.role ? held.filter((m) => m.role === input.role) : held;
    const [membership] = fitting;
    if (!membership)
      throw new DomainError(
        'NOT_FOUND',
        `${input.email} has no role ${input.role} in ${input.tenant}; ${their}.`,
      );
    if (fitting.length > 1)
      throw invalid(`${input.email} has several roles in ${input.tenant}; name one with --role.`, [
        { name: 'role', reason: their },
      ]);
    if (membership.disabled)
      throw new DomainError('INVALID_STATE', `The role ${membership.role} of ${input.email} is disabled.`);
    const token = newSecret('rt_');
    const [row] = await tx
      .insert(apiTokens)
      .values({
        tokenHash: hashSecret(token),
        name: input.name,
        userId: user.id,
        membershipId: membership.id,
        tenantId: tenant.id,
      })
      .returning();
    await writeAudit(tx, {
      ...system,
      tenantId: tenant.id,
      action: 'apiToken.create',
      objectType: 'apiToken',
      objectId: row?.id,
      details: { name: input.name, user: user.email, role: membership.role },
    });
    return { token, id: row?.id };
  });
}

function roleLabel(m: { role: string; supplierId: string | null; initiativeId: string | null }) {
  const organisation = m.supplierId ?? m.initiativeId;
  return organisation ? `${m.role} (${organisation})` : m.role;
}
