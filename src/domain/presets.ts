import { invalid } from './errors.ts';
import type { ActivityType, Policy } from './policy.ts';
import { validatePolicy } from './policy-validation.ts';

/**
 * Retour's own starting catalogue (domain.md §6): not yet checked against a published municipal
 * table. A municipality edits its own copy.
 */
export const defaultCatalogue: readonly ActivityType[] = [
  {
    code: 'job-benefits',
    name: 'Baan voor iemand met een uitkering (Participatiewet, WW, Wajong)',
    category: 'employment',
    method: 'fteYear',
    rateCents: 3_500_000,
    unit: 'FTE-year',
  },
  {
    code: 'job-jobagreement',
    name: 'Baan in de banenafspraak (indicatie)',
    category: 'employment',
    method: 'fteYear',
    rateCents: 3_500_000,
    unit: 'FTE-year',
  },
  {
    code: 'bbl-place',
    name: 'BBL-plaats niveau 1–2',
    category: 'participation',
    method: 'fteYear',
    rateCents: 1_000_000,
    unit: 'FTE-year',
  },
  {
    code: 'internship',
    name: 'Stage (BOL) van ten minste 3 maanden',
    category: 'participation',
    method: 'unit',
    rateCents: 250_000,
    unit: 'internship',
  },
  {
    code: 'work-experience',
    name: 'Werkervaringsplek',
    category: 'participation',
    method: 'fteYear',
    rateCents: 1_000_000,
    unit: 'FTE-year',
  },
  {
    code: 'training',
    name: 'Opleiding voor de doelgroep',
    category: 'participation',
    method: 'money',
    shareBp: 10_000,
    unit: 'euro spent',
  },
  {
    code: 'sw-purchase',
    name: 'Inkoop bij een SW-bedrijf',
    category: 'participation',
    method: 'spendShare',
    shareBp: 3_000,
    unit: 'euro spent',
  },
  {
    code: 'social-firm-purchase',
    name: 'Inkoop bij een sociale onderneming',
    category: 'participation',
    method: 'spendShare',
    shareBp: 3_000,
    unit: 'euro spent',
  },
  {
    code: 'initiative-hours',
    name: 'Uren voor een goedgekeurd maatschappelijk initiatief',
    category: 'socialDomain',
    method: 'hour',
    rateCents: 6_000,
    unit: 'hour',
  },
  {
    code: 'initiative-money',
    name: 'Geld voor een goedgekeurd maatschappelijk initiatief',
    category: 'socialDomain',
    method: 'money',
    shareBp: 10_000,
    unit: 'euro given',
  },
  {
    code: 'initiative-goods',
    name: 'Goederen voor een goedgekeurd maatschappelijk initiatief',
    category: 'socialDomain',
    method: 'money',
    shareBp: 10_000,
    unit: 'euro of goods',
  },
  {
    code: 'pso-1',
    name: 'PSO-certificaat trede 1',
    category: 'socialEnterprise',
    method: 'obligationShare',
    shareBp: 5_000,
  },
  {
    code: 'pso-2',
    name: 'PSO-certificaat trede 2',
    category: 'socialEnterprise',
    method: 'obligationShare',
    shareBp: 10_000,
  },
  {
    code: 'pso-3',
    name: 'PSO-certificaat trede 3',
    category: 'socialEnterprise',
    method: 'obligationShare',
    shareBp: 10_000,
  },
  {
    code: 'pso-30plus',
    name: 'PSO 30+',
    category: 'socialEnterprise',
    method: 'obligationShare',
    shareBp: 10_000,
  },
  {
    code: 'sr-in-own-procurement',
    name: 'Social return in de eigen inkoop',
    category: 'socialEnterprise',
    method: 'spendShare',
    shareBp: 200,
    unit: 'euro spent',
  },
];

/** A preset as written: the settings it names; the rest take the defaults of §3 when validated. */
type PresetInput = Omit<Partial<Policy>, 'activityTypes'> &
  Pick<Policy, 'validFrom' | 'percentageBp' | 'planThresholdCents' | 'source'>;

