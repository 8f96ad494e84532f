import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../src/db/audit.ts';
import { auditLog, memberships } from '../../src/db/schema/index.ts';
import { createActor, createTenant, unique } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const json = { 'Content-Type': 'application/json' };
const post = (path: string, body: unknown) =>
  t.app.request(`/api/v1${path}`, { method: 'POST', headers: json, body: JSON.stringify(body) });

async function actionsIn(headers: Record<string, string>, action: string) {
  const res = await t.app.request(`/api/v1/audit-log?action=${action}`, { headers });
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { action: string; actorLabel: string }[] }).items;
}

describe('audit log is append-only in the database', () => {
  it.each([
    {
      case: 'an UPDATE',
      run: (id: number) => t.deps.db.update(auditLog).set({ action: 'x' }).where(eq(auditLog.id, id)),
    },
    { case: 'a DELETE', run: (id: number) => t.deps.db.delete(auditLog).where(eq(auditLog.id, id)) },
    { case: 'a TRUNCATE', run: () => t.deps.db.execute(sql`truncate audit_log`) },
  ])('refuses $case and keeps the entry', async ({ run }) => {
    const label = unique('append-only');
    await writeAudit(t.deps.db, {
      tenantId: null,
      actorUserId: null,
      actorLabel: label,
      action: 'test.entry',
    });
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.actorLabel, label));
    if (!entry) throw new Error('entry not written');
    await expect(run(entry.id)).rejects.toThrow();
    const [after] = await t.deps.db.select().from(auditLog).where(eq(auditLog.id, entry.id));
    expect(after).toEqual(entry);
  });
});

describe('account events reach the audit log of each municipality of the account', () => {
  it('shows failed sign-ins, rate-limit hits and reset requests to the admins of both municipalities', async () => {
    const a = await createTenant(t.deps.db);
    const b = await createTenant(t.deps.db);
    const elsewhere = await createTenant(t.deps.db);
    const adminA = await createActor(t.deps.db, { tenantId: a.id, role: 'municipalityAdmin' });
    const adminB = await createActor(t.deps.db, { tenantId: b.id, role: 'municipalityAdmin' });
    const adminElsewhere = await createActor(t.deps.db, {
      tenantId: elsewhere.id,
      role: 'municipalityAdmin',
    });
    const { user } = await createActor(t.deps.db, { tenantId: a.id, role: 'advisor' });
    await t.deps.db.insert(memberships).values({ userId: user.id, tenantId: b.id, role: 'contractManager' });
    for (let i = 0; i < 6; i++) await post('/sessions', { email: user.email, password: 'wrong password!!' });
    expect((await post('/password-resets', { email: user.email })).status).toBe(202);
    for (const [admin, sees] of [
      [adminA, true],
      [adminB, true],
      [adminElsewhere, false],
    ] as const) {
      const mine = async (action: string) =>
        (await actionsIn(admin.headers, action)).filter((e) => e.actorLabel === user.email);
      expect((await mine('session.failed')).length).toBe(sees ? 5 : 0);
      expect((await mine('session.rateLimited')).length).toBe(sees ? 1 : 0);
      expect((await mine('user.requestPasswordReset')).length).toBe(sees ? 1 : 0);
    }
  });
});

describe('audit CSV export', () => {
  it('defuses spreadsheet formulas and says when it was cut short', async () => {
    const own = await createTenant(t.deps.db);
    const admin = await createActor(t.deps.db, { tenantId: own.id, role: 'municipalityAdmin' });
    for (const label of ['=HYPERLINK("https://evil.example")', '+1+1', '-2', '@SUM(A1)', 'plain'])
      await writeAudit(t.deps.db, {
        tenantId: own.id,
        actorUserId: null,
        actorLabel: label,
        action: 'test.csv',
      });
    const all = await t.app.request('/api/v1/audit-log?format=csv&action=test.csv', {
      headers: admin.headers,
    });
    const text = await all.text();
    expect(all.headers.get('Export-Truncated')).toBe('false');
    for (const cell of ['"\'=HYPERLINK(""https://evil.example"")"', "'+1+1", "'-2", "'@SUM(A1)"])
      expect(text).toContain(cell);
    expect(text).toContain(';plain;');
    expect(text).not.toMatch(/;[=+\-@]/);
    expect(text).not.toContain('export.truncated');
    const cut = await t.app.request('/api/v1/audit-log?format=csv&action=test.csv&limit=2', {
      headers: admin.headers,
    });
    expect(cut.headers.get('Export-Truncated')).toBe('true');
    const lines = (await cut.text()).trim().split('\n');
    expect(lines).toHaveLength(1 + 2 + 1);
    expect(lines.at(-1)).toContain('export.truncated');
    expect(lines.at(-1)).toMatch(/export again with before=\d+/);
  });
});
