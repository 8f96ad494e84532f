import { DomainError } from '../../domain/errors.ts';
import { evidenceFindings, splitFindings, type EvidenceFinding, type Policy } from '../../domain/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import { evidenceCounts } from '../../db/repositories/evidence.ts';
import { pledgesOfActivities } from '../../db/repositories/marketplace.ts';

/** What the evidence rules need of an activity row. */
export interface CheckedActivity {
  id: string;
  typeCode: string;
}

/**
 * The evidence findings (decision 024) for activities of one contract, judged by the contract's
 * policy version: evidence files counted, confirmed marketplace pledges counted as proof.
 */
export async function findEvidenceGaps(
  db: Db | Tx,
  tenantId: string,
  policy: Pick<Policy, 'activityTypes'>,
  activities: readonly CheckedActivity[],
): Promise<EvidenceFinding[]> {
  const ids = activities.map((a) => a.id);
  const [counts, pledged] = await Promise.all([
    evidenceCounts(db, tenantId, ids),
    pledgesOfActivities(db, tenantId, ids),
  ]);
  const confirmed = new Set(pledged.map((p) => p.activityId));
  return evidenceFindings(
    activities.map((a) => ({
      id: a.id,
      typeCode: a.typeCode,
      evidenceCount: counts.get(a.id) ?? 0,
      confirmedPledge: confirmed.has(a.id),
    })),
    policy.activityTypes,
  );
}

/**
 * Refuses (409, naming each activity) when an activity of a type that requires evidence has none;
 * returns the warnings (activities without evidence that may go ahead).
 */
export function refuseRequiredGaps(findings: readonly EvidenceFinding[], action: 'submitted' | 'accepted') {
  const { refused, warnings } = splitFindings(findings);
  if (refused.length > 0)
    throw new DomainError(
      'INVALID_STATE',
      action === 'submitted'
        ? `${refused.length} of the activities have no evidence, and the policy requires it for their type; add evidence or remove them before submitting.`
        : 'This activity has no evidence, and the policy requires it for its type; ask for more information or reject it.',
      refused.map((f) => ({
        name: `activities.${f.activityId}`,
        reason: `has no evidence, which the policy requires for ${f.typeCode}`,
      })),
    );
  return warnings.map((f) => ({ activityId: f.activityId, typeCode: f.typeCode }));
}
