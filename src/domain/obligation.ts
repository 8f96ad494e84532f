import { invalid, type Issue } from './errors.ts';
import { addDays, addMonths, dayNumberOrNaN, type IsoDate } from './dates.ts';
import { cents, euroIn, formatBp, mulDivRound, type Cents, type Lang } from './money.ts';
import type { ContractKind, Policy } from './policy.ts';
import type { Regime } from './regime.ts';

export type { Regime } from './regime.ts';

export interface ContractTerms {
  /** Contract value excl. VAT at award. */
  valueCents: number;
  /** The labour-cost part, for a policy whose base is `labourCost` (else the value is used). */
  labourCostCents?: number | undefined;
  contractKind?: ContractKind | undefined;
  startDate: IsoDate;
  endDate: IsoDate;
  /**
   * What has been invoiced so far, for a policy whose base is `invoiced` (framework contracts,
   * decision 022): the sum of the recorded half-years; absent is nothing invoiced yet.
   */
  invoicedCents?: number | undefined;
  /** Options used and extensions: each adds value and may move the end date. */
  extensions?:
    | readonly { valueCents: number; labourCostCents?: number | undefined; endDate?: IsoDate | undefined }[]
    | undefined;
}

export interface Obligation {
  amountCents: Cents;
  regime: Regime;
  /** What the percentage was applied to. */
  baseCents: Cents;
  /** Contract value plus extensions: the regime is judged on it. */
  totalValueCents: Cents;
  startDate: IsoDate;
  /** The end date after extensions. */
  endDate: IsoDate;
  ruleId: string;
  /** In English; {@link Obligation.explanationNl} says the same in Dutch. */
  explanation: string;
  explanationNl: string;
}

function amount(v: unknown, name: string, issues: Issue[]): number {
  if (typeof v !== 'number' || !Number.isSafeInteger(v)) issues.push({ name, reason: 'must be whole cents' });
  else if (v < 0) issues.push({ name, reason: 'must not be negative' });
  else return v;
  return 0;
}

function date(v: unknown, name: string, issues: Issue[]): number {
  const n = typeof v === 'string' ? dayNumberOrNaN(v) : NaN;
  if (Number.isNaN(n)) issues.push({ name, reason: 'must be a real date (YYYY-MM-DD)' });
  return n;
}

/**
 * The obligation of a contract under the policy version of its award (domain.md §4):
 * `round(base × percentage)`, capped by `obligationCapCents`; extensions add value (and may move
 * the end date) and the regime is judged again on the new total, under the same policy.
 * @example computeObligation(amsterdam, { valueCents: 125_000_000, startDate: '2026-01-01', endDate: '2027-12-31' })
 * // { amountCents: 2_500_000, regime: 'plan', explanation: '2% × €1.250.000,00 = €25.000,00; ≥ €200.000,00: plan regime', … }
 */
