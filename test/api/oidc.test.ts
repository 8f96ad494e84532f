import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { addOidcProvider } from '../../src/app/admin/oidc-provider.ts';
import { auditLog, externalIdentities, memberships, sessions, users } from '../../src/db/schema/index.ts';
import { createActor, createTenant, unique } from '../factories.ts';
import { browser, startOidcProvider, type TestOidcProvider } from '../oidc-provider.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let idp: TestOidcProvider;
let tenant: { id: string; slug: string };
let open: { id: string; slug: string };
const origin = 'http://localhost:3000';

beforeAll(async () => {
  t = await createTestApp({ publicUrl: origin });
  idp = await startOidcProvider({
    redirectUri: `${origin}/api/v1/oidc/callback`,
    unverified: ['unverified@gemeente.test'],
    silent: ['silent@gemeente.test'],
  });
  tenant = await createTenant(t.deps.db);
  open = await createTenant(t.deps.db);
  for (const [slug, defaultRole] of [
    [tenant.slug, undefined],
    [open.slug, 'advisor'],
  ] as const) {
    await addOidcProvider(t.deps, {
      tenant: slug,
      name: 'Gemeente-account',
      issuer: idp.issuer,
      clientId: idp.clientId,
      clientSecret: idp.clientSecret,
      defaultRole,
    });
  }
}, 60_000);
afterAll(async () => {
  await idp.close();
  await t.close();
});

const local = () => ({ origin, request: (path: string, init: RequestInit) => t.app.request(path, init) });

describe('single sign-on with OpenID Connect (authorization code + PKCE)', () => {
  it("lists the municipality's providers for its sign-in page", async () => {
    const res = await t.app.request(`/api/v1/tenants/${tenant.slug}/oidc/providers`);
    expect(await res.json()).toMatchObject({ items: [{ name: 'Gemeente-account' }] });
  });

  it('signs in a known user at the real provider and lands on returnTo with a session', async () => {
    const { user } = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const b = browser(local());
    const start = await b.go(`/api/v1/tenants/${tenant.slug}/oidc/login?returnTo=/contracts`);
    expect(start.status).toBe(302);
    const authorize = new URL(start.headers.get('Location') ?? '');
    expect(authorize.origin).toBe(idp.issuer);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('redirect_uri')).toBe(`${origin}/api/v1/oidc/callback`);
    const done = await b.signInAt(start.headers.get('Location') ?? '', user.email);
    expect(done.status).toBe(302);
    expect(done.headers.get('Location')).toBe('/contracts');
    const setCookie = done.headers.getSetCookie().find((c) => c.startsWith('retour_session='));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await b.go('/api/v1/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({
      user: { email: user.email },
      role: 'advisor',
      tenant: { id: tenant.id },
    });
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.actorUserId, user.id), eq(auditLog.action, 'session.create')));
    expect(entry?.details).toMatchObject({ via: 'oidc' });
  });

  it.each([
    { case: 'someone without a role there', login: 'stranger@elders.test', error: 'sso-no-access' },
    { case: 'an unverified email address', login: 'unverified@gemeente.test', error: 'sso-failed' },
    { case: 'an email without email_verified', login: 'silent@gemeente.test', error: 'sso-failed' },
  ])('refuses $case without a session', async ({ login, error }) => {
    const b = browser(local());
    const done = await b.signInAt(`/api/v1/tenants/${tenant.slug}/oidc/login`, login);
    expect(done.headers.get('Location')).toBe(`/sign-in?error=${error}`);
    expect(b.cookie(origin, 'retour_session')).toBeUndefined();
  });

  it("gives a first-time user the provider's default role when the municipality allows it", async () => {
    const email = `${unique('nieuw')}@open.test`;
    const b = browser(local());
    const done = await b.signInAt(`/api/v1/tenants/${open.slug}/oidc/login`, email);
    expect(done.headers.get('Location')).toBe('/');
    const [user] = await t.deps.db.select().from(users).where(eq(users.email, email));
    const roles = await t.deps.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, user?.id ?? ''));
    expect(roles.map((m) => [m.tenantId, m.role])).toEqual([[open.id, 'advisor']]);
    expect(user?.passwordHash).toBeNull();
  });

  it('accepts a callback only once and only in the browser that started the sign-in', async () => {
    const { user } = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const b = browser(local());
    const start = await b.go(`/api/v1/tenants/${tenant.slug}/oidc/login`);
    const state = new URL(start.headers.get('Location') ?? '').searchParams.get('state');
    // Another browser (without the state cookie) with a callback URL is refused and uses nothing up.
    const thief = await t.app.request(`/api/v1/oidc/callback?state=${state}&code=stolen`);
    expect(thief.headers.get('Location')).toBe('/sign-in?error=sso-failed');
    const done = await b.signInAt(start.headers.get('Location') ?? '', user.email);
    expect(done.headers.get('Location')).toBe('/');
    // The same callback again, even in the same browser, is refused: the login was used.
    const callback = b.history.find((u) => u.startsWith(`${origin}/api/v1/oidc/callback`)) ?? '';
    const replay = await b.go(callback);
    expect(replay.headers.get('Location')).toBe('/sign-in?error=sso-failed');
    const count = await t.deps.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(count).toHaveLength(1);
  });

  it.each([
    { case: 'another origin', returnTo: 'https://evil.example/x' },
    { case: 'a protocol-relative URL', returnTo: '//evil.example/x' },
  ])('never redirects to $case after signing in', async ({ returnTo }) => {
    const { user } = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const b = browser(local());
    const done = await b.signInAt(
      `/api/v1/tenants/${tenant.slug}/oidc/login?returnTo=${encodeURIComponent(returnTo)}`,
      user.email,
    );
    expect(done.headers.get('Location')).toBe('/');
  });

  it('answers 404 for a municipality without single sign-on', async () => {
    const other = await createTenant(t.deps.db);
    expect((await t.app.request(`/api/v1/tenants/${other.slug}/oidc/login`)).status).toBe(404);
  });
});

