import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultTenderRules, getPreset } from '../../src/domain/index.ts';
import { createActor, createTenant } from '../factories.ts';
import { client, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let api: ReturnType<typeof client>;
let tenant: { id: string; slug: string; name: string };
const json = { 'Content-Type': 'application/json' };
const body = (over: Record<string, unknown> = {}) => ({
  tenant: tenant.slug,
  kind: 'works',
  valueCents: 125_000_000,
  startDate: '2027-01-01',
  endDate: '2028-12-31',
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  tenant = await createTenant(t.deps.db, { policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' } });
});
afterAll(() => t.close());

describe('POST /tender-advice (public)', () => {
  it('gives obligation, regime, percentage, suggestions, FTE-years and the clause in both languages', async () => {
    const res = await api.post('/tender-advice', json, body({ labourShareBp: 4_000, cpv: '45000000-7' }));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      obligationCents: 2_500_000,
      regime: 'plan',
      percentageBp: 200,
      policyVersion: 1,
    });
    expect(res.body.suggestions.map((s: Json) => s.form)).toEqual(['jobs', 'bblPlaces', 'pso']);
    expect(res.body.people.find((p: Json) => p.typeCode === 'job-benefits').fteYears).toBe(0.71);
    expect(res.body.clauseText.nl).toContain('€ 25.000,00');
    expect(res.body.clauseText.en).toContain('€25,000.00');
    expect(res.body.clauseText.nl).toContain(tenant.name);
  });

  it('answers in Dutch when asked', async () => {
    const res = await api.post(
      '/tender-advice',
      { ...json, 'Accept-Language': 'nl' },
      body({ labourShareBp: 1_000 }),
    );
    expect(res.body.explanation).toBe(res.body.explanationNl);
    expect(res.body.suggestions[0].reason).toBe(res.body.suggestions[0].reasonNl);
    expect(res.body.suggestions.map((s: Json) => s.form)).toContain('socialFirmPurchase');
  });

  it.each([
    { case: 'end before start', over: { endDate: '2026-12-31' }, field: 'endDate' },
    { case: 'not a real date', over: { startDate: '2027-02-30' }, field: 'startDate' },
    { case: 'labour share above 100%', over: { labourShareBp: 10_001 }, field: 'labourShareBp' },
    { case: 'labour share below 0%', over: { labourShareBp: -5 }, field: 'labourShareBp' },
    { case: 'unknown kind', over: { kind: 'concession' }, field: 'kind' },
    { case: 'unknown CPV', over: { cpv: '99000000-1' }, field: 'cpv' },
    { case: 'CPV not a code', over: { cpv: 'bouw' }, field: 'cpv' },
    { case: 'negative value', over: { valueCents: -1 }, field: 'valueCents' },
  ])('400 naming the field: $case', async ({ over, field }) => {
    const res = await api.post('/tender-advice', json, body(over));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
  });

  it('404 for an unknown municipality', async () => {
    expect((await api.post('/tender-advice', json, body({ tenant: 'nergenshuizen' }))).status).toBe(404);
  });

  it("follows the municipality admin's tender rules in a new policy version", async () => {
    const admin = await createActor(t.deps.db, { tenantId: tenant.id, role: 'municipalityAdmin' });
    const policy = {
      ...getPreset('amsterdam'),
      validFrom: '2026-01-01',
      percentageBp: 500,
      tender: {
        ...defaultTenderRules,
        labourShareBands: [{ belowBp: 3_000, percentageBp: 200 }],
        clauseTemplates: {
          ...defaultTenderRules.clauseTemplates,
          plan: {
            nl: 'SR {percentage}: {obligation} voor {municipality}.',
            en: 'SR {percentage}: {obligation}.',
          },
        },
      },
    };
    const saved = await api.post('/policies', { ...json, ...admin.headers }, policy);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const low = await api.post(
      '/tender-advice',
      json,
      body({ labourShareBp: 2_000, valueCents: 100_000_000 }),
    );
    expect(low.body).toMatchObject({ percentageBp: 200, obligationCents: 2_000_000, policyVersion: 2 });
    expect(low.body.clauseText.nl).toBe(`SR 2%: € 20.000,00 voor ${tenant.name}.`);
    const high = await api.post(
      '/tender-advice',
      json,
      body({ labourShareBp: 3_000, valueCents: 100_000_000 }),
    );
    expect(high.body).toMatchObject({ percentageBp: 500, obligationCents: 5_000_000 });
    const refused = await api.post(
      '/policies',
      { ...json, ...admin.headers },
      { ...policy, tender: { ...policy.tender, labourShareBands: [{ belowBp: 20_000, percentageBp: 200 }] } },
    );
    expect(refused.status).toBe(400);
    expect(refused.body.invalidParams.map((p: Json) => p.name)).toContain('tender.labourShareBands.0');
  });
});

describe('GET /tender-advice/clause (download)', () => {
  const query = (over: Record<string, string> = {}) =>
    new URLSearchParams({
      tenant: tenant.slug,
      kind: 'services',
      valueCents: '50000000',
      startDate: '2027-01-01',
      endDate: '2027-12-31',
      labourShareBp: '2500',
      ...over,
    }).toString();

  it('a tagged PDF 1.7 in the language asked', async () => {
    const res = await t.app.request(`/api/v1/tender-advice/clause?${query({ format: 'pdf', lang: 'en' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain('bestektekst-social-return');
    const bytes = Buffer.from(await res.arrayBuffer());
    const text = bytes.toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text).toContain('/StructTreeRoot');
    expect(text).toContain('/MarkInfo');
    expect(text).toMatch(/\/Lang \(en-GB\)/);
  });

  it('a Word document (DOCX) with the Dutch clause', async () => {
    const res = await t.app.request(`/api/v1/tender-advice/clause?${query({ format: 'docx' })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it.each([
    { case: 'no format', over: { format: '' } as Record<string, string>, field: 'format' },
    { case: 'labour share 150%', over: { format: 'pdf', labourShareBp: '15000' }, field: 'labourShareBp' },
    { case: 'end before start', over: { format: 'pdf', endDate: '2026-01-01' }, field: 'endDate' },
  ])('400 naming the field: $case', async ({ over, field }) => {
    const res = await t.app.request(`/api/v1/tender-advice/clause?${query(over)}`);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as Json;
    expect(problem.invalidParams.map((p: Json) => p.name)).toContain(field);
  });
});
