import { and, desc, eq, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { policyVersions, tenants } from '../schema/index.ts';

export interface StoredPolicyVersion {
  id: string;
  tenantId: string;
  version: number;
  validFrom: string;
  policy: unknown;
  createdAt: Date;
}

/** All versions of a tenant's policy, newest first. */
export async function listPolicyVersions(db: Db | Tx, tenantId: string): Promise<StoredPolicyVersion[]> {
  return db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.tenantId, tenantId))
    .orderBy(desc(policyVersions.version));
}

/** The version in force on a date: the greatest validFrom on or before it (newest version wins a tie). */
export async function policyVersionOn(
  db: Db | Tx,
  tenantId: string,
  date: string,
): Promise<StoredPolicyVersion | undefined> {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.tenantId, tenantId), lte(policyVersions.validFrom, date)))
    .orderBy(desc(policyVersions.validFrom), desc(policyVersions.version))
    .limit(1);
  return row;
}

export async function policyVersionById(
  db: Db | Tx,
  tenantId: string,
  id: string,
): Promise<StoredPolicyVersion | undefined> {
  const [row] = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.tenantId, tenantId), eq(policyVersions.id, id)))
    .limit(1);
  return row;
}

/** Appends a version with the next number; versions are never edited in place. */
export async function appendPolicyVersion(
  tx: Tx,
  tenantId: string,
  validFrom: string,
  policy: unknown,
  createdBy: string | null,
): Promise<StoredPolicyVersion> {
  // Lock the tenant row so two admins saving at once get consecutive numbers, not a conflict.
  await tx.execute(sql`select id from ${tenants} where ${tenants.id} = ${tenantId} for update`);
  const [last] = await tx
    .select({ n: sql<number>`coalesce(max(${policyVersions.version}), 0)`.mapWith(Number) })
    .from(policyVersions)
    .where(eq(policyVersions.tenantId, tenantId));
  const [row] = await tx
    .insert(policyVersions)
    .values({ tenantId, version: (last?.n ?? 0) + 1, validFrom, policy, createdBy })
    .returning();
  if (!row) throw new Error('policy version not stored');
  return row;
}

export async function tenantBySlug(db: Db | Tx, slug: string) {
  const [row] = await db.select().from(tenants).where(eq(tenants.slug, slug)).limit(1);
  return row;
}

/**
 * The municipalities a bidder can ask an estimate of: those with a policy version; only their public
 * name and slug.
 */
export async function municipalitiesWithPolicy(db: Db | Tx): Promise<{ slug: string; name: string }[]> {
  return db
    .select({ slug: tenants.slug, name: tenants.name })
    .from(tenants)
    .where(sql`exists (select 1 from ${policyVersions} where ${policyVersions.tenantId} = ${tenants.id})`);
}
