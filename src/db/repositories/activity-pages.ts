import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client.ts';
import { activities, reports } from '../schema/index.ts';
import type { ActivityRow } from './activities.ts';
import { isCurrentVersion } from './reports.ts';

/** Where the previous page ended: the sort key of its last row (created_at as the database's text). */
export interface ActivityPageKey {
  period: string;
  createdAt: string;
  id: string;
}

/** The ids of a contract's current report versions (of one half-year, or all). */
export async function currentReportIds(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  period?: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: reports.id })
    .from(reports)
    .where(
      and(
        eq(reports.tenantId, tenantId),
        eq(reports.contractId, contractId),
        isCurrentVersion,
        ...(period ? [eq(reports.period, period)] : []),
      ),
    );
  return rows.map((r) => r.id);
}

/**
 * One page of a contract's activities in those reports, in the order of `activitiesOfContract`
 * (half-year, recorded, id), after `after`: a range of the index `activities_contract_order`, so a
 * page costs the same however deep it is. `next` is where the following page starts (absent at the end).
 */
export async function activityPage(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  reportIds: readonly string[],
  options: { after?: ActivityPageKey | undefined; limit: number },
): Promise<{ rows: ActivityRow[]; next?: ActivityPageKey }> {
  if (reportIds.length === 0) return { rows: [] };
  const after = options.after;
  const rows = await db
    .select({ activity: activities, createdAtText: sql<string>`${activities.createdAt}::text` })
    .from(activities)
    .where(
      and(
        eq(activities.tenantId, tenantId),
        eq(activities.contractId, contractId),
        inArray(activities.reportId, [...reportIds]),
        ...(after
          ? [
              sql`(${activities.period}, ${activities.createdAt}, ${activities.id}) > (${after.period}, ${after.createdAt}::timestamptz, ${after.id}::uuid)`,
            ]
          : []),
      ),
    )
    .orderBy(asc(activities.period), asc(activities.createdAt), asc(activities.id))
    .limit(options.limit);
  const last = rows.at(-1);
  return {
    rows: rows.map((r) => r.activity),
    ...(last && rows.length === options.limit
      ? { next: { period: last.activity.period, createdAt: last.createdAtText, id: last.activity.id } }
      : {}),
  };
}

/**
 * The activities of a contract in the current report versions, page by page (for exports that must
 * not hold every row at once). The current reports are looked up once.
 */
export async function* activityPagesOfContract(
  db: Db | Tx,
  tenantId: string,
  contractId: string,
  options: { period?: string | undefined; pageSize?: number } = {},
): AsyncGenerator<ActivityRow[]> {
  const limit = options.pageSize ?? 5_000;
  const reportIds = await currentReportIds(db, tenantId, contractId, options.period);
  let after: ActivityPageKey | undefined;
  for (;;) {
    const page = await activityPage(db, tenantId, contractId, reportIds, { after, limit });
    if (page.rows.length > 0) yield page.rows;
    if (!page.next) return;
    after = page.next;
  }
}