describe('single sign-on settings (municipality admin)', () => {
  it('adds a provider, lists it without the secret, refuses a duplicate, removes it', async () => {
    const own = await createTenant(t.deps.db);
    const { headers } = await createActor(t.deps.db, { tenantId: own.id, role: 'municipalityAdmin' });
    const post = (body: unknown) =>
      t.app.request('/api/v1/oidc-providers', { method: 'POST', headers, body: JSON.stringify(body) });
    const input = {
      name: 'Azure',
      issuer: 'https://login.example.nl/tenant',
      clientId: 'retour',
      clientSecret: 's3cret',
    };
    const created = await post({ ...input, defaultRole: 'advisor' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect((await post(input)).status).toBe(409);
    const list = await (await t.app.request('/api/v1/oidc-providers', { headers })).text();
    expect(list).toContain('"hasClientSecret":true');
    expect(list).not.toContain('s3cret');
    const publicList = await (await t.app.request(`/api/v1/tenants/${own.slug}/oidc/providers`)).json();
    expect(publicList).toEqual({ items: [{ id, name: 'Azure' }] });
    const del = await t.app.request(`/api/v1/oidc-providers/${id}`, { method: 'DELETE', headers });
    expect(del.status).toBe(204);
    expect((await t.app.request(`/api/v1/tenants/${own.slug}/oidc/login`)).status).toBe(404);
  });
});

describe('single sign-on cannot reach accounts of another municipality', () => {
  it('refuses the takeover: an admin of A registers an issuer that vouches for a user of B', async () => {
    const victimHome = await createTenant(t.deps.db);
    const { user: victim } = await createActor(t.deps.db, {
      tenantId: victimHome.id,
      role: 'municipalityAdmin',
    });
    const attackerHome = await createTenant(t.deps.db);
    const { headers: attacker } = await createActor(t.deps.db, {
      tenantId: attackerHome.id,
      role: 'municipalityAdmin',
    });
    // The attacker controls the issuer (this provider signs in any login) and sets a default role.
    const registered = await t.app.request('/api/v1/oidc-providers', {
      method: 'POST',
      headers: attacker,
      body: JSON.stringify({
        name: 'Evil',
        issuer: idp.issuer,
        clientId: idp.clientId,
        clientSecret: idp.clientSecret,
        defaultRole: 'municipalityAdmin',
      }),
    });
    expect(registered.status).toBe(201);
    const b = browser(local());
    const done = await b.signInAt(`/api/v1/tenants/${attackerHome.slug}/oidc/login`, victim.email);
    expect(done.headers.get('Location')).toBe('/sign-in?error=sso-no-access');
    expect(b.cookie(origin, 'retour_session')).toBeUndefined();
    // Without a session there is nothing to switch into B with.
    expect((await b.go('/api/v1/me')).status).toBe(401);
    const roles = await t.deps.db.select().from(memberships).where(eq(memberships.userId, victim.id));
    expect(roles.map((m) => m.tenantId)).toEqual([victimHome.id]);
    expect(
      await t.deps.db.select().from(externalIdentities).where(eq(externalIdentities.userId, victim.id)),
    ).toEqual([]);
    expect(await t.deps.db.select().from(sessions).where(eq(sessions.userId, victim.id))).toEqual([]);
    const [refusal] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, attackerHome.id), eq(auditLog.action, 'session.failed')));
    expect(refusal?.details).toMatchObject({ reason: 'account of another municipality' });
  });

  it("keeps a single sign-on session in its provider's municipality (no tenant switch)", async () => {
    const elsewhere = await createTenant(t.deps.db);
    const { user } = await createActor(t.deps.db, { tenantId: elsewhere.id, role: 'advisor' });
    await t.deps.db.insert(memberships).values({ userId: user.id, tenantId: tenant.id, role: 'advisor' });
    const b = browser(local());
    const done = await b.signInAt(`/api/v1/tenants/${tenant.slug}/oidc/login`, user.email);
    expect(done.headers.get('Location')).toBe('/');
    const me = (await (await b.go('/api/v1/me')).json()) as { csrfToken: string; tenant: { id: string } };
    expect(me.tenant.id).toBe(tenant.id);
    const headers = { 'Content-Type': 'application/json', 'X-CSRF-Token': me.csrfToken };
    const body = JSON.stringify({ tenantId: elsewhere.id });
    for (const path of ['/api/v1/me/tenant', '/api/v1/sessions/current']) {
      const res = await b.go(path, { method: 'PUT', headers, body });
      expect(res.status, path).toBe(409);
    }
    const after = (await (await b.go('/api/v1/me')).json()) as { tenant: { id: string } };
    expect(after.tenant.id).toBe(tenant.id);
    // Linked by (provider, subject): the next sign-in finds the same user without the email lookup.
    const links = await t.deps.db
      .select()
      .from(externalIdentities)
      .where(eq(externalIdentities.userId, user.id));
    expect(links.map((l) => l.subject)).toEqual([user.email]);
  });
});

