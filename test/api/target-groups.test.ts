import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTargetGroupTable, getPreset } from '../../src/domain/index.ts';
import { auditLog } from '../../src/db/schema/index.ts';
import { createActor, createSupplierRow, createTenant, unique } from '../factories.ts';
import { client, countRows, type Headers, type Json } from '../lifecycle-fixtures.ts';
import { openBegunReports } from '../../src/jobs/report-deadlines.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Valuing people by target group (domain.md §11) through the API: a municipality on the Oost-NL
 * table (WW < 1 jaar counts 12 months, Participatiewet 24) with a minimum of 12 hours a week.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof municipality>>;

async function municipality() {
  const db = t.deps.db;
  const policy = {
    ...applyTargetGroupTable(getPreset('amsterdam'), 'oost-nl'),
    validFrom: '2020-01-01',
    minHoursPerWeek: 12,
    penaltyFactorBp: 15_000,
  };
  const tenant = await createTenant(db, { policy });
  const [supplier, other] = await Promise.all([
    createSupplierRow(db, tenant.id),
    createSupplierRow(db, tenant.id),
  ]);
  const [advisor, supplierUser, otherUser, admin] = await Promise.all([
    createActor(db, { tenantId: tenant.id, role: 'advisor' }),
    createActor(db, { tenantId: tenant.id, role: 'supplier', supplierId: supplier.id }),
    createActor(db, { tenantId: tenant.id, role: 'supplier', supplierId: other.id }),
    createActor(db, { tenantId: tenant.id, role: 'municipalityAdmin' }),
  ]);
  return { tenant, supplier, other, advisor, supplierUser, otherUser, admin };
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await municipality();
});
afterAll(() => t.close());

