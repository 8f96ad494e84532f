import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  activityTypeByCode,
  computeProgress,
  progressExplanation,
  getPreset,
  valueActivity,
  type ActivityInput,
  type Category,
} from '../../src/domain/index.ts';
import { createActor, createSupplierRow, unique } from '../factories.ts';
import { client, countRows, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { openBegunReports } from '../../src/jobs/report-deadlines.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * The whole path of issue 4 through the API: award → intake → plan (returned, revised, approved) →
 * two half-year reports with several activity types → verification → progress equal to the
 * domain's own computation → correction; with refusals that change nothing, and visibility.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let contract: Json;
const reportOf: Record<string, string> = {};
const ids: Record<string, string> = {};
const policy = getPreset('amsterdam');
const term = { contractStart: '2026-01-01', contractEnd: '2027-12-31', obligationCents: 2_500_000 };

const value = (typeCode: string, period: string, q: ActivityInput, reportedOn?: string) => {
  const type = activityTypeByCode(policy, typeCode);
  if (!type) throw new Error(typeCode);
  return {
    category: type.category,
    ...valueActivity(type, q, { ...term, period, reportedOn, policyVersion: 1 }),
  };
};

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  t.setNow('2026-03-01T09:00:00Z');
});
afterAll(() => t.close());

