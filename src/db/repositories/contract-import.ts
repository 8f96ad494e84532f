import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditEntry } from '../audit.ts';
import type { Tx } from '../client.ts';
import { contracts, suppliers } from '../schema/index.ts';
import { insertBulkRows, jsonTextSet, updateJsonRows, uuidV7, type BulkColumn } from './bulk.ts';
import { canStreamRows, copyBulkRows, openRowSink, type RowSink } from './bulk-copy.ts';
import type { ContractRow } from './contracts.ts';
import type { SupplierRow } from './suppliers.ts';

/** The tenant's contracts with these references (the contract import's matching, decision 029). */
export async function contractsByReferences(
  tx: Tx,
  tenantId: string,
  references: readonly string[],
): Promise<ContractRow[]> {
  if (references.length === 0) return [];
  return tx
    .select()
    .from(contracts)
    .where(and(eq(contracts.tenantId, tenantId), inArray(contracts.reference, jsonTextSet(references))));
}

/** The tenant's suppliers with these identifiers (KvK number, or `SCHEME-id`). */
export async function suppliersByKvkNumbers(
  tx: Tx,
  tenantId: string,
  kvkNumbers: readonly string[],
): Promise<SupplierRow[]> {
  if (kvkNumbers.length === 0) return [];
  return tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.kvkNumber, jsonTextSet(kvkNumbers))));
}

/** The tenant's suppliers with these ids. */
export async function suppliersByIds(
  tx: Tx,
  tenantId: string,
  ids: readonly string[],
): Promise<SupplierRow[]> {
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(suppliers)
    .where(and(eq(suppliers.tenantId, tenantId), inArray(suppliers.id, jsonTextSet(ids, 'uuid'))));
}

/** A contract the import creates, with the id made beforehand (decision 029). */
export type ImportContract = Omit<ContractRow, 'createdAt'>;

/**
 * One stretch of judged rows, saved together while the next rows are judged (decision 037): the
 * contracts created, their half-year reports (one entry per contract, not per report) and the
 * rows' audit entries, in the order they happened.
 */
export interface ImportBatch {
  contracts: ImportContract[];
  reports: { contractId: string; reports: readonly { period: string; dueDate: string }[] }[];
  audits: AuditEntry[];
}

/**
 * What a contract import saves once every row is judged and its batches are in: invoiced amounts
 * and moved obligations (decision 029).
 */
export interface ContractImportWrite {
  tenantId: string;
  /** Invoiced amounts to set (new, or replacing another amount of the same half-year). */
  invoices: { contractId: string; period: string; amountCents: number }[];
  /** Stored contracts whose obligation moved with their invoiced total. */
  obligations: Pick<
    ContractRow,
    | 'id'
    | 'obligationCents'
    | 'regime'
    | 'obligationRuleId'
    | 'obligationExplanation'
    | 'obligationExplanationNl'
  >[];
}

const supplierColumns: BulkColumn[] = [
  ['id', 'uuid'],
  ['tenant_id', 'uuid'],
  ['name', 'text'],
  ['kvk_number', 'text'],
];
const contractColumns: BulkColumn[] = [
  ['id', 'uuid'],
  ['tenant_id', 'uuid'],
  ['reference', 'text'],
  ['title', 'text'],
  ['supplier_id', 'uuid'],
  ['contract_manager_id', 'uuid'],
  ['kind', 'text'],
  ['value_cents', 'bigint'],
  ['start_date', 'date'],
  ['end_date', 'date'],
  ['max_extent_date', 'date'],
  ['award_date', 'date'],
  ['policy_version_id', 'uuid'],
  ['obligation_cents', 'bigint'],
  ['regime', 'text'],
  ['obligation_rule_id', 'text'],
  ['obligation_explanation', 'text'],
  ['obligation_explanation_nl', 'text'],
];
const reportColumns: BulkColumn[] = [
  ['id', 'uuid'],
  ['tenant_id', 'uuid'],
  ['contract_id', 'uuid'],
  ['period', 'text'],
  ['due_date', 'date'],
];
const invoiceColumns: BulkColumn[] = [
  ['tenant_id', 'uuid'],
  ['contract_id', 'uuid'],
  ['period', 'text'],
  ['amount_cents', 'bigint'],
];
const obligationColumns: BulkColumn[] = [
  ['obligation_cents', 'bigint'],
  ['regime', 'text'],
  ['obligation_rule_id', 'text'],
  ['obligation_explanation', 'text'],
  ['obligation_explanation_nl', 'text'],
];
const auditColumns: BulkColumn[] = [
  ['tenant_id', 'uuid'],
  ['actor_user_id', 'uuid'],
  ['actor_label', 'text'],
  ['action', 'text'],
  ['object_type', 'text'],
  ['object_id', 'text'],
  ['details', 'jsonb'],
  ['ip', 'text'],
];

/** The suppliers a contract import registers, saved before its contracts (their key points at them). */
export async function saveImportSuppliers(
  tx: Tx,
  tenantId: string,
  rows: readonly { id: string; name: string; kvkNumber: string }[],
): Promise<void> {
  await copyBulkRows(
    tx,
    'suppliers',
    supplierColumns,
    rows.map((s) => ({ id: s.id, tenant_id: tenantId, name: s.name, kvk_number: s.kvkNumber })),
  );
}

/** A contract's values in the order of {@link contractColumns}. */
const contractCells = (c: ImportContract): unknown[] => [
  c.id,
  c.tenantId,
  c.reference,
  c.title,
  c.supplierId,
  c.contractManagerId ?? null,
  c.kind,
  c.valueCents,
  c.startDate,
  c.endDate,
  c.maxExtentDate ?? null,
  c.awardDate,
  c.policyVersionId,
  c.obligationCents,
  c.regime,
  c.obligationRuleId,
  c.obligationExplanation,
  c.obligationExplanationNl ?? null,
];

