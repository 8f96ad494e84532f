import { and, eq, ilike, or, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { contracts, suppliers } from '../schema/index.ts';
import { isUuid } from './evidence.ts';
import { keyset, toPage, type Cursor } from './paging.ts';

export type SupplierRow = typeof suppliers.$inferSelect;

export interface SupplierContact {
  name: string;
  email: string;
  phone?: string | undefined;
}

/** Fields a supplier list may be sorted on. */
export const supplierSortFields = ['name', 'kvkNumber', 'createdAt'] as const;
export type SupplierSortField = (typeof supplierSortFields)[number];

export interface SupplierPageOptions {
  onlyId?: string | null;
  q?: string | undefined;
  sort: SupplierSortField;
  descending: boolean;
  limit: number;
  cursor?: Cursor | undefined;
}

export type SupplierListRow = SupplierRow & { contractCount: number };

/**
 * One page of a tenant's suppliers, searched by name (part) or KvK number (whole), in the database:
 * keyset on (sort field, id), `limit` + 1 rows read to know whether a next page exists.
 */
export async function pageSuppliers(
  db: Db | Tx,
  tenantId: string,
  options: SupplierPageOptions,
): Promise<{ items: SupplierListRow[]; next?: Cursor }> {
  const q = options.q?.trim();
  // By name regardless of case (both databases alike: PGlite's collation puts capitals first).
  const column = {
    name: sql`lower(${suppliers.name})`,
    kvkNumber: suppliers.kvkNumber,
    // at the cursor's precision: the database keeps microseconds, a cursor milliseconds
    createdAt: sql`date_trunc('milliseconds', ${suppliers.createdAt})`,
  }[options.sort];
  // The cursor holds text; a timestamp column compares with a Date.
  const cursor = options.cursor && {
    id: options.cursor.id,
    value: options.sort === 'createdAt' ? new Date(options.cursor.value) : options.cursor.value,
  };
  const { after, orderBy } = keyset(column, suppliers.id, cursor, options.descending);
  const conds: (SQL | undefined)[] = [eq(suppliers.tenantId, tenantId), after];
  if (options.onlyId !== undefined && options.onlyId !== null) conds.push(eq(suppliers.id, options.onlyId));
  if (q) {
    const like = `%${q.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    conds.push(or(ilike(suppliers.name, like), eq(suppliers.kvkNumber, q)));
  }
  const rows = await db
    .select({
      supplier: suppliers,
      contractCount:
        sql<number>`(select count(*) from ${contracts} c where c.supplier_id = "suppliers"."id")`.mapWith(
          Number,
        ),
    })
    .from(suppliers)
    .where(and(...conds))
    .orderBy(...orderBy)
    .limit(options.limit + 1);
  const flat = rows.map((r) => ({ ...r.supplier, contractCount: r.contractCount }));
  return toPage(flat, options.limit, (r) => ({
    value:
      options.sort === 'createdAt'
        ? r.createdAt.toISOString()
        : options.sort === 'name'
          ? r.name.toLowerCase()
          : r.kvkNumber,
    id: r.id,
  }));
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
