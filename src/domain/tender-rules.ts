import type { Issue } from './errors.ts';
import type { Regime } from './regime.ts';

/**
 * The tender rules of a policy version (issue 17, "maatwerk aan de voorkant"): a percentage that
 * depends on the labour share, the suggestion rules that point a buyer to forms that fit the
 * contract, and the tender clause text (bestektekst) per regime in Dutch and English. Policy data,
 * versioned with the rest of the policy and edited by the municipality admin; a version without it
 * uses {@link defaultTenderRules}.
 */
export interface TenderRules {
  /** Bands tried in order: the first whose `belowBp` the labour share stays under sets the percentage. */
  labourShareBands: LabourShareBand[];
  suggestionRules: SuggestionRule[];
  /** Clause text per regime; placeholders `{name}` of {@link clausePlaceholders}. */
  clauseTemplates: Record<Regime, { nl: string; en: string }>;
}

export interface LabourShareBand {
  /** Labour share below this (basis points of the value) … */
  belowBp: number;
  /** … gives this percentage of the base (basis points) instead of the policy's own. */
  percentageBp: number;
}

/** The kinds of a tender as a buyer names them; services and supplies share one plan threshold. */
export const tenderKinds = ['works', 'services', 'supplies'] as const;
export type TenderKind = (typeof tenderKinds)[number];

/** The forms a suggestion can name (the ladder of domain.md §5, in the words of a buyer). */
export const suggestionForms = [
  'jobs',
  'bblPlaces',
  'internships',
  'workExperience',
  'socialFirmPurchase',
  'swCooperation',
  'marketplace',
  'pso',
  'ownProcurement',
] as const;
export type SuggestionForm = (typeof suggestionForms)[number];

/** A rule matches when every condition it names holds; a labour condition never matches an unknown share. */
export interface SuggestionRule {
  form: SuggestionForm;
  when: {
    kinds?: TenderKind[] | undefined;
    regimes?: Regime[] | undefined;
    labourShareBelowBp?: number | undefined;
    labourShareAtLeastBp?: number | undefined;
    minTermMonths?: number | undefined;
    minValueCents?: number | undefined;
    /** CPV codes starting with one of these digits (e.g. '45' for construction work). */
    cpvPrefixes?: string[] | undefined;
  };
  reason: { nl: string; en: string };
}

/** The placeholders a clause template may use, each filled in the clause's language. */
export const clausePlaceholders = [
  'municipality',
  'obligation',
  'percentage',
  'base',
  'value',
  'startDate',
  'endDate',
  'planThreshold',
  'reportDueDays',
  'fteYears',
  'fteRate',
  'forms',
] as const;
export type ClausePlaceholder = (typeof clausePlaceholders)[number];

/**
 * Retour's own starting rules (not taken from a published municipal policy): no labour-share bands,
 * suggestions after the advice practice issue 17 names (a low labour share points to buying from
 * social firms, SW cooperation, the marketplace or PSO rather than jobs; a long works contract to
 * jobs and BBL places), and a clause per regime.
 */
