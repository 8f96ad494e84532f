import type { Tx } from '../../db/client.ts';
import { writeAudits } from '../../db/audit.ts';
import { contractsAwaitingReports } from '../../db/repositories/report-deadlines.ts';
import { insertReports } from '../../db/repositories/reports.ts';
import { contractPolicy } from './contract-policy.ts';
import { missingReports } from './create-contract.ts';

/**
 * One batch of the deadline job's first step (decision 035): the reports of the half-years that have
 * begun by `asOf` and have none yet, for at most `limit` contracts after `afterId`, planned with the
 * same {@link missingReports} as an award, with one audit entry per report opened. Returns the
 * reports opened, the last contract looked at (the next batch starts after it) and whether the batch
 * was full (more may wait).
 */
export async function openBegunReportsBatch(
  tx: Tx,
  asOf: string,
  limit: number,
  afterId: string | null,
  onlyTenantId?: string,
): Promise<{ opened: number; lastId: string | null; full: boolean }> {
  const contracts = await contractsAwaitingReports(tx, asOf, limit, afterId, onlyTenantId);
  const rows: { tenantId: string; contractId: string; period: string; dueDate: string }[] = [];
  for (const c of contracts) {
    const loaded = await contractPolicy(tx, c.tenantId, c.policyVersionId);
    for (const report of missingReports({ ...c, existing: new Set(c.periods), loaded, today: asOf }))
      rows.push({ tenantId: c.tenantId, contractId: c.id, ...report });
  }
  const inserted = await insertReports(tx, rows);
  await writeAudits(
    tx,
    inserted.map((r) => ({
      tenantId: r.tenantId,
      actorUserId: null,
      actorLabel: 'scheduler',
      action: 'report.open',
      objectType: 'report',
      objectId: r.id,
      details: { contractId: r.contractId, period: r.period, dueDate: r.dueDate, asOf },
    })),
  );
  return {
    opened: inserted.length,
    lastId: contracts.at(-1)?.id ?? null,
    full: contracts.length === limit,
  };
}
