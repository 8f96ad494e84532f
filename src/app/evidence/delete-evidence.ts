import { DomainError } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { deleteEvidenceRow, evidenceInScope, lockContent } from '../../db/repositories/evidence.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { evidenceStore, unlinkIfUnreferenced } from './evidence-store.ts';

/** Removes an evidence file while its report is still open; the bytes go when nothing refers to them. */
export const deleteEvidence = defineUseCase<{ evidenceId: string }, void>({
  name: 'evidence.delete',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    await deps.db.transaction(async (tx) => {
      const row = await evidenceInScope(tx, { tenantId, supplierId: actor.supplierId }, input.evidenceId);
      if (!row) throw new DomainError('NOT_FOUND', 'No such evidence file.');
      if (row.reportStatus !== 'open' && row.reportStatus !== 'overdue') {
        throw new DomainError(
          'INVALID_STATE',
          `The report is ${row.reportStatus}; its evidence can no longer be removed.`,
        );
      }
      await lockContent(tx, row.sha256);
      await deleteEvidenceRow(tx, tenantId, row.id);
      await writeAudit(tx, {
        tenantId,
        actorUserId: actor.userId,
        actorLabel: actor.email,
        action: 'evidence.delete',
        objectType: 'evidenceFile',
        objectId: row.id,
        details: { activityId: row.activityId, filename: row.filename, sha256: row.sha256 },
        ip: actor.ip,
      });
      await unlinkIfUnreferenced(tx, evidenceStore(deps), row.storageKey);
    });
  },
});
