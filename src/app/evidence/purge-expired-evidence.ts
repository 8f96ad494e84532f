import type { AppDeps } from '../deps.ts';
import { policyDefaults } from '../../domain/index.ts';
import { writeAudit } from '../../db/audit.ts';
import { deleteEvidenceRow, expiredEvidence, lockContent } from '../../db/repositories/evidence.ts';
import { cleanUpContent, evidenceStore, unlinkIfUnreferenced } from './evidence-store.ts';

/** The policy's default, for versions stored without `retentionYears`. */
export const defaultRetentionYears = policyDefaults.retentionYears;
/** Files younger than this are never swept as orphans: an upload may still be committing. */
const orphanGraceMs = 60 * 60 * 1000;

/**
 * Retention (domain.md §8): deletes evidence (row and bytes) of activities whose contract ended
 * more than the policy's `retentionYears` before `asOf`. One transaction and audit entry per file.
 * A system job: the scheduler calls it, no actor.
 */
export async function purgeExpiredEvidence(
  deps: AppDeps,
  asOf: string,
  scope: { onlyTenantId?: string } = {},
): Promise<{ purged: number }> {
  const store = evidenceStore(deps);
  let purged = 0;
  for (;;) {
    const batch = await expiredEvidence(deps.db, asOf, defaultRetentionYears, scope);
    if (batch.length === 0) break;
    for (const row of batch) {
      await deps.db.transaction(async (tx) => {
        await lockContent(tx, row.sha256);
        await deleteEvidenceRow(tx, row.tenantId, row.id);
        await writeAudit(tx, {
          tenantId: row.tenantId,
          actorUserId: null,
          actorLabel: 'scheduler',
          action: 'evidence.purge',
          objectType: 'evidenceFile',
          objectId: row.id,
          details: { activityId: row.activityId, sha256: row.sha256, reason: 'retention period ended', asOf },
        });
        await unlinkIfUnreferenced(tx, store, row.storageKey);
      });
      purged += 1;
    }
  }
  return { purged };
}

/**
 * Removes stored bytes no row refers to (left by a crash between writing the file and the commit)
 * and stale temp files. Only files older than an hour, so uploads in flight are never touched.
 * File ages are wall-clock times, so `now` is the real clock, not the application's.
 */
export async function sweepOrphanFiles(deps: AppDeps, now: Date = new Date()): Promise<{ removed: number }> {
  const store = evidenceStore(deps);
  const before = new Date(now.getTime() - orphanGraceMs);
  let removed = await store.sweepTemp(before);
  for await (const entry of store.list()) {
    if (entry.modifiedAt >= before) continue;
    if (await cleanUpContent(deps, store, entry.storageKey)) removed += 1;
  }
  return { removed };
}
