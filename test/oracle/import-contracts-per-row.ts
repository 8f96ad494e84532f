/**
 * TEST ORACLE (decision 029): the contract import as it was before it became set-based, every row
 * awarded one after the other through `awardContract` (POST /contracts) in one transaction. Kept
 * here, never in src, so test/api/contract-import-equivalence.test.ts can hold the set-based
 * `importContracts` to exactly its answers and stored rows.
 */
import { DomainError } from '../../src/domain/errors.ts';
import { formatEuro, halfYearOf, type IsoDate } from '../../src/domain/index.ts';
import type { Tx } from '../../src/db/client.ts';
import { setInvoice } from '../../src/db/repositories/contract-invoices.ts';
import { contractByReference, type ContractRow } from '../../src/db/repositories/contracts.ts';
import { contractManagerByEmail } from '../../src/db/repositories/contract-managers.ts';
import { supplierByKvk, supplierById } from '../../src/db/repositories/suppliers.ts';
import { readContractRows, type ImportRow } from '../../src/import/contract-rows.ts';
import {
  fieldOfIssue,
  Rollback,
  withoutFlag,
  type ContractImportResult,
  type ImportContractsInput,
  type ImportedContract,
  type ImportError,
  type RowsResult,
} from '../../src/app/lifecycle/contract-import-result.ts';
import type { Actor } from '../../src/app/actor.ts';
import { defineUseCase, tenantOf } from '../../src/app/use-case.ts';
import { awardContract } from '../../src/app/lifecycle/create-contract.ts';
import { isoDay } from '../../src/app/clock.ts';
import { recomputeInvoicedObligation } from '../../src/app/lifecycle/invoiced-obligation.ts';
import { audit } from '../../src/app/lifecycle/scope.ts';
import { registerSupplier } from '../../src/app/lifecycle/suppliers.ts';

/**
 * The contract import (api.md `POST /contract-imports`, decision 022): every contract of a CSV,
 * XLSX or OCDS package is checked and awarded through {@link awardContract} (the same rules as
 * `POST /contracts`) in ONE transaction; suppliers are matched by identifier or registered;
 * a reference already there with the same data is left alone (an import twice changes nothing),
 * with other data it is an error. With any error, or `dryRun`, the transaction is rolled back:
 * nothing is saved, and the answer lists every row.
 */
export const importContractsPerRow = defineUseCase<ImportContractsInput, ContractImportResult>({
  name: 'contract.import',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    const read = await readContractRows(input.body);
    const empty = {
      dryRun: input.dryRun,
      rows: read.rows.length + read.refusedRows,
      created: 0,
      unchanged: 0,
      valueCents: 0,
      obligationCents: 0,
      items: [],
    };
    if (read.fatal) return { ...empty, errors: read.errors };
    try {
      return await deps.db.transaction(async (tx) => {
        const result = await importRows(tx, actor, read.rows, read.errors, empty, isoDay(deps.now()));
        if (result.errors.length > 0 || input.dryRun) throw new Rollback(result);
        // a file that changes nothing (imported before) leaves no trace, not even an audit entry
        if (result.created === 0 && !result.invoicesChanged) throw new Rollback(result);
        await audit(tx, actor, 'contract.import', 'tenant', tenantOf(actor), {
          rows: result.rows,
          created: result.created,
          unchanged: result.unchanged,
          valueCents: result.valueCents,
        });
        return withoutFlag(result);
      });
    } catch (error) {
      if (error instanceof Rollback) return withoutFlag(error.result);
      throw error;
    }
  },
});

