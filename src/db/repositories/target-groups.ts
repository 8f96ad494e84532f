import { and, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { activities, contracts, reports } from '../schema/index.ts';
import { isCurrentVersion } from './reports.ts';

/**
 * The months a candidate already counts in a target group (domain.md §11): the sum of the counted
 * months of its `targetGroupYear` activities over every half-year and contract of the supplier in
 * the tenant (current report versions; rejected activities left out). The domain applies the cap.
 */
export async function monthsCountedInGroup(
  db: Db | Tx,
  tenantId: string,
  supplierId: string,
  candidateCode: string,
  targetGroup: string,
): Promise<number> {
  const [row] = await db
    .select({ months: sql<string | null>`sum(${activities.countedMonths})` })
    .from(activities)
    .innerJoin(contracts, eq(contracts.id, activities.contractId))
    .innerJoin(reports, eq(reports.id, activities.reportId))
    .where(
      and(
        eq(activities.tenantId, tenantId),
        eq(contracts.supplierId, supplierId),
        eq(activities.candidateCode, candidateCode),
        eq(activities.targetGroup, targetGroup),
        eq(activities.method, 'targetGroupYear'),
        ne(activities.verification, 'rejected'),
        isCurrentVersion,
      ),
    );
  return Number(row?.months ?? 0);
}

/**
 * Serialises the cap of one candidate over all half-years (per tenant and supplier) until the
 * transaction ends, so two reports at once cannot both take the last months.
 */
export async function lockCandidateCap(
  tx: Tx,
  tenantId: string,
  supplierId: string,
  candidateCode: string,
): Promise<void> {
  const key = `candidate-cap:${tenantId}:${supplierId}:${candidateCode}`;
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`);
}