export function computeObligation(
  policy: Policy,
  terms: ContractTerms,
  options: {
    policyVersion?: string | number | undefined;
    /** An estimate without a term: the minimum-term rule is named, not applied. */
    termUnknown?: boolean | undefined;
  } = {},
): Obligation {
  const issues: Issue[] = [];
  const value = amount(terms.valueCents, 'valueCents', issues);
  const labour =
    terms.labourCostCents === undefined
      ? undefined
      : amount(terms.labourCostCents, 'labourCostCents', issues);
  const invoiced =
    terms.invoicedCents === undefined ? 0 : amount(terms.invoicedCents, 'invoicedCents', issues);
  const start = date(terms.startDate, 'startDate', issues);
  let end = date(terms.endDate, 'endDate', issues);
  if (end < start) issues.push({ name: 'endDate', reason: 'must not be before startDate' });
  let endDate = terms.endDate;
  let extra = 0;
  let extraLabour = 0;
  (terms.extensions ?? []).forEach((x, i) => {
    extra += amount(x.valueCents, `extensions.${i}.valueCents`, issues);
    if (x.labourCostCents !== undefined)
      extraLabour += amount(x.labourCostCents, `extensions.${i}.labourCostCents`, issues);
    if (x.endDate !== undefined) {
      const e = date(x.endDate, `extensions.${i}.endDate`, issues);
      if (e < start) issues.push({ name: `extensions.${i}.endDate`, reason: 'must not be before startDate' });
      else if (e > end) {
        end = e;
        endDate = x.endDate;
      }
    }
  });
  if (
    terms.contractKind !== undefined &&
    terms.contractKind !== 'works' &&
    terms.contractKind !== 'servicesAndSupplies'
  )
    issues.push({ name: 'contractKind', reason: 'must be works or servicesAndSupplies' });
  if (issues.length > 0) throw invalid('The contract cannot be judged.', issues);

  const total = cents(value + extra);
  const hasExt = (terms.extensions?.length ?? 0) > 0;
  const version = options.policyVersion === undefined ? '' : `@${options.policyVersion}`;
  const result = (
    regime: Regime,
    amountCents: Cents,
    baseCents: Cents,
    text: (l: Lang) => string,
  ): Obligation => ({
    amountCents,
    regime,
    baseCents,
    totalValueCents: total,
    startDate: terms.startDate,
    endDate,
    ruleId: `obligation:${regime}${version}`,
    explanation: text('en'),
    explanationNl: text('nl'),
  });
  const w = (l: Lang) => words[l];
  const eur = euroIn;
  const valueText = (l: Lang) =>
    hasExt ? `${eur(l, value)} + ${w(l).extensions} ${eur(l, extra)} = ${eur(l, total)}` : eur(l, total);

  if (policy.exemptBelowCents !== undefined && total < policy.exemptBelowCents) {
    const exempt = policy.exemptBelowCents;
    return result('none', cents(0), cents(0), (l) => `${valueText(l)} < ${eur(l, exempt)}: ${w(l).none}`);
  }
  const minTerm = policy.minTermMonths;
  // "at least 6 months": 2026-01-01 – 2026-06-30 is 6 months, so the day after the end must reach start + months
  if (
    minTerm !== undefined &&
    !options.termUnknown &&
    addDays(endDate, 1) < addMonths(terms.startDate, minTerm)
  )
    return result('none', cents(0), cents(0), (l) => w(l).shorter(terms.startDate, endDate, minTerm));

  const useLabour = policy.base === 'labourCost' && labour !== undefined;
  const onInvoices = policy.base === 'invoiced';
  const base = cents(onInvoices ? invoiced : useLabour ? labour + extraLabour : total);
  const raw = mulDivRound(base, policy.percentageBp, 1, 10_000);
  const capped = policy.obligationCapCents !== undefined && raw > policy.obligationCapCents;
  const amountCents = capped ? cents(policy.obligationCapCents ?? 0) : raw;
  const byKind = terms.contractKind && policy.planThresholdByKind?.[terms.contractKind];
  const threshold = byKind ?? policy.planThresholdCents;
  const regime: Regime = total >= threshold ? 'plan' : 'trust';
  const kind = byKind !== undefined && terms.contractKind ? terms.contractKind : undefined;
  const labourMissing = policy.base === 'labourCost' && !useLabour;
  const text = (l: Lang) => {
    const t = w(l);
    const baseText = onInvoices
      ? `${t.invoiced} ${eur(l, base)}${base === 0 ? ` ${t.nothingInvoiced}` : ''}`
      : useLabour
        ? `${t.labourCost} ${eur(l, base)}`
        : valueText(l);
    // the value compared is named only when the line does not end on it already
    const totalText = onInvoices || useLabour || hasExt ? `${t.value} ${eur(l, total)} ` : '';
    const kindText = kind ? ` (${t[kind]})` : '';
    return (
      `${formatBp(policy.percentageBp)} × ${baseText}${labourMissing ? ` ${t.labourMissing}` : ''} = ${eur(l, raw)}` +
      (capped ? `, ${t.cappedAt} ${eur(l, amountCents)}` : '') +
      (regime === 'plan'
        ? `; ${totalText}≥ ${eur(l, threshold)}${kindText}: ${t.plan}`
        : `; ${totalText}< ${eur(l, threshold)}${kindText}: ${t.trust}`) +
      (minTerm !== undefined && options.termUnknown ? `; ${t.onlyFrom(minTerm)}` : '') +
      (onInvoices ? `; ${t.followsInvoices}` : '')
    );
  };
  return result(regime, amountCents, base, text);
}