async function contract(supplierId: string, end = '2027-12-31', valueCents = 125_000_000) {
  const res = await api.post('/contracts', m.advisor.headers, {
    reference: unique('TG'),
    title: 'Groenonderhoud',
    supplierId,
    valueCents,
    startDate: '2026-01-01',
    endDate: end,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

/** Moves the app's clock to `day` and opens the reports of the half-years begun by then (decision 035). */
async function begin(day: string) {
  t.setNow(`${day}T09:00:00Z`);
  await openBegunReports(t.deps, day, { onlyTenantId: m.tenant.id });
}

const job = (candidate: string, targetGroup: string, period: string, extra: object = {}) => ({
  typeCode: 'tg-job',
  period,
  candidate,
  targetGroup,
  hoursPerWeek: 36,
  months: 6,
  ...extra,
});

async function report(id: string, body: object, headers: Headers = m.supplierUser.headers) {
  return api.post(`/contracts/${id}/activities`, headers, body);
}

describe('the cap on months per candidate, across contracts of one supplier', () => {
  it('counts WW < 1 jaar for 12 months over two contracts; later months stay on record at €0', async () => {
    t.setNow('2026-03-01T09:00:00Z');
    const a = await contract(m.supplier.id);
    const b = await contract(m.supplier.id);
    const code = unique('K');
    const first = await report(a, job(code, 'ww-lt1', '2026-H1'));
    expect(first.status, JSON.stringify(first.body)).toBe(201);
    expect(first.body.valuation.valueCents).toBe(500_000);
    expect(first.body).toMatchObject({ targetGroup: 'ww-lt1', hoursPerWeek: 36, countedMonths: 6 });
    await begin('2026-07-01');
    const second = await report(b, job(code, 'ww-lt1', '2026-H2'));
    expect(second.body.valuation.valueCents).toBe(500_000);
    await begin('2027-01-01');
    const third = await report(a, job(code, 'ww-lt1', '2027-H1'), {
      ...m.supplierUser.headers,
      'Accept-Language': 'nl',
    });
    expect(third.status).toBe(201);
    expect(third.body.valuation.valueCents).toBe(0);
    expect(third.body.countedMonths).toBe(0);
    expect(third.body.months).toBe(6);
    expect(third.body.valuation.explanation).toContain(
      'maximum van 12 maanden voor WW < 1 jaar bereikt: 0 van 6 maanden tellen',
    );

    // the same code at another supplier is another person
    const elsewhere = await contract(m.other.id);
    const theirs = await report(elsewhere, job(code, 'ww-lt1', '2027-H1'), m.otherUser.headers);
    expect(theirs.body.valuation.valueCents).toBe(500_000);
  });

  it('a rejected activity no longer uses months of the cap', async () => {
    t.setNow('2026-03-01T09:00:00Z');
    const a = await contract(m.supplier.id);
    const code = unique('K');
    const first = await report(a, job(code, 'ww-lt1', '2026-H1'));
    await begin('2026-07-02');
    await report(a, job(code, 'ww-lt1', '2026-H2'));
    const reports = await api.get(`/contracts/${a}/reports`, m.advisor.headers);
    const h1 = reports.body.items.find((r: Json) => r.period === '2026-H1').id;
    expect((await api.post(`/reports/${h1}/submission`, m.supplierUser.headers)).status).toBe(200);
    const reject = await api.post(`/activities/${first.body.id}/verification`, m.advisor.headers, {
      decision: 'rejected',
      reason: 'geen contract getoond',
    });
    expect(reject.status, JSON.stringify(reject.body)).toBe(200);
    await begin('2027-01-02');
    const again = await report(a, job(code, 'ww-lt1', '2027-H1'));
    expect(again.body.valuation.valueCents).toBe(500_000);
  });

  it('the preview shows the value and the cap before saving, and saves nothing', async () => {
    t.setNow('2026-03-01T09:00:00Z');
    const a = await contract(m.supplier.id);
    const code = unique('K');
    await report(a, job(code, 'pw-lt2', '2026-H1', { hoursPerWeek: 24 }));
    await begin('2026-07-01');
    const before = await countRows(t.deps.db, m.tenant.id);
    const preview = await api.post(
      `/contracts/${a}/valuations`,
      m.supplierUser.headers,
      job(code, 'pw-lt2', '2026-H2', { hoursPerWeek: 24 }),
    );
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ valueCents: 1_000_000, countedMonths: 6 });
    expect(preview.body.explanation).toContain('€30.000,00 × 24/36 hours × 6/12 months = €10.000,00');
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });
});

describe('bad input is refused with the field named, nothing saved', () => {
  it.each([
    { case: 'unknown target group', body: { targetGroup: 'martian' }, field: 'targetGroup' },
    { case: 'unknown bonus', body: { bonuses: ['age-50'] }, field: 'bonuses.0' },
    { case: '0 hours a week', body: { hoursPerWeek: 0 }, field: 'hoursPerWeek' },
    { case: 'more than 60 hours a week', body: { hoursPerWeek: 61 }, field: 'hoursPerWeek' },
    { case: 'fewer hours than minHoursPerWeek', body: { hoursPerWeek: 11.5 }, field: 'hoursPerWeek' },
    { case: 'more months than the half-year has', body: { months: 6.5 }, field: 'months' },
    { case: 'no candidate', body: { candidate: undefined }, field: 'candidate' },
    { case: 'fte does not apply', body: { fte: 1 }, field: 'fte' },
    {
      case: 'group given twice, differently',
      body: { candidate: { code: 'K-X1', targetGroup: 'nug' } },
      field: 'targetGroup',
    },
  ])('$case', async ({ body, field }) => {
    t.setNow('2026-03-01T09:00:00Z');
    const a = await contract(m.supplier.id);
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await report(a, { ...job(unique('K'), 'pw-lt2', '2026-H1'), ...body });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });

  it('a candidate reported in two groups', async () => {
    t.setNow('2026-03-01T09:00:00Z');
    const a = await contract(m.supplier.id);
    const code = unique('K');
    expect((await report(a, job(code, 'pw-lt2', '2026-H1', { hoursPerWeek: 12 }))).status).toBe(201);
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await report(a, job(code, 'ww-lt1', '2026-H2'));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0]).toMatchObject({ name: 'targetGroup' });
    expect(res.body.invalidParams[0].reason).toContain('pw-lt2');
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });

  it('one person counts for at most a full week in a half-year across contracts', async () => {
    t.setNow('2026-03-01T09:00:00Z');
    const a = await contract(m.supplier.id);
    const b = await contract(m.supplier.id);
    const code = unique('K');
    expect((await report(a, job(code, 'pw-lt2', '2026-H1', { hoursPerWeek: 18 }))).status).toBe(201);
    expect((await report(b, job(code, 'pw-lt2', '2026-H1', { hoursPerWeek: 18 }))).status).toBe(201);
    const res = await report(b, job(code, 'pw-lt2', '2026-H1', { hoursPerWeek: 12 }));
    expect(res.status).toBe(400);
    expect(res.body.invalidParams[0].name).toBe('hoursPerWeek');
  });
});

