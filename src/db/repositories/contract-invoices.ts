import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { contractInvoices } from '../schema/index.ts';

export type InvoiceRow = typeof contractInvoices.$inferSelect;

/** The invoiced amounts of a contract, by half-year in order. */
export async function invoicesOf(db: Db | Tx, tenantId: string, contractId: string): Promise<InvoiceRow[]> {
  return db
    .select()
    .from(contractInvoices)
    .where(and(eq(contractInvoices.tenantId, tenantId), eq(contractInvoices.contractId, contractId)))
    .orderBy(asc(contractInvoices.period));
}

/** Sets the invoiced amount of one half-year (replacing what was recorded); true when it changed. */
export async function setInvoice(
  tx: Tx,
  values: { tenantId: string; contractId: string; period: string; amountCents: number },
): Promise<boolean> {
  const rows = await tx
    .insert(contractInvoices)
    .values(values)
    .onConflictDoUpdate({
      target: [contractInvoices.contractId, contractInvoices.period],
      set: { amountCents: values.amountCents },
      setWhere: sql`${contractInvoices.amountCents} <> excluded.amount_cents`,
    })
    .returning({ id: contractInvoices.id });
  return rows.length > 0;
}

/** Invoiced amounts of some contracts (or, without ids, the whole tenant), by contract id. */
export async function invoicesByContract(
  db: Db | Tx,
  tenantId: string,
  contractIds?: readonly string[],
): Promise<Map<string, InvoiceRow[]>> {
  if (contractIds && contractIds.length === 0) return new Map();
  const rows = await db
    .select()
    .from(contractInvoices)
    .where(
      and(
        eq(contractInvoices.tenantId, tenantId),
        contractIds ? inArray(contractInvoices.contractId, [...contractIds]) : undefined,
      ),
    )
    .orderBy(asc(contractInvoices.period));
  const map = new Map<string, InvoiceRow[]>();
  for (const r of rows) map.set(r.contractId, [...(map.get(r.contractId) ?? []), r]);
  return map;
}