/** The words of an obligation's explanation, in English and Dutch. */
const words = {
  en: {
    extensions: 'extensions',
    none: 'no social return',
    shorter: (from: string, to: string, m: number) =>
      `term ${from} – ${to} is shorter than ${m} months: no social return`,
    labourCost: 'labour cost',
    labourMissing: '(labour cost not given: total value used)',
    invoiced: 'invoiced',
    nothingInvoiced: '(nothing invoiced yet)',
    followsInvoices: 'framework contract: the obligation and the expected pace follow the invoiced amounts',
    value: 'value',
    cappedAt: 'capped at',
    plan: 'plan regime',
    trust: 'trust regime',
    works: 'works',
    servicesAndSupplies: 'servicesAndSupplies',
    onlyFrom: (m: number) => `only for contracts of at least ${m} months`,
  },
  nl: {
    extensions: 'uitbreidingen',
    none: 'geen social return',
    shorter: (from: string, to: string, m: number) =>
      `looptijd ${from} – ${to} is korter dan ${m} maanden: geen social return`,
    labourCost: 'loonkosten',
    labourMissing: '(loonkosten niet opgegeven: totale waarde gebruikt)',
    invoiced: 'gefactureerd',
    nothingInvoiced: '(nog niets gefactureerd)',
    followsInvoices:
      'raamovereenkomst: de verplichting en het verwachte tempo volgen de gefactureerde bedragen',
    value: 'waarde',
    cappedAt: 'begrensd op',
    plan: 'planregime',
    trust: 'regime op goed vertrouwen',
    works: 'werken',
    servicesAndSupplies: 'diensten en leveringen',
    onlyFrom: (m: number) => `alleen voor opdrachten van ten minste ${m} maanden`,
  },
} as const;

export interface EstimateTerms {
  valueCents: number;
  contractKind?: ContractKind | undefined;
  /** The policy version is the one in force on this date; without a term it also stands for the term. */
  awardDate: IsoDate;
  /** The contract term, both or neither: without it a minimum-term rule is not applied, only named. */
  startDate?: IsoDate | undefined;
  endDate?: IsoDate | undefined;
}

/**
 * A bidder's estimate (api.md `POST /estimates`, `retour estimate`): the obligation of a contract of
 * this value. Without a term the policy's minimum-term rule cannot be judged, so it is not applied and
 * the explanation says it applies ("only for contracts of at least 6 months").
 * @example estimateObligation(presets.rijk, { valueCents: 100_000_000, awardDate: '2026-01-01' }).amountCents // 5_000_000
 */
export function estimateObligation(
  policy: Policy,
  terms: EstimateTerms,
  options: { policyVersion?: string | number | undefined } = {},
): Obligation {
  const { startDate, endDate } = terms;
  if ((startDate === undefined) !== (endDate === undefined)) {
    const missing = startDate === undefined ? 'startDate' : 'endDate';
    throw invalid('The contract cannot be judged.', [
      { name: missing, reason: 'give the term with both startDate and endDate, or neither' },
    ]);
  }
  const termUnknown = startDate === undefined;
  return computeObligation(
    policy,
    {
      valueCents: terms.valueCents,
      contractKind: terms.contractKind,
      startDate: startDate ?? terms.awardDate,
      endDate: endDate ?? terms.awardDate,
    },
    { ...options, termUnknown },
  );
}

/**
 * The obligation spread pro rata over the term (domain.md §4): `obligation × elapsedDays / termDays`,
 * both inclusive, elapsed clipped to 0..termDays, rounded once.
 * @example expectedByDate(36_500, '2026-01-01', '2026-12-31', '2026-01-10') // 1_000
 */
export function expectedByDate(
  obligation: number | { amountCents: number },
  start: IsoDate,
  end: IsoDate,
  asOf: IsoDate,
): Cents {
  const issues: Issue[] = [];
  const s = date(start, 'startDate', issues);
  const e = date(end, 'endDate', issues);
  const a = date(asOf, 'asOf', issues);
  if (e < s) issues.push({ name: 'endDate', reason: 'must not be before startDate' });
  const amountCents = typeof obligation === 'number' ? obligation : obligation.amountCents;
  if (!Number.isSafeInteger(amountCents))
    issues.push({ name: 'obligationCents', reason: 'must be whole cents' });
  if (issues.length > 0) throw invalid('Cannot spread the obligation.', issues);
  return expectedOnDay(amountCents, s, e, a);
}

/** {@link expectedByDate} on day numbers, for loops that parsed their dates once. */
export function expectedOnDay(
  obligationCents: number,
  startDay: number,
  endDay: number,
  asOfDay: number,
): Cents {
  const term = endDay - startDay + 1;
  const elapsed = asOfDay - startDay + 1;
  if (elapsed <= 0) return 0 as Cents;
  if (elapsed >= term) return obligationCents as Cents;
  return mulDivRound(obligationCents, elapsed, 1, term);
}
