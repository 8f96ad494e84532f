import { and, eq, inArray, sql } from 'drizzle-orm';
import type { AuditEntry } from '../audit.ts';
import type { Tx } from '../client.ts';
import { contracts, suppliers } from '../schema/index.ts';
import { insertBulkRows, jsonTextSet, updateJsonRows, uuidV7, type BulkColumn } from './bulk.ts';
import { copyBulkRows, openRowSink, type RowSink } from './bulk-copy.ts';
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
 * What a contract import saves after its rows are planned (decision 029): its new suppliers and
 * contracts are saved before ({@link saveImportSuppliers}) and while ({@link openContractSink}) the
 * rows are checked (decision 036).
 */
export interface ContractImportWrite {
  tenantId: string;
  /** The half-year reports of each contract created (one entry per contract, not per report). */
  reports: { contractId: string; reports: readonly { period: string; dueDate: string }[] }[];
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
  /** In the order they happened. */
  audits: AuditEntry[];
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

/**
 * Contracts written as the import plans them (decision 036): on PostgreSQL one COPY streams them
 * while the next rows are checked; on PGlite they are kept and inserted set-based at `end`. Nothing
 * else may query in the transaction until the sink is ended or aborted (decision 032).
 */
export function openContractSink(tx: Tx): RowSink<ImportContract> {
  const names = contractColumns.map(([name]) => name);
  return openRowSink<ImportContract>(tx, 'contracts', names, contractCells, async (kept) => {
    await insertBulkRows(
      tx,
      'contracts',
      contractColumns,
      kept.map((c) => Object.fromEntries(contractCells(c).map((v, i) => [names[i], v]))),
    );
    return kept.length;
  });
}

const reportNames = reportColumns.map(([name]) => name);

/**
 * The contracts' half-year reports (up to 500,000 for 100,000 contracts), each made into its row of
 * COPY cells at once: no record per report on the way (decision 036).
 */
async function saveReports(
  tx: Tx,
  tenantId: string,
  contracts: ContractImportWrite['reports'],
): Promise<void> {
  if (contracts.length === 0) return;
  const sink = openRowSink<readonly unknown[]>(
    tx,
    'reports',
    reportNames,
    (cells) => cells,
    async (kept) => {
      await insertBulkRows(
        tx,
        'reports',
        reportColumns,
        kept.map((cells) => Object.fromEntries(cells.map((v, i) => [reportNames[i], v]))),
      );
      return kept.length;
    },
  );
  try {
    for (const c of contracts)
      for (const r of c.reports) {
        const sent = sink.write([uuidV7(), tenantId, c.contractId, r.period, r.dueDate]);
        if (sent) await sent;
      }
    await sink.end();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}

/**
 * Saves the rest of a planned contract import set-based, inside the caller's transaction, once its
 * contracts are in: their half-year reports, invoiced amounts, moved obligations and the audit
 * entries, each table in one COPY on PostgreSQL (decision 032) or chunked statements on PGlite. The
 * statement-level triggers (portfolio_changes) fire per statement as for any other write.
 */
export async function saveContractImport(tx: Tx, w: ContractImportWrite): Promise<void> {
  const tenant_id = w.tenantId;
  await saveReports(tx, tenant_id, w.reports);

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

  await copyBulkRows(
    tx,
    'audit_log',
    auditColumns,
    w.audits.map((a) => ({
      tenant_id: a.tenantId,
      actor_user_id: a.actorUserId,
      actor_label: a.actorLabel ?? '',
      action: a.action,
      object_type: a.objectType ?? null,
      object_id: a.objectId ?? null,
      details: a.details ?? {},
      ip: a.ip ?? null,
    })),
  );
}
