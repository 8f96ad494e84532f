import type { ActivityType } from './policy.ts';

/**
 * Evidence rules (decision 024). A policy version may say per activity type that evidence is
 * required (`evidenceRequired: true`). Without evidence, an activity of such a type cannot be
 * submitted or accepted; any other activity without evidence is let through with a warning, so the
 * supplier and the advisor both see it before they act.
 */
export interface EvidenceSubject {
  id: string;
  typeCode: string;
  /** Evidence files on the activity. */
  evidenceCount: number;
  /**
   * A confirmed marketplace pledge: the initiative confirmed the delivery, which is the proof
   * (there is no file to upload for it).
   */
  confirmedPledge?: boolean | undefined;
}

export interface EvidenceFinding {
  activityId: string;
  typeCode: string;
  /** `required`: refused; `missing`: allowed, with a warning. */
  level: 'required' | 'missing';
}

/** Whether a policy's activity type requires evidence (an unknown type does not). */
export function requiresEvidence(
  types: readonly Pick<ActivityType, 'code' | 'evidenceRequired'>[],
  code: string,
) {
  return types.find((t) => t.code === code)?.evidenceRequired === true;
}

/**
 * The activities without evidence, each marked `required` (refuse) or `missing` (warn), in the
 * order given.
 * @example evidenceFindings([{ id: 'a', typeCode: 'internship', evidenceCount: 0 }], types) // [{ activityId: 'a', typeCode: 'internship', level: 'missing' }]
 */
export function evidenceFindings(
  activities: readonly EvidenceSubject[],
  types: readonly Pick<ActivityType, 'code' | 'evidenceRequired'>[],
): EvidenceFinding[] {
  const out: EvidenceFinding[] = [];
  for (const a of activities) {
    if (a.evidenceCount > 0 || a.confirmedPledge) continue;
    out.push({
      activityId: a.id,
      typeCode: a.typeCode,
      level: requiresEvidence(types, a.typeCode) ? 'required' : 'missing',
    });
  }
  return out;
}

/** The findings split into what refuses the action and what only warns. */
export function splitFindings(findings: readonly EvidenceFinding[]) {
  return {
    refused: findings.filter((f) => f.level === 'required'),
    warnings: findings.filter((f) => f.level === 'missing'),
  };
}
