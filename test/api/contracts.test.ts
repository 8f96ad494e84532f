import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeObligation, getPreset } from '../../src/domain/index.ts';
import { createActor, createSupplierRow, createTenant, unique } from '../factories.ts';
import { client, countRows, createMunicipality, type Headers } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';
import { runDeadlineJobs } from '../../src/jobs/scheduler.ts';

let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  other = await createMunicipality(t.deps.db);
});
afterAll(() => t.close());

const award = (headers: Headers, body: Record<string, unknown> = {}) =>
  api.post('/contracts', headers, {
    reference: unique('REF'),
    title: 'Onderhoud openbare ruimte',
    supplierId: m.supplier.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    ...body,
  });

describe('suppliers', () => {
  it('an advisor registers a supplier; staff list and read it; duplicates conflict', async () => {
    const kvk = String(10_000_000 + Math.floor(Math.random() * 89_999_999));
    const created = await api.post('/suppliers', m.advisor.headers, {
      name: 'Groen & Zn',
      kvkNumber: kvk,
      contacts: [{ name: 'Fatima', email: 'fatima@groen.example' }],
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'Groen & Zn', kvkNumber: kvk });
    const list = await api.get('/suppliers', m.manager.headers);
    expect(list.body.items.map((s: { id: string }) => s.id)).toContain(created.body.id);
    expect((await api.get(`/suppliers/${created.body.id}`, m.admin.headers)).status).toBe(200);
    const again = await api.post('/suppliers', m.advisor.headers, { name: 'Copy', kvkNumber: kvk });
    expect(again.status).toBe(409);
  });

  it.each([
    { case: 'KvK of 7 digits', body: { name: 'X', kvkNumber: '1234567' }, field: 'kvkNumber' },
    { case: 'KvK with letters', body: { name: 'X', kvkNumber: '1234567a' }, field: 'kvkNumber' },
    { case: 'no name', body: { name: ' ', kvkNumber: '12345678' }, field: 'name' },
    {
      case: 'contact without email',
      body: { name: 'X', kvkNumber: '12345678', contacts: [{ name: 'A', email: 'nope' }] },
      field: 'contacts.0.email',
    },
  ])('refuses $case with 400 naming $field, nothing stored', async ({ body, field }) => {
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await api.post('/suppliers', m.advisor.headers, body);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });

  it('a supplier user sees only its own organisation; other tenants see nothing', async () => {
    const list = await api.get('/suppliers', m.supplierUser.headers);
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([m.supplier.id]);
    const another = await createSupplierRow(t.deps.db, m.tenant.id);
    expect((await api.get(`/suppliers/${another.id}`, m.supplierUser.headers)).status).toBe(404);
    expect((await api.get(`/suppliers/${m.supplier.id}`, other.advisor.headers)).status).toBe(404);
  });

  it('only advisors register suppliers', async () => {
    const res = await api.post('/suppliers', m.supplierUser.headers, { name: 'X', kvkNumber: '87654321' });
    expect(res.status).toBe(403);
  });
});

