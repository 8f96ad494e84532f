import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { contracts, settlements } from '../schema/index.ts';

export type SettlementRow = typeof settlements.$inferSelect;

export async function settlementOf(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
): Promise<SettlementRow | undefined> {
  const [row] = await db
    .select()
    .from(settlements)
    .where(and(eq(settlements.tenantId, tenantId), eq(settlements.contractId, contractId)))
    .limit(1);
  return row;
}

export async function insertSettlement(
  tx: Tx,
  values: typeof settlements.$inferInsert,
): Promise<SettlementRow> {
  const [row] = await tx.insert(settlements).values(values).returning();
  if (!row) throw new Error('settlement not inserted');
  return row;
}

/** Surpluses other contracts' settlements carried over to this contract, with where they came from. */
export async function carriedInto(db: Db | Tx, tenantId: string, contractId: string) {
  return db
    .select({
      fromContractId: settlements.contractId,
      fromReference: contracts.reference,
      amountCents: sql<number>`${settlements.carryOverCents}`.mapWith(Number),
      reason: settlements.carryOverReason,
      decidedOn: settlements.decidedOn,
    })
    .from(settlements)
    .innerJoin(contracts, eq(contracts.id, settlements.contractId))
    .where(and(eq(settlements.tenantId, tenantId), eq(settlements.carryOverContractId, contractId)))
    .orderBy(settlements.decidedOn);
}
