import type { Tx } from '../../db/client.ts';
import { deleteEvidenceRow, listEvidenceOfActivity, lockContent } from '../../db/repositories/evidence.ts';
import type { AppDeps } from '../deps.ts';
import { evidenceStore, unlinkIfUnreferenced } from './evidence-store.ts';

/**
 * For use cases that delete an activity (in their own transaction, with their own audit entry):
 * removes its evidence rows, and the bytes nothing else refers to, before the activity row goes
 * (evidence_files references activities). Returns the removed file ids for the audit details.
 */
export async function removeEvidenceOfActivity(
  tx: Tx,
  deps: AppDeps,
  tenantId: string,
  activityId: string,
): Promise<string[]> {
  const store = evidenceStore(deps);
  const rows = await listEvidenceOfActivity(tx, tenantId, activityId);
  for (const row of rows) {
    await lockContent(tx, row.sha256);
    await deleteEvidenceRow(tx, tenantId, row.id);
  }
  for (const row of rows) await unlinkIfUnreferenced(tx, store, row.storageKey);
  return rows.map((row) => row.id);
}
