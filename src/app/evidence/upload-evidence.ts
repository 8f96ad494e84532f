import { DomainError, invalid } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { activityInScope, insertEvidence, lockContent } from '../../db/repositories/evidence.ts';
import { detectEvidenceType } from '../../files/detect-type.ts';
import { sha256Hex, storageKeyOf } from '../../files/file-store.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { cleanUpContent, defaultMaxUploadBytes, evidenceStore } from './evidence-store.ts';
import { presentEvidence, type EvidenceView } from './present.ts';

export interface UploadEvidenceInput {
  activityId: string;
  filename: string;
  bytes: Uint8Array;
}

/** Report states in which the supplier may still add evidence. */
const openStates = new Set(['open', 'overdue']);

/** A name safe to keep and to send back in Content-Disposition: no path, no control characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const printable = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch !== '\u007f' && ch !== '"')
    .join('');
  return printable.trim().slice(0, 200);
}

/**
 * Stores an evidence file for an activity: size and type checked by content, bytes in the file
 * store, the row and an audit entry in one transaction. If the transaction fails the bytes are
 * removed again unless another row already refers to the same content.
 */
export const uploadEvidence = defineUseCase<UploadEvidenceInput, EvidenceView>({
  name: 'evidence.upload',
  access: ['supplier', 'advisor'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const limit = deps.config.maxUploadBytes ?? defaultMaxUploadBytes;
    if (input.bytes.byteLength > limit) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `The file is larger than ${limit} bytes.`);
    }
    const filename = cleanFilename(input.filename);
    if (!filename) throw invalid('The file needs a name.', [{ name: 'file', reason: 'has no file name' }]);
    if (input.bytes.byteLength === 0)
      throw invalid('The file is empty.', [{ name: 'file', reason: 'is empty' }]);
    const type = await detectEvidenceType(input.bytes, filename);
    if (!type.ok)
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Not accepted as evidence: ${type.reason}.`);

    const store = evidenceStore(deps);
    const sha256 = sha256Hex(input.bytes);
    let wrote = false;
    try {
      const row = await deps.db.transaction(async (tx) => {
        const activity = await activityInScope(
          tx,
          { tenantId, supplierId: actor.supplierId },
          input.activityId,
        );
        if (!activity) throw new DomainError('NOT_FOUND', 'No such activity.');
        if (!openStates.has(activity.reportStatus) && activity.verification !== 'moreInfo') {
          throw new DomainError(
            'INVALID_STATE',
            `The report is ${activity.reportStatus}; evidence can no longer be added.`,
          );
        }
        await lockContent(tx, sha256);
        const stored = await evidenceStore(deps).put(input.bytes);
        wrote = true;
        const inserted = await insertEvidence(tx, {
          tenantId,
          activityId: activity.activityId,
          filename,
          mediaType: type.mediaType,
          sizeBytes: stored.sizeBytes,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedBy: actor.userId,
        });
        await writeAudit(tx, {
          tenantId,
          actorUserId: actor.userId,
          actorLabel: actor.email,
          action: 'evidence.upload',
          objectType: 'evidenceFile',
          objectId: inserted.id,
          details: {
            activityId: activity.activityId,
            filename,
            mediaType: type.mediaType,
            sizeBytes: stored.sizeBytes,
            sha256,
          },
          ip: actor.ip,
        });
        return inserted;
      });
      return presentEvidence(row);
    } catch (error) {
      if (wrote) await cleanUpContent(deps, store, storageKeyOf(sha256)).catch(() => undefined);
      throw error;
    }
  },
});