async function importRows(
  tx: Tx,
  actor: Actor,
  rows: readonly ImportRow[],
  readErrors: readonly ImportError[],
  base: Omit<ContractImportResult, 'errors'>,
  today: string,
): Promise<RowsResult> {
  const tenantId = tenantOf(actor);
  let invoicesChanged = false;
  const errors: ImportError[] = [...readErrors];
  const items: ImportedContract[] = [];
  const suppliers = new Map<string, { id: string; name: string } | null>();
  const seen = new Map<string, number>();
  let created = 0;
  let unchanged = 0;
  let valueCents = 0;
  let obligationCents = 0;
  for (const r of rows) {
    const fail = (field: keyof ImportRow['columns'], reason: string) =>
      errors.push({ row: r.row, column: r.columns[field], reason });
    const twin = seen.get(r.reference);
    if (twin !== undefined) {
      fail('reference', `appears twice in the file (row ${twin})`);
      continue;
    }
    seen.set(r.reference, r.row);

    let supplier = suppliers.get(r.supplier.key);
    if (supplier === undefined) {
      const found = await supplierByKvk(tx, tenantId, r.supplier.key);
      supplier = found
        ? { id: found.id, name: found.name }
        : r.supplier.name
          ? await registerSupplier(tx, actor, { name: r.supplier.name, kvkNumber: r.supplier.key })
          : null;
      suppliers.set(r.supplier.key, supplier && { id: supplier.id, name: supplier.name });
    }
    if (!supplier) {
      fail('supplierName', `no supplier with identifier ${r.supplier.key}: give its name to register it`);
      continue;
    }

    let managerId: string | null = null;
    if (r.contractManagerEmail) {
      const manager = await contractManagerByEmail(tx, tenantId, r.contractManagerEmail);
      if (!manager) {
        fail('contractManagerEmail', 'is not a contract manager of this municipality');
        continue;
      }
      managerId = manager.userId;
    }

    const existing = await contractByReference(tx, tenantId, r.reference);
    let contract: ContractRow;
    let action: ImportedContract['action'];
    if (existing) {
      const differences = await differencesFrom(tx, tenantId, existing, r, supplier.id, managerId);
      if (differences.length) {
        for (const [field, stored] of differences)
          fail(field, `differs from the stored contract ${r.reference} (${stored}); change it there`);
        continue;
      }
      contract = existing;
      action = 'unchanged';
      unchanged++;
    } else {
      try {
        const awarded = await awardContract(
          tx,
          actor,
          {
            reference: r.reference,
            title: r.title,
            supplierId: supplier.id,
            valueCents: r.valueCents,
            startDate: r.startDate,
            endDate: r.endDate,
            awardDate: r.awardDate ?? undefined,
            kind: r.kind ?? undefined,
            contractManagerId: managerId,
            maxExtentDate: r.maxExtentDate,
          },
          today,
        );
        contract = awarded.row;
      } catch (error) {
        if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
        for (const issue of error.issues) fail(fieldOfIssue(issue.name), issue.reason);
        if (error.issues.length === 0) fail('reference', error.message);
        continue;
      }
      action = 'create';
      created++;
      valueCents += contract.valueCents;
    }

    let invoicedCents = 0;
    if (r.invoices.length) {
      const byPeriod = new Map<string, number>();
      for (const inv of r.invoices) {
        const period = halfYearOf(inv.date as IsoDate);
        byPeriod.set(period, (byPeriod.get(period) ?? 0) + inv.amountCents);
        invoicedCents += inv.amountCents;
      }
      for (const [period, amountCents] of byPeriod)
        if (await setInvoice(tx, { tenantId, contractId: contract.id, period, amountCents }))
          invoicesChanged = true;
      contract = await recomputeInvoicedObligation(tx, actor, contract);
    }
    if (action === 'create') obligationCents += contract.obligationCents;
    items.push({
      row: r.row,
      reference: r.reference,
      title: contract.title,
      supplierName: supplier.name,
      supplierKey: r.supplier.key,
      valueCents: contract.valueCents,
      startDate: contract.startDate,
      endDate: contract.endDate,
      maxExtentDate: contract.maxExtentDate,
      awardDate: contract.awardDate,
      kind: contract.kind as ImportedContract['kind'],
      action,
      obligationCents: contract.obligationCents,
      regime: contract.regime,
      invoicedCents,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { ...base, created, unchanged, valueCents, obligationCents, items, errors, invoicesChanged };
}

/** What differs between a stored contract and a row with the same reference, as stored. */
async function differencesFrom(
  tx: Tx,
  tenantId: string,
  c: ContractRow,
  r: ImportRow,
  supplierId: string,
  managerId: string | null,
): Promise<[keyof ImportRow['columns'], string][]> {
  const out: [keyof ImportRow['columns'], string][] = [];
  if (c.title !== r.title) out.push(['title', c.title]);
  if (c.supplierId !== supplierId) {
    const stored = await supplierById(tx, tenantId, c.supplierId);
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
