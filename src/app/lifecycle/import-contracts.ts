import { DomainError } from '../../domain/errors.ts';
import { halfYearOf, invoicedTotal, type IsoDate } from '../../domain/index.ts';
import { uuidV7 } from '../../db/repositories/bulk.ts';
import {
  openImportWriter,
  saveContractImport,
  saveImportSuppliers,
  type ContractImportWrite,
  type ImportBatch,
  type ImportWriter,
} from '../../db/repositories/contract-import.ts';
import type { ContractRow } from '../../db/repositories/contracts.ts';
import { readContractRows, type ImportRow } from '../../import/contract-rows.ts';
import {
  fieldOfIssue,
  Rollback,
  withoutFlag,
  type ContractImportResult,
  type ImportContractsInput,
  type ImportedContract,
  type ImportError,
  type RowsResult,
} from './contract-import-result.ts';
import { detectImportKind } from '../../import/contract-table.ts';
import { defaultMaxUploadBytes } from '../evidence/evidence-store.ts';
import type { Actor } from '../actor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import {
  differencesFrom,
  newSuppliersOf,
  prefetch,
  versionOn,
  type Known,
  type NewSupplier,
} from './contract-import-known.ts';
import type { LoadedPolicy } from './contract-policy.ts';
import { awardDateOf, planAward, type AwardPlan } from './create-contract.ts';
import { isoDay } from '../clock.ts';
import { invoicedObligationChange } from './invoiced-obligation.ts';
import { audit } from './scope.ts';

/**
 * The contract import (api.md `POST /contract-imports`, decision 022): every contract of a CSV,
 * XLSX or OCDS package is checked and awarded through {@link awardContract} (the same rules as
 * `POST /contracts`) in ONE transaction; suppliers are matched by identifier or registered;
 * a reference already there with the same data is left alone (an import twice changes nothing),
 * with other data it is an error. With any error, or `dryRun`, the transaction is rolled back:
 * nothing is saved, and the answer lists every row.
 */