export const defaultTenderRules: TenderRules = {
  labourShareBands: [],
  suggestionRules: [
    {
      form: 'jobs',
      when: { kinds: ['works'], minTermMonths: 12 },
      reason: {
        nl: 'Een werk van een jaar of langer biedt ruimte voor banen voor mensen met een afstand tot de arbeidsmarkt.',
        en: 'A works contract of a year or more leaves room for jobs for people with a distance to the labour market.',
      },
    },
    {
      form: 'bblPlaces',
      when: { kinds: ['works'], minTermMonths: 12 },
      reason: {
        nl: 'Een lange looptijd past bij BBL-plaatsen: leren en werken op de bouwplaats.',
        en: 'A long term fits BBL places: learning while working on site.',
      },
    },
    {
      form: 'jobs',
      when: { labourShareAtLeastBp: 3_000 },
      reason: {
        nl: 'Arbeid is een groot deel van de opdracht: werk mensen uit de doelgroepen in.',
        en: 'Labour is a large part of the contract: employ people from the target groups.',
      },
    },
    {
      form: 'workExperience',
      when: { kinds: ['services'], labourShareAtLeastBp: 3_000 },
      reason: {
        nl: 'Een dienst met veel arbeid biedt werkervaringsplekken.',
        en: 'A service with much labour offers work-experience places.',
      },
    },
    {
      form: 'socialFirmPurchase',
      when: { labourShareBelowBp: 3_000 },
      reason: {
        nl: 'Weinig arbeid in de opdracht: koop in bij sociale ondernemingen.',
        en: 'Little labour in the contract: buy from social enterprises.',
      },
    },
    {
      form: 'swCooperation',
      when: { labourShareBelowBp: 3_000 },
      reason: {
        nl: 'Weinig arbeid in de opdracht: werk samen met een SW-bedrijf.',
        en: 'Little labour in the contract: cooperate with a sheltered employment company.',
      },
    },
    {
      form: 'marketplace',
      when: { labourShareBelowBp: 3_000 },
      reason: {
        nl: 'Weinig arbeid in de opdracht: draag bij aan maatschappelijke initiatieven via de marktplaats.',
        en: 'Little labour in the contract: contribute to social initiatives through the marketplace.',
      },
    },
    {
      form: 'marketplace',
      when: { regimes: ['trust'] },
      reason: {
        nl: 'Een kleine verplichting is met een bijdrage aan een initiatief eenvoudig in te vullen.',
        en: 'A small obligation is easily filled by a contribution to an initiative.',
      },
    },
    {
      form: 'pso',
      when: {},
      reason: {
        nl: 'Een PSO-certificaat (trede 2 of hoger) telt voor de hele verplichting zolang het geldig is.',
        en: 'A PSO certificate (rung 2 or higher) counts for the whole obligation while it is valid.',
      },
    },
  ],
  clauseTemplates: {
    plan: {
      nl:
        'Social return. Op deze opdracht is het social returnbeleid van {municipality} van toepassing. ' +
        'De opdrachtnemer besteedt ten minste {percentage} van {base} ({value}) aan social return: {obligation}. ' +
        'Dat is bijvoorbeeld {fteYears} FTE-jaar werk voor mensen met een afstand tot de arbeidsmarkt (tegen {fteRate} per FTE-jaar). ' +
        'Na de gunning volgt een intakegesprek en dient de opdrachtnemer een plan van aanpak in; ' +
        'de invulling wordt elk halfjaar gerapporteerd, binnen {reportDueDays} dagen na afloop van het halfjaar, ' +
        'gedurende de looptijd van {startDate} tot en met {endDate}. Passende vormen: {forms}.',
      en:
        'Social return. The social return policy of {municipality} applies to this contract. ' +
        'The contractor spends at least {percentage} of {base} ({value}) on social return: {obligation}. ' +
        'That is, for example, {fteYears} FTE-years of work for people with a distance to the labour market (at {fteRate} per FTE-year). ' +
        'After the award an intake conversation follows and the contractor submits a plan of approach; ' +
        'the fulfilment is reported every half year, within {reportDueDays} days after the half year ends, ' +
        'for the term from {startDate} up to and including {endDate}. Suitable forms: {forms}.',
    },
    trust: {
      nl:
        'Social return. Op deze opdracht is het social returnbeleid van {municipality} van toepassing. ' +
        'De opdrachtnemer besteedt ten minste {percentage} van {base} ({value}) aan social return: {obligation}. ' +
        'De invulling gebeurt op goed vertrouwen, zonder plan van aanpak; de opdrachtnemer rapporteert de invulling ' +
        'binnen {reportDueDays} dagen na afloop van elk halfjaar van de looptijd ({startDate} tot en met {endDate}). ' +
        'Passende vormen: {forms}.',
      en:
        'Social return. The social return policy of {municipality} applies to this contract. ' +
        'The contractor spends at least {percentage} of {base} ({value}) on social return: {obligation}. ' +
        'It is filled on trust, without a plan of approach; the contractor reports the fulfilment ' +
        'within {reportDueDays} days after each half year of the term ({startDate} up to and including {endDate}). ' +
        'Suitable forms: {forms}.',
    },
    none: {
      nl: 'Social return. Volgens het social returnbeleid van {municipality} geldt voor deze opdracht ({value}) geen social returnverplichting.',
      en: 'Social return. Under the social return policy of {municipality} this contract ({value}) carries no social return obligation.',
    },
  },
};