describe('contracts', () => {
  it('award €1.250.000 → obligation €25.000, plan regime, the reports of its half-years as they begin', async () => {
    const res = await award(m.advisor.headers, { awardDate: '2025-12-01' });
    expect(res.status).toBe(201);
    const expected = computeObligation(getPreset('amsterdam'), {
      valueCents: 125_000_000,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(res.body.obligation).toMatchObject({
      amountCents: 2_500_000,
      regime: 'plan',
      policyVersion: 1,
      explanation: expected.explanation,
    });
    const reportsOn = async (day: string) => {
      // the deadline job opens the report of a half-year when it begins (decision 035)
      await runDeadlineJobs(t.deps, new Date(`${day}T06:00:00Z`), { onlyTenantId: m.tenant.id });
      const reports = await api.get(`/contracts/${res.body.id}/reports`, m.advisor.headers);
      expect(reports.status).toBe(200);
      return reports.body.items.map((r: { period: string; dueDate: string }) => [r.period, r.dueDate]);
    };
    // awarded on 23 November 2026 (the app's clock): the two half-years that have begun
    const begun = [
      ['2026-H1', '2026-07-31'],
      ['2026-H2', '2027-01-31'],
    ];
    expect(await reportsOn('2026-12-31')).toEqual(begun);
    // an activity in a half-year that has not begun is refused with the day its report opens
    const early = { typeCode: 'internship', period: '2027-H1', units: 1 };
    const english = await api.post(
      `/contracts/${res.body.id}/activities`,
      { ...m.supplierUser.headers, 'Accept-Language': 'en' },
      early,
    );
    expect(english.status).toBe(400);
    expect(english.body.invalidParams).toEqual([
      { name: 'period', reason: '2027-H1 has not begun: its report opens on 2027-01-01' },
    ]);
    const dutch = await api.post(
      `/contracts/${res.body.id}/activities`,
      { ...m.supplierUser.headers, 'Accept-Language': 'nl' },
      early,
    );
    expect(dutch.body.invalidParams).toEqual([
      {
        name: 'period',
        reason: '1e halfjaar 2027 is nog niet begonnen: de rapportage opent op 2027-01-01',
      },
    ]);
    expect(await reportsOn('2027-01-01')).toEqual([...begun, ['2027-H1', '2027-07-31']]);
    const all = [...begun, ['2027-H1', '2027-07-31'], ['2027-H2', '2028-01-31']];
    expect(await reportsOn('2027-07-01')).toEqual(all);
    expect(await reportsOn('2028-07-01')).toEqual(all); // the term has ended: nothing more, nothing twice
  });

  it('reports are due reportDueDays after their half-year when the policy sets another number', async () => {
    const tenant = await createTenant(t.deps.db, {
      policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01', reportDueDays: 60 },
    });
    const supplier = await createSupplierRow(t.deps.db, tenant.id);
    const advisor = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const res = await api.post('/contracts', advisor.headers, {
      reference: unique('DUE'),
      title: 'Later inleveren',
      supplierId: supplier.id,
      valueCents: 125_000_000,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(res.status).toBe(201);
    const reports = await api.get(`/contracts/${res.body.id}/reports`, advisor.headers);
    expect(reports.status).toBe(200);
    expect(reports.body.items.map((r: { period: string; dueDate: string }) => [r.period, r.dueDate])).toEqual(
      [
        ['2026-H1', '2026-08-29'],
        ['2026-H2', '2027-03-01'],
      ],
    );
  });

  it('a malformed JSON body gets 400 problem+json and stores nothing', async () => {
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await t.app.request('/api/v1/contracts', {
      method: 'POST',
      headers: m.advisor.headers,
      body: '{"reference": "X", "title": ',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ status: 400 });
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });

  it.each([
    {
      case: 'a trust contract records and submits a report, which the advisor verifies and closes',
      rule: '§7 report open, submitted, closed',
    },
  ])('$case', async () => {
    t.setNow('2026-03-01T09:00:00Z');
    const created = await award(m.advisor.headers, { valueCents: 15_000_000 });
    expect(created.body.regime).toBe('trust');
    const activity = await api.post(`/contracts/${created.body.id}/activities`, m.supplierUser.headers, {
      typeCode: 'sw-purchase',
      period: '2026-H1',
      amountCents: 300_000,
    });
    expect(activity.status).toBe(201);
    expect(activity.body.valueCents).toBeGreaterThan(0);
    const reports = await api.get(`/contracts/${created.body.id}/reports`, m.supplierUser.headers);
    const h1 = reports.body.items.find((r: { period: string }) => r.period === '2026-H1');
    t.setNow('2026-07-05T09:00:00Z');
    const submitted = await api.post(`/reports/${h1.id}/submission`, m.supplierUser.headers);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const verified = await api.post(`/activities/${activity.body.id}/verification`, m.advisor.headers, {
      decision: 'accepted',
    });
    expect(verified.body.report.status).toBe('closed');
    const progress = await api.get(
      `/contracts/${created.body.id}/progress?asOf=2026-07-05`,
      m.advisor.headers,
    );
    expect(progress.body.verifiedCents).toBe(activity.body.valueCents);
  });

  it('a small contract gets the trust regime', async () => {
    const res = await award(m.advisor.headers, { valueCents: 19_999_999 });
    expect(res.body.obligation).toMatchObject({ amountCents: 400_000, regime: 'trust' });
  });

  it('an extension recomputes under the original policy version and adds reports', async () => {
    const created = await award(m.advisor.headers, { valueCents: 15_000_000, endDate: '2026-12-31' });
    expect(created.body.regime).toBe('trust');
    // A newer, stricter policy must not touch the contract.
    await api.post('/policies', m.admin.headers, {
      ...getPreset('amsterdam'),
      validFrom: '2026-06-01',
      percentageBp: 500,
    });
    const res = await api.post(`/contracts/${created.body.id}/extensions`, m.advisor.headers, {
      valueCents: 10_000_000,
      endDate: '2027-06-30',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      totalValueCents: 25_000_000,
      endDate: '2027-06-30',
      originalEndDate: '2026-12-31',
    });
    expect(res.body.obligation).toMatchObject({ amountCents: 500_000, regime: 'plan', policyVersion: 1 });
    const periods = async () => {
      const reports = await api.get(`/contracts/${created.body.id}/reports`, m.advisor.headers);
      expect(reports.status).toBe(200);
      return reports.body.items.map((r: { period: string }) => r.period);
    };
    expect(await periods()).toEqual(['2026-H1', '2026-H2']);
    // 2027-H1, inside the extended term, gets its report when it begins; nothing after the new end
    await runDeadlineJobs(t.deps, new Date('2027-01-01T06:00:00Z'), { onlyTenantId: m.tenant.id });
    await runDeadlineJobs(t.deps, new Date('2028-01-01T06:00:00Z'), { onlyTenantId: m.tenant.id });
    expect(await periods()).toEqual(['2026-H1', '2026-H2', '2027-H1']);
  });

  it.each([
    { case: 'negative value', body: { valueCents: -1 }, field: 'valueCents' },
    { case: 'value beyond €10 billion', body: { valueCents: 1_000_000_000_001 }, field: 'valueCents' },
    { case: 'fractional cents', body: { valueCents: 10.5 }, field: 'valueCents' },
    { case: 'end before start', body: { endDate: '2025-12-31' }, field: 'endDate' },
    { case: 'malformed date', body: { startDate: '01-01-2026' }, field: 'startDate' },
    { case: 'impossible date', body: { endDate: '2026-02-30' }, field: 'endDate' },
    {
      case: 'unknown supplier',
      body: { supplierId: '00000000-0000-4000-8000-000000000000' },
      field: 'supplierId',
    },
    { case: 'no policy in force at award', body: { awardDate: '2019-12-31' }, field: 'awardDate' },
    { case: 'unknown kind', body: { kind: 'goods' }, field: 'kind' },
    {
      case: 'not a contract manager',
      body: { contractManagerId: '00000000-0000-4000-8000-000000000000' },
      field: 'contractManagerId',
    },
  ])('refuses $case with 400 naming $field, nothing stored', async ({ body, field }) => {
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await award(m.advisor.headers, body);
    expect(res.status).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });

  it('a duplicate reference conflicts', async () => {
    const reference = unique('DUP');
    expect((await award(m.advisor.headers, { reference })).status).toBe(201);
    expect((await award(m.advisor.headers, { reference })).status).toBe(409);
  });

  it('visibility: staff see all, a manager own, a supplier its organisation; others get 404', async () => {
    const managed = await award(m.advisor.headers, { contractManagerId: m.manager.user.id });
    const unmanaged = await award(m.advisor.headers);
    const otherSupplier = await createSupplierRow(t.deps.db, m.tenant.id);
    const otherUser = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'supplier',
      supplierId: otherSupplier.id,
    });
    const path = `/contracts/${managed.body.id}`;
    expect((await api.get(path, m.admin.headers)).status).toBe(200);
    expect((await api.get(path, m.manager.headers)).status).toBe(200);
    expect((await api.get(path, m.supplierUser.headers)).status).toBe(200);
    expect((await api.get(`/contracts/${unmanaged.body.id}`, m.manager.headers)).status).toBe(404);
    expect((await api.get(path, otherUser.headers)).status).toBe(404);
    expect((await api.get(path, other.advisor.headers)).status).toBe(404);
    expect((await api.get('/contracts/not-a-uuid', m.advisor.headers)).status).toBe(404);
    const mine = await api.get('/contracts', m.manager.headers);
    expect(mine.body.items.map((c: { id: string }) => c.id)).toEqual([managed.body.id]);
    expect((await api.get('/contracts', otherUser.headers)).body.items).toEqual([]);
  });

  it('lists with filters and progress', async () => {
    const ref = unique('FILTER');
    await award(m.advisor.headers, { reference: ref, valueCents: 1_000_000 });
    const byText = await api.get(`/contracts?q=${ref}`, m.advisor.headers);
    expect(byText.body.items).toHaveLength(1);
    expect(byText.body.items[0].progress).toMatchObject({ obligationCents: 20_000 });
    const trust = await api.get('/contracts?regime=trust', m.advisor.headers);
    expect(trust.body.items.every((c: { regime: string }) => c.regime === 'trust')).toBe(true);
    const bySupplier = await api.get(
      `/contracts?supplierId=${m.supplier.id}&status=behind`,
      m.advisor.headers,
    );
    expect(bySupplier.status).toBe(200);
    expect(
      bySupplier.body.items.every((c: { progress: { status: string } }) => c.progress.status === 'behind'),
    ).toBe(true);
  });
});

describe('progress explains its figures in the Accept-Language', () => {
  it.each([
    {
      case: 'Dutch by default',
      accept: undefined,
      expected: '€20.000,00 × 120 / 365 dagen = €6.575,34',
    },
    {
      case: 'English when asked first',
      accept: 'en-GB,en;q=0.9',
      expected: '€20,000.00 × 120 / 365 days = €6,575.34',
    },
    {
      case: 'Dutch when Dutch comes first',
      accept: 'nl-NL,en;q=0.5',
      expected: '€20.000,00 × 120 / 365 dagen',
    },
  ])('$case', async ({ accept, expected }) => {
    const created = await award(m.advisor.headers, {
      valueCents: 1_000_000_00,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    const headers = { ...m.advisor.headers, ...(accept ? { 'Accept-Language': accept } : {}) };
    const res = await api.get(`/contracts/${created.body.id}/progress?asOf=2026-04-30`, headers);
    expect(res.status).toBe(200);
    expect(res.body.expectedCents).toBe(657_534);
    expect(res.body.explanations.expected).toContain(expected);
    expect(Object.keys(res.body.explanations).sort()).toEqual([
      'expected',
      'forecast',
      'planned',
      'realised',
      'verified',
    ]);
  });
});

describe('refused writes on extensions, intake, plan and verification change nothing', () => {
  let contractId: string;
  beforeAll(async () => {
    contractId = (await award(m.advisor.headers)).body.id;
  });

  it.each([
    { case: 'extension: negative value', path: 'extensions', body: { valueCents: -1 }, field: 'valueCents' },
    {
      case: 'extension: beyond €10 billion',
      path: 'extensions',
      body: { valueCents: 1_000_000_000_001 },
      field: 'valueCents',
    },
    {
      case: 'extension: end before the current end',
      path: 'extensions',
      body: { valueCents: 1, endDate: '2027-06-30' },
      field: 'endDate',
    },
    {
      case: 'extension: malformed end',
      path: 'extensions',
      body: { valueCents: 1, endDate: '31-12-2028' },
      field: 'endDate',
    },
    {
      case: 'intake: malformed date',
      path: 'intake',
      method: 'put',
      body: { date: '2026-13-01' },
      field: 'date',
    },
    {
      case: 'plan: unknown type',
      path: 'plan',
      method: 'put',
      who: 'supplier',
      body: { items: [{ typeCode: 'x', period: '2026-H1', units: 1 }] },
      field: 'items.0.typeCode',
    },
    {
      case: 'plan: negative quantity',
      path: 'plan',
      method: 'put',
      who: 'supplier',
      body: { items: [{ typeCode: 'internship', period: '2026-H1', units: -2 }] },
      field: 'items.0.units',
    },
    {
      case: 'plan: period outside the contract',
      path: 'plan',
      method: 'put',
      who: 'supplier',
      body: { items: [{ typeCode: 'internship', period: '2030-H1', units: 1 }] },
      field: 'items.0.period',
    },
    {
      case: 'plan: amount beyond €10 billion',
      path: 'plan',
      method: 'put',
      who: 'supplier',
      body: { items: [{ typeCode: 'training', period: '2026-H1', amountCents: 1_000_000_000_001 }] },
      field: 'items.0.amountCents',
    },
  ])('$case → 400 naming $field', async ({ path, method, who, body, field }) => {
    const headers = who === 'supplier' ? m.supplierUser.headers : m.advisor.headers;
    const before = await countRows(t.deps.db, m.tenant.id);
    const url = `/contracts/${contractId}/${path}`;
    const res = method === 'put' ? await api.put(url, headers, body) : await api.post(url, headers, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });

  it.each([
    { case: 'unknown decision', body: { decision: 'maybe' }, field: 'decision' },
    { case: 'moreInfo without reason', body: { decision: 'moreInfo' }, field: 'reason' },
  ])('verification: $case → 400 naming $field', async ({ body, field }) => {
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await api.post(
      '/activities/00000000-0000-4000-8000-000000000000/verification',
      m.advisor.headers,
      body,
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });
});

describe('read queries refuse malformed dates', () => {
  it.each([
    {
      case: 'progress with an impossible date',
      path: (id: string) => `/contracts/${id}/progress?asOf=2026-02-30`,
    },
    { case: 'progress with a Dutch date', path: (id: string) => `/contracts/${id}/progress?asOf=01-07-2026` },
    { case: 'dashboard with a malformed date', path: () => '/dashboard?asOf=2026-7-1' },
    { case: 'summary with an unknown language', path: (id: string) => `/contracts/${id}/summary?lang=fr` },
  ])('$case → 400', async ({ path }) => {
    const id = (await award(m.advisor.headers)).body.id as string;
    const res = await api.get(path(id), m.advisor.headers);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.length).toBeGreaterThan(0);
  });
});
