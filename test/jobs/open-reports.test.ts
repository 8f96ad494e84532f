import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, contractExtensions, contracts, reports } from '../../src/db/schema/index.ts';
import { openBegunReports } from '../../src/jobs/report-deadlines.ts';
import { createContractRows, createSupplierRow, createTenant } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A tenant's reports as `reference: periods (due dates)`, the way a reader checks them. */
async function periodsOf(tenantId: string): Promise<Record<string, string[]>> {
  const rows = await t.deps.db
    .select({ reference: contracts.reference, period: reports.period, dueDate: reports.dueDate })
    .from(reports)
    .innerJoin(contracts, eq(contracts.id, reports.contractId))
    .where(eq(reports.tenantId, tenantId))
    .orderBy(contracts.reference, reports.period);
  const out: Record<string, string[]> = {};
  for (const r of rows) (out[r.reference] ??= []).push(`${r.period} (${r.dueDate})`);
  return out;
}

describe('the deadline job opens the report of a half-year when it begins (decision 035)', () => {
  it('for every contract with social return, within its term and extensions, once, in batches', async () => {
    const tenant = await createTenant(t.deps.db);
    const supplier = await createSupplierRow(t.deps.db, tenant.id);
    const make = async (reference: string, startDate: string, endDate: string) => {
      const { contract } = await createContractRows(t.deps.db, {
        tenantId: tenant.id,
        supplierId: supplier.id,
        startDate,
        endDate,
        period: `${startDate.slice(0, 4)}-H${startDate.slice(5, 7) <= '06' ? 1 : 2}`,
      });
      await t.deps.db.update(contracts).set({ reference }).where(eq(contracts.id, contract.id));
      return contract;
    };
    // five running contracts (more than a batch of two), each with the report of its first half-year
    for (const n of [1, 2, 3, 4, 5]) await make(`RUN-${n}`, '2026-03-01', '2027-08-15');
    const extended = await make('EXTENDED', '2026-01-01', '2026-12-31');
    await t.deps.db.insert(contractExtensions).values({
      tenantId: tenant.id,
      contractId: extended.id,
      valueCents: 1_000_000,
      endDate: '2027-03-31',
    });
    const none = await make('NONE', '2026-01-01', '2027-12-31');
    await t.deps.db.update(contracts).set({ regime: 'none' }).where(eq(contracts.id, none.id));
    await make('LATER', '2027-09-01', '2028-12-31');
    const scope = { onlyTenantId: tenant.id };

    // 1 January 2027: 2026-H2 and 2027-H1 have begun for the running and the extended contracts
    const first = await openBegunReports(t.deps, '2027-01-01', scope, { batchSize: 2 });
    expect(first).toEqual({ opened: 6 * 2, stopped: false });
    const running = ['2026-H1 (2026-07-31)', '2026-H2 (2027-01-31)', '2027-H1 (2027-07-31)'];
    expect(await periodsOf(tenant.id)).toEqual({
      'RUN-1': running,
      'RUN-2': running,
      'RUN-3': running,
      'RUN-4': running,
      'RUN-5': running,
      EXTENDED: running,
      NONE: ['2026-H1 (2026-07-31)'], // the factory's report; no social return, nothing opened
      LATER: ['2027-H2 (2026-07-31)'],
    });
    const audited = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.tenantId, tenant.id), eq(auditLog.action, 'report.open')));
    expect(audited).toHaveLength(12);
    expect(audited[0]).toMatchObject({ actorUserId: null, actorLabel: 'scheduler', objectType: 'report' });

    // the same day again: nothing; years later: only what began within each (extended) term
    expect(await openBegunReports(t.deps, '2027-01-01', scope)).toEqual({ opened: 0, stopped: false });
    expect(await openBegunReports(t.deps, '2030-01-01', scope)).toEqual({ opened: 5 + 2, stopped: false });
    const after = await periodsOf(tenant.id);
    expect(after['RUN-1']).toEqual([...running, '2027-H2 (2028-01-31)']);
    expect(after.EXTENDED).toEqual(running);
    expect(after.LATER).toEqual(['2027-H2 (2026-07-31)', '2028-H1 (2028-07-31)', '2028-H2 (2029-01-31)']);
  });

  it('stops between batches when asked, and the next run goes on', async () => {
    const tenant = await createTenant(t.deps.db);
    const supplier = await createSupplierRow(t.deps.db, tenant.id);
    for (let i = 0; i < 5; i++)
      await createContractRows(t.deps.db, {
        tenantId: tenant.id,
        supplierId: supplier.id,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
      });
    const scope = { onlyTenantId: tenant.id };
    const abort = new AbortController();
    let batches = 0;
    const stopped = await openBegunReports(t.deps, '2026-07-01', scope, {
      batchSize: 2,
      signal: abort.signal,
      afterBatch: async () => {
        if (++batches === 1) abort.abort();
      },
    });
    expect(stopped).toEqual({ opened: 2, stopped: true });
    expect(await openBegunReports(t.deps, '2026-07-01', scope, { batchSize: 2 })).toEqual({
      opened: 3,
      stopped: false,
    });
  });
});
