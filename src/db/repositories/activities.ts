import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { activities, contracts, reports } from '../schema/index.ts';
import { contractScopeConditions, type ContractScope } from './contracts.ts';
import { isUuid } from './evidence.ts';
import { isCurrentVersion } from './reports.ts';

export type ActivityRow = typeof activities.$inferSelect;
export type Verification = 'pending' | 'accepted' | 'rejected' | 'moreInfo';

export async function insertActivity(tx: Tx, values: typeof activities.$inferInsert): Promise<ActivityRow> {
  const [row] = await tx.insert(activities).values(values).returning();
  if (!row) throw new Error('activity not inserted');
  return row;
}

export async function activitiesOfReport(
  db: Db | Tx,
  tenantId: string,
  reportId: string,
): Promise<ActivityRow[]> {
  return db
    .select()
    .from(activities)
    .where(and(eq(activities.tenantId, tenantId), eq(activities.reportId, reportId)))
    .orderBy(asc(activities.createdAt), asc(activities.id));
}

/** Activities of a contract in the current version of each report, optionally of one half-year. */
export async function activitiesOfContract(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  options: { period?: string | undefined } = {},
): Promise<ActivityRow[]> {
  const rows = await db
    .select({ activity: activities })
    .from(activities)
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .where(
      and(
        eq(activities.tenantId, tenantId),
        eq(activities.contractId, contractId),
        isCurrentVersion,
        ...(options.period ? [eq(activities.period, options.period)] : []),
      ),
    )
    .orderBy(asc(activities.period), asc(activities.createdAt), asc(activities.id));
  return rows.map((r) => r.activity);
}

export interface ActivityInScope extends ActivityRow {
  reportStatus: string;
  reportVersion: number;
  supplierId: string;
}

/** One activity whose contract the scope may see, with its report's state. */
export async function activityInScope(
  db: Db | Tx,
  scope: ContractScope,
  activityId: string,
): Promise<ActivityInScope | undefined> {
  if (!isUuid(activityId)) return undefined;
  const [row] = await db
    .select({
      activity: activities,
      reportStatus: reports.status,
      reportVersion: reports.version,
      supplierId: contracts.supplierId,
    })
    .from(activities)
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .innerJoin(contracts, eq(contracts.id, activities.contractId))
    .where(
      and(
        eq(activities.id, activityId),
        eq(activities.tenantId, scope.tenantId),
        ...contractScopeConditions(scope),
      ),
    )
    .limit(1);
  return row
    ? {
        ...row.activity,
        reportStatus: row.reportStatus,
        reportVersion: row.reportVersion,
        supplierId: row.supplierId,
      }
    : undefined;
}

export async function setVerification(
  tx: Tx,
  tenantId: string,
  activityId: string,
  values: {
    verification: Verification;
    verificationReason: string | null;
    verifiedBy: string;
    verifiedAt: Date;
  },
): Promise<ActivityRow> {
  const [row] = await tx
    .update(activities)
    .set(values)
    .where(and(eq(activities.tenantId, tenantId), eq(activities.id, activityId)))
    .returning();
  if (!row) throw new Error('activity not updated');
  return row;
}

/**
 * The supplier's answer to "more info": stored with the activity, which waits for the advisor's
 * decision again (`pending`); the question stays in `verificationReason`.
 */
export async function setSupplierReply(
  tx: Tx,
  tenantId: string,
  activityId: string,
  answer: { reply: string; at: Date },
): Promise<ActivityRow> {
  const [row] = await tx
    .update(activities)
    .set({ supplierReply: answer.reply, repliedAt: answer.at, verification: 'pending' })
    .where(and(eq(activities.tenantId, tenantId), eq(activities.id, activityId)))
    .returning();
  if (!row) throw new Error('activity not updated');
  return row;
}

