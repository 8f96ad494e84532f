import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityTypeByCode, getPreset, valueActivity } from '../../src/domain/index.ts';
import { auditLog } from '../../src/db/schema/index.ts';
import { unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { openBegunReports } from '../../src/jobs/report-deadlines.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/** PSO values depend on obligation and term: an extension values the open ones again, not the closed. */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
});
afterAll(() => t.close());

const pso = activityTypeByCode(getPreset('amsterdam'), 'pso-2');

describe('an extension revalues PSO activities', () => {
  it('of reports not closed under the new obligation and term, with audit; closed ones keep their value', async () => {
    if (!pso) throw new Error('pso-2 not in the preset');
    t.setNow('2026-03-01T09:00:00Z');
    const award = await api.post('/contracts', m.advisor.headers, {
      reference: unique('PSO'),
      title: 'Beheer sporthallen',
      supplierId: m.supplier.id,
      valueCents: 125_000_000,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    const id = award.body.id as string;
    const record = async (period: string) => {
      const res = await api.post(`/contracts/${id}/activities`, m.supplierUser.headers, {
        typeCode: 'pso-2',
        period,
        validFrom: '2026-01-01',
        validTo: '2027-12-31',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      return res.body as Json;
    };
    const closedOne = await record('2026-H1');
    const reports = await api.get(`/contracts/${id}/reports`, m.advisor.headers);
    const h1 = reports.body.items.find((r: Json) => r.period === '2026-H1').id;
    t.setNow('2026-07-02T09:00:00Z');
    await openBegunReports(t.deps, '2026-07-02', { onlyTenantId: m.tenant.id }); // the job on the day
    await api.post(`/reports/${h1}/submission`, m.supplierUser.headers);
    const accepted = await api.post(`/activities/${closedOne.id}/verification`, m.advisor.headers, {
      decision: 'accepted',
    });
    expect(accepted.body.report.status).toBe('closed');
    const openOne = await record('2026-H2');

    const extended = await api.post(`/contracts/${id}/extensions`, m.advisor.headers, {
      valueCents: 50_000_000,
      endDate: '2028-12-31',
    });
    expect(extended.status).toBe(201);
    const obligationCents = extended.body.obligation.amountCents as number;
    expect(obligationCents).toBeGreaterThan(award.body.obligation.amountCents);
    const expected = valueActivity(
      pso,
      { validFrom: '2026-01-01', validTo: '2027-12-31' },
      {
        contractStart: '2026-01-01',
        contractEnd: '2028-12-31',
        obligationCents,
        period: '2026-H2',
        policyVersion: 1,
      },
    );
    expect(expected.valueCents).not.toBe(openOne.valueCents);

    const after = (await api.get(`/contracts/${id}/activities`, m.advisor.headers)).body.items as Json[];
    const open = after.find((a) => a.id === openOne.id);
    expect(open.valuation).toEqual(expected);
    const closed = after.find((a) => a.id === closedOne.id);
    expect(closed.valuation).toEqual(closedOne.valuation);

    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'contract.extend'), eq(auditLog.objectId, id)));
    expect((entry?.details as Json).psoRevalued).toEqual([
      { activityId: openOne.id, fromCents: openOne.valueCents, toCents: expected.valueCents },
    ]);
  });
});
