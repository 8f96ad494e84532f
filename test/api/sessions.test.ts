import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/app/passwords.ts';
import { settleLastUsed } from '../../src/db/last-used.ts';
import { memberships, users } from '../../src/db/schema/index.ts';
import { createActor, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
const password = 'correct horse battery staple';
let tenantA: { id: string };
let tenantB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  tenantA = await createTenant(t.deps.db);
  tenantB = await createTenant(t.deps.db);
});
afterAll(() => t.close());

/** A user with a password and an advisor role in tenant A (and B when asked). */
async function person(options: { both?: boolean } = {}) {
  const { user } = await createActor(t.deps.db, { tenantId: tenantA.id, role: 'advisor' });
  await t.deps.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, user.id));
  if (options.both)
    await t.deps.db
      .insert(memberships)
      .values({ userId: user.id, tenantId: tenantB.id, role: 'contractManager' });
  return user;
}

const json = { 'Content-Type': 'application/json' };
async function signIn(email: string, pw = password, headers: Record<string, string> = {}) {
  return t.app.request('/api/v1/sessions', {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify({ email, password: pw }),
  });
}
function cookieOf(res: Response): string {
  const raw = res.headers.get('Set-Cookie') ?? '';
  return raw.split(';')[0] ?? '';
}

describe('sign-in and session cookie', () => {
  it('sets an httpOnly SameSite=Lax cookie and answers who I am, with a CSRF token', async () => {
    const user = await person();
    const res = await signIn(user.email.toUpperCase());
    expect(res.status).toBe(201);
    expect(await res.clone().json()).toMatchObject({
      user: {
        id: user.id,
        email: user.email,
        activeTenantId: tenantA.id,
        role: 'advisor',
        memberships: [{ tenantId: tenantA.id, role: 'advisor', supplierId: null }],
      },
    });
    const setCookie = res.headers.get('Set-Cookie') ?? '';
    expect(setCookie).toMatch(/^retour_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await t.app.request('/api/v1/me', { headers: { Cookie: cookieOf(res) } });
    expect(me.status).toBe(200);
    const body = (await me.json()) as {
      user: { email: string };
      role: string;
      csrfToken: string;
      tenant: { id: string };
    };
    expect(body).toMatchObject({ user: { email: user.email }, role: 'advisor', tenant: { id: tenantA.id } });
    expect(body.csrfToken.length).toBeGreaterThan(20);
  });

  it('adds Secure to the cookie and HSTS to responses behind TLS', async () => {
    const secure = await createTestApp({ secure: true, publicUrl: 'https://retour.example' });
    try {
      const tenant = await createTenant(secure.deps.db);
      const { user } = await createActor(secure.deps.db, { tenantId: tenant.id, role: 'advisor' });
      await secure.deps.db
        .update(users)
        .set({ passwordHash: await hashPassword(password) })
        .where(eq(users.id, user.id));
      const res = await secure.app.request('/api/v1/sessions', {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: user.email, password }),
      });
      expect(res.status).toBe(201);
      expect(res.headers.get('Set-Cookie')).toMatch(/; Secure/);
      expect(res.headers.get('Strict-Transport-Security')).toContain('max-age=31536000');
    } finally {
      await secure.close();
    }
  });

  it.each([
    { case: 'wrong password', email: 'known', pw: 'wrong password!!' },
    { case: 'unknown account', email: 'nobody@example.test', pw: password },
  ])('refuses a $case with the same 401 and records it', async ({ email, pw }) => {
    const user = await person();
    const res = await signIn(email === 'known' ? user.email : email, pw);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({
      title: 'Aanmelden vereist',
      detail: 'Het e-mailadres of wachtwoord klopt niet.',
    });
  });

  it('rate limits an account after 5 failures with 429 and Retry-After, even for the right password', async () => {
    const user = await person();
    for (let i = 0; i < 5; i++) expect((await signIn(user.email, 'nope nope nope')).status).toBe(401);
    const res = await signIn(user.email);
    expect(res.status).toBe(429);
    // The five failures happened just now: the window (15 minutes) frees the account in 900 s.
    expect(res.headers.get('Retry-After')).toBe('900');
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    t.setNow(new Date(t.deps.now().getTime() + 10 * 60_000));
    const later = await signIn(user.email);
    expect(later.status).toBe(429);
    expect(later.headers.get('Retry-After')).toBe('300');
    t.setNow(new Date(t.deps.now().getTime() + 5 * 60_000 + 1000));
    expect((await signIn(user.email)).status).toBe(201);
  });

  it('lets only 5 of 12 parallel wrong guesses reach the password check', async () => {
    const user = await person();
    const answers = await Promise.all(
      Array.from({ length: 12 }, () => signIn(user.email, 'parallel guess!!')),
    );
    const statuses = answers.map((r) => r.status);
    // Counting before recording let all 12 through to the password check.
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    expect((await signIn(user.email)).status).toBe(429);
  });
});

