import { and, asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { contractReservations, contracts } from '../schema/index.ts';

export type ReservationRow = typeof contractReservations.$inferSelect;

export async function reservationOf(db: Db | Tx, tenantId: string, contractId: string) {
  const [row] = await db
    .select()
    .from(contractReservations)
    .where(and(eq(contractReservations.tenantId, tenantId), eq(contractReservations.contractId, contractId)))
    .limit(1);
  return row;
}

export async function upsertReservation(
  tx: Tx,
  values: Omit<typeof contractReservations.$inferInsert, 'updatedAt' | 'createdAt'>,
): Promise<ReservationRow> {
  const { contractId: _c, tenantId: _t, ...changes } = values;
  const [row] = await tx
    .insert(contractReservations)
    .values(values)
    .onConflictDoUpdate({
      target: contractReservations.contractId,
      set: { ...changes, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('reservation not stored');
  return row;
}

export async function deleteReservation(tx: Tx, tenantId: string, contractId: string) {
  await tx
    .delete(contractReservations)
    .where(and(eq(contractReservations.tenantId, tenantId), eq(contractReservations.contractId, contractId)));
}

/** The reserved contracts of a supplier with their conditions (for the supplier's profile). */
export async function reservationsOfSupplier(db: Db | Tx, tenantId: string, supplierId: string) {
  return db
    .select({
      contractId: contracts.id,
      reference: contracts.reference,
      title: contracts.title,
      reservation: contractReservations,
    })
    .from(contractReservations)
    .innerJoin(contracts, eq(contracts.id, contractReservations.contractId))
    .where(and(eq(contractReservations.tenantId, tenantId), eq(contracts.supplierId, supplierId)))
    .orderBy(asc(contracts.reference));
}