/*
 * Real policies of domain.md §10, each with its source. `validFrom` is the year the source names
 * where it names one, else 2020-01-01 (the date the preset takes effect for a new tenant, not a
 * claim about the municipality's own history). Every preset carries the default catalogue: the
 * regional valuation tables ("bouwblokken") are loaded as catalogue data per municipality.
 */
const presetInputs = {
  amsterdam: {
    validFrom: '2020-01-01',
    percentageBp: 200,
    base: 'totalValue',
    planThresholdCents: 20_000_000,
    intake: 'summer',
    planDue: 'autumn',
    reporting: 'halfYearly',
    reportDueDays: 31,
    source: {
      title: 'Gemeente Amsterdam, "Informatieblad social return"; amsterdam.nl, social return',
      url: 'https://www.amsterdam.nl',
    },
  },
  rijk: {
    validFrom: '2014-01-01',
    percentageBp: 500,
    base: 'labourCost', // worded as a share of the wage sum
    // "above €250,000": from €250,000.01, and only for contracts of at least 6 months
    exemptBelowCents: 25_000_001,
    planThresholdCents: 25_000_001,
    minTermMonths: 6,
    source: {
      title: 'Rijksoverheid, social return (2014): rijksinkoopsamenwerking.nl; PIANOo',
      url: 'https://www.pianoo.nl',
    },
  },
  'den-haag': {
    validFrom: '2023-01-01',
    percentageBp: 500,
    exemptBelowCents: 21_500_000,
    planThresholdCents: 21_500_000,
    source: {
      title: 'Gemeente Den Haag, "Regeling social return Den Haag" (2023)',
      url: 'https://www.denhaag.nl',
    },
  },
  rotterdam: {
    validFrom: '2019-01-01',
    percentageBp: 500,
    exemptBelowCents: 5_000_000,
    planThresholdCents: 20_000_000, // open in the source: default of §3
    source: { title: 'WSP Rijnmond, social return; rijnmond.nl (2019)', url: 'https://www.wsprijnmond.nl' },
  },
  schiedam: {
    validFrom: '2020-01-01',
    percentageBp: 500,
    planThresholdCents: 12_500_000,
    planThresholdByKind: { works: 22_500_000, servicesAndSupplies: 12_500_000 },
    reporting: 'atCompletion',
    source: { title: 'Gemeente Schiedam, social return', url: 'https://www.schiedam.nl' },
  },
  'sudwest-fryslan': {
    validFrom: '2020-01-01',
    percentageBp: 200,
    planThresholdCents: 20_000_000, // open in the source: default of §3
    obligationCapCents: 30_000_000,
    source: { title: 'Gemeente Súdwest-Fryslân, info social return', url: 'https://www.sudwestfryslan.nl' },
  },
} satisfies Record<string, PresetInput>;

export type PresetName = keyof typeof presetInputs;
export const presetNames = Object.keys(presetInputs) as PresetName[];

function build(name: string, p: PresetInput): Policy {
  const checked = validatePolicy({ ...p, activityTypes: defaultCatalogue.map((t) => ({ ...t })) });
  if (!checked.ok) throw new Error(`preset ${name} is invalid: ${JSON.stringify(checked.issues)}`);
  return checked.policy;
}

/** Every preset as a validated policy, defaults of §3 filled in. */
export const presets: Readonly<Record<PresetName, Policy>> = Object.fromEntries(
  presetNames.map((n) => [n, build(n, presetInputs[n])]),
) as Record<PresetName, Policy>;

/**
 * A fresh copy of a preset (safe to edit).
 * @example getPreset('amsterdam').percentageBp // 200
 */
export function getPreset(name: string): Policy {
  if (!Object.hasOwn(presets, name))
    throw invalid(`unknown preset "${name}"`, [
      { name: 'preset', reason: `must be one of ${presetNames.join(', ')}` },
    ]);
  return structuredClone(presets[name as PresetName]);
}
