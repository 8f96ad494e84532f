import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { hashPassword } from '../../src/app/passwords.ts';
import { hashSecret } from '../../src/app/tokens.ts';
import { mailOutbox, sessions, users } from '../../src/db/schema/index.ts';
import { createActor, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let tenantId: string;
const password = 'a long and secret password';
const json = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  t = await createTestApp();
  tenantId = (await createTenant(t.deps.db)).id;
});
afterAll(() => t.close());

/** Requests as if from one address (the socket's remote address, as @hono/node-server gives it). */
const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

async function person() {
  const actor = await createActor(t.deps.db, { tenantId, role: 'advisor' });
  await t.deps.db
    .update(users)
    .set({ passwordHash: await hashPassword(password) })
    .where(eq(users.id, actor.user.id));
  return actor;
}

function signIn(email: string, pw = password, ip = '198.51.100.1', headers: Record<string, string> = {}) {
  return t.app.request(
    '/api/v1/sessions',
    { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ email, password: pw }) },
    from(ip),
  );
}
const cookieOf = (res: Response) => (res.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';

describe('security headers', () => {
  it.each([
    {
      case: 'the liveness probe',
      path: '/api/v1/health',
      csp: /^default-src 'none'; frame-ancestors 'none'$/,
    },
    { case: 'an API answer', path: '/api/v1/tenants', csp: /^default-src 'none'; frame-ancestors 'none'$/ },
    {
      case: 'an unknown API path',
      path: '/api/v1/nothing-here',
      csp: /^default-src 'none'; frame-ancestors 'none'$/,
    },
    { case: 'a page address', path: '/contracts', csp: /script-src 'self'(;|$)/ },
  ])(
    'are on $case: a CSP that runs no inline script, no framing, nosniff, referrer policy, no HSTS without TLS',
    async ({ path, csp }) => {
      const res = await t.app.request(path);
      const policy = res.headers.get('Content-Security-Policy') ?? '';
      expect(policy).toMatch(csp);
      expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
      expect(policy).toContain("frame-ancestors 'none'");
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Referrer-Policy')).toBe('strict-origin-when-cross-origin');
      expect(res.headers.get('Strict-Transport-Security')).toBeNull();
    },
  );

  it('are the same on the liveness probe (answered before any middleware) as on other API answers', async () => {
    const probe = await t.app.request('/api/v1/health');
    const other = await t.app.request('/api/v1/tenants');
    expect(await probe.json()).toEqual({ status: 'ok' });
    const headers = (res: Response) =>
      [...res.headers.entries()].filter(([k]) => !['content-length', 'vary', 'content-language'].includes(k));
    expect(headers(probe)).toEqual(headers(other));
  });
});

describe('rate limit per address', () => {
  it('refuses the 21st sign-in from one address after 20 failures on many accounts, not other addresses', async () => {
    const ip = '203.0.113.77';
    for (let i = 0; i < 20; i++) {
      expect((await signIn(`guess-${i}@example.test`, 'wrong password!', ip)).status).toBe(401);
    }
    const { user } = await person();
    const refused = await signIn(user.email, password, ip);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ status: 429, title: 'Te veel verzoeken' });
    expect((await signIn(user.email, password, '203.0.113.78')).status).toBe(201);
  });
});

describe('session cookie', () => {
  it('stores only the SHA-256 of the cookie; sign-out clears the cookie and ends the session', async () => {
    const { user } = await person();
    const res = await signIn(user.email);
    const cookie = cookieOf(res);
    const value = cookie.split('=')[1] ?? '';
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const stored = await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored.map((s) => s.tokenHash)).toEqual([hashSecret(value)]);
    expect(stored[0]?.tokenHash).not.toBe(value);
    const out = await t.app.request('/api/v1/sessions/current', {
      method: 'DELETE',
      headers: { Cookie: cookie, 'X-CSRF-Token': csrfToken },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('Set-Cookie')).toMatch(/^retour_session=;.*Max-Age=0/);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
  });

  it('rotates on sign-in: the cookie the browser had before stops working', async () => {
    const { user } = await person();
    const first = cookieOf(await signIn(user.email));
    const second = cookieOf(await signIn(user.email, password, '198.51.100.1', { Cookie: first }));
    expect(second).not.toBe(first);
    expect((await t.app.request('/api/v1/me', { headers: { Cookie: first } })).status).toBe(401);
    expect((await t.app.request('/api/v1/me', { headers: { Cookie: second } })).status).toBe(200);
  });

  it("refuses a write with another session's CSRF token", async () => {
    const a = await person();
    const b = await person();
    const resA = await signIn(a.user.email);
    const resB = await signIn(b.user.email);
    const { csrfToken: tokenOfB } = (await resB.json()) as { csrfToken: string };
    const res = await t.app.request('/api/v1/me/tenant', {
      method: 'PUT',
      headers: { ...json, Cookie: cookieOf(resA), 'X-CSRF-Token': tokenOfB },
      body: JSON.stringify({ tenantId }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ detail: expect.stringContaining('X-CSRF-Token') });
  });

  it('ends sessions and tokens of a disabled user at once', async () => {
    const actor = await person();
    const cookie = cookieOf(await signIn(actor.user.email));
    await t.deps.db.update(users).set({ disabled: true }).where(eq(users.id, actor.user.id));
    expect((await t.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect((await t.app.request('/api/v1/me', { headers: actor.headers })).status).toBe(401);
    expect((await signIn(actor.user.email)).status).toBe(401);
  });

  it('removes an expired session from the database when it is presented', async () => {
    t.setNow('2026-11-23T10:00:00Z');
    const { user } = await person();
    const cookie = cookieOf(await signIn(user.email));
    t.setNow('2026-11-23T18:00:01Z');
    expect((await t.app.request('/api/v1/me', { headers: { Cookie: cookie } })).status).toBe(401);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id))).toEqual([]);
    t.setNow('2026-11-23T10:00:00Z');
  });
});

