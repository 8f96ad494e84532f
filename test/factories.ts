import { randomBytes } from 'node:crypto';
import type { Role } from '../src/domain/access.ts';
import type { Db } from '../src/db/client.ts';
import {
  activities,
  apiTokens,
  contracts,
  memberships,
  policyVersions,
  reports,
  suppliers,
  tenants,
  users,
} from '../src/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import { hashSecret, newSecret } from '../src/app/tokens.ts';
import { startSession } from '../src/app/identity/start-session.ts';
import { sessionPolicy } from '../src/app/identity/session-policy.ts';

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

/**
 * A browser session of a user acting with one membership: a cookie and its CSRF token, for
 * endpoints that an API token may not use (creating and revoking API tokens).
 */
export async function createSession(
  db: Db,
  actor: { user: { id: string }; membership: { id: string; tenantId: string | null } },
  now = new Date('2026-11-23T10:00:00Z'),
): Promise<Record<string, string>> {
  const { token, session } = await db.transaction((tx) =>
    startSession(tx, { userId: actor.user.id, membership: actor.membership, now, ip: null, userAgent: null }),
  );
  return {
    Cookie: `${sessionPolicy.cookieName}=${token}`,
    'X-CSRF-Token': session.csrfToken,
    'Content-Type': 'application/json',
  };
}

/**
 * A contract of a supplier with one report and one activity in it, inserted as rows (no use cases),
 * for tests of evidence, reminders and other work on existing reports. Makes a policy version
 * for the tenant when it has none.
 */
export async function createContractRows(
  db: Db,
  options: {
    tenantId: string;
    supplierId: string;
    contractManagerId?: string;
    startDate?: string;
    endDate?: string;
    period?: string;
    dueDate?: string;
    reportStatus?: 'open' | 'submitted' | 'closed' | 'overdue';
    policy?: Record<string, unknown>;
    /** When the contract was entered into Retour (default: now). */
    createdAt?: Date;
  },
) {
  let [version] = await db.select().from(policyVersions).where(eq(policyVersions.tenantId, options.tenantId));
  if (!version) {
    [version] = await db
      .insert(policyVersions)
      .values({
        tenantId: options.tenantId,
        version: 1,
        validFrom: '2020-01-01',
        policy: options.policy ?? {
          validFrom: '2020-01-01',
          percentageBp: 200,
          planThresholdCents: 20_000_000,
          activityTypes: [],
        },
      })
      .returning();
  }
  if (!version) throw new Error('policy version not created');
  const [contract] = await db
    .insert(contracts)
    .values({
      tenantId: options.tenantId,
      reference: unique('REF'),
      title: 'Onderhoud openbare ruimte',
      supplierId: options.supplierId,
      contractManagerId: options.contractManagerId ?? null,
      valueCents: 125_000_000,
      startDate: options.startDate ?? '2026-01-01',
      endDate: options.endDate ?? '2027-12-31',
      awardDate: options.startDate ?? '2026-01-01',
      policyVersionId: version.id,
      obligationCents: 2_500_000,
      regime: 'plan',
      obligationRuleId: 'obligation.percentage',
      obligationExplanation: '2% × €1.250.000,00 = €25.000,00',
      ...(options.createdAt ? { createdAt: options.createdAt } : {}),
    })
    .returning();
  if (!contract) throw new Error('contract not created');
  const [report] = await db
    .insert(reports)
    .values({
      tenantId: options.tenantId,
      contractId: contract.id,
      period: options.period ?? '2026-H1',
      status: options.reportStatus ?? 'open',
      dueDate: options.dueDate ?? '2026-07-31',
    })
    .returning();
  if (!report) throw new Error('report not created');
  const [activity] = await db
    .insert(activities)
    .values({
      tenantId: options.tenantId,
      contractId: contract.id,
      reportId: report.id,
      typeCode: 'internship',
      category: 'participation',
      method: 'unit',
      period: report.period,
      units: 1,
      valueCents: 250_000,
      ruleId: 'valuation.unit',
      explanation: '1 × €2.500,00 = €2.500,00',
    })
    .returning();
  if (!activity) throw new Error('activity not created');
  return { contract, report, activity };
}
