import { invalid, type Issue } from './errors.ts';
import { addDays, addMonths, dayNumberOrNaN, type IsoDate } from './dates.ts';
import { fulfilmentExamples, type FulfilmentExample } from './examples.ts';
import { euroIn, formatBp, formatHundredths, mulDivRound, type Lang } from './money.ts';
import { computeObligation, type Obligation } from './obligation.ts';
import type { ContractKind, Policy } from './policy.ts';
import {
  defaultTenderRules,
  tenderKinds,
  type ClausePlaceholder,
  type SuggestionForm,
  type SuggestionRule,
  type TenderKind,
  type TenderRules,
} from './tender-rules.ts';
import { cpvIssue } from './cpv.ts';

export interface TenderTerms {
  kind: TenderKind;
  /** Estimated contract value excl. VAT. */
  valueCents: number;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Estimated labour share of the value, basis points (2500 = 25%). */
  labourShareBp?: number | undefined;
  cpv?: string | undefined;
}

export interface Suggestion {
  form: SuggestionForm;
  /** In English; `reasonNl` in Dutch. */
  reason: string;
  reasonNl: string;
}

export interface TenderAdvice {
  obligation: Obligation;
  /** The percentage applied: the policy's, or a labour-share band's. */
  percentageBp: number;
  ruleId: string;
  explanation: string;
  explanationNl: string;
  suggestions: Suggestion[];
  /** What the obligation means in people: FTE-years at the policy's own rates. */
  people: FulfilmentExample[];
  clauseText: { nl: string; en: string };
}

const contractKindOf: Record<TenderKind, ContractKind> = {
  works: 'works',
  services: 'servicesAndSupplies',
  supplies: 'servicesAndSupplies',
};

/** The percentage for a labour share under the policy's bands (the first band the share stays under). */
export function percentageForLabourShare(
  policy: Pick<Policy, 'percentageBp'>,
  rules: Pick<TenderRules, 'labourShareBands'>,
  labourShareBp: number | undefined,
): { percentageBp: number; band: TenderRules['labourShareBands'][number] | undefined } {
  if (labourShareBp === undefined) return { percentageBp: policy.percentageBp, band: undefined };
  const band = rules.labourShareBands.find((b) => labourShareBp < b.belowBp);
  return { percentageBp: band ? band.percentageBp : policy.percentageBp, band };
}

/** Whole calendar months of a term: the most months `m` with start + m months ≤ the day after the end. */
export function wholeMonths(startDate: IsoDate, endDate: IsoDate): number {
  const after = addDays(endDate, 1);
  let m = 0;
  while (m < 1_200 && addMonths(startDate, m + 1) <= after) m++;
  return m;
}

interface RuleFacts {
  kind: TenderKind;
  regime: Obligation['regime'];
  labourShareBp: number | undefined;
  termMonths: number;
  valueCents: number;
  cpv: string | undefined;
}

/** Whether a suggestion rule holds: every condition it names (a labour condition never holds for an unknown share). */
export function ruleMatches(rule: SuggestionRule, f: RuleFacts): boolean {
  const w = rule.when;
  if (w.kinds && !w.kinds.includes(f.kind)) return false;
  if (w.regimes && !w.regimes.includes(f.regime)) return false;
  if (
    w.labourShareBelowBp !== undefined &&
    !(f.labourShareBp !== undefined && f.labourShareBp < w.labourShareBelowBp)
  )
    return false;
  if (
    w.labourShareAtLeastBp !== undefined &&
    !(f.labourShareBp !== undefined && f.labourShareBp >= w.labourShareAtLeastBp)
  )
    return false;
  if (w.minTermMonths !== undefined && f.termMonths < w.minTermMonths) return false;
  if (w.minValueCents !== undefined && f.valueCents < w.minValueCents) return false;
  if (w.cpvPrefixes && !(f.cpv !== undefined && w.cpvPrefixes.some((p) => f.cpv?.startsWith(p))))
    return false;
  return true;
}

/** The suggested forms: each form once, with the reason of the first rule that names it; none without an obligation. */
export function suggestForms(rules: readonly SuggestionRule[], facts: RuleFacts): Suggestion[] {
  if (facts.regime === 'none') return [];
  const out = new Map<SuggestionForm, Suggestion>();
  for (const rule of rules)
    if (!out.has(rule.form) && ruleMatches(rule, facts))
      out.set(rule.form, { form: rule.form, reason: rule.reason.en, reasonNl: rule.reason.nl });
  return [...out.values()];
}

