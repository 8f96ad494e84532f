import { settleLastUsed } from '../../src/db/last-used.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { apiTokens, auditLog, mailOutbox } from '../../src/db/schema/index.ts';
import { createActor, createSession, createSupplierRow, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let tenant: { id: string };
let admin: { headers: Record<string, string> };
/** The admin in a browser session: API tokens are made and revoked only there. */
let adminSession: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.deps.db);
  const made = await createActor(t.deps.db, { tenantId: tenant.id, role: 'municipalityAdmin' });
  admin = made;
  adminSession = await createSession(t.deps.db, made);
});
afterAll(() => t.close());

const send = (
  path: string,
  method: string,
  body: unknown,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) => t.app.request(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });

async function linkMailedTo(email: string, path = '/invitation#token='): Promise<string> {
  const mails = await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, email));
  const mail = mails.find((m) => m.text.includes(path));
  const token = new RegExp(`${path}([\\w-]+)`).exec(mail?.text ?? '')?.[1];
  if (!token) throw new Error(`no link mailed to ${email}`);
  return token;
}

describe('invitations and passwords', () => {
  it('invites by email; the one-time link sets the password once; then the user signs in', async () => {
    const res = await send(
      '/api/v1/invitations',
      'POST',
      { email: 'Nieuw@Gemeente.test', role: 'advisor' },
      admin.headers,
    );
    expect(res.status).toBe(201);
    const token = await linkMailedTo('nieuw@gemeente.test');
    const password = 'een heel lang wachtwoord';
    expect((await send('/api/v1/invitations/acceptance', 'POST', { token, password })).status).toBe(204);
    const again = await send('/api/v1/invitations/acceptance', 'POST', { token, password });
    expect(again.status).toBe(400);
    const signIn = await send('/api/v1/sessions', 'POST', { email: 'nieuw@gemeente.test', password });
    expect(signIn.status).toBe(201);
    const users = (await (await t.app.request('/api/v1/users', { headers: admin.headers })).json()) as {
      items: { email: string; role: string }[];
    };
    expect(users.items).toContainEqual(
      expect.objectContaining({ email: 'nieuw@gemeente.test', role: 'advisor' }),
    );
  });

  it('refuses an expired invitation link', async () => {
    await send(
      '/api/v1/invitations',
      'POST',
      { email: 'laat@gemeente.test', role: 'contractManager' },
      admin.headers,
    );
    const token = await linkMailedTo('laat@gemeente.test');
    t.setNow(new Date(t.deps.now().getTime() + 8 * 24 * 3600_000));
    const res = await send('/api/v1/invitations/acceptance', 'POST', {
      token,
      password: 'een heel lang wachtwoord',
    });
    expect(res.status).toBe(400);
    t.setNow('2026-11-23T10:00:00Z');
  });

  it('refuses a supplier invitation without a supplier, and a short password', async () => {
    const res = await send(
      '/api/v1/invitations',
      'POST',
      { email: 'lev@x.test', role: 'supplier' },
      admin.headers,
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { invalidParams: { name: string }[] }).invalidParams[0]?.name).toBe(
      'supplierId',
    );
    const supplier = await createSupplierRow(t.deps.db, tenant.id);
    await send(
      '/api/v1/invitations',
      'POST',
      { email: 'lev@x.test', role: 'supplier', supplierId: supplier.id },
      admin.headers,
    );
    const token = await linkMailedTo('lev@x.test');
    expect((await send('/api/v1/invitations/acceptance', 'POST', { token, password: 'kort' })).status).toBe(
      400,
    );
  });

  it('answers a reset request the same for unknown accounts, and the link changes the password', async () => {
    expect((await send('/api/v1/password-resets', 'POST', { email: 'niemand@x.test' })).status).toBe(202);
    await send('/api/v1/password-resets', 'POST', { email: 'nieuw@gemeente.test' });
    const invitation = await linkMailedTo('nieuw@gemeente.test');
    const reset = await linkMailedTo('nieuw@gemeente.test', '/password-reset#token=');
    expect(reset).not.toBe(invitation);
    expect(
      (
        await send('/api/v1/password-resets/completion', 'POST', {
          token: reset,
          password: 'nog een lang wachtwoord',
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await send('/api/v1/sessions', 'POST', {
          email: 'nieuw@gemeente.test',
          password: 'nog een lang wachtwoord',
        })
      ).status,
    ).toBe(201);
  });
});

let ownTokenId = '';
let foreignTokenId = '';

describe('API tokens', () => {
  it('are shown once, listed with last use, and stop working when revoked', async () => {
    const created = await send('/api/v1/api-tokens', 'POST', { name: 'Contractsysteem' }, adminSession);
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    ownTokenId = id;
    const bearer = { Authorization: `Bearer ${token}` };
    expect((await t.app.request('/api/v1/policies', { headers: bearer })).status).toBe(200);
    await settleLastUsed(); // last use is written off the request path (decision 018)
    const list = (await (await t.app.request('/api/v1/api-tokens', { headers: admin.headers })).json()) as {
      items: Record<string, unknown>[];
    };
    const listed = list.items.find((i) => i.id === id);
    expect(listed?.lastUsedAt).toBeTruthy();
    expect(JSON.stringify(list)).not.toContain(token);
    expect((await send(`/api/v1/api-tokens/${id}`, 'DELETE', undefined, adminSession)).status).toBe(204);
    expect((await t.app.request('/api/v1/policies', { headers: bearer })).status).toBe(401);
  });

  it('stop at once when their membership is disabled, though their holder was remembered', async () => {
    const member = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    expect((await t.app.request('/api/v1/policies', { headers: member.headers })).status).toBe(200);
    const off = await send(
      `/api/v1/memberships/${member.membership.id}`,
      'PATCH',
      { disabled: true },
      adminSession,
    );
    expect(off.status).toBe(200);
    expect((await t.app.request('/api/v1/policies', { headers: member.headers })).status).toBe(401);
  });

  it('are remembered for at most a second: a revocation made elsewhere takes effect within it', async () => {
    const member = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    expect((await t.app.request('/api/v1/policies', { headers: member.headers })).status).toBe(200);
    // as another instance, or an operator in the database, would revoke it
    await t.deps.db
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(eq(apiTokens.userId, member.user.id));
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await t.app.request('/api/v1/policies', { headers: member.headers })).status).toBe(401);
  });

  it('cannot be created or revoked with an API token (a leaked token cannot mint more)', async () => {
    const created = await send('/api/v1/api-tokens', 'POST', { name: 'Koppeling' }, adminSession);
    const { id } = (await created.json()) as { id: string };
    const minted = await send('/api/v1/api-tokens', 'POST', { name: 'more' }, admin.headers);
    expect(minted.status).toBe(403);
    expect((await send(`/api/v1/api-tokens/${id}`, 'DELETE', undefined, admin.headers)).status).toBe(403);
    expect((await t.app.request('/api/v1/api-tokens', { headers: admin.headers })).status).toBe(200);
  });

  it("cannot revoke another municipality's token", async () => {
    const other = await createTenant(t.deps.db);
    const otherAdmin = await createActor(t.deps.db, { tenantId: other.id, role: 'municipalityAdmin' });
    const { id } = (await (
      await send('/api/v1/api-tokens', 'POST', { name: 'x' }, await createSession(t.deps.db, otherAdmin))
    ).json()) as { id: string };
    foreignTokenId = id;
    expect((await send(`/api/v1/api-tokens/${id}`, 'DELETE', undefined, adminSession)).status).toBe(404);
  });
});