const regimes: readonly Regime[] = ['none', 'trust', 'plan'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const wholeIn = (v: unknown, min: number, max: number) =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min && v <= max;

function text(raw: unknown, name: string, issues: Issue[]): string | undefined {
  if (typeof raw === 'string' && raw.trim() !== '') return raw;
  issues.push({ name, reason: 'must be a non-empty text' });
  return undefined;
}

function bilingual(raw: unknown, name: string, issues: Issue[], template: boolean) {
  if (!isRecord(raw)) {
    issues.push({ name, reason: 'must be an object with nl and en' });
    return undefined;
  }
  const nl = text(raw.nl, `${name}.nl`, issues);
  const en = text(raw.en, `${name}.en`, issues);
  if (template)
    for (const [lang, t] of [
      ['nl', nl],
      ['en', en],
    ] as const)
      for (const m of (t ?? '').matchAll(/\{([^{}]*)\}/g))
        if (!(clausePlaceholders as readonly string[]).includes(m[1] ?? ''))
          issues.push({
            name: `${name}.${lang}`,
            reason: `unknown placeholder {${m[1]}} (${clausePlaceholders.map((p) => `{${p}}`).join(', ')})`,
          });
  return nl !== undefined && en !== undefined ? { nl, en } : undefined;
}

function readWhen(raw: unknown, name: string, issues: Issue[]): SuggestionRule['when'] | undefined {
  if (!isRecord(raw)) {
    issues.push({ name, reason: 'must be an object (empty: always)' });
    return undefined;
  }
  const before = issues.length;
  const when: SuggestionRule['when'] = {};
  const list = <T extends string>(key: string, allowed: readonly T[]): T[] | undefined => {
    const v = raw[key];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => !(allowed as readonly unknown[]).includes(x))) {
      issues.push({ name: `${name}.${key}`, reason: `must be a list of ${allowed.join(', ')}` });
      return undefined;
    }
    return v as T[];
  };
  const bp = (key: 'labourShareBelowBp' | 'labourShareAtLeastBp') => {
    const v = raw[key];
    if (v === undefined) return;
    if (!wholeIn(v, 0, 10_000))
      issues.push({ name: `${name}.${key}`, reason: 'must be 0–10000 basis points' });
    else when[key] = v as number;
  };
  when.kinds = list('kinds', tenderKinds);
  when.regimes = list('regimes', regimes);
  bp('labourShareBelowBp');
  bp('labourShareAtLeastBp');
  if (raw.minTermMonths !== undefined) {
    if (!wholeIn(raw.minTermMonths, 1, 1200))
      issues.push({ name: `${name}.minTermMonths`, reason: 'must be a whole number of months, 1–1200' });
    else when.minTermMonths = raw.minTermMonths as number;
  }
  if (raw.minValueCents !== undefined) {
    if (!wholeIn(raw.minValueCents, 0, Number.MAX_SAFE_INTEGER))
      issues.push({ name: `${name}.minValueCents`, reason: 'must be whole cents, not negative' });
    else when.minValueCents = raw.minValueCents as number;
  }
  if (raw.cpvPrefixes !== undefined) {
    const v = raw.cpvPrefixes;
    if (!Array.isArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string' || !/^\d{1,8}$/.test(x)))
      issues.push({ name: `${name}.cpvPrefixes`, reason: 'must be a list of 1–8 digit CPV code starts' });
    else when.cpvPrefixes = v as string[];
  }
  for (const key of Object.keys(raw))
    if (
      ![
        'kinds',
        'regimes',
        'labourShareBelowBp',
        'labourShareAtLeastBp',
        'minTermMonths',
        'minValueCents',
        'cpvPrefixes',
      ].includes(key)
    )
      issues.push({ name: `${name}.${key}`, reason: 'unknown condition' });
  if (issues.length > before) return undefined;
  for (const k of Object.keys(when) as (keyof typeof when)[]) if (when[k] === undefined) delete when[k];
  return when;
}

