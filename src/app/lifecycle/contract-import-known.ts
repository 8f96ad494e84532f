/** What a contract import reads before it judges any row, and how a stored contract differs from a row (decision 029). */
import { formatEuro } from '../../domain/index.ts';
import type { Tx } from '../../db/client.ts';
import { uuidV7 } from '../../db/repositories/bulk.ts';
import { invoicesByContract } from '../../db/repositories/contract-invoices.ts';
import {
  contractsByReferences,
  suppliersByIds,
  suppliersByKvkNumbers,
} from '../../db/repositories/contract-import.ts';
import { extensionsOf, type ContractRow, type ExtensionRow } from '../../db/repositories/contracts.ts';
import { listContractManagers } from '../../db/repositories/contract-managers.ts';
import { listPolicyVersions, type StoredPolicyVersion } from '../../db/repositories/policies.ts';
import type { SupplierRow } from '../../db/repositories/suppliers.ts';
import type { ImportRow } from '../../import/contract-rows.ts';
import { tenantPolicies, type LoadedPolicy } from './contract-policy.ts';

/** What the import found in the database before judging any row (decision 029). */
export interface Known {
  existing: Map<string, ContractRow>;
  suppliers: Map<string, SupplierRow>;
  /** Suppliers of stored contracts, by id (named when a row names another supplier). */
  storedSuppliers: Map<string, SupplierRow>;
  managers: Map<string, string>;
  /** The tenant's policy versions, the one in force first: greatest validFrom, then newest. */
  versions: StoredPolicyVersion[];
  policies: Map<string, LoadedPolicy>;
  invoices: Map<string, { period: string; amountCents: number }[]>;
  extensions: Map<string, ExtensionRow[]>;
}

/** Reads, once per import, everything the rows are judged against. */
export async function prefetch(tx: Tx, tenantId: string, rows: readonly ImportRow[]): Promise<Known> {
  const existingRows = await contractsByReferences(tx, tenantId, [...new Set(rows.map((r) => r.reference))]);
  const existing = new Map(existingRows.map((c) => [c.reference, c]));
  const supplierRows = await suppliersByKvkNumbers(tx, tenantId, [
    ...new Set(rows.map((r) => r.supplier.key)),
  ]);
  const stored = await suppliersByIds(tx, tenantId, [...new Set(existingRows.map((c) => c.supplierId))]);
  const managers = new Map<string, string>();
  if (rows.some((r) => r.contractManagerEmail))
    for (const m of await listContractManagers(tx, tenantId)) {
      const email = m.email.toLowerCase();
      if (!managers.has(email)) managers.set(email, m.userId);
    }
  const versions = (await listPolicyVersions(tx, tenantId)).sort((x, y) =>
    x.validFrom === y.validFrom ? y.version - x.version : x.validFrom < y.validFrom ? 1 : -1,
  );
  const invoiced = rows
    .filter((r) => r.invoices.length > 0)
    .flatMap((r) => {
      const c = existing.get(r.reference);
      return c ? [c.id] : [];
    });
  return {
    existing,
    suppliers: new Map(supplierRows.map((s) => [s.kvkNumber, s])),
    storedSuppliers: new Map(stored.map((s) => [s.id, s])),
    managers,
    versions,
    policies: invoiced.length > 0 ? await tenantPolicies(tx, tenantId) : new Map(),
    invoices: await invoicesByContract(tx, tenantId, invoiced),
    extensions: await extensionsOf(tx, tenantId, invoiced),
  };
}

/** A supplier the import registers: the identifier of its rows, the name of the first. */
export interface NewSupplier {
  id: string;
  name: string;
  kvkNumber: string;
}

/**
 * The suppliers an import registers, by identifier, with their ids: those of the identifiers the
 * municipality does not know yet, named by the first row that gives them, skipping a reference the
 * file repeats — the rows `planRows` registers a supplier at. Known before the rows are judged, so
 * they are saved before the contracts that point at them are streamed (decision 036).
 */
export function newSuppliersOf(known: Known, rows: readonly ImportRow[]): Map<string, NewSupplier> {
  const out = new Map<string, NewSupplier>();
  const seen = new Set<string>();
  const named = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.reference)) continue;
    seen.add(r.reference);
    const key = r.supplier.key;
    if (named.has(key) || known.suppliers.has(key)) continue;
    named.add(key);
    if (r.supplier.name) out.set(key, { id: uuidV7(), name: r.supplier.name.trim(), kvkNumber: key });
  }
  return out;
}

/** The version in force on a date: the greatest validFrom on or before it, newest version on a tie. */
export function versionOn(known: Known, date: string): StoredPolicyVersion | undefined {
  return known.versions.find((v) => v.validFrom <= date);
}

/** What differs between a stored contract and a row with the same reference, as stored. */
export function differencesFrom(
  known: Known,
  c: ContractRow,
  r: ImportRow,
  supplierId: string,
  managerId: string | null,
): [keyof ImportRow['columns'], string][] {
  const out: [keyof ImportRow['columns'], string][] = [];
  if (c.title !== r.title) out.push(['title', c.title]);
  if (c.supplierId !== supplierId) {
    const stored = known.storedSuppliers.get(c.supplierId);
    out.push(['supplierName', stored ? `${stored.name}, ${stored.kvkNumber}` : c.supplierId]);
  }
  if (c.valueCents !== r.valueCents) out.push(['value', formatEuro(c.valueCents)]);
  if (c.startDate !== r.startDate) out.push(['startDate', c.startDate]);
  if (c.endDate !== r.endDate) out.push(['endDate', c.endDate]);
  if (c.awardDate !== (r.awardDate ?? r.startDate)) out.push(['awardDate', c.awardDate]);
  if (r.kind !== null && c.kind !== r.kind) out.push(['kind', c.kind]);
  if ((c.maxExtentDate ?? null) !== r.maxExtentDate) out.push(['maxExtentDate', c.maxExtentDate ?? '—']);
  if (managerId !== null && c.contractManagerId !== managerId) out.push(['contractManagerEmail', 'another']);
  return out;
}
