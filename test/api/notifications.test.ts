import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyReportSubmitted } from '../../src/app/notifications/notify.ts';
import type { Actor } from '../../src/app/actor.ts';
import { contractInScope } from '../../src/db/repositories/contracts.ts';
import {
  contractVerifiers,
  initiativeNeeds,
  initiatives,
  notifications,
  suppliers,
} from '../../src/db/schema/index.ts';
import { runHousekeeping, runDeadlineJobs } from '../../src/jobs/scheduler.ts';
import { createActor, createContractRows, createSupplierRow, createTenant, unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * In-app notifications (decision 027): each event gives exactly the right users one notification
 * in the same transaction as the change; a user only ever sees and marks their own; paging, unread
 * count, read-all, the deadline job's summaries and the housekeeping of old read ones.
 * "Today" in the test app is 2026-11-23.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
type Person = Awaited<ReturnType<typeof createActor>>;
let advisor2: Person;
let verifier: Person;
let otherVerifier: Person;
let foreignAdvisor: Person;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  advisor2 = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'advisor' });
  verifier = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'verifier' });
  otherVerifier = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'verifier' });
  const foreign = await createTenant(t.deps.db);
  foreignAdvisor = await createActor(t.deps.db, { tenantId: foreign.id, role: 'advisor' });
});
afterAll(() => t.close());

const list = async (who: { headers: Record<string, string> }, query = '') => {
  const res = await api.get(`/notifications${query}`, who.headers);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { items: Json[]; nextCursor?: string };
};
const unread = async (who: { headers: Record<string, string> }) =>
  (await api.get('/notifications/unread-count', who.headers)).body.unread as number;
/** The notifications of a user about one subject (each test has its own contract). */
const about = async (who: Person, subjectId: string) =>
  (await list(who, '?limit=100')).items.filter((n) => n.subjectId === subjectId);

async function contractWithVerifier() {
  const rows = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
  await t.deps.db
    .insert(contractVerifiers)
    .values({ tenantId: m.tenant.id, contractId: rows.contract.id, userId: verifier.user.id });
  return rows;
}

