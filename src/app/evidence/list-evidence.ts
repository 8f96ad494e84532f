import { DomainError } from '../../domain/errors.ts';
import { activityInScope, listEvidenceOfActivity } from '../../db/repositories/evidence.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentEvidence, type EvidenceView } from './present.ts';

/**
 * Who may see evidence: it may hold personal data, so only the supplier and the advisors
 * (domain.md §8): not the municipality admin, not contract managers.
 */
export const evidenceReaders = ['supplier', 'advisor'] as const;

export const listEvidence = defineUseCase<{ activityId: string }, EvidenceView[]>({
  name: 'evidence.list',
  access: evidenceReaders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const activity = await activityInScope(
      deps.db,
      { tenantId, supplierId: actor.supplierId },
      input.activityId,
    );
    if (!activity) throw new DomainError('NOT_FOUND', 'No such activity.');
    return (await listEvidenceOfActivity(deps.db, tenantId, activity.activityId)).map(presentEvidence);
  },
});