describe('password reset links', () => {
  const resetsFor = async (email: string) =>
    (await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, email))).map(
      (m) => /#token=([\w-]+)/.exec(m.text)?.[1] ?? '',
    );
  const requestReset = (email: string) =>
    t.app.request('/api/v1/password-resets', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email }),
    });
  const complete = (token: string) =>
    t.app.request('/api/v1/password-resets/completion', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ token, password: 'a brand new long password' }),
    });

  it('are mailed at most 3 times an hour per account, with the same answer each time', async () => {
    const { user } = await person();
    for (let i = 0; i < 5; i++) expect((await requestReset(user.email)).status).toBe(202);
    expect(await resetsFor(user.email)).toHaveLength(3);
    t.setNow('2026-11-23T11:00:01Z');
    await requestReset(user.email);
    expect(await resetsFor(user.email)).toHaveLength(4);
    t.setNow('2026-11-23T10:00:00Z');
  });

  it('work once, and using one ends the other open links of the account', async () => {
    const { user } = await person();
    await requestReset(user.email);
    await requestReset(user.email);
    const [first = '', second = ''] = await resetsFor(user.email);
    expect((await complete(second)).status).toBe(204);
    expect((await complete(second)).status).toBe(400);
    expect((await complete(first)).status).toBe(400);
  });
});

describe('behind a reverse proxy (RETOUR_TRUST_PROXY=1)', () => {
  it('limits by the address the proxy reports, not the proxy, and ignores forged earlier entries', async () => {
    const proxied = await createTestApp({ trustProxy: true });
    try {
      const viaProxy = (forwardedFor: string, email: string, pw: string) =>
        proxied.app.request(
          '/api/v1/sessions',
          {
            method: 'POST',
            headers: { ...json, 'X-Forwarded-For': forwardedFor },
            body: JSON.stringify({ email, password: pw }),
          },
          from('10.0.0.1'),
        );
      // The attacker varies the first entry; the proxy appends the real address last.
      for (let i = 0; i < 20; i++)
        expect((await viaProxy(`1.2.3.${i}, 192.0.2.66`, `x${i}@example.test`, 'wrong!')).status).toBe(401);
      expect((await viaProxy('192.0.2.66', 'y@example.test', 'wrong!')).status).toBe(429);
      expect((await viaProxy('192.0.2.67', 'y@example.test', 'wrong!')).status).toBe(401);
    } finally {
      await proxied.close();
    }
  });
});

describe('lockout without denial of service (decision 018)', () => {
  it('five wrong passwords from one address do not lock the owner out from another', async () => {
    const { user } = await person();
    for (let i = 0; i < 5; i++)
      expect((await signIn(user.email, 'attacker guess!', '203.0.113.10')).status).toBe(401);
    expect((await signIn(user.email, password, '203.0.113.10')).status).toBe(429);
    // Before: a flat 15-minute lock of the account from any address.
    expect((await signIn(user.email, password, '198.51.100.20')).status).toBe(201);
  });

  it('failures from many addresses only slow the account down, by at most a minute', async () => {
    const { user } = await person();
    for (let i = 0; i < 10; i++)
      expect((await signIn(user.email, 'distributed guess', `192.0.2.${100 + i}`)).status).toBe(401);
    const slowed = await signIn(user.email, password, '198.51.100.21');
    expect(slowed.status).toBe(429);
    const wait = Number(slowed.headers.get('Retry-After'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
    t.setNow(new Date(t.deps.now().getTime() + wait * 1000));
    expect((await signIn(user.email, password, '198.51.100.21')).status).toBe(201);
  });
});
