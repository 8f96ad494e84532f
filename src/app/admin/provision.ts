import { and, eq } from 'drizzle-orm';
import { isRole, type Role } from '../../domain/access.ts';
import { DomainError, invalid } from '../../domain/errors.ts';
import { getPreset } from '../../domain/index.ts';
import { writeAudit } from '../../db/audit.ts';
import { apiTokens, memberships, policyVersions, suppliers, tenants, users } from '../../db/schema/index.ts';
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

export async function addUser(
  deps: AppDeps,
  input: {
    email: string;
    tenant?: string | undefined;
    role: string;
    supplierId?: string | undefined;
    name?: string | undefined;
    password: string;
  },
) {
  const email = input.email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(email))
    throw invalid('Not an email address.', [{ name: 'email', reason: 'must be an email address' }]);
  if (!isRole(input.role))
    throw invalid(`Unknown role ${input.role}.`, [
      {
        name: 'role',
        reason: 'platformAdmin, municipalityAdmin, advisor, contractManager, supplier or initiative',
      },
    ]);
  const role: Role = input.role;
  if (input.password.length < minPasswordLength) {
    throw invalid(`The password must have at least ${minPasswordLength} characters.`, [
      { name: 'password', reason: 'too short' },
    ]);
  }
  if (role !== 'platformAdmin' && !input.tenant)
    throw invalid('Name the municipality with --tenant.', [
      { name: 'tenant', reason: 'required for this role' },
    ]);
  if (role === 'supplier' && !input.supplierId)
    throw invalid('A supplier user needs --supplier <id>.', [
      { name: 'supplier', reason: 'required for role supplier' },
    ]);
  const passwordHash = await hashPassword(input.password);
  return deps.db.transaction(async (tx) => {
    let tenantId: string | null = null;
    if (input.tenant) {
      const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, input.tenant)).limit(1);
      if (!tenant) throw new DomainError('NOT_FOUND', `No municipality ${input.tenant}.`);
      tenantId = tenant.id;
    }
    if (input.supplierId) {
      const [supplier] = await tx
        .select()
        .from(suppliers)
        .where(and(eq(suppliers.id, input.supplierId), eq(suppliers.tenantId, tenantId ?? '')))
        .limit(1);
      if (!supplier)
        throw new DomainError('NOT_FOUND', `No supplier ${input.supplierId} in ${input.tenant}.`);
    }
    const [found] = await tx.select().from(users).where(eq(users.email, email)).limit(1);
    const user =
      found ??
      (
        await tx
          .insert(users)
          .values({ email, name: input.name ?? '', passwordHash })
          .returning()
      )[0];
    if (!user) throw new Error('user not created');
    if (found) await tx.update(users).set({ passwordHash }).where(eq(users.id, found.id));
    const [membership] = await tx
      .insert(memberships)
      .values({
        userId: user.id,
        tenantId: role === 'platformAdmin' ? null : tenantId,
        role,
        supplierId: input.supplierId ?? null,
      })
      .returning();
    await writeAudit(tx, {
      ...system,
      tenantId,
      action: 'user.create',
      objectType: 'user',
      objectId: user.id,
      details: { email, role },
    });
    return { user, membership };
  });
}

export async function addToken(deps: AppDeps, input: { tenant: string; email: string; name: string }) {
  return deps.db.transaction(async (tx) => {
    const [tenant] = await tx.select().from(tenants).where(eq(tenants.slug, input.tenant)).limit(1);
    if (!tenant) throw new DomainError('NOT_FOUND', `No municipality ${input.tenant}.`);
    const [user] = await tx
      .select()
      .from(users)
      .where(eq(users.email, input.email.trim().toLowerCase()))
      .limit(1);
    if (!user) throw new DomainError('NOT_FOUND', `No user ${input.email}.`);
    const [membership] = await tx
      .select()
      .from(memberships)
      .where(and(eq(memberships.userId, user.id), eq(memberships.tenantId, tenant.id)))
      .limit(1);
    if (!membership) throw new DomainError('NOT_FOUND', `${input.email} has no role in ${input.tenant}.`);
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
      details: { name: input.name, user: user.email },
    });
    return { token, id: row?.id };
  });
}
