import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { activities, contracts, plans, reports, suppliers } from '../schema/index.ts';
import { contractScopeConditions, type ContractScope } from './contracts.ts';
import { isCurrentVersion } from './reports.ts';

/** One thing waiting for someone, with what a link to it needs. */
export interface QueueRow {
  contractId: string;
  contractReference: string;
  contractTitle: string;
  supplierName: string;
  reportId: string | null;
  period: string | null;
  /** The date that matters: the due date of a report, the submission of a plan. */
  date: string | null;
  /** Activities concerned (to verify, answered, asked about). */
  activities: number;
}

/** At most this many rows per group come back; the count is always the whole. */
export const queueLimit = 20;

const contractColumns = {
  contractId: contracts.id,
  contractReference: contracts.reference,
  contractTitle: contracts.title,
  supplierName: suppliers.name,
};

/**
 * Reports (current versions) in scope in some states, each with the number of its activities that
 * match `activityCondition` (none: all); with a condition only reports having such activities come.
 */
async function reportGroup(
  db: Db | Tx,
  scope: ContractScope,
  states: readonly string[],
  activityCondition: SQL | null,
  order: 'due' | 'submitted',
): Promise<{ total: number; rows: QueueRow[] }> {
  const where = and(
    ...contractScopeConditions(scope),
    inArray(reports.status, [...states]),
    isCurrentVersion,
  );
  const activityCount = activityCondition
    ? sql<number>`(select count(*) from ${activities} a where a.report_id = ${reports.id} and ${activityCondition})`.mapWith(
        Number,
      )
    : sql<number>`(select count(*) from ${activities} a where a.report_id = ${reports.id})`.mapWith(Number);
  const having = activityCondition
    ? sql`exists (select 1 from ${activities} a where a.report_id = ${reports.id} and ${activityCondition})`
    : sql`true`;
  const base = db
    .select({
      ...contractColumns,
      reportId: reports.id,
      period: reports.period,
      dueDate: reports.dueDate,
      submittedAt: reports.submittedAt,
      activities: activityCount,
    })
    .from(reports)
    .innerJoin(contracts, eq(contracts.id, reports.contractId))
    .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
    .where(and(where, having));
  const [rows, [total]] = await Promise.all([
    base
      .orderBy(
        order === 'due' ? asc(reports.dueDate) : asc(reports.submittedAt),
        asc(contracts.reference),
        asc(reports.id),
      )
      .limit(queueLimit),
    db
      .select({ n: count() })
      .from(reports)
      .innerJoin(contracts, eq(contracts.id, reports.contractId))
      .where(and(where, having)),
  ]);
  return {
    total: Number(total?.n ?? 0),
    rows: rows.map((r) => ({
      contractId: r.contractId,
      contractReference: r.contractReference,
      contractTitle: r.contractTitle,
      supplierName: r.supplierName,
      reportId: r.reportId,
      period: r.period,
      date: order === 'due' ? r.dueDate : (r.submittedAt?.toISOString().slice(0, 10) ?? null),
      activities: r.activities,
    })),
  };
}

/** Submitted reports with activities the advisor has not decided on yet. */
export const reportsToVerify = (db: Db | Tx, scope: ContractScope) =>
  reportGroup(db, scope, ['submitted'], sql`a.verification = 'pending'`, 'submitted');

/** Submitted reports where the supplier answered a question of the advisor. */
export const answeredQuestions = (db: Db | Tx, scope: ContractScope) =>
  reportGroup(
    db,
    scope,
    ['submitted'],
    sql`a.verification = 'moreInfo' and a.replied_at is not null`,
    'submitted',
  );

/** Submitted reports where the advisor asked the supplier something not answered yet. */
export const questionsToAnswer = (db: Db | Tx, scope: ContractScope) =>
  reportGroup(
    db,
    scope,
    ['submitted'],
    sql`a.verification = 'moreInfo' and a.replied_at is null`,
    'submitted',
  );

/** Reports past their due date and not submitted. */
export const overdueReports = (db: Db | Tx, scope: ContractScope) =>
  reportGroup(db, scope, ['overdue'], null, 'due');

/** Reports the supplier still has to submit, by due date. */
export const reportsDue = (db: Db | Tx, scope: ContractScope) =>
  reportGroup(db, scope, ['open', 'overdue'], null, 'due');

/** Plans in some states (submitted: waiting for the advisor; returned: back with the supplier). */
export async function plansIn(
  db: Db | Tx,
  scope: ContractScope,
  status: 'submitted' | 'returned',
): Promise<{ total: number; rows: QueueRow[] }> {
  const where = and(...contractScopeConditions(scope), eq(plans.status, status));
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...contractColumns, updatedAt: plans.updatedAt })
      .from(plans)
      .innerJoin(contracts, eq(contracts.id, plans.contractId))
      .innerJoin(suppliers, eq(suppliers.id, contracts.supplierId))
      .where(where)
      .orderBy(asc(plans.updatedAt), asc(contracts.reference))
      .limit(queueLimit),
    db
      .select({ n: count() })
      .from(plans)
      .innerJoin(contracts, eq(contracts.id, plans.contractId))
      .where(where),
  ]);
  return {
    total: Number(total?.n ?? 0),
    rows: rows.map((r) => ({
      contractId: r.contractId,
      contractReference: r.contractReference,
      contractTitle: r.contractTitle,
      supplierName: r.supplierName,
      reportId: null,
      period: null,
      date: r.updatedAt.toISOString().slice(0, 10),
      activities: 0,
    })),
  };
}

/** Submitted activities of a report still waiting for a decision (for accept-all). */
export async function pendingActivitiesOf(
  db: Db | Tx,
  tenantId: string,
  reportId: string,
): Promise<{ id: string; evidence: number }[]> {
  const rows = await db
    .select({
      id: activities.id,
      // Spelled out: in a query of one table drizzle leaves column names unqualified.
      evidence:
        sql<number>`(select count(*) from evidence_files e where e.activity_id = "activities"."id")`.mapWith(
          Number,
        ),
    })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenantId),
        eq(activities.reportId, reportId),
        eq(activities.verification, 'pending'),
      ),
    )
    .orderBy(asc(activities.createdAt), asc(activities.id));
  return rows;
}
