import type { ActivityType } from '../../lib/model.ts';
import type { PolicyInput } from '../../lib/policy-model.ts';

/** The settings compared between two versions, each shown as the UI shows it. */
export const comparedSettings = [
  'percentageBp',
  'planThresholdCents',
  'planThresholdByKind',
  'exemptBelowCents',
  'obligationCapCents',
  'reportDueDays',
  'behindToleranceBp',
  'categoryCapsBp',
] as const;
export type ComparedSetting = (typeof comparedSettings)[number];

export interface PolicyDiff {
  settings: { key: ComparedSetting; before: unknown; after: unknown }[];
  added: ActivityType[];
  removed: ActivityType[];
  changed: { before: ActivityType; after: ActivityType }[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What changed from one policy version to the next: settings, and activity types by code. */
export function policyDiff(before: PolicyInput, after: PolicyInput): PolicyDiff {
  const settings = comparedSettings
    .filter((key) => !same(before[key], after[key]))
    .map((key) => ({ key, before: before[key], after: after[key] }));
  const old = new Map(before.activityTypes.map((x) => [x.code, x]));
  const now = new Map(after.activityTypes.map((x) => [x.code, x]));
  return {
    settings,
    added: after.activityTypes.filter((x) => !old.has(x.code)),
    removed: before.activityTypes.filter((x) => !now.has(x.code)),
    changed: after.activityTypes.flatMap((x) => {
      const was = old.get(x.code);
      return was && !same(was, x) ? [{ before: was, after: x }] : [];
    }),
  };
}
