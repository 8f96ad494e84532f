import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { contracts, reports } from '../schema/index.ts';
import { contractScopeConditions, type ContractScope } from './contracts.ts';
import { isUuid } from './evidence.ts';

export type ReportRow = typeof reports.$inferSelect;
export type ReportStatus = 'open' | 'submitted' | 'closed' | 'overdue';

/** States in which the supplier may still add or remove activities and submit. */
export const editableReportStates: readonly string[] = ['open', 'overdue'];

/**
 * True for the newest version of its period: corrections make a new version, and the older ones
 * stay as they were (history), counting no longer.
 */
export const isCurrentVersion = sql`${reports.version} = (
  select max(r2.version) from reports r2
  where r2.contract_id = ${reports.contractId} and r2.period = ${reports.period})`;

export async function insertReports(
  tx: Tx,
  rows: { tenantId: string; contractId: string; period: string; dueDate: string; version?: number }[],
): Promise<ReportRow[]> {
  if (rows.length === 0) return [];
  return tx.insert(reports).values(rows).returning();
}

/** Every report of a contract, all versions, by period then version. */
export async function reportsOfContract(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
): Promise<ReportRow[]> {
  return db
    .select()
    .from(reports)
    .where(and(eq(reports.tenantId, tenantId), eq(reports.contractId, contractId)))
    .orderBy(asc(reports.period), asc(reports.version));
}

/** The newest version of a contract's report for a half-year. */
export async function currentReportOfPeriod(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  period: string,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(
      and(eq(reports.tenantId, tenantId), eq(reports.contractId, contractId), eq(reports.period, period)),
    )
    .orderBy(sql`${reports.version} desc`)
    .limit(1);
  return row;
}

/** One version of a contract's report for a half-year. */
export async function reportOfVersion(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  period: string,
  version: number,
): Promise<ReportRow | undefined> {
  const [row] = await db
    .select()
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(reports.contractId, contractId),
        eq(reports.period, period),
        eq(reports.version, version),
      ),
    )
    .limit(1);
  return row;
}

/** A report whose contract the scope may see, with the contract's supplier. */
export async function reportInScope(
  db: Db | Tx,
  scope: ContractScope,
  reportId: string,
): Promise<(ReportRow & { supplierId: string }) | undefined> {
  if (!isUuid(reportId)) return undefined;
  const [row] = await db
    .select({ report: reports, supplierId: contracts.supplierId })
    .from(reports)
    .innerJoin(contracts, eq(contracts.id, reports.contractId))
    .where(
      and(eq(reports.id, reportId), eq(reports.tenantId, scope.tenantId), ...contractScopeConditions(scope)),
    )
    .limit(1);
  return row ? { ...row.report, supplierId: row.supplierId } : undefined;
}

/**
 * Locks a report row until the transaction ends and returns it as it is now. Everything that
 * changes a report or the verification of its activities takes this lock first, so two advisors
 * verifying at once are serialised and the last one sees every decision (and closes the report).
 */
export async function lockReport(tx: Tx, tenantId: string, reportId: string): Promise<ReportRow | undefined> {
  await tx.execute(
    sql`select id from ${reports} where ${reports.id} = ${reportId} and ${reports.tenantId} = ${tenantId} for update`,
  );
  const [row] = await tx
    .select()
    .from(reports)
    .where(and(eq(reports.id, reportId), eq(reports.tenantId, tenantId)))
    .limit(1);
  return row;
}

/** Moves a report to a new status (bumping its revision), only from the expected one. */
export async function setReportStatus(
  tx: Tx,
  tenantId: string,
  reportId: string,
  values: { status: ReportStatus; submittedAt?: Date | null; closedAt?: Date | null },
  expectedRevision?: number,
): Promise<ReportRow | undefined> {
  const [row] = await tx
    .update(reports)
    .set({ ...values, revision: sql`${reports.revision} + 1` })
    .where(
      and(
        eq(reports.id, reportId),
        eq(reports.tenantId, tenantId),
        ...(expectedRevision === undefined ? [] : [eq(reports.revision, expectedRevision)]),
      ),
    )
    .returning();
  return row;
}
