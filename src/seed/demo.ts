import { sql } from 'drizzle-orm';
import type { AppDeps } from '../app/deps.ts';
import { hashPassword } from '../app/passwords.ts';
import { applyTargetGroupTable, getPreset } from '../domain/index.ts';
import type { Tx } from '../db/client.ts';
import { initiatives, memberships, policyVersions, suppliers, tenants, users } from '../db/schema/index.ts';
import { demoAccounts, demoPassword } from './demo-accounts.ts';
import type { DemoIds } from './demo-ids.ts';
import { seedDemoContracts } from './demo-contracts.ts';
import { seedDemoMarketplace } from './demo-marketplace.ts';

export const demoTenant = { slug: 'voorbeeldstad', name: 'Gemeente Voorbeeldstad' };

export const demoSuppliers = [
  {
    name: 'Bouwbedrijf De Groot B.V.',
    kvkNumber: '12345678',
    contact: 'leverancier@bouwbedrijf-degroot.example',
  },
  {
    name: 'Schoonmaakbedrijf Helder',
    kvkNumber: '23456789',
    contact: 'leverancier@schoonmaak-helder.example',
  },
  { name: 'Groenvoorziening Het Park', kvkNumber: '34567890', contact: 'info@hetpark.example' },
  { name: 'ICT Diensten Noord', kvkNumber: '45678901', contact: 'sr@ictnoord.example' },
] as const;

/**
 * Loads "Gemeente Voorbeeldstad" on the first start of an empty database: the Amsterdam rules,
 * demo accounts (README), suppliers, an initiative, and contracts whose plans and reports are in
 * every state. Returns true when it did. All or nothing: one transaction for the base data.
 */
export async function seedDemoIfEmpty(deps: AppDeps): Promise<boolean> {
  const [row] = await deps.db.select({ n: sql<number>`count(*)`.mapWith(Number) }).from(tenants);
  if ((row?.n ?? 0) > 0) return false;
  await seedDemo(deps);
  return true;
}

/** Loads the demo municipality whatever else is in the database (tests use this directly). */
export async function seedDemo(deps: AppDeps): Promise<DemoIds> {
  const passwordHash = await hashPassword(demoPassword);
  const ids = await deps.db.transaction((tx) => seedBase(tx, passwordHash));
  await seedDemoContracts(deps, ids);
  await seedDemoMarketplace(deps, ids);
  return ids;
}

export type { DemoIds } from './demo-ids.ts';

async function seedBase(tx: Tx, passwordHash: string): Promise<DemoIds> {
  const [tenant] = await tx
    .insert(tenants)
    .values({ ...demoTenant, publishResults: true })
    .returning();
  if (!tenant) throw new Error('demo tenant not created');
  await tx.insert(policyVersions).values({
    tenantId: tenant.id,
    version: 1,
    validFrom: '2020-01-01',
    // Amsterdam's rules with Utrecht's published target-group table ("bouwblokken", domain.md §11)
    policy: { ...applyTargetGroupTable(getPreset('amsterdam'), 'utrecht'), validFrom: '2020-01-01' },
  });
  const supplierIds: Record<string, string> = {};
  for (const s of demoSuppliers) {
    const [created] = await tx
      .insert(suppliers)
      .values({
        tenantId: tenant.id,
        name: s.name,
        kvkNumber: s.kvkNumber,
        contacts: [{ name: 'Social return', email: s.contact }],
      })
      .returning();
    if (created) supplierIds[s.name] = created.id;
  }
  const [initiative] = await tx
    .insert(initiatives)
    .values({
      tenantId: tenant.id,
      kind: 'initiative',
      name: 'Buurtkracht Voorbeeldstad',
      description: 'Huiswerkbegeleiding en taalcafé voor kinderen en ouders in Oost.',
      themes: ['education', 'povertyReduction'],
      targetGroups: ['children', 'newcomers'],
      location: 'Voorbeeldstad-Oost',
    })
    .returning();
  const userIds: Record<string, string> = {};
  for (const account of demoAccounts) {
    const [user] = await tx
      .insert(users)
      .values({ email: account.email, name: account.name, passwordHash })
      .returning();
    if (!user) throw new Error(`demo user ${account.email} not created`);
    userIds[account.email] = user.id;
    await tx.insert(memberships).values({
      userId: user.id,
      tenantId: account.role === 'platformAdmin' ? null : tenant.id,
      role: account.role,
      supplierId: account.supplier ? (supplierIds[account.supplier] ?? null) : null,
      initiativeId: account.role === 'initiative' ? (initiative?.id ?? null) : null,
    });
  }
  return { tenantId: tenant.id, supplierIds, userIds };
}
