import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPreset } from '../../src/domain/index.ts';
import {
  activities,
  contractExtensions,
  contracts,
  policyVersions,
  reports,
  tenants,
} from '../../src/db/schema/index.ts';
import { createActor, createSupplierRow, createTenant, unique } from '../factories.ts';
import { client, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Results in the open (issue 17): the public figures of a year equal the staff dashboard's for the
 * same year, small counts read "< 5", no candidate code leaves, a municipality that does not
 * publish answers exactly like one that does not exist, and the OCDS package is valid.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let town: { id: string; slug: string; name: string };
let quiet: { id: string; slug: string };
let advisor: { headers: Record<string, string> };
let admin: { headers: Record<string, string> };
const codes: string[] = [];

type Verification = 'pending' | 'accepted' | 'rejected' | 'moreInfo';

async function contract(
  tenantId: string,
  supplierId: string,
  o: { start: string; end: string; obligation: number; regime?: string; reference?: string },
) {
  const [version] = await t.deps.db
    .select()
    .from(policyVersions)
    .where(eq(policyVersions.tenantId, tenantId));
  const [row] = await t.deps.db
    .insert(contracts)
    .values({
      tenantId,
      reference: o.reference ?? unique('SR'),
      title: 'Onderhoud groen',
      supplierId,
      valueCents: o.obligation * 50,
      startDate: o.start,
      endDate: o.end,
      awardDate: o.start,
      policyVersionId: version!.id,
      obligationCents: o.obligation,
      regime: o.regime ?? 'plan',
      obligationRuleId: 'obligation:plan@1',
      obligationExplanation: 'test',
    })
    .returning();
  return row!;
}

async function report(tenantId: string, contractId: string, period: string, version = 1) {
  const [row] = await t.deps.db
    .insert(reports)
    .values({ tenantId, contractId, period, version, status: 'submitted', dueDate: '2030-01-31' })
    .returning();
  return row!;
}

async function activity(
  r: { id: string; tenantId: string; contractId: string; period: string },
  o: { value: number; verification: Verification; category?: string; candidate?: string },
) {
  if (o.candidate) codes.push(o.candidate);
  await t.deps.db.insert(activities).values({
    tenantId: r.tenantId,
    contractId: r.contractId,
    reportId: r.id,
    typeCode: o.candidate ? 'job-benefits' : 'training',
    category: o.category ?? (o.candidate ? 'employment' : 'participation'),
    method: o.candidate ? 'fteYear' : 'money',
    period: r.period,
    valueCents: o.value,
    ruleId: 'test',
    explanation: 'test',
    verification: o.verification,
    candidateCode: o.candidate ?? null,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  town = await createTenant(t.deps.db, { policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' } });
  quiet = await createTenant(t.deps.db, { policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' } });
  advisor = await createActor(t.deps.db, { tenantId: town.id, role: 'advisor' });
  admin = await createActor(t.deps.db, { tenantId: town.id, role: 'municipalityAdmin' });
  const s1 = await createSupplierRow(t.deps.db, town.id);
  const s2 = await createSupplierRow(t.deps.db, town.id, '=HYPERLINK("x")');
  // A two-year contract, a half-year one extended by six months, and one without social return.
  const c1 = await contract(town.id, s1.id, {
    start: '2026-01-01',
    end: '2027-12-31',
    obligation: 2_500_000,
  });
  const c2 = await contract(town.id, s2.id, { start: '2026-07-01', end: '2026-12-31', obligation: 400_003 });
  await t.deps.db
    .insert(contractExtensions)
    .values({ tenantId: town.id, contractId: c2.id, valueCents: 1_000_000, endDate: '2027-06-30' });
  await contract(town.id, s1.id, { start: '2026-03-01', end: '2026-09-30', obligation: 0, regime: 'none' });
  await contract(town.id, s1.id, { start: '2029-01-01', end: '2029-12-31', obligation: 100_000 });

  const c1h1 = await report(town.id, c1.id, '2026-H1');
  await activity(c1h1, { value: 1_750_000, verification: 'accepted', candidate: 'K-001' });
  await activity(c1h1, { value: 875_000, verification: 'accepted', candidate: 'K-002' });
  await activity(c1h1, { value: 250_000, verification: 'pending' });
  await activity(c1h1, { value: 99_999, verification: 'rejected' });
  const c1h2 = await report(town.id, c1.id, '2026-H2');
  await activity(c1h2, { value: 500_000, verification: 'accepted', candidate: 'K-001' }); // the same person again
  await activity(c1h2, { value: 500_000, verification: 'accepted', candidate: 'K-003' });
  await activity(c1h2, { value: 123_457, verification: 'moreInfo', category: 'socialDomain' });
  // c2 2026-H2: a correction; only the current version (2) counts
  const c2h2v1 = await report(town.id, c2.id, '2026-H2', 1);
  await activity(c2h2v1, { value: 7_777_777, verification: 'accepted', candidate: 'K-OLD' });
  const c2h2 = await report(town.id, c2.id, '2026-H2', 2);
  await activity(c2h2, { value: 300_000, verification: 'accepted', candidate: 'K-001' }); // another supplier's K-001
  await activity(c2h2, { value: 300_000, verification: 'accepted', candidate: 'K-004' });
  await activity(c2h2, { value: 40_000, verification: 'accepted', category: 'socialEnterprise' });
  // 2027: one person
  const c1y2 = await report(town.id, c1.id, '2027-H1');
  await activity(c1y2, { value: 600_000, verification: 'accepted', candidate: 'K-001' });
  await activity(c1y2, { value: 10_000, verification: 'pending' });
  await t.deps.db.update(tenants).set({ publishResults: true }).where(eq(tenants.id, town.id));
});
afterAll(() => t.close());

const sumPeriods = (rows: Json[], year: number, field: string) =>
  rows.filter((r) => r.period.startsWith(`${year}-`)).reduce((s, r) => s + r[field], 0);

describe('GET /tenants/{slug}/results', () => {
  it.each([2026, 2027, 2028])("equals the staff dashboard's figures for %i", async (year) => {
    const pub = await api.get(`/tenants/${town.slug}/results?year=${year}`, {});
    expect(pub.status, JSON.stringify(pub.body)).toBe(200);
    const dash = await api.get(`/dashboard?asOf=${year}-12-31`, advisor.headers);
    expect(dash.status).toBe(200);
    for (const field of ['obligationCents', 'realisedCents', 'verifiedCents'])
      expect(pub.body[field], field).toBe(sumPeriods(dash.body.byHalfYear, year, field));
  });

  it('2026 by hand: contracts, amounts, people and categories', async () => {
    const { body } = await api.get(`/tenants/${town.slug}/results?year=2026`, {});
    expect(body).toMatchObject({
      year: 2026,
      contracts: 2, // the contract without social return and the 2029 one do not count
      verifiedCents: 1_750_000 + 875_000 + 500_000 + 500_000 + 300_000 + 300_000 + 40_000,
      realisedCents: 1_750_000 + 875_000 + 250_000 + 500_000 + 500_000 + 123_457 + 300_000 + 300_000 + 40_000,
      // K-001, K-002, K-003 of the first supplier, K-001 and K-004 of the second: five people
      people: 5,
    });
    const employment = body.byCategory.find((c: Json) => c.category === 'employment');
    expect(employment).toEqual({
      category: 'employment',
      realisedCents: 4_225_000,
      verifiedCents: 4_225_000,
      people: 5,
    });
    expect(body.byCategory.find((c: Json) => c.category === 'participation').people).toBe('< 5');
  });

  it('counts below 5 read "< 5"', async () => {
    const { body } = await api.get(`/tenants/${town.slug}/results?year=2027`, {});
    expect(body.people).toBe('< 5');
    expect(body.byCategory.every((c: Json) => c.people === '< 5')).toBe(true);
    expect(body.verifiedCents).toBe(600_000);
  });

  it('never carries a candidate code', async () => {
    for (const year of [2026, 2027]) {
      const text = JSON.stringify((await api.get(`/tenants/${town.slug}/results?year=${year}`, {})).body);
      for (const code of codes) expect(text).not.toContain(code);
    }
  });

  it('a municipality that does not publish answers 404, the same as one that does not exist', async () => {
    const off = await api.get(`/tenants/${quiet.slug}/results?year=2026`, {});
    const none = await api.get(`/tenants/nergens-${quiet.slug.slice(9)}/results?year=2026`, {});
    expect(off.status).toBe(404);
    expect(none.status).toBe(404);
    const strip = (b: Json, slug: string) => JSON.stringify(b).replaceAll(slug, 'X');
    expect(strip(off.body, quiet.slug)).toBe(strip(none.body, `nergens-${quiet.slug.slice(9)}`));
    for (const format of ['csv', 'ocds'])
      expect((await api.get(`/tenants/${quiet.slug}/open-data?format=${format}`, {})).status).toBe(404);
  });

  it.each([
    { case: 'not a number', query: 'year=abc' },
    { case: 'before 2000', query: 'year=1999' },
    { case: 'missing', query: '' },
  ])('400 naming year: $case', async ({ query }) => {
    const res = await api.get(`/tenants/${town.slug}/results?${query}`, {});
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain('year');
  });
});

describe('the publication switch', () => {
  it('is off by default, and the admin switches it (audited)', async () => {
    const other = await createTenant(t.deps.db, { policy: { ...getPreset('amsterdam') } });
    const otherAdmin = await createActor(t.deps.db, { tenantId: other.id, role: 'municipalityAdmin' });
    expect((await api.get('/publication', otherAdmin.headers)).body).toEqual({
      slug: other.slug,
      publishResults: false,
    });
    expect((await api.get(`/tenants/${other.slug}/results?year=2026`, {})).status).toBe(404);
    const on = await api.put(
      '/publication',
      { ...otherAdmin.headers, 'Content-Type': 'application/json' },
      {
        publishResults: true,
      },
    );
    expect(on.body.publishResults).toBe(true);
    expect((await api.get(`/tenants/${other.slug}/results?year=2026`, {})).body).toMatchObject({
      contracts: 0,
      people: '< 5',
    });
    const log = await api.get('/audit-log', otherAdmin.headers);
    expect(log.body.items.some((e: Json) => e.action === 'publication.set')).toBe(true);
    expect((await api.get('/publication', admin.headers)).body.publishResults).toBe(true);
  });
});

describe('GET /tenants/{slug}/open-data', () => {
  it('CSV: one row per contract, amounts in cents, formulas defused, no candidate code', async () => {
    const res = await t.app.request(`/api/v1/tenants/${town.slug}/open-data?format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('attachment');
    const text = await res.text();
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'reference,title,supplierName,supplierKvk,kind,regime,reserved,startDate,endDate,awardDate,valueCents,totalValueCents,obligationCents,realisedCents,verifiedCents',
    );
    expect(lines).toHaveLength(5);
    expect(text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(text).toContain(',2026-07-01,2027-06-30,'); // the extended end date
    for (const code of codes) expect(text).not.toContain(code);
  });

  it('OCDS: a release package valid against the OCDS 1.1 release package schema', async () => {
    const res = await t.app.request(`/api/v1/tenants/${town.slug}/open-data?format=ocds`);
    expect(res.status).toBe(200);
    const pkg = (await res.json()) as Json;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = (name: string) => JSON.parse(readFileSync(`test/fixtures/ocds/${name}`, 'utf8'));
    ajv.addSchema(schema('release-schema.json'));
    const validate = ajv.compile(schema('release-package-schema.json'));
    expect(validate(pkg), JSON.stringify(validate.errors)).toBe(true);
    expect(pkg.releases).toHaveLength(4);
    const c2 = pkg.releases.find((r: Json) => r.contracts[0].period.endDate === '2027-06-30T00:00:00Z');
    expect(c2.contracts[0].socialReturn.verified).toEqual({ amount: 6_400, currency: 'EUR' });
    for (const code of codes) expect(JSON.stringify(pkg)).not.toContain(code);
  });

  it('the validator refuses a broken package (the check can fail)', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const schema = (name: string) => JSON.parse(readFileSync(`test/fixtures/ocds/${name}`, 'utf8'));
    ajv.addSchema(schema('release-schema.json'));
    const validate = ajv.compile(schema('release-package-schema.json'));
    const broken = { version: '1.1', releases: [{ ocid: 'x', id: 'y', date: 'yesterday', tag: [] }] };
    expect(validate(broken)).toBe(false);
  });
});