describe('target groups in the policy', () => {
  it('are stored with a policy version, shown with the catalogue, and checked', async () => {
    const policy = {
      ...applyTargetGroupTable(getPreset('amsterdam'), 'harlingen'),
      validFrom: '2027-01-01',
    };
    const created = await api.post('/policies', m.admin.headers, policy);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const catalogue = await api.get('/activity-types?on=2027-01-02', m.supplierUser.headers);
    expect(catalogue.body.targetGroups.map((g: Json) => g.code)).toContain('pw-lt2');
    expect(catalogue.body.bonuses).toEqual([
      { code: 'age-50', name: '50+', rateCents: 500_000 },
      { code: 'age-55', name: '55+', rateCents: 750_000 },
    ]);
    expect(catalogue.body.targetGroupSource.title).toContain('Harlingen');
    const bad = await api.post('/policies', m.admin.headers, {
      ...policy,
      targetGroups: [{ code: 'x', name: 'X', rateCents: -5 }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams.map((p: Json) => p.name)).toContain('targetGroups.0.rateCents');
  });
});

describe('settlement at the end of a contract', () => {
  async function verifiedContract(valueCents: number, hoursPerWeek: number, supplierId = m.supplier.id) {
    t.setNow('2026-03-01T09:00:00Z');
    const id = await contract(supplierId, '2026-12-31', valueCents);
    const headers = supplierId === m.supplier.id ? m.supplierUser.headers : m.otherUser.headers;
    const rec = await report(id, job(unique('K'), 'register', '2026-H1', { hoursPerWeek }), headers);
    expect(rec.status, JSON.stringify(rec.body)).toBe(201);
    t.setNow('2026-07-02T09:00:00Z');
    const reports = await api.get(`/contracts/${id}/reports`, m.advisor.headers);
    const h1 = reports.body.items.find((r: Json) => r.period === '2026-H1').id;
    expect((await api.post(`/reports/${h1}/submission`, headers)).status).toBe(200);
    const ok = await api.post(`/activities/${rec.body.id}/verification`, m.advisor.headers, {
      decision: 'accepted',
    });
    expect(ok.status).toBe(200);
    return id;
  }
  const settle = (id: string, body: object, headers = m.advisor.headers) =>
    api.post(`/contracts/${id}/settlement`, headers, body);

  it('shortfall and penalty after the end date; the advisor reduces the penalty once', async () => {
    // €1.250.000 → obligation €25.000; verified 40 000 × 12/36 × 6/12 = €6.666,67
    const id = await verifiedContract(125_000_000, 12);
    const early = await settle(id, { decision: 'impose', note: 'te vroeg' });
    expect(early.status).toBe(400);
    expect(early.body.invalidParams[0].name).toBe('decision');

    const during = await api.get(`/contracts/${id}/progress?asOf=2026-12-31`, m.advisor.headers);
    expect(during.body.shortfallCents).toBeUndefined();
    t.setNow('2027-01-05T09:00:00Z');
    const progress = await api.get(`/contracts/${id}/progress`, m.advisor.headers);
    expect(progress.body).toMatchObject({
      obligationCents: 2_500_000,
      verifiedCents: 666_667,
      shortfallCents: 1_833_333,
      penaltyCents: 2_750_000, // 1 833 333 × 1,5 = 2 749 999,5 → rounded once, half away from zero
      status: 'notMet',
    });

    const supplierTry = await settle(id, { decision: 'waive', note: 'x' }, m.supplierUser.headers);
    expect(supplierTry.status).toBe(403);
    const noAmount = await settle(id, { decision: 'reduce', note: 'deels gedaan' });
    expect(noAmount.status).toBe(400);
    expect(noAmount.body.invalidParams[0].name).toBe('penaltyCents');

    const before = await countRows(t.deps.db, m.tenant.id);
    const done = await settle(id, {
      decision: 'reduce',
      penaltyCents: 1_000_000,
      note: 'Markt viel stil; deels gedaan',
    });
    expect(done.status, JSON.stringify(done.body)).toBe(201);
    expect(done.body).toMatchObject({
      decision: 'reduce',
      shortfallCents: 1_833_333,
      computedPenaltyCents: 2_750_000,
      penaltyCents: 1_000_000,
      decidedOn: '2027-01-05',
    });
    const after = await countRows(t.deps.db, m.tenant.id);
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(
        and(
          eq(auditLog.tenantId, m.tenant.id),
          eq(auditLog.action, 'contract.settle'),
          eq(auditLog.objectId, id),
        ),
      );
    expect(entries).toHaveLength(1);

    const twice = await settle(id, { decision: 'waive', note: 'nog eens' });
    expect(twice.status).toBe(409);
    const state = await api.get(`/contracts/${id}/settlement`, m.supplierUser.headers);
    expect(state.body.settlement.penaltyCents).toBe(1_000_000);
    const summary = await api.get(`/contracts/${id}/summary?lang=nl`, m.advisor.headers);
    expect(summary.body.settlement.decision).toBe('reduce');
    expect(summary.body.text).toContain('besluit: verlaagd');
  });

  it('a surplus is carried over only explicitly, to a contract of the same supplier', async () => {
    // €100.000 → obligation €2.000; verified 40 000 × 36/36 × 6/12 = €20.000: surplus €18.000
    const rich = await verifiedContract(10_000_000, 36);
    const poor = await verifiedContract(125_000_000, 12); // short by €18.333,33
    const foreign = await verifiedContract(125_000_000, 12, m.other.id);
    t.setNow('2027-01-05T09:00:00Z');
    const wrongSupplier = await settle(rich, {
      decision: 'waive',
      note: 'gehaald',
      carryOver: { contractId: foreign, amountCents: 500_000, reason: 'zelfde opdrachtgever' },
    });
    expect(wrongSupplier.status).toBe(400);
    expect(wrongSupplier.body.invalidParams[0].name).toBe('carryOver.contractId');
    const tooMuch = await settle(rich, {
      decision: 'waive',
      note: 'gehaald',
      carryOver: { contractId: poor, amountCents: 1_800_001, reason: 'x' },
    });
    expect(tooMuch.body.invalidParams[0].name).toBe('carryOver.amountCents');

    const carried = await settle(rich, {
      decision: 'waive',
      note: 'Verplichting ruim gehaald',
      carryOver: { contractId: poor, amountCents: 1_000_000, reason: 'Dezelfde kandidaten, doorlopend werk' },
    });
    expect(carried.status, JSON.stringify(carried.body)).toBe(201);
    expect(carried.body.carryOver).toEqual({
      contractId: poor,
      amountCents: 1_000_000,
      reason: 'Dezelfde kandidaten, doorlopend werk',
    });
    const progress = await api.get(`/contracts/${poor}/progress`, m.advisor.headers);
    expect(progress.body.shortfallCents).toBe(833_333);
    const state = await api.get(`/contracts/${poor}/settlement`, m.advisor.headers);
    expect(state.body).toMatchObject({ settlement: null, carriedInCents: 1_000_000 });
    const settled = await settle(poor, { decision: 'impose', note: 'Tekort na overheveling' });
    expect(settled.body).toMatchObject({
      carriedInCents: 1_000_000,
      shortfallCents: 833_333,
      penaltyCents: 1_250_000,
    });
  });
});