describe('events make notifications for exactly the right users', () => {
  it('a submitted report: every advisor and the assigned verifier, nobody else', async () => {
    const rows = await contractWithVerifier();
    const res = await api.post(`/reports/${rows.report.id}/submission`, m.supplierUser.headers);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    for (const who of [m.advisor, advisor2, verifier]) {
      const got = await about(who, rows.report.id);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({
        kind: 'reportToVerify',
        subjectType: 'report',
        link: `/contracts/${rows.contract.id}/reports/${rows.report.id}`,
        params: {
          contractReference: rows.contract.reference,
          contractTitle: rows.contract.title,
          period: '2026-H1',
          activities: 1,
        },
        readAt: null,
      });
    }
    for (const who of [m.supplierUser, m.admin, m.manager, otherVerifier, foreignAdvisor])
      expect(await about(who, rows.report.id)).toEqual([]);
  });

  it('a question goes to the supplier, the answer to the one who asked, the closed report to the supplier', async () => {
    const rows = await contractWithVerifier();
    await api.post(`/reports/${rows.report.id}/submission`, m.supplierUser.headers);
    const asked = await api.post(`/activities/${rows.activity.id}/verification`, verifier.headers, {
      decision: 'moreInfo',
      reason: 'Welke stageplek?',
    });
    expect(asked.status, JSON.stringify(asked.body)).toBe(200);
    expect((await about(m.supplierUser, rows.activity.id)).map((n) => n.kind)).toEqual(['activityQuestion']);
    const answered = await api.post(`/activities/${rows.activity.id}/answer`, m.supplierUser.headers, {
      reply: 'Bij de buitendienst.',
    });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect((await about(verifier, rows.activity.id)).map((n) => n.kind)).toEqual(['questionAnswered']);
    // The advisors did not ask: they hear nothing of the answer (only of the submission).
    expect(await about(m.advisor, rows.activity.id)).toEqual([]);
    const accepted = await api.post(`/activities/${rows.activity.id}/verification`, verifier.headers, {
      decision: 'accepted',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.report.status).toBe('closed');
    const closed = await about(m.supplierUser, rows.report.id);
    expect(closed.map((n) => n.kind)).toEqual(['reportVerified']);
    expect(closed[0].link).toBe(`/contracts/${rows.contract.id}/reports/${rows.report.id}`);
    // The verifier who decided hears nothing of their own decision.
    expect((await about(verifier, rows.report.id)).map((n) => n.kind)).toEqual(['reportToVerify']);
  });

  it('a rejection goes to the supplier users of that supplier only', async () => {
    const rows = await contractWithVerifier();
    const otherSupplier = await createSupplierRow(t.deps.db, m.tenant.id);
    const stranger = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'supplier',
      supplierId: otherSupplier.id,
    });
    await api.post(`/reports/${rows.report.id}/submission`, m.supplierUser.headers);
    const res = await api.post(`/activities/${rows.activity.id}/verification`, m.advisor.headers, {
      decision: 'rejected',
      reason: 'Geen stage.',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const got = await about(m.supplierUser, rows.activity.id);
    expect(got.map((n) => n.kind)).toEqual(['activityRejected']);
    expect(got[0].params).toMatchObject({ typeCode: 'internship', period: '2026-H1' });
    expect(await about(stranger, rows.activity.id)).toEqual([]);
    expect(await about(m.advisor, rows.activity.id)).toEqual([]);
  });

  it('a submitted plan goes to the advisors; a returned one to the supplier', async () => {
    const rows = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const c = rows.contract.id;
    expect((await api.put(`/contracts/${c}/intake`, m.advisor.headers, { date: '2026-01-15' })).status).toBe(
      200,
    );
    const saved = await api.put(`/contracts/${c}/plan`, m.supplierUser.headers, {
      items: [{ typeCode: 'internship', period: '2026-H2', units: 2 }],
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const submitted = await api.post(`/contracts/${c}/plan/submission`, m.supplierUser.headers);
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
    const toReview = (await list(m.advisor, '?limit=100')).items.filter((n) => n.kind === 'planToReview');
    expect(toReview.filter((n) => n.link === `/contracts/${c}`)).toHaveLength(1);
    expect(toReview.find((n) => n.link === `/contracts/${c}`)?.params).toMatchObject({ version: 1 });
    expect(
      (await list(m.supplierUser, '?limit=100')).items.filter((n) => n.link.startsWith(`/contracts/${c}`)),
    ).toEqual([]);
    const returned = await api.post(`/contracts/${c}/plan/review`, m.advisor.headers, {
      decision: 'returned',
      comment: 'Meer stages graag.',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const back = (await list(m.supplierUser, '?limit=100')).items.filter((n) => n.kind === 'planReturned');
    expect(back.map((n) => n.link)).toContain(`/contracts/${c}/plan`);
  });

  it('a pledge goes to the users of the initiative it is made to', async () => {
    const [initiative] = await t.deps.db
      .insert(initiatives)
      .values({
        tenantId: m.tenant.id,
        kind: 'initiative',
        name: unique('Buurthuis'),
        themes: ['education'],
        status: 'approved',
      })
      .returning();
    const [other] = await t.deps.db
      .insert(initiatives)
      .values({
        tenantId: m.tenant.id,
        kind: 'initiative',
        name: unique('Sportclub'),
        themes: ['sport'],
        status: 'approved',
      })
      .returning();
    const host = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'initiative',
      initiativeId: initiative?.id as string,
    });
    const elsewhere = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'initiative',
      initiativeId: other?.id as string,
    });
    // a pledge answers one of the initiative's needs (decision 026)
    const [need] = await t.deps.db
      .insert(initiativeNeeds)
      .values({
        tenantId: m.tenant.id,
        initiativeId: initiative?.id as string,
        kind: 'hours',
        description: 'Huiswerkbegeleiding',
      })
      .returning();
    const rows = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const res = await api.post(`/initiatives/${initiative?.id}/pledges`, m.supplierUser.headers, {
      needId: need?.id,
      contractId: rows.contract.id,
      kind: 'hours',
      hours: 4,
      period: '2026-H1',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const got = await about(host, res.body.id);
    expect(got).toHaveLength(1);
    expect(got[0]).toMatchObject({
      kind: 'pledgeMade',
      link: '/initiative/pledges',
      params: { period: '2026-H1' },
    });
    expect(await about(elsewhere, res.body.id)).toEqual([]);
    expect(await about(m.advisor, res.body.id)).toEqual([]);
  });
});

describe('same transaction', () => {
  it('a refused submission leaves no notification', async () => {
    const rows = await contractWithVerifier();
    const before = (
      await t.deps.db.select().from(notifications).where(eq(notifications.subjectId, rows.report.id))
    ).length;
    t.setNow('2026-06-15T10:00:00Z'); // the half-year has not ended: refused
    try {
      const res = await api.post(`/reports/${rows.report.id}/submission`, m.supplierUser.headers);
      expect(res.status).toBe(409);
    } finally {
      t.setNow('2026-11-23T10:00:00Z');
    }
    const after = await t.deps.db
      .select()
      .from(notifications)
      .where(eq(notifications.subjectId, rows.report.id));
    expect(after.length).toBe(before);
    expect(before).toBe(0);
  });

  it('notifications written in a transaction that rolls back are gone with it', async () => {
    const rows = await contractWithVerifier();
    const actor: Actor = {
      userId: m.supplierUser.user.id,
      email: m.supplierUser.user.email,
      tenantId: m.tenant.id,
      role: 'supplier',
      membershipId: m.supplierUser.membership.id,
      supplierId: m.supplier.id,
      initiativeId: null,
      via: 'token',
      ip: null,
    };
    const contract = await contractInScope(
      t.deps.db,
      { tenantId: m.tenant.id, role: 'supplier', userId: actor.userId, supplierId: m.supplier.id },
      rows.contract.id,
    );
    if (!contract) throw new Error('contract not found');
    let written: string[] = [];
    await expect(
      t.deps.db.transaction(async (tx) => {
        written = await notifyReportSubmitted(tx, t.deps, actor, {
          contract,
          reportId: rows.report.id,
          period: '2026-H1',
          activities: 1,
        });
        throw new Error('the change fails after the notification was written');
      }),
    ).rejects.toThrow('the change fails');
    expect(written.length).toBeGreaterThanOrEqual(3); // two advisors and the verifier, inside
    expect(
      await t.deps.db.select().from(notifications).where(eq(notifications.subjectId, rows.report.id)),
    ).toEqual([]);
  });
});

describe('reading', () => {
  it('pages newest first, filters unread, marks one read once, refuses others, reads all', async () => {
    const me = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'advisor' });
    const someone = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'advisor' });
    const base = Date.parse('2026-11-20T10:00:00Z');
    const values = [0, 1, 2, 2, 3].map((minutes, i) => ({
      tenantId: m.tenant.id,
      userId: me.user.id,
      kind: 'reportToVerify',
      subjectType: 'report',
      subjectId: crypto.randomUUID(),
      link: `/contracts/x/reports/${i}`,
      params: { period: '2026-H1', n: i },
      createdAt: new Date(base + minutes * 60_000),
    }));
    await t.deps.db.insert(notifications).values(values);
    const [theirs] = await t.deps.db
      .insert(notifications)
      .values({
        ...values[0],
        userId: someone.user.id,
        subjectId: crypto.randomUUID(),
      } as (typeof values)[number])
      .returning();
    expect(await unread(me)).toBe(5);

    const seen: Json[] = [];
    let cursor: string | undefined;
    do {
      const page = await list(me, `?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toHaveLength(5);
    expect(new Set(seen.map((n) => n.id)).size).toBe(5);
    const times = seen.map((n) => n.createdAt as string);
    expect([...times].sort().reverse()).toEqual(times);
    expect(seen.map((n) => n.id)).not.toContain(theirs?.id);

    const first = seen[0];
    const read = await api.post(`/notifications/${first.id}/read`, me.headers);
    expect(read.status).toBe(200);
    expect(read.body.readAt).toBe('2026-11-23T10:00:00.000Z');
    t.setNow('2026-11-23T11:00:00Z');
    try {
      const again = await api.post(`/notifications/${first.id}/read`, me.headers);
      expect(again.body.readAt).toBe('2026-11-23T10:00:00.000Z');
    } finally {
      t.setNow('2026-11-23T10:00:00Z');
    }
    expect(await unread(me)).toBe(4);
    const unreadOnly = await list(me, '?unread=true');
    expect(unreadOnly.items.map((n) => n.id)).not.toContain(first.id);
    expect(unreadOnly.items).toHaveLength(4);

    // Someone else's notification: 404, to a colleague as to another municipality; it stays unread.
    expect((await api.post(`/notifications/${theirs?.id}/read`, me.headers)).status).toBe(404);
    expect((await api.post(`/notifications/${theirs?.id}/read`, foreignAdvisor.headers)).status).toBe(404);
    expect((await api.post('/notifications/not-a-uuid/read', me.headers)).status).toBe(404);
    const dutch = await api.post(`/notifications/${theirs?.id}/read`, {
      ...me.headers,
      'Accept-Language': 'nl',
    });
    expect(dutch.body.detail).toBe('Deze melding bestaat niet of is hier niet te zien.');
    expect(await unread(someone)).toBe(1);

    const all = await api.post('/notifications/read-all', me.headers);
    expect(all.body).toEqual({ marked: 4 });
    expect(await unread(me)).toBe(0);
    expect(await unread(someone)).toBe(1);
    expect((await list(me, '?unread=true')).items).toEqual([]);
  });

  it('refuses a cursor that is not one of the list', async () => {
    const res = await api.get('/notifications?cursor=bm9wZQ', m.advisor.headers);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams?.[0]?.name).toBe('cursor');
  });

  it('is for signed-in users of a municipality', async () => {
    expect((await api.get('/notifications/unread-count', {})).status).toBe(401);
    const admin = await createActor(t.deps.db, { tenantId: null, role: 'platformAdmin' });
    expect((await api.get('/notifications/unread-count', admin.headers)).status).toBe(403);
  });
});

describe('jobs', () => {
  it('the deadline job gives each recipient with an account one summary; contacts get mail only', async () => {
    const tenant = await createTenant(t.deps.db);
    const supplierId = (await createSupplierRow(t.deps.db, tenant.id)).id;
    await t.deps.db
      .update(suppliers)
      .set({ contacts: [{ name: 'Planner', email: `${unique('planner')}@supplier.test` }] })
      .where(eq(suppliers.id, supplierId));
    const supplierUser = await createActor(t.deps.db, { tenantId: tenant.id, role: 'supplier', supplierId });
    const advisor = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const manager = await createActor(t.deps.db, { tenantId: tenant.id, role: 'contractManager' });
    const made = [];
    for (let i = 0; i < 2; i++)
      made.push(
        await createContractRows(t.deps.db, {
          tenantId: tenant.id,
          supplierId,
          dueDate: '2026-07-31',
          createdAt: new Date('2026-01-05T09:00:00Z'),
        }),
      );
    await runDeadlineJobs(t.deps, new Date('2026-07-20T06:00:00Z'), { onlyTenantId: tenant.id });
    const rowsOf = async (userId: string) =>
      t.deps.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.tenantId, tenant.id), eq(notifications.userId, userId)));
    for (const who of [supplierUser, advisor]) {
      const got = await rowsOf(who.user.id);
      expect(got).toHaveLength(1);
      expect(got[0]).toMatchObject({
        kind: 'reportsDue',
        link: '/',
        params: expect.objectContaining({ count: 2, dueDate: '2026-07-31' }),
      });
    }
    expect(await rowsOf(manager.user.id)).toEqual([]);
    expect(
      await t.deps.db.select().from(notifications).where(eq(notifications.tenantId, tenant.id)),
    ).toHaveLength(2);
    // Run again: the notices exist, nothing new.
    await runDeadlineJobs(t.deps, new Date('2026-07-20T07:00:00Z'), { onlyTenantId: tenant.id });
    expect(
      await t.deps.db.select().from(notifications).where(eq(notifications.tenantId, tenant.id)),
    ).toHaveLength(2);
    // Overdue: one report's notice links to the report itself.
    await t.deps.db.delete(notifications).where(eq(notifications.tenantId, tenant.id));
    await runDeadlineJobs(t.deps, new Date('2026-08-02T06:00:00Z'), { onlyTenantId: tenant.id });
    const overdue = await rowsOf(supplierUser.user.id);
    expect(overdue.map((n) => n.kind)).toEqual(['reportsOverdue']);
    expect(made.map((r) => r.report.id)).toContain(overdue[0]?.subjectId);
  });

  it('housekeeping removes read notifications after 90 days and keeps unread ones', async () => {
    const tenant = await createTenant(t.deps.db);
    const user = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const row = (readAt: Date | null, link: string) => ({
      tenantId: tenant.id,
      userId: user.user.id,
      kind: 'reportToVerify',
      subjectType: 'report',
      subjectId: crypto.randomUUID(),
      link,
      params: {},
      createdAt: new Date('2026-01-01T10:00:00Z'),
      readAt,
    });
    await t.deps.db
      .insert(notifications)
      .values([
        row(new Date('2026-07-01T10:00:00Z'), 'old-read'),
        row(null, 'old-unread'),
        row(new Date('2026-11-01T10:00:00Z'), 'recent-read'),
      ]);
    await runHousekeeping(t.deps, new Date('2026-11-23T10:00:00Z'), { onlyTenantId: tenant.id });
    const left = await t.deps.db.select().from(notifications).where(eq(notifications.tenantId, tenant.id));
    expect(left.map((n) => n.link).sort()).toEqual(['old-unread', 'recent-read']);
  });
});
