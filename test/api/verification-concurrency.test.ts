import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { createActor, unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Two advisors verifying one report at the same moment must leave a consistent result: every
 * decision stored, and the report closed exactly when all are decided. The report row is locked
 * (`select … for update`) inside each verification; on PGlite transactions are serialised anyway.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let secondAdvisor: Awaited<ReturnType<typeof createActor>>;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  secondAdvisor = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'advisor' });
});
afterAll(() => t.close());

/** A contract whose 2026-H1 report holds `n` activities and is submitted. */
async function submittedReport(n: number) {
  t.setNow('2026-03-01T09:00:00Z');
  const contract = await api.post('/contracts', m.advisor.headers, {
    reference: unique('CONC'),
    title: 'Concurrency',
    supplierId: m.supplier.id,
    valueCents: 30_000_000,
    startDate: '2026-01-01',
    endDate: '2026-12-31',
  });
  const activityIds: string[] = [];
  for (let i = 0; i < n; i++) {
    const res = await api.post(`/contracts/${contract.body.id}/activities`, m.supplierUser.headers, {
      typeCode: 'internship',
      period: '2026-H1',
      units: 1,
    });
    activityIds.push(res.body.id);
  }
  const reports = await api.get(`/contracts/${contract.body.id}/reports`, m.advisor.headers);
  const reportId = reports.body.items.find((r: Json) => r.period === '2026-H1').id as string;
  t.setNow('2026-07-02T09:00:00Z');
  expect((await api.post(`/reports/${reportId}/submission`, m.supplierUser.headers)).body.status).toBe(
    'submitted',
  );
  return { contractId: contract.body.id as string, reportId, activityIds };
}

describe('concurrent verification', () => {
  it.each([1, 2, 3, 4, 5])(
    'round %i: two advisors decide the last two activities at once → closed',
    async () => {
      const { reportId, activityIds } = await submittedReport(2);
      const [a, b] = await Promise.all([
        api.post(`/activities/${activityIds[0]}/verification`, m.advisor.headers, { decision: 'accepted' }),
        api.post(`/activities/${activityIds[1]}/verification`, secondAdvisor.headers, {
          decision: 'rejected',
          reason: 'Stage korter dan drie maanden.',
        }),
      ]);
      expect([a.status, b.status]).toEqual([200, 200]);
      // Exactly one of the two saw the other's decision and closed the report.
      expect([a.body.report.status, b.body.report.status].filter((s) => s === 'closed')).toHaveLength(1);
      const report = await api.get(`/reports/${reportId}`, m.advisor.headers);
      expect(report.body.status).toBe('closed');
      expect(report.body.activities.map((x: Json) => x.verification).sort()).toEqual([
        'accepted',
        'rejected',
      ]);
      expect(report.body.revision).toBe(3); // submitted, then one bump per verification
      const audit = await t.deps.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'activity.verify' and details->>'reportId' = ${reportId}`,
      );
      expect(Number((audit as unknown as { rows: { n: number }[] }).rows[0]?.n)).toBe(2);
    },
  );

  it('two advisors deciding the same activity at once: the first closes the report, the second is refused (409)', async () => {
    const { reportId, activityIds } = await submittedReport(1);
    const results = await Promise.all([
      api.post(`/activities/${activityIds[0]}/verification`, m.advisor.headers, { decision: 'accepted' }),
      api.post(`/activities/${activityIds[0]}/verification`, secondAdvisor.headers, {
        decision: 'rejected',
        reason: 'Geen bewijs.',
      }),
    ]);
    const statuses = results.map((r) => r.status).sort();
    // The first closes the report; the second finds it closed and is refused.
    expect(statuses).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)?.body;
    const report = await api.get(`/reports/${reportId}`, m.advisor.headers);
    expect(report.body.status).toBe('closed');
    expect(report.body.activities[0].verification).toBe(winner.activity.verification);
  });

  it('one candidate reported twice at once on two contracts: only one counts past 1 FTE', async () => {
    t.setNow('2026-03-01T09:00:00Z');
    const make = () =>
      api.post('/contracts', m.advisor.headers, {
        reference: unique('FTE'),
        title: 'FTE race',
        supplierId: m.supplier.id,
        valueCents: 30_000_000,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      });
    const [c1, c2] = [await make(), await make()];
    const body = { typeCode: 'job-benefits', period: '2026-H1', fte: 0.6, months: 6, candidate: unique('K') };
    const results = await Promise.all([
      api.post(`/contracts/${c1.body.id}/activities`, m.supplierUser.headers, body),
      api.post(`/contracts/${c2.body.id}/activities`, m.supplierUser.headers, body),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 400]);
  });
});