describe('single sign-on issuers in production (no private issuers allowed)', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await createTestApp({ allowPrivateOidcIssuers: false });
  });
  afterAll(() => prod.close());

  it.each([
    { case: 'plain http', issuer: 'http://login.example.nl', ok: false },
    { case: 'the loopback address', issuer: 'https://127.0.0.1:8443', ok: false },
    { case: 'localhost', issuer: 'https://localhost/realms/x', ok: false },
    { case: 'a private address', issuer: 'https://10.0.0.5', ok: false },
    { case: 'a link-local address (cloud metadata)', issuer: 'https://169.254.169.254', ok: false },
    { case: 'IPv6 loopback', issuer: 'https://[::1]', ok: false },
    { case: 'a single-label host', issuer: 'https://keycloak', ok: false },
    { case: 'a public https host', issuer: 'https://login.example.nl/tenant', ok: true },
  ])('$case → ok: $ok', async ({ issuer, ok }) => {
    const own = await createTenant(prod.deps.db);
    const { headers } = await createActor(prod.deps.db, { tenantId: own.id, role: 'municipalityAdmin' });
    const res = await prod.app.request('/api/v1/oidc-providers', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'IdP', issuer, clientId: 'retour' }),
    });
    expect(res.status).toBe(ok ? 201 : 400);
    if (!ok) expect(await res.json()).toMatchObject({ invalidParams: [{ name: 'issuer' }] });
  });
});
