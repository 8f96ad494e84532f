import { hashPassword } from '../../../src/app/passwords.ts';
import { hashSecret, newSecret } from '../../../src/app/tokens.ts';
import type { Role } from '../../../src/domain/access.ts';
import { getPreset } from '../../../src/domain/index.ts';
import type { Db } from '../../../src/db/client.ts';
import type { AppDeps } from '../../../src/app/deps.ts';
import { addOidcProvider } from '../../../src/app/admin/oidc-provider.ts';
import {
  activities,
  apiTokens,
  contractVerifiers,
  initiativeNeeds,
  initiatives,
  notifications,
  pledges,
  users,
} from '../../../src/db/schema/index.ts';
import { eq } from 'drizzle-orm';
import {
  createActor,
  createContractRows,
  createSession,
  createSupplierRow,
  createTenant,
  unique,
} from '../../factories.ts';
import { samplePdf } from '../../sample-files.ts';
import type { TestApp } from '../../test-app.ts';

/** The objects a request can name: path ids and ids in bodies all come from here. */
export interface Ids {
  tenantId: string;
  tenantSlug: string;
  supplierId: string;
  contractId: string;
  reportId: string;
  activityId: string;
  evidenceId: string;
  /** A token of the supplier user (not the one the matrix signs in with). */
  apiTokenId: string;
  /** A single sign-on provider of the municipality. */
  oidcProviderId: string;
  /** The municipality's approved initiative (the initiative user's own; shared by both suppliers). */
  initiativeId: string;
  /** The open need (hours) of that initiative that the pledges answer. */
  needId: string;
  /** An open pledge of this supplier's contract to that initiative. */
  pledgeId: string;
  /** An advisor's role in the municipality (without a password yet), for user management. */
  membershipId: string;
  /** The municipality's independent verifier (assigned to the first supplier's contract only). */
  verifierUserId: string;
  /** A notification of an advisor who is none of the matrix's users: nobody else may mark it read. */
  notificationId: string;
}

/** One municipality: every role, and two suppliers each with a contract, report, activity, evidence. */
export interface World {
  /** Objects of the first supplier (the supplier user's own; the contract manager manages its contract). */
  own: Ids;
  /** The same kinds of objects of a second supplier in the same municipality. */
  otherSupplier: Ids;
  /** Bearer headers per role, acting in this municipality. */
  actors: Record<Exclude<Role, 'platformAdmin'>, Record<string, string>>;
  /** Browser-session headers (cookie and CSRF token) per role, for session-only endpoints. */
  sessions: Record<Exclude<Role, 'platformAdmin'>, Record<string, string>>;
  signInEmail: string;
}

export const password = 'matrix password long enough';

const roles = [
  'municipalityAdmin',
  'advisor',
  'contractManager',
  'supplier',
  'initiative',
  'verifier',
] as const;

export async function buildWorld(t: TestApp): Promise<World> {
  const db = t.deps.db;
  const tenant = await createTenant(db, { policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' } });
  const s1 = await createSupplierRow(db, tenant.id);
  const s2 = await createSupplierRow(db, tenant.id);
  const { initiativeId, needId } = await approvedInitiative(db, tenant.id);
  const made = {} as Record<(typeof roles)[number], Awaited<ReturnType<typeof createActor>>>;
  for (const role of roles) {
    made[role] = await createActor(db, {
      tenantId: tenant.id,
      role,
      ...(role === 'supplier' ? { supplierId: s1.id } : {}),
      ...(role === 'initiative' ? { initiativeId } : {}),
    });
  }
  const s2User = await createActor(db, { tenantId: tenant.id, role: 'supplier', supplierId: s2.id });
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, made.advisor.user.id));
  const ids = async (supplierId: string, actor: typeof s2User, managerId?: string): Promise<Ids> => {
    const rows = await createContractRows(db, {
      tenantId: tenant.id,
      supplierId,
      ...(managerId ? { contractManagerId: managerId } : {}),
    });
    const partial = {
      tenantId: tenant.id,
      tenantSlug: tenant.slug,
      supplierId,
      contractId: rows.contract.id,
      reportId: rows.report.id,
      activityId: rows.activity.id,
      initiativeId,
      needId,
      pledgeId: await openPledge(db, {
        tenantId: tenant.id,
        initiativeId,
        needId,
        supplierId,
        contractId: rows.contract.id,
      }),
    };
    return {
      ...partial,
      evidenceId: await uploadEvidence(t, bearer(actor), partial.activityId),
      apiTokenId: await insertToken(db, actor),
      oidcProviderId: await freshProvider(t.deps, tenant.slug),
      membershipId: await freshMembership(db, tenant.id),
      verifierUserId: made.verifier.user.id,
      notificationId: await someonesNotification(db, tenant.id, partial.contractId, partial.reportId),
    };
  };
  const own = await ids(s1.id, made.supplier, made.contractManager.user.id);
  await db.insert(contractVerifiers).values({
    tenantId: tenant.id,
    contractId: own.contractId,
    userId: made.verifier.user.id,
  });
  return {
    own,
    otherSupplier: await ids(s2.id, s2User),
    actors: {
      municipalityAdmin: bearer(made.municipalityAdmin),
      advisor: bearer(made.advisor),
      contractManager: bearer(made.contractManager),
      supplier: bearer(made.supplier),
      initiative: bearer(made.initiative),
      verifier: bearer(made.verifier),
    },
    sessions: {
      municipalityAdmin: await createSession(db, made.municipalityAdmin, t.deps.now()),
      advisor: await createSession(db, made.advisor, t.deps.now()),
      contractManager: await createSession(db, made.contractManager, t.deps.now()),
      supplier: await createSession(db, made.supplier, t.deps.now()),
      initiative: await createSession(db, made.initiative, t.deps.now()),
      verifier: await createSession(db, made.verifier, t.deps.now()),
    },
    signInEmail: made.advisor.user.email,
  };
}

