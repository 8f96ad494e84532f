import { DomainError } from '../../domain/errors.ts';
import type { Db } from '../../db/client.ts';
import {
  activitiesOfContract,
  activitiesOfReport,
  type ActivityRow,
} from '../../db/repositories/activities.ts';
import {
  activityPage,
  currentReportIds,
  type ActivityPageKey,
} from '../../db/repositories/activity-pages.ts';
import { evidenceCounts, isUuid } from '../../db/repositories/evidence.ts';
import { pledgesOfActivities } from '../../db/repositories/marketplace.ts';
import { requiresEvidence } from '../../domain/index.ts';
import { contractPolicy } from './contract-policy.ts';
import { reportInScope, reportsOfContract, type ReportRow } from '../../db/repositories/reports.ts';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentActivity, presentReport, type ActivityView, type ReportView } from './present.ts';
import { contractReaders, requireContract, scopeOf } from './scope.ts';

/** Reports with a flag for the newest version of each period. */
export function presentReports(rows: readonly ReportRow[]): ReportView[] {
  const newest = new Map<string, number>();
  for (const r of rows) newest.set(r.period, Math.max(newest.get(r.period) ?? 0, r.version));
  return rows.map((r) => presentReport(r, newest.get(r.period) ?? r.version));
}

/** Every report of a contract (all versions), by half-year. */
export const listReports = defineUseCase<{ contractId: string }, ReportView[]>({
  name: 'report.list',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const contract = await requireContract(deps.db, actor, input.contractId);
    return presentReports(await reportsOfContract(deps.db, tenantOf(actor), contract.id));
  },
});

export type ReportDetail = ReportView & {
  contract: { id: string; reference: string; title: string };
  totalCents: number;
  activities: (ActivityView & { evidenceCount: number; evidenceRequired: boolean })[];
};

/** One report with its activities and their valuations. */
export const getReport = defineUseCase<{ reportId: string }, ReportDetail>({
  name: 'report.get',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const report = await reportInScope(deps.db, scopeOf(actor), input.reportId);
    if (!report) throw new DomainError('NOT_FOUND', 'No such report.');
    const contract = await requireContract(deps.db, actor, report.contractId);
    const [all, activities, loaded] = await Promise.all([
      reportsOfContract(deps.db, tenantId, contract.id),
      activitiesOfReport(deps.db, tenantId, report.id),
      contractPolicy(deps.db, tenantId, contract.policyVersionId),
    ]);
    const view = presentReports(all).find((r) => r.id === report.id);
    if (!view) throw new Error('report vanished');
    const counts = await evidenceCounts(
      deps.db,
      tenantId,
      activities.map((a) => a.id),
    );
    // The evidence rules (decision 024) as the screens need them, to warn before submit and accept.
    const views = (await withPledges(deps.db, tenantId, activities)).map((a) => ({
      ...a,
      evidenceCount: counts.get(a.id) ?? 0,
      evidenceRequired: requiresEvidence(loaded.policy.activityTypes, a.typeCode),
    }));
    return {
      ...view,
      contract: { id: contract.id, reference: contract.reference, title: contract.title },
      totalCents: activities.reduce((s, a) => s + a.valueCents, 0),
      activities: views,
    };
  },
});

/**
 * Activities as the API shows them, each saying whether it came from a confirmed marketplace pledge
 * (it then counts as realised at once, before any report is submitted: the screen says so).
 */
async function withPledges(db: Db, tenantId: string, rows: readonly ActivityRow[]): Promise<ActivityView[]> {
  const pledged = new Map(
    (
      await pledgesOfActivities(
        db,
        tenantId,
        rows.map((r) => r.id),
      )
    ).map((p) => [p.activityId, p]),
  );
  return rows.map((r) => {
    const p = pledged.get(r.id);
    return { ...presentActivity(r), pledge: p ? { id: p.pledgeId, initiativeName: p.initiativeName } : null };
  });
}

const isPageKey = (v: unknown): v is ActivityPageKey => {
  const k = v as Partial<ActivityPageKey> | null;
  return (
    !!k &&
    typeof k.period === 'string' &&
    typeof k.createdAt === 'string' &&
    !Number.isNaN(Date.parse(k.createdAt)) &&
    typeof k.id === 'string' &&
    isUuid(k.id)
  );
};

/**
 * Activities of a contract in the current report versions, optionally of one half-year. Without
 * `limit` all of them (the report screens: one half-year); with `limit` (1–1000) a page in the same
 * order, and `nextCursor` where the next one starts (keyset: as fast on page 200 as on page 1).
 */
export const listActivities = defineUseCase<
  {
    contractId: string;
    period?: string | undefined;
    limit?: number | undefined;
    cursor?: string | undefined;
  },
  { items: ActivityView[]; nextCursor?: string }
>({
  name: 'activity.list',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const contract = await requireContract(deps.db, actor, input.contractId);
    const tenantId = tenantOf(actor);
    if (input.limit === undefined && input.cursor === undefined) {
      const rows = await activitiesOfContract(deps.db, tenantId, contract.id, { period: input.period });
      return { items: await withPledges(deps.db, tenantId, rows) };
    }
    const limit = pageLimit(input.limit, 100, 1_000);
    const after = decodeCursor(input.cursor, isPageKey);
    const reportIds = await currentReportIds(deps.db, tenantId, contract.id, input.period);
    const page = await activityPage(deps.db, tenantId, contract.id, reportIds, { after, limit });
    return {
      items: await withPledges(deps.db, tenantId, page.rows),
      ...(page.next ? { nextCursor: encodeCursor(page.next) } : {}),
    };
  },
});
