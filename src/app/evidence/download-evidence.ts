import { DomainError } from '../../domain/errors.ts';
import { evidenceInScope } from '../../db/repositories/evidence.ts';
import { defineUseCase } from '../use-case.ts';
import { evidenceStore } from './evidence-store.ts';
import { evidenceReaders, evidenceScopeOf } from './list-evidence.ts';
import { presentEvidence, type EvidenceView } from './present.ts';

export interface EvidenceDownload {
  evidence: EvidenceView;
  body: ReadableStream<Uint8Array>;
}

/** The bytes of one evidence file, only for those who may see its activity. */
export const downloadEvidence = defineUseCase<{ evidenceId: string }, EvidenceDownload>({
  name: 'evidence.download',
  access: evidenceReaders,
  async run({ deps, actor }, input) {
    const row = await evidenceInScope(deps.db, evidenceScopeOf(actor), input.evidenceId);
    if (!row) throw new DomainError('NOT_FOUND', 'No such evidence file.');
    try {
      return { evidence: presentEvidence(row), body: await evidenceStore(deps).read(row.storageKey) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new DomainError('NOT_FOUND', 'The file of this evidence is no longer stored.');
      }
      throw error;
    }
  },
});
