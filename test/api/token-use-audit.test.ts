import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiTokens, auditLog } from '../../src/db/schema/index.ts';
import { settleLastUsed } from '../../src/db/last-used.ts';
import { createActor, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('API token use', () => {
  it('is audited on the first use of each day and keeps lastUsedAt to the minute', async () => {
    const tenant = await createTenant(t.deps.db);
    const { headers, user } = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const uses = async () => {
      await settleLastUsed();
      return (
        await t.deps.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, 'apiToken.use')))
      ).length;
    };
    t.setNow('2026-11-23T10:00:00Z');
    for (let i = 0; i < 3; i++) expect((await t.app.request('/api/v1/me', { headers })).status).toBe(200);
    expect(await uses()).toBe(1);
    t.setNow('2026-11-23T15:00:00Z');
    await t.app.request('/api/v1/me', { headers });
    expect(await uses()).toBe(1);
    const [token] = await t.deps.db.select().from(apiTokens).where(eq(apiTokens.userId, user.id));
    expect(token?.lastUsedAt?.toISOString()).toBe('2026-11-23T15:00:00.000Z');
    t.setNow('2026-11-24T08:00:00Z');
    await t.app.request('/api/v1/me', { headers });
    expect(await uses()).toBe(2);
  });
});

describe('API token bookkeeping under a burst', () => {
  it('50 simultaneous requests on a fresh token all answer and write lastUsedAt and the audit entry once', async () => {
    const tenant = await createTenant(t.deps.db);
    const { headers, user } = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    t.setNow('2026-11-25T09:00:00Z');
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => t.app.request('/api/v1/me', { headers })),
    );
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 50 }, () => 200));
    await settleLastUsed();
    const audited = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, 'apiToken.use')));
    // Each request wrote (and audited) in its own transaction before the request could go on.
    expect(audited).toHaveLength(1);
  });
});
