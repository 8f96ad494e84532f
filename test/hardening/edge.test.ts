import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, createSupplierRow, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let advisor: Awaited<ReturnType<typeof createActor>>;
let tenant: Awaited<ReturnType<typeof createTenant>>;

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.deps.db, {
    policy: { validFrom: '2020-01-01', percentageBp: 200, planThresholdCents: 20_000_000, activityTypes: [] },
  });
  advisor = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
  await createSupplierRow(t.deps.db, tenant.id);
});
afterAll(() => t.close());

const json = { 'Content-Type': 'application/json' };
async function problemOf(res: Response) {
  expect(res.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await res.json()) as { status: number; invalidParams?: { name: string }[]; detail: string };
  expect(JSON.stringify(body)).not.toMatch(/select |insert |update |\bat \w+ \(|node_modules/i);
  return body;
}

describe('text is checked at the edge: control characters answer 400 naming the field', () => {
  it.each([
    {
      case: 'sign-in email (no session)',
      path: '/api/v1/sessions',
      body: { email: 'a\u0000@x', password: 'x' },
      field: 'email',
    },
    {
      case: 'password reset email',
      path: '/api/v1/password-resets',
      body: { email: 'a\u0000@x.nl' },
      field: 'email',
    },
    {
      case: 'a nested key value',
      path: '/api/v1/sessions',
      body: { email: 'a@x.nl', password: 'p\u0007w' },
      field: 'password',
    },
  ])('$case', async ({ path, body, field }) => {
    const res = await t.app.request(path, { method: 'POST', headers: json, body: JSON.stringify(body) });
    expect(res.status).toBe(400);
    const problem = await problemOf(res);
    expect(problem.invalidParams?.map((p) => p.name)).toContain(field);
  });

  it('in a path parameter, without signing in', async () => {
    const res = await t.app.request('/api/v1/tenants/%00/oidc/providers');
    expect(res.status).toBe(400);
    expect((await problemOf(res)).invalidParams?.[0]?.name).toBe('path');
  });

  it('in a query parameter', async () => {
    const res = await t.app.request('/api/v1/suppliers?q=a%00b', { headers: advisor.headers });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).invalidParams?.[0]?.name).toBe('q');
  });

  it('on writes of suppliers and contracts, as an advisor', async () => {
    const res = await t.app.request('/api/v1/suppliers', {
      method: 'POST',
      headers: advisor.headers,
      body: JSON.stringify({ name: 'Bouw\u0000bedrijf', kvkNumber: '12345678' }),
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).invalidParams?.[0]?.name).toBe('name');
  });

  it('keeps line breaks and tabs in free text', async () => {
    const res = await t.app.request('/api/v1/sessions', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ email: 'nobody@example.test', password: 'line\nbreak\ttab' }),
    });
    expect(res.status).toBe(401);
  });
});

describe('dates are real dates before any query', () => {
  it('GET /activity-types?on=2026-13-45 answers 400', async () => {
    const res = await t.app.request('/api/v1/activity-types?on=2026-13-45', { headers: advisor.headers });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).invalidParams?.[0]?.name).toBe('on');
  });

  it('POST /estimates with awardDate 2026-02-30 answers 400', async () => {
    const res = await t.app.request('/api/v1/estimates', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ tenant: tenant.slug, contractValueCents: 100_000_000, awardDate: '2026-02-30' }),
    });
    expect(res.status).toBe(400);
    expect((await problemOf(res)).invalidParams?.[0]?.name).toBe('awardDate');
  });
});

describe('database errors caused by the input are 4xx', () => {
  it('an id that is no UUID is not a 500', async () => {
    const res = await t.app.request('/api/v1/contracts/not-a-uuid', { headers: advisor.headers });
    expect(res.status).toBeLessThan(500);
    await problemOf(res);
  });
});