/** An audit entry's values in the order of {@link auditColumns}. */
const auditCells = (a: AuditEntry): unknown[] => [
  a.tenantId,
  a.actorUserId,
  a.actorLabel ?? '',
  a.action,
  a.objectType ?? null,
  a.objectId ?? null,
  a.details ?? {},
  a.ip ?? null,
];

/**
 * Row sinks for a batch's three tables (decision 032): COPY on PostgreSQL, chunked inserts on
 * PGlite. Each row becomes its cells only as it is written: a batch's rows are not copied into
 * arrays that would outlive the young generation while the batch waits its turn (decision 037).
 */
function batchSinks(tx: Tx) {
  const sink = <R>(table: string, columns: BulkColumn[], cells: (row: R) => readonly unknown[]) => {
    const names = columns.map(([name]) => name);
    return openRowSink<R>(tx, table, names, cells, async (rows) => {
      await insertBulkRows(
        tx,
        table,
        columns,
        rows.map((row) => Object.fromEntries(cells(row).map((v, i) => [names[i], v]))),
      );
      return rows.length;
    });
  };
  return {
    contracts: () => sink('contracts', contractColumns, contractCells),
    reports: () => sink('reports', reportColumns, (cells: readonly unknown[]) => cells),
    audits: () => sink('audit_log', auditColumns, auditCells),
  };
}

/**
 * Writes the batches of a contract import as they are judged (decision 037). On PostgreSQL each
 * batch is written at once, behind the batches before it, with one COPY per table (contracts, then
 * their reports — whose key points at them —, then the audit entries), so PostgreSQL inserts them
 * on its core while the process judges the next rows; the caller must give the event loop a turn
 * now and then. On PGlite the batches are kept and written together at `end`. Nothing else may
 * query in the transaction until `end` or `abort` has returned (decision 032).
 */
export interface ImportWriter {
  /** Queues a batch. */
  add(batch: ImportBatch): void;
  /** Waits until every batch is written; throws the database's refusal, if any. */
  end(): Promise<void>;
  /** Gives up: the COPY under way fails, the batches not written are dropped. */
  abort(): Promise<void>;
}

export function openImportWriter(tx: Tx, tenantId: string): ImportWriter {
  const sinks = batchSinks(tx);
  const streaming = canStreamRows(tx);
  let current: Pick<RowSink<never>, 'abort'> | undefined;
  let aborted = false;
  let kept: ImportBatch[] = [];
  let tail: Promise<void> = Promise.resolve();

  /** Rows through one sink; the sink is ended, or given up on a failure. */
  const through = async <R>(sink: RowSink<R>, rows: Iterable<R>) => {
    current = sink;
    try {
      for (const row of rows) {
        const sent = sink.write(row);
        if (sent) await sent;
      }
      await sink.end();
    } catch (error) {
      if (!aborted) await sink.abort();
      throw error;
    } finally {
      current = undefined;
    }
  };
  const write = async (b: ImportBatch) => {
    if (aborted) return;
    if (b.contracts.length) await through(sinks.contracts(), b.contracts);
    if (aborted) return;
    if (b.reports.length) await through(sinks.reports(), reportRows(tenantId, b.reports));
    if (aborted) return;
    if (b.audits.length) await through(sinks.audits(), b.audits);
  };
  return {
    add(batch) {
      if (aborted) return;
      if (!streaming) {
        kept.push(batch);
        return;
      }
      tail = tail.then(() => write(batch));
      // a refusal is thrown by `end`; until then it must not count as unhandled
      void tail.catch(() => undefined);
    },
    async end() {
      if (!streaming)
        tail = write({
          contracts: kept.flatMap((b) => b.contracts),
          reports: kept.flatMap((b) => b.reports),
          audits: kept.flatMap((b) => b.audits),
        });
      kept = [];
      await tail;
    },
    async abort() {
      aborted = true;
      kept = [];
      await current?.abort();
      await tail.catch(() => undefined);
    },
  };
}

/**
 * The contracts' half-year reports (up to 500,000 for 100,000 contracts), each made into its row of
 * COPY cells at once: no record per report on the way (decision 036).
 */
function* reportRows(tenantId: string, contracts: ImportBatch['reports']): Generator<readonly unknown[]> {
  for (const c of contracts)
    for (const r of c.reports) yield [uuidV7(), tenantId, c.contractId, r.period, r.dueDate];
}

/**
 * Saves the rest of a contract import, inside the caller's transaction, once its batches are in:
 * invoiced amounts and moved obligations, set-based. The statement-level triggers
 * (portfolio_changes) fire per statement as for any other write.
 */
export async function saveContractImport(tx: Tx, w: ContractImportWrite): Promise<void> {
  const tenant_id = w.tenantId;
  await insertBulkRows(
    tx,
    'contract_invoices',
    invoiceColumns,
    w.invoices.map((i) => ({
      tenant_id,
      contract_id: i.contractId,
      period: i.period,
      amount_cents: i.amountCents,
    })),
    { onConflict: sql`on conflict (contract_id, period) do update set amount_cents = excluded.amount_cents` },
  );
  await updateJsonRows(
    tx,
    'contracts',
    tenant_id,
    obligationColumns,
    w.obligations.map((o) => ({
      id: o.id,
      obligation_cents: o.obligationCents,
      regime: o.regime,
      obligation_rule_id: o.obligationRuleId,
      obligation_explanation: o.obligationExplanation,
      obligation_explanation_nl: o.obligationExplanationNl,
    })),
  );
}
