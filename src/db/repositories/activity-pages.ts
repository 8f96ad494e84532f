import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { activities, reports } from '../schema/index.ts';
import type { ActivityRow } from './activities.ts';
import { isCurrentVersion } from './reports.ts';

/** Where the previous page ended: the sort key of its last row (created_at as the database's text). */
interface PageKey {
  period: string;
  createdAt: string;
  id: string;
}

/**
 * The activities of a contract in the current report versions, page by page in the order of
 * `activitiesOfContract` (half-year, recorded, id). The current reports are looked up once; each
 * page is then a range of the index `activities_contract_order`, read after the last row's key, so a
 * page costs the same however deep it is. For exports that must not hold every row at once.
 */
export async function* activityPagesOfContract(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  options: { period?: string | undefined; pageSize?: number } = {},
): AsyncGenerator<ActivityRow[]> {
  const pageSize = options.pageSize ?? 5_000;
  const current = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(reports.contractId, contractId),
        isCurrentVersion,
        ...(options.period ? [eq(reports.period, options.period)] : []),
      ),
    );
  if (current.length === 0) return;
  const reportIds = current.map((r) => r.id);
  let after: PageKey | undefined;
  for (;;) {
    const rows = await db
      .select({ activity: activities, createdAtText: sql<string>`${activities.createdAt}::text` })
      .from(activities)
      .where(
        and(
          eq(activities.tenantId, tenantId),
          eq(activities.contractId, contractId),
          inArray(activities.reportId, reportIds),
          ...(after
            ? [
                sql`(${activities.period}, ${activities.createdAt}, ${activities.id}) > (${after.period}, ${after.createdAt}::timestamptz, ${after.id}::uuid)`,
              ]
            : []),
        ),
      )
      .orderBy(asc(activities.period), asc(activities.createdAt), asc(activities.id))
      .limit(pageSize);
    if (rows.length > 0) yield rows.map((r) => r.activity);
    const last = rows.at(-1);
    if (!last || rows.length < pageSize) return;
    after = { period: last.activity.period, createdAt: last.createdAtText, id: last.activity.id };
  }
}