describe('the whole path of a €1.250.000 contract', () => {
  it('award → obligation €25.000, plan regime, reports for four half-years as they begin', async () => {
    const res = await api.post('/contracts', m.advisor.headers, {
      reference: unique('2026-INK'),
      title: 'Onderhoud openbare ruimte',
      supplierId: m.supplier.id,
      contractManagerId: m.manager.user.id,
      valueCents: 125_000_000,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      awardDate: '2025-11-15',
    });
    expect(res.status).toBe(201);
    contract = res.body;
    expect(contract.obligation).toMatchObject({ amountCents: 2_500_000, regime: 'plan', policyVersion: 1 });
    const periods = async () => {
      const reports = await api.get(`/contracts/${contract.id}/reports`, m.supplierUser.headers);
      for (const r of reports.body.items) reportOf[r.period] = r.id;
      return reports.body.items.map((r: { period: string }) => r.period);
    };
    // awarded on the app's 1 March 2026: the half-year begun; the others open as they begin
    expect(await periods()).toEqual(['2026-H1']);
    await openBegunReports(t.deps, '2027-07-01', { onlyTenantId: m.tenant.id });
    expect(await periods()).toEqual(['2026-H1', '2026-H2', '2027-H1', '2027-H2']);
  });

  it.each([
    {
      case: 'intake, plan returned with a comment, revised, approved; versions are comparable',
      rule: '§7 plan path',
    },
  ])('$case', async () => {
    const base = `/contracts/${contract.id}`;
    const intake = await api.put(`${base}/intake`, m.advisor.headers, {
      date: '2026-02-15',
      notes: 'Kansen in groenonderhoud',
      agreedDirection: 'Banen via het werkgeversservicepunt, BBL-plekken',
    });
    expect(intake.status).toBe(200);
    const draft = await api.put(`${base}/plan`, m.supplierUser.headers, {
      items: [
        { typeCode: 'job-benefits', period: '2026-H1', fte: 1, months: 6 },
        { typeCode: 'internship', period: '2026-H2', units: 2 },
      ],
    });
    expect(draft.status).toBe(200);
    expect(draft.body.plannedCents).toBe(1_750_000 + 500_000);
    expect((await api.post(`${base}/plan/submission`, m.supplierUser.headers)).body.status).toBe('submitted');
    const noComment = await api.post(`${base}/plan/review`, m.advisor.headers, { decision: 'returned' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.invalidParams[0].name).toBe('comment');
    const returned = await api.post(`${base}/plan/review`, m.advisor.headers, {
      decision: 'returned',
      comment: 'Voeg iets toe voor 2027.',
    });
    expect(returned.body.status).toBe('returned');
    await api.put(`${base}/plan`, m.supplierUser.headers, {
      items: [
        { typeCode: 'job-benefits', period: '2026-H1', fte: 1, months: 6 },
        { typeCode: 'internship', period: '2026-H2', units: 2 },
        { typeCode: 'initiative-hours', period: '2027-H1', hours: 40 },
      ],
    });
    await api.post(`${base}/plan/submission`, m.supplierUser.headers);
    const approved = await api.post(`${base}/plan/review`, m.advisor.headers, { decision: 'approved' });
    expect(approved.body).toMatchObject({ status: 'approved', plannedCents: 2_250_000 + 240_000 });
    const versions = await api.get(`${base}/plan/versions`, m.manager.headers);
    expect(versions.body.items.map((v: Json) => [v.version, v.decision])).toEqual([
      [1, 'returned'],
      [2, 'approved'],
    ]);
    expect(versions.body.items[1].diff.added.map((i: Json) => i.typeCode)).toEqual(['initiative-hours']);
    expect(versions.body.items[1].diff.plannedDeltaCents).toBe(240_000);
  });

  it('reports 2026-H1 with four activity types, valued exactly as the domain values them', async () => {
    t.setNow('2026-05-10T09:00:00Z');
    const rows = [
      {
        key: 'job',
        body: {
          typeCode: 'job-benefits',
          period: '2026-H1',
          fte: 1,
          months: 6,
          candidate: { code: 'KAND-001', targetGroup: 'Participatiewet' },
        },
      },
      { key: 'intern', body: { typeCode: 'internship', period: '2026-H1', units: 1 } },
      { key: 'training', body: { typeCode: 'training', period: '2026-H1', amountCents: 300_000 } },
      { key: 'hours', body: { typeCode: 'initiative-hours', period: '2026-H1', hours: 12.5 } },
    ];
    for (const { key, body } of rows) {
      const res = await api.post(`/contracts/${contract.id}/activities`, m.supplierUser.headers, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { typeCode, period, candidate: _c, ...q } = body as Json;
      const expected = value(typeCode, period, q);
      expect(res.body.valuation).toEqual({
        valueCents: expected.valueCents,
        ruleId: expected.ruleId,
        explanation: expected.explanation,
        explanationNl: expected.explanationNl,
      });
      ids[key] = res.body.id;
    }
    const early = await api.post(`/reports/${reportOf['2026-H1']}/submission`, m.supplierUser.headers);
    expect(early.status).toBe(409);
    t.setNow('2026-07-02T09:00:00Z');
    const submitted = await api.post(`/reports/${reportOf['2026-H1']}/submission`, m.supplierUser.headers);
    expect(submitted.body.status).toBe('submitted');
  });

  it('reports 2026-H2 with a BBL place, a purchase and a PSO certificate', async () => {
    t.setNow('2026-09-01T09:00:00Z');
    const rows = [
      {
        key: 'bbl',
        body: { typeCode: 'bbl-place', period: '2026-H2', fte: 0.5, months: 6, candidate: 'KAND-002' },
      },
      { key: 'sw', body: { typeCode: 'sw-purchase', period: '2026-H2', amountCents: 1_000_000 } },
      {
        key: 'pso',
        body: { typeCode: 'pso-2', period: '2026-H2', validFrom: '2026-07-01', validTo: '2027-12-31' },
      },
    ];
    for (const { key, body } of rows) {
      const res = await api.post(`/contracts/${contract.id}/activities`, m.supplierUser.headers, body);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const { typeCode, period, candidate: _c, ...q } = body as Json;
      expect(res.body.valuation.valueCents).toBe(
        value(typeCode, period, q, typeCode === 'pso-2' ? '2026-09-01' : undefined).valueCents,
      );
      ids[key] = res.body.id;
    }
    t.setNow('2027-01-05T09:00:00Z');
    expect(
      (await api.post(`/reports/${reportOf['2026-H2']}/submission`, m.supplierUser.headers)).status,
    ).toBe(200);
  });

  it.each([
    {
      case: 'verification: accepts some, rejects one (reason required); the H1 report closes',
      rule: '§7 report closes when every activity is decided',
    },
  ])('$case', async () => {
    const verify = (id: string | undefined, body: unknown) =>
      api.post(`/activities/${id}/verification`, m.advisor.headers, body);
    const noReason = await verify(ids.hours, { decision: 'rejected' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams[0].name).toBe('reason');
    for (const key of ['job', 'intern', 'training'])
      expect((await verify(ids[key], { decision: 'accepted' })).status).toBe(200);
    const last = await verify(ids.hours, {
      decision: 'rejected',
      reason: 'Geen urenregistratie bij het initiatief.',
    });
    expect(last.body.report.status).toBe('closed');
    expect((await verify(ids.bbl, { decision: 'accepted' })).body.report.status).toBe('submitted');
    expect((await verify(ids.pso, { decision: 'accepted' })).status).toBe(200);
    const more = await verify(ids.sw, {
      decision: 'moreInfo',
      reason: 'Stuur de factuur van het SW-bedrijf.',
    });
    expect(more.body).toMatchObject({
      activity: { verification: 'moreInfo' },
      report: { status: 'submitted' },
    });
    const report = await api.get(`/reports/${reportOf['2026-H1']}`, m.advisor.headers);
    expect(report.body.activities.map((a: Json) => a.verification)).toEqual([
      'accepted',
      'accepted',
      'accepted',
      'rejected',
    ]);
  });

  it.each([
    { case: 'progress equals the domain’s computation from the same values', rule: '§7 progress figures' },
  ])('$case', async () => {
    const asOf = '2027-01-05';
    const res = await api.get(`/contracts/${contract.id}/progress?asOf=${asOf}`, m.manager.headers);
    expect(res.status).toBe(200);
    const item = (typeCode: string, period: string, q: ActivityInput, reportedOn?: string) => {
      const v = value(typeCode, period, q, reportedOn);
      return { category: v.category as Category, valueCents: v.valueCents };
    };
    const job = item('job-benefits', '2026-H1', { fte: 1, months: 6 });
    const intern = item('internship', '2026-H1', { units: 1 });
    const training = item('training', '2026-H1', { amountCents: 300_000 });
    const bbl = item('bbl-place', '2026-H2', { fte: 0.5, months: 6 });
    const sw = item('sw-purchase', '2026-H2', { amountCents: 1_000_000 });
    const pso = item('pso-2', '2026-H2', { validFrom: '2026-07-01', validTo: '2027-12-31' }, '2026-09-01');
    const expected = computeProgress(
      {
        obligationCents: 2_500_000,
        startDate: '2026-01-01',
        endDate: '2027-12-31',
        planned: [
          item('job-benefits', '2026-H1', { fte: 1, months: 6 }),
          item('internship', '2026-H2', { units: 2 }),
          item('initiative-hours', '2027-H1', { hours: 40 }),
        ],
        realised: [job, intern, training, bbl, sw, pso],
        verified: [job, intern, training, bbl, pso],
        policy,
      },
      asOf,
    );
    const { explanations, ...figures } = res.body;
    expect(figures).toEqual({ asOf, ...expected });
    expect(explanations).toEqual(
      progressExplanation({ ...expected, startDate: '2026-01-01', endDate: '2027-12-31', asOf }, 'nl'),
    );
    // Before 2026-H2 began only H1 counts.
    const mid = await api.get(`/contracts/${contract.id}/progress?asOf=2026-06-30`, m.advisor.headers);
    expect(mid.body.realisedCents).toBe(job.valueCents + intern.valueCents + training.valueCents);
  });

  it('dashboard and contract-manager summary agree with progress', async () => {
    const progress = (await api.get(`/contracts/${contract.id}/progress?asOf=2027-01-05`, m.advisor.headers))
      .body;
    const dash = await api.get('/dashboard?asOf=2027-01-05', m.admin.headers);
    expect(dash.status).toBe(200);
    const row = dash.body.contracts.find((c: Json) => c.id === contract.id);
    expect(row).toMatchObject({
      realisedCents: progress.realisedCents,
      verifiedCents: progress.verifiedCents,
      status: progress.status,
    });
    const sumCat = dash.body.byCategory.reduce((s: number, c: Json) => s + c.verifiedCents, 0);
    expect(sumCat).toBe(dash.body.totals.verifiedCents);
    const halfYearObligation = dash.body.byHalfYear.reduce((s: number, h: Json) => s + h.obligationCents, 0);
    expect(halfYearObligation).toBe(dash.body.totals.obligationCents);
    const summary = await api.get(
      `/contracts/${contract.id}/summary?asOf=2027-01-05&lang=en`,
      m.manager.headers,
    );
    expect(summary.status).toBe(200);
    expect(summary.body.progress).toEqual(
      Object.fromEntries(Object.entries(progress).filter(([k]) => k !== 'asOf' && k !== 'explanations')),
    );
    expect(summary.body.text).toBe(summary.body.story.en);
    expect(summary.body.story.nl).toContain('€25.000,00');
    expect(summary.body.story.en).toContain('verified');
    expect((await api.get(`/contracts/${contract.id}/summary`, m.supplierUser.headers)).status).toBe(403);
  });

  it('a correction after closing makes version 2 with copies; version 1 stays; totals unchanged', async () => {
    const before = (await api.get(`/contracts/${contract.id}/progress?asOf=2027-01-05`, m.advisor.headers))
      .body;
    const open = await api.post(`/reports/${reportOf['2026-H2']}/corrections`, m.supplierUser.headers);
    expect(open.status).toBe(409);
    const res = await api.post(`/reports/${reportOf['2026-H1']}/corrections`, m.supplierUser.headers);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ period: '2026-H1', version: 2, status: 'open', current: true });
    const again = await api.post(`/reports/${reportOf['2026-H1']}/corrections`, m.supplierUser.headers);
    expect(again.status).toBe(409);
    const v1 = await api.get(`/reports/${reportOf['2026-H1']}`, m.advisor.headers);
    expect(v1.body).toMatchObject({ status: 'closed', current: false });
    const v2 = await api.get(`/reports/${res.body.id}`, m.advisor.headers);
    expect(v2.body.activities.map((a: Json) => [a.typeCode, a.valueCents, a.verification])).toEqual(
      v1.body.activities.map((a: Json) => [a.typeCode, a.valueCents, a.verification]),
    );
    const after = (await api.get(`/contracts/${contract.id}/progress?asOf=2027-01-05`, m.advisor.headers))
      .body;
    expect(after).toEqual(before);
    // The supplier removes the rejected copy from the open correction; the closed version keeps it.
    const rejected = v2.body.activities.find((a: Json) => a.verification === 'rejected');
    expect((await api.del(`/activities/${rejected.id}`, m.supplierUser.headers)).status).toBe(204);
    const closedOne = v1.body.activities[0];
    expect((await api.del(`/activities/${closedOne.id}`, m.supplierUser.headers)).status).toBe(409);
    expect(
      (await api.get(`/reports/${reportOf['2026-H1']}`, m.advisor.headers)).body.activities,
    ).toHaveLength(4);
  });
});

describe('activity refusals change nothing', () => {
  const base = { typeCode: 'internship', period: '2027-H1', units: 1 };
  it.each([
    { case: 'unknown activity type', body: { ...base, typeCode: 'knitting' }, field: 'typeCode' },
    { case: 'negative quantity', body: { ...base, units: -1 }, field: 'units' },
    { case: 'fractional units', body: { ...base, units: 1.5 }, field: 'units' },
    {
      case: 'negative fte',
      body: { typeCode: 'job-benefits', period: '2027-H1', fte: -1, months: 6, candidate: 'K-9' },
      field: 'fte',
    },
    {
      case: 'months beyond a half-year',
      body: { typeCode: 'job-benefits', period: '2027-H1', fte: 1, months: 7, candidate: 'K-9' },
      field: 'months',
    },
    {
      case: 'fte with 3 decimals',
      body: { typeCode: 'job-benefits', period: '2027-H1', fte: 0.333, months: 6, candidate: 'K-9' },
      field: 'fte',
    },
    { case: 'period before the contract', body: { ...base, period: '2025-H2' }, field: 'period' },
    { case: 'period after the contract', body: { ...base, period: '2028-H1' }, field: 'period' },
    { case: 'malformed period', body: { ...base, period: '2027-H3' }, field: 'period' },
    {
      case: 'amount beyond €10 billion',
      body: { typeCode: 'training', period: '2027-H1', amountCents: 1_000_000_000_001 },
      field: 'amountCents',
    },
    {
      case: 'negative amount',
      body: { typeCode: 'training', period: '2027-H1', amountCents: -5 },
      field: 'amountCents',
    },
    {
      case: 'malformed date',
      body: { typeCode: 'pso-2', period: '2027-H1', validFrom: '2027/01/01', validTo: '2027-12-31' },
      field: 'validFrom',
    },
    {
      case: 'certificate ending before it starts',
      body: { typeCode: 'pso-2', period: '2027-H1', validFrom: '2027-06-01', validTo: '2027-01-01' },
      field: 'validTo',
    },
    { case: 'a field the method does not use', body: { ...base, hours: 3 }, field: 'hours' },
    {
      case: 'a BSN as candidate',
      body: {
        typeCode: 'job-benefits',
        period: '2027-H1',
        fte: 1,
        months: 6,
        candidate: { code: '123456782', targetGroup: 'WW' },
      },
      field: 'candidate.code',
    },
    {
      case: 'a BSN with dots as candidate',
      body: { typeCode: 'job-benefits', period: '2027-H1', fte: 1, months: 6, candidate: '1234.56.782' },
      field: 'candidate',
    },
    {
      case: 'a name as candidate',
      body: { typeCode: 'job-benefits', period: '2027-H1', fte: 1, months: 6, candidate: 'Jan Jansen' },
      field: 'candidate',
    },
    {
      case: 'a job without candidate',
      body: { typeCode: 'job-benefits', period: '2027-H1', fte: 1, months: 6 },
      field: 'candidate',
    },
    { case: 'a start before the half-year', body: { ...base, startDate: '2026-12-31' }, field: 'startDate' },
    { case: 'an end after the half-year', body: { ...base, endDate: '2027-07-01' }, field: 'endDate' },
    {
      case: 'an end before the start',
      body: { ...base, startDate: '2027-03-01', endDate: '2027-02-01' },
      field: 'endDate',
    },
    { case: 'a start that is no real date', body: { ...base, startDate: '2027-02-30' }, field: 'startDate' },
    {
      case: 'a placement ending before it starts',
      body: {
        typeCode: 'job-benefits',
        period: '2027-H1',
        fte: 0.5,
        months: 6,
        candidate: { code: 'K-9', startDate: '2027-03-01', endDate: '2027-01-01' },
      },
      field: 'candidate.endDate',
    },
    {
      case: 'a placement with a malformed start',
      body: {
        typeCode: 'job-benefits',
        period: '2027-H1',
        fte: 0.5,
        months: 6,
        candidate: { code: 'K-9', startDate: '1-3-2027' },
      },
      field: 'candidate.startDate',
    },
    {
      case: 'a placement of 80 hours a week',
      body: {
        typeCode: 'job-benefits',
        period: '2027-H1',
        fte: 0.5,
        months: 6,
        candidate: { code: 'K-9', hoursPerWeek: 80 },
      },
      field: 'candidate.hoursPerWeek',
    },
    { case: 'a report that is not open', body: { ...base, period: '2026-H2' }, field: 'period' },
    {
      case: 'a candidate past 1 FTE in the half-year',
      body: { typeCode: 'work-experience', period: '2026-H1', fte: 0.5, months: 6, candidate: 'KAND-001' },
      field: 'fte',
    },
  ])('$case → 400 naming $field', async ({ body, field }) => {
    t.setNow('2027-03-01T09:00:00Z');
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await api.post(`/contracts/${contract.id}/activities`, m.supplierUser.headers, body);
    expect(res.status, JSON.stringify(res.body)).toBe(400);
    expect(res.headers.get('Content-Type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
  });

  it.each([
    {
      case: 'no double counting across the supplier’s contracts; one target group per candidate',
      rule: '§6 one target group per candidate',
    },
  ])('$case', async () => {
    t.setNow('2027-03-01T09:00:00Z');
    const second = await api.post('/contracts', m.advisor.headers, {
      reference: unique('2027-INK'),
      title: 'Schoonmaak',
      supplierId: m.supplier.id,
      valueCents: 50_000_000,
      startDate: '2027-01-01',
      endDate: '2027-12-31',
    });
    const post = (body: unknown) =>
      api.post(`/contracts/${second.body.id}/activities`, m.supplierUser.headers, body);
    const job = { typeCode: 'job-jobagreement', period: '2027-H1', months: 6 };
    expect(
      (await post({ ...job, fte: 0.6, candidate: { code: 'KAND-777', targetGroup: 'Banenafspraak' } }))
        .status,
    ).toBe(201);
    expect(
      (
        await api.post(`/contracts/${contract.id}/activities`, m.supplierUser.headers, {
          ...job,
          fte: 0.4,
          candidate: 'KAND-777',
        })
      ).status,
    ).toBe(201);
    const over = await post({ ...job, fte: 0.01, candidate: 'KAND-777' });
    expect(over.status).toBe(400);
    expect(over.body.invalidParams[0]).toMatchObject({ name: 'fte' });
    expect(over.body.invalidParams[0].reason).toContain('hoogstens 1 fte');
    const group = await post({
      ...job,
      period: '2027-H2',
      fte: 0.1,
      candidate: { code: 'KAND-777', targetGroup: 'WW' },
    });
    expect(group.status).toBe(400);
    expect(group.body.invalidParams[0].name).toBe('candidate.targetGroup');
  });
});

describe('visibility', () => {
  it('a supplier of another organisation or another tenant gets 404 everywhere', async () => {
    const strangerOrg = await createSupplierRow(t.deps.db, m.tenant.id);
    const stranger = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'supplier',
      supplierId: strangerOrg.id,
    });
    const elsewhere = await createMunicipality(t.deps.db);
    for (const who of [stranger.headers, elsewhere.supplierUser.headers, elsewhere.advisor.headers]) {
      expect((await api.get(`/contracts/${contract.id}`, who)).status).toBe(404);
      expect((await api.get(`/contracts/${contract.id}/progress`, who)).status).toBe(404);
      expect((await api.get(`/contracts/${contract.id}/reports`, who)).status).toBe(404);
      expect((await api.get(`/contracts/${contract.id}/plan`, who)).status).toBe(404);
      expect((await api.get(`/reports/${reportOf['2027-H1']}`, who)).status).toBe(404);
      expect(
        (
          await api.post(`/contracts/${contract.id}/activities`, who, {
            typeCode: 'internship',
            period: '2027-H1',
            units: 1,
          })
        ).status,
      ).toBe(404);
      expect((await api.post(`/reports/${reportOf['2027-H1']}/submission`, who)).status).not.toBe(200);
      expect((await api.del(`/activities/${ids.intern}`, who)).status).not.toBe(204);
    }
    expect(
      (
        await api.post(`/activities/${ids.sw}/verification`, elsewhere.advisor.headers, {
          decision: 'accepted',
        })
      ).status,
    ).toBe(404);
  });

  it('a trust contract has no intake or plan (409 with the reason)', async () => {
    const small = await api.post('/contracts', m.advisor.headers, {
      reference: unique('KLEIN'),
      title: 'Kleine opdracht',
      supplierId: m.supplier.id,
      valueCents: 5_000_000,
      startDate: '2027-01-01',
      endDate: '2027-06-30',
    });
    const res = await api.put(`/contracts/${small.body.id}/intake`, m.advisor.headers, {
      date: '2027-01-10',
    });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('regime vertrouwen');
    expect((await api.get(`/contracts/${small.body.id}/plan`, m.supplierUser.headers)).status).toBe(409);
  });
});
