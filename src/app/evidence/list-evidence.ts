import { DomainError } from '../../domain/errors.ts';
import {
  activityInScope,
  listEvidenceOfActivity,
  type EvidenceScope,
} from '../../db/repositories/evidence.ts';
import type { Actor } from '../actor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { presentEvidence, type EvidenceView } from './present.ts';

/**
 * Who may see evidence: it may hold personal data, so only the supplier, the advisors (domain.md §8)
 * and an independent verifier of the contract, who decides on it: not the municipality admin, not
 * contract managers.
 */
export const evidenceReaders = ['supplier', 'advisor', 'verifier'] as const;

/** The evidence an actor may reach: their tenant, narrowed for a supplier user and a verifier. */
export function evidenceScopeOf(actor: Actor): EvidenceScope {
  return {
    tenantId: tenantOf(actor),
    supplierId: actor.supplierId,
    verifierUserId: actor.role === 'verifier' ? actor.userId : null,
  };
}

export const listEvidence = defineUseCase<{ activityId: string }, EvidenceView[]>({
  name: 'evidence.list',
  access: evidenceReaders,
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const activity = await activityInScope(deps.db, evidenceScopeOf(actor), input.activityId);
    if (!activity) throw new DomainError('NOT_FOUND', 'No such activity.');
    return (await listEvidenceOfActivity(deps.db, tenantId, activity.activityId)).map(presentEvidence);
  },
});
