import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, mailOutbox, memberships, users } from '../../src/db/schema/index.ts';
import { createActor, createSession, createSupplierRow, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let tenant: { id: string };
let admin: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.deps.db);
  admin = await createActor(t.deps.db, { tenantId: tenant.id, role: 'municipalityAdmin' });
});
afterAll(() => t.close());

const call = (
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = admin.headers,
) =>
  t.app.request(`/api/v1${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });

describe('user management by the municipality admin', () => {
  it('disables a member (its token and session stop at once), enables it, changes its role', async () => {
    const member = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const session = await createSession(t.deps.db, member, t.deps.now());
    expect((await call('GET', '/me', undefined, member.headers)).status).toBe(200);
    const off = await call('PATCH', `/memberships/${member.membership.id}`, { disabled: true });
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ disabled: true, role: 'advisor' });
    expect((await call('GET', '/me', undefined, member.headers)).status).toBe(401);
    expect((await call('GET', '/me', undefined, session)).status).toBe(401);
    expect((await call('PATCH', `/memberships/${member.membership.id}`, { disabled: false })).status).toBe(
      200,
    );
    const role = await call('PATCH', `/memberships/${member.membership.id}`, { role: 'contractManager' });
    expect(await role.json()).toMatchObject({ disabled: false, role: 'contractManager' });
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'membership.update'), eq(auditLog.objectId, member.membership.id)));
    expect(entries.map((e) => e.details)).toEqual([
      expect.objectContaining({ disabled: true }),
      expect.objectContaining({ disabled: false }),
      expect.objectContaining({ role: 'contractManager', from: 'advisor' }),
    ]);
  });

  it('removes a membership: gone from the list, its token stops', async () => {
    const member = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    expect((await call('DELETE', `/memberships/${member.membership.id}`)).status).toBe(204);
    expect((await call('GET', '/me', undefined, member.headers)).status).toBe(401);
    const list = (await (await call('GET', '/users')).json()) as { items: { membershipId: string }[] };
    expect(list.items.map((i) => i.membershipId)).not.toContain(member.membership.id);
  });

  it('resends an invitation only to someone who has not set a password', async () => {
    const member = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const res = await call('POST', `/memberships/${member.membership.id}/invitation`);
    expect(res.status).toBe(201);
    const mails = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, member.user.email));
    expect(mails.some((m) => m.text.includes('/invitation#token='))).toBe(true);
    await t.deps.db.update(users).set({ passwordHash: 'x' }).where(eq(users.id, member.user.id));
    expect((await call('POST', `/memberships/${member.membership.id}/invitation`)).status).toBe(409);
  });

  it.each([
    {
      case: "the admin's own role",
      target: () => admin.membership.id,
      body: { disabled: true },
      status: 409,
    },
    {
      case: 'another municipality’s member',
      target: async () => {
        const other = await createTenant(t.deps.db);
        return (await createActor(t.deps.db, { tenantId: other.id, role: 'advisor' })).membership.id;
      },
      body: { disabled: true },
      status: 404,
    },
    {
      case: "a supplier user's role",
      target: async () => {
        const s = await createSupplierRow(t.deps.db, tenant.id);
        return (await createActor(t.deps.db, { tenantId: tenant.id, role: 'supplier', supplierId: s.id }))
          .membership.id;
      },
      body: { role: 'advisor' },
      status: 400,
    },
  ])('refuses to change $case', async ({ target, body, status }) => {
    const id = await target();
    expect((await call('PATCH', `/memberships/${id}`, body)).status).toBe(status);
    const [row] = await t.deps.db.select().from(memberships).where(eq(memberships.id, id));
    expect(row?.disabled).toBe(false);
  });

  it('invites an initiative user only with an initiative of this municipality', async () => {
    const res = await call('POST', '/invitations', { email: 'initiatief@example.test', role: 'initiative' });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ invalidParams: [{ name: 'initiativeId' }] });
    const unknown = await call('POST', '/invitations', {
      email: 'initiatief@example.test',
      role: 'initiative',
      initiativeId: '6f1c2f9e-0000-4000-8000-000000000000',
    });
    expect(unknown.status).toBe(400);
  });
});
