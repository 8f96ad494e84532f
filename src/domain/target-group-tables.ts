import { invalid } from './errors.ts';
import type { ActivityType, Policy } from './policy.ts';
import type { Bonus, TargetGroup } from './target-groups.ts';

/**
 * A published regional valuation table ("bouwblokken", domain.md §11) as data: rates per full-time
 * year on a 36-hour week, with its source and the date it was read. A municipality applies one to a
 * policy version and edits it there; nothing in the code depends on these numbers.
 */
export interface TargetGroupTable {
  name: string;
  region: string;
  fullTimeHoursPerWeek: number;
  minHoursPerWeek?: number | undefined;
  targetGroups: TargetGroup[];
  bonuses: Bonus[];
  source: { title: string; url: string; readOn: string; note: string };
}

const euros = (n: number) => n * 100;
const note =
  'Rates as domain.md §11 records them from the region’s own page; check the page before relying on them.';
/** The date the rates were taken from domain.md §11 into Retour. */
const readOn = '2026-12-02';

/**
 * The five tables of domain.md §11. Codes are shared across tables so a supplier's candidate keeps
 * the same code wherever it works: `pw-lt2`, `pw-gt2`, `register`, `wajong`, `wia-wao`, `ww-lt1`,
 * `ww-gt1`, `nug`, `bbl`, `bol`; bonuses `age-50`, `age-55`, `permanent`.
 */
export const targetGroupTables = {
  utrecht: {
    name: 'Utrecht (bouwblokken)',
    region: 'Gemeente Utrecht',
    fullTimeHoursPerWeek: 36,
    targetGroups: [
      { code: 'pw-lt2', name: 'Participatiewet < 2 jaar', rateCents: euros(40_000) },
      { code: 'pw-gt2', name: 'Participatiewet > 2 jaar', rateCents: euros(40_000) },
      { code: 'register', name: 'Doelgroepregister / banenafspraak (ook Wajong)', rateCents: euros(50_000) },
      { code: 'wia-wao', name: 'WIA/WAO', rateCents: euros(40_000) },
      { code: 'ww-lt1', name: 'WW < 1 jaar', rateCents: euros(20_000) },
      { code: 'ww-gt1', name: 'WW > 1 jaar', rateCents: euros(20_000) },
      { code: 'nug', name: 'Zonder uitkering (NUG)', rateCents: euros(10_000) },
      { code: 'bbl', name: 'BBL', rateCents: euros(35_000) },
      { code: 'bol', name: 'BOL-stage', rateCents: euros(20_000) },
    ],
    bonuses: [
      { code: 'age-50', name: '50+', rateCents: euros(10_000) },
      { code: 'permanent', name: 'Vast contract', rateCents: euros(10_000) },
    ],
    source: {
      title: 'Gemeente Utrecht, social return berekenen (bouwblokken)',
      url: 'https://www.utrecht.nl',
      readOn,
      note,
    },
  },
  'oost-nl': {
    name: 'Oost-Nederland (Impact Oost, V05 2023)',
    region: 'Impact Oost',
    fullTimeHoursPerWeek: 36,
    targetGroups: [
      { code: 'pw-lt2', name: 'Participatiewet < 2 jaar', rateCents: euros(30_000), maxMonths: 24 },
      { code: 'pw-gt2', name: 'Participatiewet > 2 jaar', rateCents: euros(40_000), maxMonths: 24 },
      { code: 'register', name: 'Doelgroepregister / banenafspraak', rateCents: euros(40_000) },
      { code: 'wajong', name: 'Wajong', rateCents: euros(40_000) },
      { code: 'wia-wao', name: 'WIA/WAO', rateCents: euros(40_000) },
      { code: 'ww-lt1', name: 'WW < 1 jaar', rateCents: euros(10_000), maxMonths: 12 },
      { code: 'ww-gt1', name: 'WW > 1 jaar', rateCents: euros(15_000), maxMonths: 12 },
      { code: 'nug', name: 'Zonder uitkering (NUG)', rateCents: euros(10_000), maxMonths: 12 },
      { code: 'bbl', name: 'BBL (per leerjaar)', rateCents: euros(20_000) },
    ],
    bonuses: [],
    source: {
      title: 'Impact Oost, bouwblokken V05 (2023)',
      url: 'https://www.impactoost.nl/bouwblokken',
      readOn,
      note,
    },
  },
  'holland-rijnland': {
    name: 'Holland Rijnland / Leiden (vanaf 2023-09-01)',
    region: 'Holland Rijnland',
    fullTimeHoursPerWeek: 36,
    targetGroups: [
      { code: 'pw-lt2', name: 'Participatiewet < 2 jaar', rateCents: euros(30_000) },
      { code: 'pw-gt2', name: 'Participatiewet > 2 jaar', rateCents: euros(30_000) },
      { code: 'register', name: 'Doelgroepregister / banenafspraak', rateCents: euros(50_000) },
      { code: 'wajong', name: 'Wajong', rateCents: euros(25_000) },
      { code: 'wia-wao', name: 'WIA/WAO', rateCents: euros(40_000) },
      { code: 'ww-lt1', name: 'WW < 1 jaar', rateCents: euros(15_000) },
      { code: 'ww-gt1', name: 'WW > 1 jaar', rateCents: euros(15_000) },
      { code: 'nug', name: 'Zonder uitkering (NUG)', rateCents: euros(5_000) },
      { code: 'bbl', name: 'BBL', rateCents: euros(25_000) },
      { code: 'bol', name: 'BOL-stage', rateCents: euros(10_000) },
    ],
    bonuses: [{ code: 'age-55', name: '55+', rateCents: euros(15_000) }],
    source: {
      title: 'DZB / Holland Rijnland, bouwblokkenmethode (vanaf 2023-09-01)',
      url: 'https://www.dzb.nl/bouwblokkenmethode',
      readOn,
      note,
    },
  },
  harlingen: {
    name: 'Harlingen',
    region: 'Gemeente Harlingen',
    fullTimeHoursPerWeek: 36,
    targetGroups: [
      { code: 'pw-lt2', name: 'Participatiewet < 2 jaar', rateCents: euros(35_000) },
      { code: 'pw-gt2', name: 'Participatiewet > 2 jaar', rateCents: euros(40_000) },
      { code: 'register', name: 'Doelgroepregister / banenafspraak', rateCents: euros(40_000) },
      { code: 'wajong', name: 'Wajong', rateCents: euros(40_000) },
      { code: 'wia-wao', name: 'WIA/WAO', rateCents: euros(35_000) },
      { code: 'ww-lt1', name: 'WW < 1 jaar', rateCents: euros(15_000) },
      { code: 'ww-gt1', name: 'WW > 1 jaar', rateCents: euros(20_000) },
      { code: 'bbl', name: 'BBL', rateCents: euros(15_000) },
      { code: 'bol', name: 'BOL-stage', rateCents: euros(5_000) },
    ],
    bonuses: [
      { code: 'age-50', name: '50+', rateCents: euros(5_000) },
      { code: 'age-55', name: '55+', rateCents: 750_000 },
    ],
    source: {
      title: 'Gemeente Harlingen, vormen van invulling social return',
      url: 'https://www.harlingen.nl',
      readOn,
      note,
    },
  },
  hilversum: {
    name: 'Hilversum',
    region: 'Gemeente Hilversum',
    fullTimeHoursPerWeek: 36,
    targetGroups: [
      { code: 'pw-lt2', name: 'Participatiewet < 2 jaar', rateCents: euros(30_000) },
      { code: 'pw-gt2', name: 'Participatiewet > 2 jaar', rateCents: euros(40_000) },
      { code: 'wajong', name: 'Wajong', rateCents: euros(35_000) },
      { code: 'wia-wao', name: 'WIA/WAO', rateCents: euros(30_000) },
      { code: 'ww-lt1', name: 'WW < 1 jaar', rateCents: euros(10_000) },
      { code: 'ww-gt1', name: 'WW > 1 jaar', rateCents: euros(15_000) },
      { code: 'bbl', name: 'BBL', rateCents: euros(10_000) },
      { code: 'bol', name: 'BOL-stage', rateCents: euros(5_000) },
    ],
    bonuses: [{ code: 'age-55', name: '55+', rateCents: euros(5_000) }],
    source: {
      title: 'Gemeente Hilversum, Social Return On Investment',
      url: 'https://www.hilversum.nl',
      readOn,
      note,
    },
  },
} satisfies Record<string, TargetGroupTable>;

