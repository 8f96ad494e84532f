import { randomBytes } from 'node:crypto';
import type { Role } from '../src/domain/access.ts';
import type { Db } from '../src/db/client.ts';
import { apiTokens, memberships, policyVersions, suppliers, tenants, users } from '../src/db/schema/index.ts';
import { hashSecret, newSecret } from '../src/app/tokens.ts';

/** Small factories: each test builds its own data in its own tenant. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export async function createTenant(
  db: Db,
  options: { slug?: string; name?: string; policy?: Record<string, unknown> } = {},
) {
  const slug = options.slug ?? unique('gemeente');
  const [tenant] = await db
    .insert(tenants)
    .values({ slug, name: options.name ?? `Gemeente ${slug}` })
    .returning();
  if (!tenant) throw new Error('tenant not created');
  if (options.policy) {
    await db.insert(policyVersions).values({
      tenantId: tenant.id,
      version: 1,
      validFrom: String(options.policy.validFrom ?? '2020-01-01'),
      policy: options.policy,
    });
  }
  return tenant;
}

export async function createSupplierRow(db: Db, tenantId: string, name = unique('Bouwbedrijf')) {
  const kvkNumber = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
  const [row] = await db.insert(suppliers).values({ tenantId, name, kvkNumber }).returning();
  if (!row) throw new Error('supplier not created');
  return row;
}

/**
 * A user with one role in a tenant and an API token for it; `headers` authenticate requests.
 * Platform admins get tenant null.
 */
export async function createActor(
  db: Db,
  options: {
    tenantId: string | null;
    role: Role;
    supplierId?: string;
    initiativeId?: string;
    email?: string;
  },
) {
  const [user] = await db
    .insert(users)
    .values({
      email: options.email ?? `${unique(options.role)}@example.test`.toLowerCase(),
      name: options.role,
    })
    .returning();
  if (!user) throw new Error('user not created');
  const [membership] = await db
    .insert(memberships)
    .values({
      userId: user.id,
      tenantId: options.tenantId,
      role: options.role,
      supplierId: options.supplierId ?? null,
      initiativeId: options.initiativeId ?? null,
    })
    .returning();
  if (!membership) throw new Error('membership not created');
  const token = newSecret('rt_');
  await db.insert(apiTokens).values({
    tokenHash: hashSecret(token),
    name: 'test',
    userId: user.id,
    membershipId: membership.id,
    tenantId: options.tenantId,
  });
  return {
    user,
    membership,
    token,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
  };
}
