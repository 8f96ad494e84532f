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

  it('sends a password-reset link to a member who has a password; the link sets a new one; 3 an hour at most', async () => {
    const member = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const path = `/memberships/${member.membership.id}/password-reset`;
    const pending = await call('POST', path);
    expect(pending.status).toBe(409);
    expect(((await pending.json()) as { detail: string }).detail).toBe(
      `${member.user.email} heeft de uitnodiging nog niet aangenomen; stuur de uitnodiging opnieuw.`,
    );
    await t.deps.db.update(users).set({ passwordHash: 'x' }).where(eq(users.id, member.user.id));
    const res = await call('POST', path);
    expect(res.status).toBe(201);
    const mails = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, member.user.email));
    const reset = mails.find((m) => m.text.includes('/password-reset#token='));
    expect(reset?.tenantId).toBe(tenant.id);
    const token = /#token=([\w-]+)/.exec(reset?.text ?? '')?.[1] ?? '';
    const done = await call('POST', '/password-resets/completion', {
      token,
      password: 'een-nieuw-wachtwoord-2026',
    });
    expect(done.status).toBe(204);
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.sendPasswordReset'), eq(auditLog.objectId, member.membership.id)));
    expect(entry?.details).toMatchObject({ email: member.user.email });
    expect((await call('POST', path)).status).toBe(201);
    expect((await call('POST', path)).status).toBe(201);
    const fourth = await call('POST', path, undefined, { ...admin.headers, 'Accept-Language': 'en' });
    expect(fourth.status).toBe(429);
    expect(((await fourth.json()) as { detail: string }).detail).toBe(
      'Three reset links went to this account in the last hour; try again later.',
    );
  });

  it('sends no reset link to another municipality’s member, nor at the request of an advisor', async () => {
    const other = await createTenant(t.deps.db);
    const foreign = await createActor(t.deps.db, { tenantId: other.id, role: 'advisor' });
    expect((await call('POST', `/memberships/${foreign.membership.id}/password-reset`)).status).toBe(404);
    const advisor = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const member = await createActor(t.deps.db, { tenantId: tenant.id, role: 'contractManager' });
    const asAdvisor = await call(
      'POST',
      `/memberships/${member.membership.id}/password-reset`,
      undefined,
      advisor.headers,
    );
    expect(asAdvisor.status).toBe(403);
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
