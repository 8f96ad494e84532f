import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createMunicipality } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * A new report version (a correction) makes the activities of the old version stop counting in the
 * rollup (migration 0007); since migration 0022 a row trigger that skips version 1 does it (decision
 * 036). Here the new versions come without copied activities, so only the reports trigger can
 * refresh the sums; a new version 1 (an import's half-year report) leaves them alone.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const rowsOf = (result: unknown) => (result as { rows: Record<string, unknown>[] }).rows;

describe('progress sums after a new report version', () => {
  it.each([
    { case: 'one correction', corrected: ['2026-H1'], left: ['2026-H2'] },
    { case: 'two corrections in one statement', corrected: ['2026-H1', '2026-H2'], left: [] },
    { case: 'no correction', corrected: [], left: ['2026-H1', '2026-H2'] },
  ])('$case', async ({ corrected, left }) => {
    const db = t.deps.db;
    const a = await createMunicipality(db);
    const res = await client(t).post('/contracts', a.advisor.headers, {
      reference: `SUMS-${Date.now()}-${corrected.length}`,
      title: 'Sommen',
      supplierId: a.supplier.id,
      valueCents: 50_000_000,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(res.status).toBe(201);
    const contractId = res.body.id as string;
    for (const period of ['2026-H1', '2026-H2'])
      await db.execute(
        sql`insert into activities (tenant_id, contract_id, report_id, type_code, category, method, period,
              value_cents, rule_id, explanation, verification)
            select tenant_id, contract_id, id, 'x', 'employment', 'money', period, 12345, 'test', 'test', 'accepted'
            from reports where contract_id = ${contractId} and period = ${period}`,
      );
    const periodsWithSums = async () =>
      rowsOf(
        await db.execute(
          sql`select period from progress_sums where contract_id = ${contractId} and realised_cents > 0 order by 1`,
        ),
      ).map((r) => r.period);
    expect(await periodsWithSums()).toEqual(['2026-H1', '2026-H2']);

    if (corrected.length > 0)
      await db.execute(
        sql`insert into reports (tenant_id, contract_id, period, version, due_date)
            select tenant_id, contract_id, period, 2, '2027-08-31' from reports
            where contract_id = ${contractId} and period in ${sql.raw(`('${corrected.join("', '")}')`)}`,
      );
    // a version 1 of another half-year (as an import makes them) changes no sum
    await db.execute(
      sql`insert into reports (tenant_id, contract_id, period, version, due_date)
          select tenant_id, id, '2027-H1', 1, '2027-07-31' from contracts where id = ${contractId}`,
    );
    expect(await periodsWithSums()).toEqual(left);
  });
});
