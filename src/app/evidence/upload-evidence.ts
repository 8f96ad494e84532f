import { DomainError, invalid } from '../../domain/errors.ts';
import { writeAudit } from '../../db/audit.ts';
import { activityInScope, insertEvidence, lockContent } from '../../db/repositories/evidence.ts';
import { detectEvidenceType, nameForType } from '../../files/detect-type.ts';
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

/**
 * Characters dropped from file names: C0 and C1 controls, DEL, the double quote, bidirectional
 * embeddings, overrides, isolates and marks (`cv\u202efdp.exe` shows as "cvexe.pdf"), zero-width
 * characters and lone surrogates.
 */
const droppedFromNames =
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  /[\u0000-\u001f\u007f-\u009f"\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A name safe to keep and to send back in Content-Disposition: no path, no control or bidi characters. */
export function cleanFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return base.normalize('NFC').replace(droppedFromNames, '').trim().slice(0, 200);
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
    const cleaned = cleanFilename(input.filename);
    if (!cleaned) throw invalid('The file needs a name.', [{ name: 'file', reason: 'has no file name' }]);
    if (input.bytes.byteLength === 0)
      throw invalid('The file is empty.', [{ name: 'file', reason: 'is empty' }]);
    const type = await detectEvidenceType(input.bytes, cleaned);
    if (!type.ok)
      throw new DomainError('UNSUPPORTED_MEDIA_TYPE', `Not accepted as evidence: ${type.reason}.`);
    const filename = nameForType(cleaned, type.ext);

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
