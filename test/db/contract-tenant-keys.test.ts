import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, createMunicipality } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Reports and activities point at their contract AND its tenant with one foreign key (decision
 * 032), contracts at their supplier and policy version AND its tenant (decision 033): the database
 * itself refuses a row filed under another municipality than the row it points at.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** The database's error code of a failed statement, from either driver. */
async function refusal(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
    return undefined;
  } catch (error) {
    let e: unknown = error;
    for (let i = 0; i < 3 && e; i++) {
      const code = (e as { code?: unknown }).code;
      if (typeof code === 'string') return code;
      e = (e as { cause?: unknown }).cause;
    }
    throw error;
  }
}

describe('contract and tenant keys', () => {
  it('refuse a report or an activity under another tenant than its contract; accept them under their own', async () => {
    const db = t.deps.db;
    const a = await createMunicipality(db);
    const b = await createMunicipality(db);
    const api = client(t);
    const res = await api.post('/contracts', a.advisor.headers, {
      reference: `KEYS-${Date.now()}`,
      title: 'Sleutels',
      supplierId: a.supplier.id,
      valueCents: 50_000_000,
      startDate: '2026-01-01',
      endDate: '2026-12-31',
    });
    expect(res.status).toBe(201);
    const contractId = res.body.id as string;
    const insertReport = (tenantId: string, period: string) =>
      db.execute(
        sql`insert into reports (tenant_id, contract_id, period, version, due_date)
            values (${tenantId}, ${contractId}, ${period}, 9, '2027-01-31')`,
      );
    expect(await refusal(insertReport(b.tenant.id, '2026-H1'))).toBe('23503');
    expect(await refusal(insertReport(a.tenant.id, '2026-H1'))).toBeUndefined();

    const report = (await db.execute(
      sql`select id from reports where contract_id = ${contractId} and version = 9`,
    )) as unknown as { rows: { id: string }[] };
    const reportId = report.rows[0]?.id;
    expect(reportId).toBeDefined();
    const insertActivity = (tenantId: string) =>
      db.execute(
        sql`insert into activities (tenant_id, contract_id, report_id, type_code, category, method, period, value_cents, rule_id, explanation)
            values (${tenantId}, ${contractId}, ${reportId}, 'internship', 'participation', 'unit', '2026-H1', 1, 'r', 'e')`,
      );
    expect(await refusal(insertActivity(b.tenant.id))).toBe('23503');
    expect(await refusal(insertActivity(a.tenant.id))).toBeUndefined();
  });

  it("refuse a contract with another municipality's supplier or policy version; accept their own", async () => {
    const db = t.deps.db;
    const a = await createMunicipality(db);
    const b = await createMunicipality(db);
    const policyOf = async (tenantId: string) =>
      (
        (await db.execute(
          sql`select id from policy_versions where tenant_id = ${tenantId} order by version limit 1`,
        )) as unknown as { rows: { id: string }[] }
      ).rows[0]?.id;
    const [policyA, policyB] = [await policyOf(a.tenant.id), await policyOf(b.tenant.id)];
    expect(policyA && policyB).toBeTruthy();
    let n = 0;
    const insertContract = (tenantId: string, supplierId: string, policyVersionId: string | undefined) =>
      db.execute(
        sql`insert into contracts (tenant_id, reference, title, supplier_id, value_cents, start_date, end_date,
              award_date, policy_version_id, obligation_cents, regime, obligation_rule_id, obligation_explanation)
            values (${tenantId}, ${`KEYS-C-${Date.now()}-${n++}`}, 'Sleutels', ${supplierId}, 100, '2026-01-01',
              '2026-12-31', '2026-01-01', ${policyVersionId}, 2, 'trust', 'r', 'e')`,
      );
    expect(await refusal(insertContract(a.tenant.id, b.supplier.id, policyA))).toBe('23503');
    expect(await refusal(insertContract(a.tenant.id, a.supplier.id, policyB))).toBe('23503');
    expect(await refusal(insertContract(a.tenant.id, a.supplier.id, policyA))).toBeUndefined();
  });
});
