import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { oidcLogins, oidcProviders, tenants } from '../schema/index.ts';
import { isUuid } from './evidence.ts';

export type OidcProviderRow = typeof oidcProviders.$inferSelect;

/** The identity providers of a municipality, by its slug (sign-in pages know the slug only). */
export async function providersOfTenantSlug(db: Db | Tx, slug: string) {
  return db
    .select({ provider: oidcProviders, tenant: tenants })
    .from(oidcProviders)
    .innerJoin(tenants, eq(tenants.id, oidcProviders.tenantId))
    .where(eq(tenants.slug, slug))
    .orderBy(asc(oidcProviders.name), asc(oidcProviders.id));
}

export async function providerById(db: Db | Tx, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select({ provider: oidcProviders, tenant: tenants })
    .from(oidcProviders)
    .innerJoin(tenants, eq(tenants.id, oidcProviders.tenantId))
    .where(eq(oidcProviders.id, id))
    .limit(1);
  return row;
}

export async function insertProvider(tx: Tx, values: typeof oidcProviders.$inferInsert) {
  const [row] = await tx.insert(oidcProviders).values(values).returning();
  if (!row) throw new Error('provider not stored');
  return row;
}

export async function providerOfTenantByIssuer(db: Db | Tx, tenantId: string, issuer: string) {
  const [row] = await db
    .select()
    .from(oidcProviders)
    .where(and(eq(oidcProviders.tenantId, tenantId), eq(oidcProviders.issuer, issuer)))
    .limit(1);
  return row;
}

export async function insertLogin(db: Db | Tx, values: typeof oidcLogins.$inferInsert): Promise<void> {
  await db.insert(oidcLogins).values(values);
}

/** Takes a login in flight by its state, once: a second callback with the same state finds nothing. */
export async function takeLogin(db: Db | Tx, state: string) {
  const [row] = await db.delete(oidcLogins).where(eq(oidcLogins.state, state)).returning();
  return row;
}