describe('audit log', () => {
  it('shows the writes of this municipality only, and exports them as CSV', async () => {
    const res = await t.app.request('/api/v1/audit-log?action=user.invite', { headers: admin.headers });
    const body = (await res.json()) as { items: { action: string; details: { email?: string } }[] };
    expect(body.items.length).toBeGreaterThanOrEqual(3);
    expect(body.items.every((i) => i.action === 'user.invite')).toBe(true);
    const csv = await t.app.request('/api/v1/audit-log?format=csv', { headers: admin.headers });
    expect(csv.headers.get('Content-Type')).toContain('text/csv');
    const text = await csv.text();
    // headers in the request's language (issue 11); no Accept-Language: English
    expect(text.split('\n')[0]).toContain('ID;At;By;User (ID);Action');
    expect(text).toContain('apiToken.revoke');
    // The other municipality's token (made in the test above) is in its log, not in this one.
    expect(foreignTokenId).toMatch(/^[0-9a-f-]{36}$/);
    const [foreign] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'apiToken.create'), eq(auditLog.objectId, foreignTokenId)));
    expect(foreign?.tenantId).not.toBe(tenant.id);
    expect(text).not.toContain(foreignTokenId);
    expect(text).toContain(`;apiToken.create;apiToken;${ownTokenId};`);
  });
});