export const importContracts = defineUseCase<ImportContractsInput, ContractImportResult>({
  name: 'contract.import',
  access: ['advisor'],
  async run({ deps, actor }, input) {
    // a CSV may use the import limit (32 MiB); a workbook unpacks many times its size in memory,
    // so it keeps the evidence upload limit (decision 029)
    const xlsxLimit = deps.config.maxUploadBytes ?? defaultMaxUploadBytes;
    if (
      input.body.kind === 'bytes' &&
      input.body.bytes.length > xlsxLimit &&
      detectImportKind(input.body.bytes) === 'xlsx'
    )
      throw new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${xlsxLimit} bytes.`);
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
        const known = await prefetch(tx, tenantOf(actor), read.rows);
        const newSuppliers = newSuppliersOf(known, read.rows);
        // A file that can still be saved is saved while it is checked (decisions 036, 037): its new
        // suppliers first (the contracts' key points at them), then its rows batch by batch.
        let writer: ImportWriter | undefined;
        if (!input.dryRun && read.errors.length === 0) {
          await saveImportSuppliers(tx, tenantOf(actor), [...newSuppliers.values()]);
          writer = openImportWriter(tx, tenantOf(actor));
        }
        // with a refused row, planRows has given the writer up
        const { write, ...result } = await planRows(
          actor,
          known,
          newSuppliers,
          writer,
          read.rows,
          read.errors,
          empty,
          isoDay(deps.now()),
        );
        if (result.errors.length > 0 || !writer) throw new Rollback(result);
        await writer.end();
        // a file that changes nothing (imported before) leaves no trace, not even an audit entry
        if (result.created === 0 && !result.invoicesChanged) throw new Rollback(result);
        await saveContractImport(tx, write);
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

/** Rows judged per batch handed to the writer (decision 037). */
const batchRows = 5_000;
/** Rows judged between two turns of the event loop, in which the writer's COPY goes on. */
const turnRows = 100;

/**
 * Judges every row against what {@link prefetch} found and plans what to save: the same rules, in
 * the same order, as one row after the other through `awardContract` (the oracle in test/oracle
 * keeps that path; a property test holds both equal). The contracts to create, their reports and
 * the audit entries go to `writer` a batch of rows at a time, until the first refused row gives the
 * writer up (decision 037); invoiced amounts and moved obligations are planned for
 * {@link saveContractImport}.
 */
async function planRows(
  actor: Actor,
  known: Known,
  newSuppliers: ReadonlyMap<string, NewSupplier>,
  writer: ImportWriter | undefined,
  rows: readonly ImportRow[],
  readErrors: readonly ImportError[],
  base: Omit<ContractImportResult, 'errors'>,
  today: string,
): Promise<RowsResult & { write: ContractImportWrite }> {
  const tenantId = tenantOf(actor);
  const write: ContractImportWrite = { tenantId, invoices: [], obligations: [] };
  let batch: ImportBatch = { contracts: [], reports: [], audits: [] };
  const auditOf = (action: string, objectType: string, objectId: string, details: Record<string, unknown>) =>
    batch.audits.push({
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      actorLabel: actor.email,
      action,
      objectType,
      objectId,
      details,
      ip: actor.ip,
    });
  let invoicesChanged = false;
  const errors: ImportError[] = [...readErrors];
  const items: ImportedContract[] = [];
  const suppliers = new Map<string, { id: string; name: string } | null>();
  const seen = new Map<string, number>();
  let created = 0;
  let unchanged = 0;
  let valueCents = 0;
  let obligationCents = 0;
  const giveUp = async () => {
    await writer?.abort();
    writer = undefined;
  };
  try {
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i] as ImportRow;
      // the first refused row stops the saving; the rest is still judged, for the answer
      if (writer && errors.length) await giveUp();
      if (i > 0 && i % turnRows === 0) {
        if (i % batchRows === 0) {
          writer?.add(batch);
          batch = { contracts: [], reports: [], audits: [] };
        }
        if (writer) await new Promise((resolve) => setImmediate(resolve));
      }
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
        const found = known.suppliers.get(r.supplier.key);
        if (found) supplier = { id: found.id, name: found.name };
        else if (r.supplier.name) {
          const registered = newSuppliers.get(r.supplier.key);
          if (!registered) throw new Error(`supplier ${r.supplier.key} was not planned`);
          supplier = { id: registered.id, name: registered.name };
          auditOf('supplier.create', 'supplier', supplier.id, {
            name: supplier.name,
            kvkNumber: r.supplier.key,
          });
        } else supplier = null;
        suppliers.set(r.supplier.key, supplier);
      }
      if (!supplier) {
        fail('supplierName', `no supplier with identifier ${r.supplier.key}: give its name to register it`);
        continue;
      }

      let managerId: string | null = null;
      if (r.contractManagerEmail) {
        const manager = known.managers.get(r.contractManagerEmail.toLowerCase());
        if (!manager) {
          fail('contractManagerEmail', 'is not a contract manager of this municipality');
          continue;
        }
        managerId = manager;
      }

      const existing = known.existing.get(r.reference);
      let contract: ImportedContractRow;
      let action: ImportedContract['action'];
      let loaded: LoadedPolicy | undefined;
      let fresh: Omit<ContractRow, 'createdAt'> | undefined;
      if (existing) {
        const differences = differencesFrom(known, existing, r, supplier.id, managerId);
        if (differences.length) {
          for (const [field, stored] of differences)
            fail(field, `differs from the stored contract ${r.reference} (${stored}); change it there`);
          continue;
        }
        contract = existing;
        action = 'unchanged';
        unchanged++;
      } else {
        const input = {
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
        };
        let plan: AwardPlan;
        try {
          plan = planAward(
            tenantId,
            input,
            {
              supplierKnown: true,
              managerKnown: true,
              policy: versionOn(known, awardDateOf(input)),
              referenceTaken: false,
            },
            today,
          );
        } catch (error) {
          if (!(error instanceof DomainError) || error.code !== 'VALIDATION') throw error;
          for (const issue of error.issues) fail(fieldOfIssue(issue.name), issue.reason);
          if (error.issues.length === 0) fail('reference', error.message);
          continue;
        }
        fresh = { ...plan.values, id: uuidV7() };
        if (plan.reports.length > 0) batch.reports.push({ contractId: fresh.id, reports: plan.reports });
        auditOf('contract.create', 'contract', fresh.id, plan.auditDetails);
        contract = fresh;
        loaded = plan.loaded;
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
        const stored = new Map((known.invoices.get(contract.id) ?? []).map((i) => [i.period, i.amountCents]));
        for (const [period, amountCents] of byPeriod)
          if (stored.get(period) !== amountCents) {
            write.invoices.push({ contractId: contract.id, period, amountCents });
            stored.set(period, amountCents);
            invoicesChanged = true;
          }
        loaded ??= known.policies.get(contract.policyVersionId);
        if (!loaded) throw new Error(`Policy version ${contract.policyVersionId} of a contract is missing`);
        const total =
          loaded.policy.base === 'invoiced'
            ? invoicedTotal([...stored].map(([period, amountCents]) => ({ period, amountCents })))
            : undefined;
        const change = invoicedObligationChange(
          contract,
          fresh ? [] : (known.extensions.get(contract.id) ?? []),
          loaded,
          total,
        );
        if (change) {
          if (fresh) Object.assign(fresh, change.values);
          else write.obligations.push({ id: contract.id, ...change.values });
          contract = { ...contract, ...change.values };
          auditOf('contract.obligation', 'contract', contract.id, change.auditDetails);
        }
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
        maxExtentDate: contract.maxExtentDate ?? null,
        awardDate: contract.awardDate,
        kind: contract.kind as ImportedContract['kind'],
        action,
        obligationCents: contract.obligationCents,
        regime: contract.regime,
        invoicedCents,
      });
      if (fresh) batch.contracts.push(fresh);
    }
  } catch (error) {
    // the connection is busy with the writer's COPY until it is ended or given up
    await giveUp();
    throw error;
  }
  if (errors.length) await giveUp();
  else writer?.add(batch);
  errors.sort((a, b) => a.row - b.row);
  return {
    ...base,
    created,
    unchanged,
    valueCents,
    obligationCents,
    items,
    errors,
    invoicesChanged,
    write,
  };
}

/** A contract as the import sees it: stored, or planned. */
type ImportedContractRow = Pick<
  ContractRow,
  | 'id'
  | 'title'
  | 'policyVersionId'
  | 'valueCents'
  | 'kind'
  | 'startDate'
  | 'endDate'
  | 'awardDate'
  | 'obligationCents'
  | 'regime'
  | 'obligationExplanation'
> & { maxExtentDate?: string | null };
