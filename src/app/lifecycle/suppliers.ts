import { DomainError } from '../../domain/errors.ts';
import { decodeKeysetCursor, encodeKeysetCursor } from '../cursor.ts';
import {
  insertSupplier,
  pageSuppliers,
  supplierById,
  type SupplierSortField,
  supplierByKvk,
  updateSupplierRow,
  type SupplierContact,
  type SupplierRow,
} from '../../db/repositories/suppliers.ts';
import type { Tx } from '../../db/client.ts';
import type { Actor } from '../actor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentSupplier, type SupplierView } from './present.ts';
import { audit, isUniqueViolation } from './scope.ts';

export interface CreateSupplierInput {
  name: string;
  kvkNumber: string;
  contacts?: SupplierContact[] | undefined;
}

const conflict = (kvk: string) =>
  new DomainError('CONFLICT', `A supplier with KvK number ${kvk} is already registered.`, [
    { name: 'kvkNumber', reason: 'is already registered in this municipality' },
  ]);

/**
 * Registers a supplier in the caller's transaction, with its audit entry (`POST /suppliers` and the
 * contract import). `kvkNumber` is the KvK number, or `SCHEME-id` for a foreign identifier from OCDS.
 */
export async function registerSupplier(
  tx: Tx,
  actor: Actor,
  input: CreateSupplierInput,
): Promise<SupplierRow> {
  const tenantId = tenantOf(actor);
  if (await supplierByKvk(tx, tenantId, input.kvkNumber)) throw conflict(input.kvkNumber);
  const row = await insertSupplier(tx, {
    tenantId,
    name: input.name.trim(),
    kvkNumber: input.kvkNumber,
    contacts: input.contacts ?? [],
  });
  await audit(tx, actor, 'supplier.create', 'supplier', row.id, {
    name: row.name,
    kvkNumber: row.kvkNumber,
  });
  return row;
}

/** Registers a supplier organisation (opdrachtnemer) in the advisor's municipality. */
export const createSupplier = defineUseCase<CreateSupplierInput, SupplierView>({
  name: 'supplier.create',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    try {
      return await deps.db.transaction(async (tx) =>
        presentSupplier(await registerSupplier(tx, actor, input)),
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw conflict(input.kvkNumber);
      throw error;
    }
  },
});

const readers = ['municipalityAdmin', 'advisor', 'contractManager', 'supplier'] as const;

export interface ListSuppliersInput {
  q?: string | undefined;
  /** A field, `-` in front for descending: `name`, `-createdAt`. */
  sort: `${'' | '-'}${SupplierSortField}`;
  limit: number;
  cursor?: string | undefined;
}

export type SupplierListItem = SupplierView & { contractCount: number };

/**
 * Suppliers of the municipality, one page at a time (search, sort and paging in the database); a
 * supplier user sees only its own organisation.
 */
export const listSuppliers = defineUseCase<
  ListSuppliersInput,
  { items: SupplierListItem[]; nextCursor?: string }
>({
  name: 'supplier.list',
  access: readers,
  async run({ deps, actor }, input) {
    const onlyId =
      actor.role === 'supplier' ? (actor.supplierId ?? '00000000-0000-0000-0000-000000000000') : null;
    const descending = input.sort.startsWith('-');
    const sort = input.sort.replace(/^-/, '') as SupplierSortField;
    const cursor = decodeKeysetCursor(
      input.cursor,
      (value) => sort !== 'createdAt' || !Number.isNaN(Date.parse(value)),
    );
    const page = await pageSuppliers(deps.db, tenantOf(actor), {
      onlyId,
      q: input.q,
      sort,
      descending,
      limit: input.limit,
      cursor,
    });
    return {
      items: page.items.map((r) => ({ ...presentSupplier(r), contractCount: r.contractCount })),
      ...(page.next ? { nextCursor: encodeKeysetCursor(page.next) } : {}),
    };
  },
});

export const getSupplier = defineUseCase<{ id: string }, SupplierView>({
  name: 'supplier.get',
  access: readers,
  async run({ deps, actor }, input) {
    const row = await supplierById(deps.db, tenantOf(actor), input.id);
    if (!row || (actor.role === 'supplier' && actor.supplierId !== row.id))
      throw new DomainError('NOT_FOUND', 'No such supplier.');
    return presentSupplier(row);
  },
});

export interface UpdateSupplierInput {
  id: string;
  name?: string | undefined;
  contacts?: SupplierContact[] | undefined;
}

/**
 * Changes a supplier's name or contacts (the contacts receive the reminder mail). The KvK number
 * stays: it identifies the organisation. The audit entry keeps what changed, before and after.
 */
export const updateSupplier = defineUseCase<UpdateSupplierInput, SupplierView>({
  name: 'supplier.update',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    return deps.db.transaction(async (tx) => {
      const current = await supplierById(tx, tenantId, input.id, { forUpdate: true });
      if (!current) throw new DomainError('NOT_FOUND', 'No such supplier.');
      const changes = {
        ...(input.name !== undefined ? { name: input.name.trim() } : {}),
        ...(input.contacts !== undefined ? { contacts: input.contacts } : {}),
      };
      const row = await updateSupplierRow(tx, tenantId, current.id, changes);
      const before = presentSupplier(current);
      const after = presentSupplier(row);
      await audit(tx, actor, 'supplier.update', 'supplier', row.id, {
        before: { name: before.name, contacts: before.contacts },
        after: { name: after.name, contacts: after.contacts },
      });
      return after;
    });
  },
});
