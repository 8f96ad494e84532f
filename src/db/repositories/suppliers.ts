import { and, asc, eq, ilike, or } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { suppliers } from '../schema/index.ts';
import { isUuid } from './evidence.ts';

export type SupplierRow = typeof suppliers.$inferSelect;

export interface SupplierContact {
  name: string;
  email: string;
  phone?: string | undefined;
}

/** Suppliers of a tenant, by name; a supplier user sees only its own organisation. */
export async function listSuppliers(
  db: Db | Tx,
  tenantId: string,
  options: { onlyId?: string | null; q?: string | undefined } = {},
): Promise<SupplierRow[]> {
  const q = options.q?.trim();
  return db
    .select()
    .from(suppliers)
    .where(
      and(
        eq(suppliers.tenantId, tenantId),
        ...(options.onlyId !== undefined && options.onlyId !== null
          ? [eq(suppliers.id, options.onlyId)]
          : []),
        ...(q ? [or(ilike(suppliers.name, `%${q}%`), eq(suppliers.kvkNumber, q))] : []),
      ),
    )
    .orderBy(asc(suppliers.name), asc(suppliers.id));
}

/** A supplier of the tenant; `forUpdate` locks its row until the transaction ends. */
export async function supplierById(
  db: Db | Tx,
  tenantId: string,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<SupplierRow | undefined> {
  if (!isUuid(id)) return undefined;
  const query = db
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, id)));
  const [row] = await (options.forUpdate ? query.for('update') : query).limit(1);
  return row;
}

export async function supplierByKvk(
  db: Db | Tx,
  tenantId: string,
  kvkNumber: string,
): Promise<SupplierRow | undefined> {
  const [row] = await db
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), eq(suppliers.kvkNumber, kvkNumber)))
    .limit(1);
  return row;
}

export async function insertSupplier(
  tx: Tx,
  values: { tenantId: string; name: string; kvkNumber: string; contacts: SupplierContact[] },
): Promise<SupplierRow> {
  const [row] = await tx.insert(suppliers).values(values).returning();
  if (!row) throw new Error('supplier not inserted');
  return row;
}

export async function updateSupplierRow(
  tx: Tx,
  tenantId: string,
  id: string,
  values: Partial<{ name: string; contacts: SupplierContact[] }>,
): Promise<SupplierRow> {
  const [row] = await tx
    .update(suppliers)
    .set(values)
    .where(and(eq(suppliers.tenantId, tenantId), eq(suppliers.id, id)))
    .returning();
  if (!row) throw new Error('supplier not updated');
  return row;
}