async function approvedInitiative(
  db: Db,
  tenantId: string,
): Promise<{ initiativeId: string; needId: string }> {
  const [row] = await db
    .insert(initiatives)
    .values({
      tenantId,
      kind: 'initiative',
      name: unique('Initiatief'),
      themes: ['education'],
      status: 'approved',
    })
    .returning();
  if (!row) throw new Error('initiative not created');
  const [need] = await db
    .insert(initiativeNeeds)
    .values({
      tenantId,
      initiativeId: row.id,
      kind: 'hours',
      expertise: 'ICT',
      description: 'ICT',
      quantity: '8',
    })
    .returning();
  if (!need) throw new Error('need not created');
  return { initiativeId: row.id, needId: need.id };
}

async function openPledge(
  db: Db,
  values: { tenantId: string; initiativeId: string; needId: string; supplierId: string; contractId: string },
): Promise<string> {
  const [row] = await db
    .insert(pledges)
    .values({ ...values, kind: 'hours', hours: '8', period: '2026-H1' })
    .returning();
  if (!row) throw new Error('pledge not created');
  return row.id;
}

const bearer = (a: { token: string }) => ({ Authorization: `Bearer ${a.token}` });

async function insertToken(
  db: Db,
  actor: { user: { id: string }; membership: { id: string; tenantId: string | null } },
) {
  const [row] = await db
    .insert(apiTokens)
    .values({
      tokenHash: hashSecret(newSecret('rt_')),
      name: unique('matrix'),
      userId: actor.user.id,
      membershipId: actor.membership.id,
      tenantId: actor.membership.tenantId,
    })
    .returning();
  if (!row) throw new Error('token not stored');
  return row.id;
}

export async function uploadEvidence(t: TestApp, headers: Record<string, string>, activityId: string) {
  const form = new FormData();
  form.set(
    'file',
    new File([samplePdf() as Uint8Array<ArrayBuffer>], 'bewijs.pdf', { type: 'application/pdf' }),
  );
  const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, {
    method: 'POST',
    headers: { Authorization: headers.Authorization ?? '' },
    body: form,
  });
  if (res.status !== 201) throw new Error(`evidence upload: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

/** A new activity in the same report, for cases that delete one. */
export async function freshActivity(db: Db, ids: Ids): Promise<string> {
  const [row] = await db
    .insert(activities)
    .values({
      tenantId: ids.tenantId,
      contractId: ids.contractId,
      reportId: ids.reportId,
      typeCode: 'internship',
      category: 'participation',
      method: 'unit',
      period: '2026-H1',
      units: 1,
      valueCents: 250_000,
      ruleId: 'valuation.unit',
      explanation: '1 × €2.500,00 = €2.500,00',
    })
    .returning();
  if (!row) throw new Error('activity not created');
  return row.id;
}

/** Another token of the same membership as an existing one, for cases that revoke it. */
export async function freshToken(db: Db, likeId: string): Promise<string> {
  const [like] = await db.select().from(apiTokens).where(eq(apiTokens.id, likeId));
  if (!like) throw new Error('token not found');
  return insertToken(db, {
    user: { id: like.userId },
    membership: { id: like.membershipId, tenantId: like.tenantId },
  });
}

/** A provider of the municipality on a closed local port: a sign-in with it answers 409 at once. */
export async function freshProvider(deps: AppDeps, slug: string): Promise<string> {
  const row = await addOidcProvider(deps, {
    tenant: slug,
    name: 'Matrix IdP',
    issuer: `http://127.0.0.1:9/${unique('idp')}`,
    clientId: 'retour',
  });
  return row.id;
}

/** Another user with a role in the municipality, for cases that change or remove it. */
export async function freshMembership(db: Db, tenantId: string): Promise<string> {
  return (await createActor(db, { tenantId, role: 'advisor' })).membership.id;
}

/** A notification of a new advisor of the municipality (not one the matrix signs in with). */
async function someonesNotification(db: Db, tenantId: string, contractId: string, reportId: string) {
  const owner = await createActor(db, { tenantId, role: 'advisor' });
  const [row] = await db
    .insert(notifications)
    .values({
      tenantId,
      userId: owner.user.id,
      kind: 'reportToVerify',
      subjectType: 'report',
      subjectId: reportId,
      link: `/contracts/${contractId}/reports/${reportId}`,
      params: { period: '2026-H1' },
    })
    .returning();
  if (!row) throw new Error('notification not created');
  return row.id;
}