/** The forms in the words of a clause. */
export const formWords: Record<Lang, Record<SuggestionForm, string>> = {
  nl: {
    jobs: 'banen voor mensen met een afstand tot de arbeidsmarkt',
    bblPlaces: 'BBL-plaatsen',
    internships: 'stageplaatsen',
    workExperience: 'werkervaringsplekken',
    socialFirmPurchase: 'inkoop bij sociale ondernemingen',
    swCooperation: 'samenwerking met een SW-bedrijf',
    marketplace: 'bijdragen aan maatschappelijke initiatieven',
    pso: 'een PSO-certificaat',
    ownProcurement: 'social return in de eigen inkoop',
  },
  en: {
    jobs: 'jobs for people with a distance to the labour market',
    bblPlaces: 'BBL places (work-based learning)',
    internships: 'internships',
    workExperience: 'work-experience places',
    socialFirmPurchase: 'purchasing from social enterprises',
    swCooperation: 'cooperation with a sheltered employment company',
    marketplace: 'contributions to social initiatives',
    pso: 'a PSO certificate',
    ownProcurement: 'social return in own procurement',
  },
};

const monthNames: Record<Lang, readonly string[]> = {
  nl: [
    'januari',
    'februari',
    'maart',
    'april',
    'mei',
    'juni',
    'juli',
    'augustus',
    'september',
    'oktober',
    'november',
    'december',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

/** An amount as a clause writes it: Dutch notation in Dutch ('€ 1.250,00'), English in English ('€1,250.00'). */
export function clauseEuro(lang: Lang, c: number): string {
  if (lang === 'nl') return euroIn('nl', c);
  return clauseNumber('en', euroIn('en', c)); // '€1.250,00' → '€1,250.00'
}

/** A decimal as a clause writes it: '2,5' in Dutch, '2.5' in English. */
const clauseNumber = (lang: Lang, text: string) =>
  lang === 'nl' ? text : text.replace(/[.,]/g, (m) => (m === '.' ? ',' : '.'));

/** A date as a clause writes it, without locale data: '1 juli 2026' / '1 July 2026'. */
export function longDate(lang: Lang, d: IsoDate): string {
  return `${Number(d.slice(8, 10))} ${monthNames[lang][Number(d.slice(5, 7)) - 1]} ${d.slice(0, 4)}`;
}

/** Fills `{placeholder}`s; a placeholder without a value is left as written. */
export function fillTemplate(template: string, values: Partial<Record<ClausePlaceholder, string>>): string {
  return template.replace(
    /\{([a-zA-Z]+)\}/g,
    (whole, key: string) => values[key as ClausePlaceholder] ?? whole,
  );
}

function checkTerms(t: TenderTerms): void {
  const issues: Issue[] = [];
  if (!(tenderKinds as readonly unknown[]).includes(t.kind))
    issues.push({ name: 'kind', reason: `must be one of ${tenderKinds.join(', ')}` });
  if (
    t.labourShareBp !== undefined &&
    !(Number.isSafeInteger(t.labourShareBp) && t.labourShareBp >= 0 && t.labourShareBp <= 10_000)
  )
    issues.push({ name: 'labourShareBp', reason: 'must be 0–10000 basis points (0–100%)' });
  if (t.cpv !== undefined) {
    const reason = cpvIssue(t.cpv);
    if (reason) issues.push({ name: 'cpv', reason });
  }
  const s = dayNumberOrNaN(String(t.startDate));
  const e = dayNumberOrNaN(String(t.endDate));
  if (Number.isNaN(s)) issues.push({ name: 'startDate', reason: 'must be a real date (YYYY-MM-DD)' });
  if (Number.isNaN(e)) issues.push({ name: 'endDate', reason: 'must be a real date (YYYY-MM-DD)' });
  else if (e < s) issues.push({ name: 'endDate', reason: 'must not be before startDate' });
  else if (e - s > 36_524)
    issues.push({ name: 'endDate', reason: 'a term longer than 100 years is not a contract' });
  if (issues.length > 0) throw invalid('The tender cannot be judged.', issues);
}

/**
 * Advice for a tender before it is published ("maatwerk aan de voorkant"): the obligation under the
 * policy (with the labour-share percentage where the policy has bands), the forms that fit with a
 * reason each, the obligation in FTE-years at the policy's rates, and the clause text in Dutch and
 * English from the policy's templates with the numbers filled in.
 * @example tenderAdvice(amsterdam, { kind: 'works', valueCents: 125_000_000, startDate: '2027-01-01', endDate: '2028-12-31' }, { municipality: 'Amsterdam' }).obligation.amountCents // 2_500_000
 */
export function tenderAdvice(
  policy: Policy,
  terms: TenderTerms,
  context: { municipality: string; policyVersion?: number | undefined },
): TenderAdvice {
  checkTerms(terms);
  const rules = policy.tender ?? defaultTenderRules;
  const { percentageBp, band } = percentageForLabourShare(policy, rules, terms.labourShareBp);
  const labourCostCents =
    policy.base === 'labourCost' &&
    terms.labourShareBp !== undefined &&
    Number.isSafeInteger(terms.valueCents)
      ? mulDivRound(terms.valueCents, terms.labourShareBp, 1, 10_000)
      : undefined;
  const obligation = computeObligation(
    { ...policy, percentageBp },
    {
      valueCents: terms.valueCents,
      labourCostCents,
      contractKind: contractKindOf[terms.kind],
      startDate: terms.startDate,
      endDate: terms.endDate,
    },
    { policyVersion: context.policyVersion },
  );
  const termMonths = wholeMonths(terms.startDate, terms.endDate);
  const suggestions = suggestForms(rules.suggestionRules, {
    kind: terms.kind,
    regime: obligation.regime,
    labourShareBp: terms.labourShareBp,
    termMonths,
    valueCents: terms.valueCents,
    cpv: terms.cpv,
  });
  const people = fulfilmentExamples(policy, obligation.amountCents).filter((x) => x.unit === 'fteYear');
  const bandText = (l: Lang) => {
    if (obligation.regime === 'none' || rules.labourShareBands.length === 0) return '';
    const share = terms.labourShareBp;
    const words =
      l === 'nl'
        ? { share: 'arbeidsaandeel', instead: 'in plaats van' }
        : { share: 'labour share', instead: 'instead of' };
    if (share === undefined)
      return (
        rules.labourShareBands
          .map(
            (b) =>
              `${l === 'nl' ? 'bij een arbeidsaandeel onder' : 'with a labour share below'} ${formatBp(b.belowBp)}: ${formatBp(b.percentageBp)}`,
          )
          .join('; ') + '; '
      );
    return band
      ? `${words.share} ${formatBp(share)} < ${formatBp(band.belowBp)}: ${formatBp(percentageBp)} ${words.instead} ${formatBp(policy.percentageBp)}; `
      : `${words.share} ${formatBp(share)}: ${formatBp(percentageBp)}; `;
  };
  const fteType = people.find((p) => p.category === 'employment') ?? people[0];
  const fteRate = fteType
    ? policy.activityTypes.find((t) => t.code === fteType.typeCode)?.rateCents
    : undefined;
  const useLabour = labourCostCents !== undefined;
  const threshold = policy.planThresholdByKind?.[contractKindOf[terms.kind]] ?? policy.planThresholdCents;
  const clause = (l: Lang) =>
    fillTemplate(rules.clauseTemplates[obligation.regime][l], {
      municipality: context.municipality,
      obligation: clauseEuro(l, obligation.amountCents),
      percentage: clauseNumber(l, formatBp(percentageBp)),
      base:
        l === 'nl'
          ? useLabour
            ? 'de loonkosten in de opdracht'
            : 'de opdrachtwaarde (exclusief btw)'
          : useLabour
            ? 'the labour cost in the contract'
            : 'the contract value (excl. VAT)',
      value: clauseEuro(
        l,
        obligation.regime === 'none' || !useLabour ? obligation.totalValueCents : obligation.baseCents,
      ),
      startDate: longDate(l, terms.startDate),
      endDate: longDate(l, obligation.endDate),
      planThreshold: clauseEuro(l, threshold),
      reportDueDays: String(policy.reportDueDays),
      fteYears: clauseNumber(l, fteType ? formatHundredths(Math.round(fteType.quantity * 100)) : '0'),
      fteRate: clauseEuro(l, fteRate ?? 0),
      forms: suggestions.map((s) => formWords[l][s.form]).join(', ') || (l === 'nl' ? 'geen' : 'none'),
    });
  return {
    obligation,
    percentageBp,
    ruleId: `tender:${band ? `band<${band.belowBp}` : 'percentage'}${context.policyVersion === undefined ? '' : `@${context.policyVersion}`}`,
    explanation: bandText('en') + obligation.explanation,
    explanationNl: bandText('nl') + obligation.explanationNl,
    suggestions,
    people,
    clauseText: { nl: clause('nl'), en: clause('en') },
  };
}
