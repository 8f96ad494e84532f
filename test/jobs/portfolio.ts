import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.ts';
import { halfYearRange } from '../../src/domain/dates.ts';
import { createActor, createContractRows, createSupplierRow, createTenant } from '../factories.ts';

/** `2019-H1` … : `count` half-years from `first`, with their due dates (a month after they end). */
export function halfYears(first: string, count: number): { period: string; dueDate: string }[] {
  let year = Number(first.slice(0, 4));
  let half = first.endsWith('H1') ? 1 : 2;
  const out: { period: string; dueDate: string }[] = [];
  for (let i = 0; i < count; i++) {
    out.push({ period: `${year}-H${half}`, dueDate: half === 1 ? `${year}-07-31` : `${year + 1}-01-31` });
    if (half === 2) year += 1;
    half = half === 1 ? 2 : 1;
  }
  return out;
}

export interface LoadedPortfolio {
  tenantId: string;
  supplierIds: string[];
  supplierEmails: string[];
  advisorEmail: string;
}

/**
 * A municipality that loaded its contracts straight into Retour's tables (as a migration or the
 * scale bench does): `contracts` contracts over `suppliers` suppliers from 2019 to the end of the last
 * of `periods`, each with a report per half-year in `periods` (every half-year of its term that has
 * begun, so the deadline job has none to open), all open, entered today (so every one of those
 * half-years predates Retour).
 * One supplier user per supplier and one advisor hear about everything.
 */
export async function loadHistoricalPortfolio(
  db: Db,
  options: { suppliers: number; contracts: number; periods: { period: string; dueDate: string }[] },
): Promise<LoadedPortfolio> {
  const tenant = await createTenant(db);
  const supplierRows = [];
  const supplierEmails = [];
  for (let i = 0; i < options.suppliers; i++) {
    const supplier = await createSupplierRow(db, tenant.id);
    supplierRows.push(supplier);
    const user = await createActor(db, { tenantId: tenant.id, role: 'supplier', supplierId: supplier.id });
    supplierEmails.push(user.user.email);
  }
  const advisor = await createActor(db, { tenantId: tenant.id, role: 'advisor' });
  // One contract through the factory gives the policy version; the rest are copies of it.
  const first = supplierRows[0];
  if (!first) throw new Error('no supplier');
  const { contract } = await createContractRows(db, { tenantId: tenant.id, supplierId: first.id });
  const lastDay = halfYearRange(options.periods.at(-1)?.period ?? '2019-H1').end;
  const supplierList = sql.join(
    supplierRows.map((s) => sql`${s.id}::uuid`),
    sql`, `,
  );
  await db.execute(sql`
    insert into contracts (tenant_id, reference, title, supplier_id, kind, value_cents, start_date, end_date,
      award_date, policy_version_id, obligation_cents, regime, obligation_rule_id, obligation_explanation)
    select c.tenant_id, 'HIST-' || g, 'Lopend contract ' || g,
      (array[${supplierList}])[1 + (g % ${options.suppliers})],
      c.kind, c.value_cents, '2019-01-01', ${lastDay}::date, '2019-01-01', c.policy_version_id,
      c.obligation_cents, c.regime, c.obligation_rule_id, c.obligation_explanation
    from contracts c, generate_series(1, ${options.contracts}) g
    where c.id = ${contract.id}`);
  const periods = sql.join(
    options.periods.map((p) => sql`(${p.period}, ${p.dueDate}::date)`),
    sql`, `,
  );
  await db.execute(sql`
    insert into reports (tenant_id, contract_id, period, due_date, status)
    select c.tenant_id, c.id, p.period, p.due_date, 'open'
    from contracts c cross join (values ${periods}) as p(period, due_date)
    where c.tenant_id = ${tenant.id} and c.reference like 'HIST-%'`);
  return {
    tenantId: tenant.id,
    supplierIds: supplierRows.map((s) => s.id),
    supplierEmails,
    advisorEmail: advisor.user.email,
  };
}