/** A new valuation of an activity (PSO after an extension): value, rule and explanation together. */
export async function setActivityValuation(
  tx: Tx,
  tenantId: string,
  activityId: string,
  v: { valueCents: number; ruleId: string; explanation: string; explanationNl: string },
): Promise<void> {
  await tx
    .update(activities)
    .set({
      valueCents: v.valueCents,
      ruleId: v.ruleId,
      explanation: v.explanation,
      explanationNl: v.explanationNl,
    })
    .where(and(eq(activities.tenantId, tenantId), eq(activities.id, activityId)));
}

/** Every activity of a report waits for the advisor's decision again (a changed correction). */
export async function resetVerification(tx: Tx, tenantId: string, reportId: string): Promise<void> {
  await tx
    .update(activities)
    .set({ verification: 'pending', verificationReason: null, verifiedBy: null, verifiedAt: null })
    .where(and(eq(activities.tenantId, tenantId), eq(activities.reportId, reportId)));
}

export async function deleteActivityRow(tx: Tx, tenantId: string, activityId: string): Promise<void> {
  await tx.delete(activities).where(and(eq(activities.tenantId, tenantId), eq(activities.id, activityId)));
}

/**
 * Serialises the no-double-counting check of one candidate (per tenant, supplier and half-year)
 * across app instances until the transaction ends.
 */
export async function lockCandidate(
  tx: Tx,
  tenantId: string,
  supplierId: string,
  candidateCode: string,
  period: string,
): Promise<void> {
  const key = `candidate:${tenantId}:${supplierId}:${candidateCode}:${period}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}

/**
 * What a candidate already counts for: FTE in a half-year over all contracts of the supplier in
 * the tenant (current report versions, rejected activities left out), and the target groups used.
 */
export async function candidateUsage(
  db: Db | Tx,
  tenantId: string,
  supplierId: string,
  candidateCode: string,
  period: string,
): Promise<{ fteInPeriod: number; targetGroups: string[] }> {
  const base = and(
    eq(activities.tenantId, tenantId),
    eq(contracts.supplierId, supplierId),
    eq(activities.candidateCode, candidateCode),
    ne(activities.verification, 'rejected'),
    isCurrentVersion,
  );
  const [sum] = await db
    .select({ fte: sql<string | null>`sum(${activities.fte})` })
    .from(activities)
    .innerJoin(contracts, eq(contracts.id, activities.contractId))
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .where(and(base, eq(activities.period, period)));
  const groups = await db
    .selectDistinct({ targetGroup: activities.targetGroup })
    .from(activities)
    .innerJoin(contracts, eq(contracts.id, activities.contractId))
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .where(base);
  return {
    fteInPeriod: Number(sum?.fte ?? 0),
    targetGroups: groups.map((g) => g.targetGroup).filter((g): g is string => g !== null),
  };
}

/** A stored activity as the domain's progress needs it. */
export interface ActivityValue {
  contractId: string;
  period: string;
  category: string;
  valueCents: number;
  verification: string;
}

/** Values of the current report versions of the given contracts (all of the tenant when omitted). */
export async function activityValues(
  db: Db | Tx,
  tenantId: string,
  contractIds?: readonly string[],
): Promise<ActivityValue[]> {
  if (contractIds && contractIds.length === 0) return [];
  return db
    .select({
      contractId: activities.contractId,
      period: activities.period,
      category: activities.category,
      valueCents: activities.valueCents,
      verification: activities.verification,
    })
    .from(activities)
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .where(
      and(
        eq(activities.tenantId, tenantId),
        isCurrentVersion,
        ...(contractIds ? [inArray(activities.contractId, [...contractIds])] : []),
      ),
    );
}

/** The activities of a report that an earlier file import made (decision 021). */
export async function importedActivityIds(tx: Tx, tenantId: string, reportId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: activities.id })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenantId),
        eq(activities.reportId, reportId),
        sql`${activities.importBatch} is not null`,
      ),
    );
  return rows.map((r) => r.id);
}

export async function deleteActivityRows(tx: Tx, tenantId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(activities).where(and(eq(activities.tenantId, tenantId), inArray(activities.id, [...ids])));
}