/**
 * Checks the `tender` section of a policy version; every problem is pushed to `issues` with its
 * path (`tender.suggestionRules.2.form`).
 * @example readTenderRules({ labourShareBands: [{ belowBp: 3000, percentageBp: 200 }], … }, issues)
 */
export function readTenderRules(raw: unknown, issues: Issue[]): TenderRules | undefined {
  const path = 'tender';
  if (!isRecord(raw)) {
    issues.push({ name: path, reason: 'must be an object' });
    return undefined;
  }
  const before = issues.length;
  const bands: LabourShareBand[] = [];
  if (!Array.isArray(raw.labourShareBands))
    issues.push({ name: `${path}.labourShareBands`, reason: 'must be a list (may be empty)' });
  else
    raw.labourShareBands.forEach((b: unknown, i) => {
      const name = `${path}.labourShareBands.${i}`;
      if (!isRecord(b) || !wholeIn(b.belowBp, 1, 10_000) || !wholeIn(b.percentageBp, 0, 10_000)) {
        issues.push({ name, reason: 'must be { belowBp: 1–10000, percentageBp: 0–10000 }' });
        return;
      }
      const prev = bands.at(-1);
      if (prev && (b.belowBp as number) <= prev.belowBp)
        issues.push({
          name: `${name}.belowBp`,
          reason: 'bands must rise: each belowBp above the one before',
        });
      bands.push({ belowBp: b.belowBp as number, percentageBp: b.percentageBp as number });
    });
  const rules: SuggestionRule[] = [];
  if (!Array.isArray(raw.suggestionRules))
    issues.push({ name: `${path}.suggestionRules`, reason: 'must be a list' });
  else
    raw.suggestionRules.forEach((r: unknown, i) => {
      const name = `${path}.suggestionRules.${i}`;
      if (!isRecord(r)) {
        issues.push({ name, reason: 'must be an object' });
        return;
      }
      const form = r.form;
      if (typeof form !== 'string' || !(suggestionForms as readonly string[]).includes(form))
        issues.push({ name: `${name}.form`, reason: `must be one of ${suggestionForms.join(', ')}` });
      const when = readWhen(r.when ?? {}, `${name}.when`, issues);
      const reason = bilingual(r.reason, `${name}.reason`, issues, false);
      if (when && reason && (suggestionForms as readonly string[]).includes(form as string))
        rules.push({ form: form as SuggestionForm, when, reason });
    });
  const templates: Partial<TenderRules['clauseTemplates']> = {};
  if (!isRecord(raw.clauseTemplates))
    issues.push({ name: `${path}.clauseTemplates`, reason: 'must be an object with plan, trust and none' });
  else
    for (const regime of regimes) {
      const t = bilingual(raw.clauseTemplates[regime], `${path}.clauseTemplates.${regime}`, issues, true);
      if (t) templates[regime] = t;
    }
  if (issues.length > before) return undefined;
  return {
    labourShareBands: bands,
    suggestionRules: rules,
    clauseTemplates: templates as TenderRules['clauseTemplates'],
  };
}
