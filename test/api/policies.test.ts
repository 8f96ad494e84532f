import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../../src/domain/index.ts';
import { createActor, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let tenant: { id: string; slug: string };
let rijk: { id: string; slug: string };
let admin: { headers: Record<string, string> };
let advisor: { headers: Record<string, string> };

beforeAll(async () => {
  t = await createTestApp();
  tenant = await createTenant(t.deps.db, { policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' } });
  rijk = await createTenant(t.deps.db, { policy: { ...getPreset('rijk') } });
  admin = await createActor(t.deps.db, { tenantId: tenant.id, role: 'municipalityAdmin' });
  advisor = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
});
afterAll(() => t.close());

const post = (
  path: string,
  body: unknown,
  headers: Record<string, string> = { 'Content-Type': 'application/json' },
) => t.app.request(path, { method: 'POST', headers, body: JSON.stringify(body) });

describe('POST /estimates (public)', () => {
  it.each([
    {
      case: '§4 €1.250.000 → 2% = €25.000, plan regime',
      value: 125_000_000,
      obligation: 2_500_000,
      regime: 'plan',
    },
    { case: '§3 €199.999,99 → trust regime', value: 19_999_999, obligation: 400_000, regime: 'trust' },
    { case: '§3 exactly €200.000 → plan regime', value: 20_000_000, obligation: 400_000, regime: 'plan' },
  ])('$case', async ({ value, obligation, regime }) => {
    const res = await post('/api/v1/estimates', {
      tenant: tenant.slug,
      contractValueCents: value,
      awardDate: '2026-06-01',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      obligationCents: number;
      regime: string;
      explanation: string;
      examples: unknown[];
    };
    expect(body).toMatchObject({ obligationCents: obligation, regime });
    expect(body.explanation).toContain('2%');
    expect(body.examples.length).toBeGreaterThan(3);
  });

  it.each([
    { case: 'negative value', body: { contractValueCents: -1 }, field: 'contractValueCents' },
    { case: 'fractional cents', body: { contractValueCents: 10.5 }, field: 'contractValueCents' },
    {
      case: 'beyond €10 billion',
      body: { contractValueCents: 1_000_000_000_001 },
      field: 'contractValueCents',
    },
    {
      case: 'malformed date',
      body: { contractValueCents: 100, awardDate: '2026-13-01x' },
      field: 'awardDate',
    },
  ])('refuses $case with problem+json naming the field', async ({ body, field }) => {
    const res = await post('/api/v1/estimates', { tenant: tenant.slug, ...body });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const problem = (await res.json()) as { invalidParams: { name: string }[] };
    expect(problem.invalidParams.map((p) => p.name)).toContain(field);
  });

  it.each([
    {
      case: '§10 rijk without a term: 5% counts, the 6-month rule is named',
      term: {},
      obligation: 5_000_000,
      regime: 'plan',
      says: 'only for contracts of at least 6 months',
    },
    {
      case: '§10 rijk with a 6-month term',
      term: { startDate: '2026-01-01', endDate: '2026-06-30' },
      obligation: 5_000_000,
      regime: 'plan',
      says: 'plan regime',
    },
    {
      case: '§10 rijk with a 3-month term: none',
      term: { startDate: '2026-01-01', endDate: '2026-03-31' },
      obligation: 0,
      regime: 'none',
      says: 'shorter than 6 months',
    },
  ])('$case', async ({ term, obligation, regime, says }) => {
    const res = await post('/api/v1/estimates', {
      tenant: rijk.slug,
      contractValueCents: 100_000_000,
      awardDate: '2026-01-01',
      ...term,
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { obligationCents: number; regime: string; explanation: string };
    expect(body).toMatchObject({ obligationCents: obligation, regime });
    expect(body.explanation).toContain(says);
  });

  it.each([
    {
      case: 'nl: Dutch',
      language: 'nl-NL,nl;q=0.9',
      says: '5% × € 1.000.000,00',
      lang: 'nl',
      example: '€ 50.000,00 / € 35.000,00 per FTE-jaar ≈ 1,43 FTE-jaar',
    },
    {
      case: 'en: English',
      language: 'en',
      says: '5% × €1.000.000,00',
      lang: 'en',
      example: '€50.000,00 / €35.000,00 per FTE-year ≈ 1,43 FTE-year',
    },
    {
      case: 'none: English',
      language: undefined,
      says: 'only for contracts of at least 6 months',
      lang: 'en',
      example: '€50.000,00 / €35.000,00 per FTE-year ≈ 1,43 FTE-year',
    },
  ])(
    'answers the explanation and the examples in the language of Accept-Language ($case)',
    async ({ language, says, lang, example }) => {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (language) headers['Accept-Language'] = language;
      const res = await post(
        '/api/v1/estimates',
        { tenant: rijk.slug, contractValueCents: 100_000_000 },
        headers,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('Content-Language')).toBe(lang);
      const body = (await res.json()) as {
        explanation: string;
        explanationNl: string;
        examples: { typeCode: string; explanation: string; explanationNl: string }[];
      };
      expect(body.explanation).toContain(says);
      expect(body.explanationNl).toContain('alleen voor opdrachten van ten minste 6 maanden');
      const job = body.examples.find((e) => e.typeCode === 'job-benefits');
      expect(job?.explanation).toBe(example);
      expect(job?.explanationNl).toBe('€ 50.000,00 / € 35.000,00 per FTE-jaar ≈ 1,43 FTE-jaar');
    },
  );

  it('refuses a term with only a start, naming endDate', async () => {
    const res = await post('/api/v1/estimates', {
      tenant: rijk.slug,
      contractValueCents: 100_000_000,
      startDate: '2026-01-01',
    });
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { invalidParams: { name: string }[] };
    expect(problem.invalidParams.map((p) => p.name)).toContain('endDate');
  });

  it('answers 404 for an unknown municipality', async () => {
    const res = await post('/api/v1/estimates', { tenant: 'nergens', contractValueCents: 100 });
    expect(res.status).toBe(404);
  });
});

describe('policies', () => {
  it('lists versions to municipality staff, newest first, and refuses anonymous callers', async () => {
    const res = await t.app.request('/api/v1/policies', { headers: advisor.headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: { version: number; policy: { percentageBp: number } }[] };
    expect(body.items[0]).toMatchObject({ version: 1, policy: { percentageBp: 200 } });
    expect((await t.app.request('/api/v1/policies')).status).toBe(401);
  });

  it('stores a new version without changing the old one; estimates follow the award date', async () => {
    const next = { ...getPreset('amsterdam'), validFrom: '2027-01-01', percentageBp: 500 };
    const res = await post('/api/v1/policies', next, admin.headers);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ version: 2, validFrom: '2027-01-01' });
    const before = await post('/api/v1/estimates', {
      tenant: tenant.slug,
      contractValueCents: 100_000_000,
      awardDate: '2026-12-31',
    });
    const after = await post('/api/v1/estimates', {
      tenant: tenant.slug,
      contractValueCents: 100_000_000,
      awardDate: '2027-01-01',
    });
    expect(((await before.json()) as { obligationCents: number }).obligationCents).toBe(2_000_000);
    expect(((await after.json()) as { obligationCents: number }).obligationCents).toBe(5_000_000);
  });

  it('lists every problem of an invalid policy at once and stores nothing', async () => {
    const bad = {
      ...getPreset('amsterdam'),
      validFrom: '2028-01-01',
      percentageBp: -5,
      activityTypes: [
        { code: 'x', name: 'X', category: 'employment', method: 'unit', rateCents: -1 },
        { code: 'x', name: 'X again', category: 'employment', method: 'unit', rateCents: 100 },
      ],
    };
    const res = await post('/api/v1/policies', bad, admin.headers);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { invalidParams: { name: string }[] };
    expect(problem.invalidParams.length).toBeGreaterThanOrEqual(3);
    const list = (await (await t.app.request('/api/v1/policies', { headers: advisor.headers })).json()) as {
      items: unknown[];
    };
    expect(list.items).toHaveLength(2);
  });

  it('is written by municipality admins only', async () => {
    const res = await post(
      '/api/v1/policies',
      { ...getPreset('amsterdam'), validFrom: '2029-01-01' },
      advisor.headers,
    );
    expect(res.status).toBe(403);
  });

  it('gives the catalogue in force on a date', async () => {
    const res = await t.app.request('/api/v1/activity-types?on=2026-06-01', { headers: advisor.headers });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { policyVersion: number; items: { code: string }[] };
    expect(body.policyVersion).toBe(1);
    expect(body.items.map((i) => i.code)).toContain('job-benefits');
  });
});

describe('tenant isolation of policies', () => {
  it("never shows another municipality's policy", async () => {
    const other = await createTenant(t.deps.db, {
      policy: { ...getPreset('rotterdam'), validFrom: '2020-01-01' },
    });
    const otherAdvisor = await createActor(t.deps.db, { tenantId: other.id, role: 'advisor' });
    const body = (await (
      await t.app.request('/api/v1/policies', { headers: otherAdvisor.headers })
    ).json()) as {
      items: { policy: { percentageBp: number } }[];
    };
    expect(body.items).toHaveLength(1);
    expect(body.items[0]?.policy.percentageBp).toBe(500);
  });
});