describe('CSRF and sign-out', () => {
  it('refuses a cookie-authenticated write without the CSRF token, accepts it with, and signs out', async () => {
    const user = await person();
    const res = await signIn(user.email);
    const cookie = cookieOf(res);
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const without = await t.app.request('/api/v1/sessions/current', {
      method: 'DELETE',
      headers: { Cookie: cookie },
    });
    expect(without.status).toBe(403);
    const wrong = await t.app.request('/api/v1/sessions/current', {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-CSRF-Token': 'x' },
    });
    expect(wrong.status).toBe(403);
    const ok = await t.app.request('/api/v1/sessions/current', {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    expect(ok.status).toBe(204);
    expect((await t.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('needs no CSRF token with a bearer token', async () => {
    const { headers } = await createActor(t.deps.db, { tenantId: tenantA.id, role: 'advisor' });
    expect((await t.app.request('/api/v1/me', { headers })).status).toBe(200);
  });
});

describe('session expiry', () => {
  it.each([
    { case: 'idle for 8 hours', steps: [8 * 60], alive: false },
    {
      case: 'used every 7 hours for 2 days (idle expiry slides)',
      steps: Array.from({ length: 7 }, () => 7 * 60),
      alive: true,
    },
    { case: 'past 7 days even when used', steps: Array.from({ length: 25 }, () => 7 * 60), alive: false },
  ])('a session $case', async ({ steps, alive }) => {
    t.setNow('2026-11-23T10:00:00Z');
    const user = await person();
    const cookie = cookieOf(await signIn(user.email));
    let status = 200;
    for (const minutes of steps) {
      t.setNow(new Date(t.deps.now().getTime() + minutes * 60_000));
      status = (await t.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status;
      if (status !== 200) break;
      // the last-seen time is written in the background; hours pass between these requests
      await settleLastUsed();
    }
    expect(status).toBe(alive ? 200 : 401);
  });
});

describe('tenant switch', () => {
  it.each([{ path: '/api/v1/me/tenant' }, { path: '/api/v1/sessions/current' }])(
    'PUT $path acts in another municipality where the user has a role, refuses one where they have none',
    async ({ path }) => {
      t.setNow('2026-11-23T10:00:00Z');
      const user = await person({ both: true });
      const res = await signIn(user.email);
      const cookie = cookieOf(res);
      const { csrfToken } = (await res.json()) as { csrfToken: string };
      const headers = { ...json, Cookie: cookie, 'X-CSRF-Token': csrfToken };
      const switched = await t.app.request(path, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ tenantId: tenantB.id }),
      });
      expect(switched.status).toBe(200);
      expect(await switched.json()).toMatchObject({ role: 'contractManager', tenant: { id: tenantB.id } });
      const other = await createTenant(t.deps.db);
      const refused = await t.app.request(path, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ tenantId: other.id }),
      });
      expect(refused.status).toBe(404);
    },
  );
});