export type TargetGroupTableName = keyof typeof targetGroupTables;
export const targetGroupTableNames = Object.keys(targetGroupTables) as TargetGroupTableName[];

/**
 * The activity types that value people by target group: a job (employment) and a learning or
 * work-experience place (participation: BBL, BOL, werkervaringsplek). Added when a table is applied,
 * next to the types a policy already has.
 */
export const targetGroupActivityTypes: readonly ActivityType[] = [
  {
    code: 'tg-job',
    name: 'Baan voor een kandidaat uit een doelgroep (bouwblok)',
    category: 'employment',
    method: 'targetGroupYear',
    unit: 'full-time year',
  },
  {
    code: 'tg-learning-place',
    name: 'Leerwerkplek, BBL/BOL of werkervaringsplek voor een kandidaat uit een doelgroep (bouwblok)',
    category: 'participation',
    method: 'targetGroupYear',
    unit: 'full-time year',
  },
];

/**
 * A policy with a regional table applied: its target groups, bonuses, working week and source
 * replace the policy's own; the `targetGroupYear` activity types are added when missing; every other
 * setting and activity type stays as it was (so old contracts keep their meaning).
 * @example applyTargetGroupTable(getPreset('amsterdam'), 'utrecht').targetGroups?.[0]?.rateCents // 4_000_000
 */
export function applyTargetGroupTable<P extends Pick<Policy, 'activityTypes'>>(
  policy: P,
  name: string,
): P & Required<Pick<Policy, 'fullTimeHoursPerWeek' | 'targetGroups' | 'bonuses' | 'targetGroupSource'>> {
  if (!Object.hasOwn(targetGroupTables, name))
    throw invalid(`unknown target-group table "${name}"`, [
      { name: 'table', reason: `must be one of ${targetGroupTableNames.join(', ')}` },
    ]);
  const t: TargetGroupTable = targetGroupTables[name as TargetGroupTableName];
  const codes = new Set(policy.activityTypes.map((a) => a.code));
  const out = {
    ...structuredClone(policy),
    fullTimeHoursPerWeek: t.fullTimeHoursPerWeek,
    targetGroups: structuredClone(t.targetGroups),
    bonuses: structuredClone(t.bonuses),
    targetGroupSource: { title: t.source.title, url: t.source.url, readOn: t.source.readOn },
  };
  out.activityTypes = [
    ...out.activityTypes,
    ...targetGroupActivityTypes.filter((a) => !codes.has(a.code)).map((a) => ({ ...a })),
  ];
  return out;
}
