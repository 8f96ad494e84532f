import { invalid, type Issue } from './errors.ts';
import { addDays, addMonths, dayNumberOrNaN, type IsoDate } from './dates.ts';
import { cents, formatBp, formatEuro, mulDivRound, type Cents } from './money.ts';
import type { ContractKind, Policy } from './policy.ts';

export type Regime = 'none' | 'trust' | 'plan';

export interface ContractTerms {
  /** Contract value excl. VAT at award. */
  valueCents: number;
  /** The labour-cost part, for a policy whose base is `labourCost` (else the value is used). */
  labourCostCents?: number | undefined;
  contractKind?: ContractKind | undefined;
  startDate: IsoDate;
  endDate: IsoDate;
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
  explanation: string;
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
  options: { policyVersion?: string | number | undefined } = {},
): Obligation {
  const issues: Issue[] = [];
  const value = amount(terms.valueCents, 'valueCents', issues);
  const labour =
    terms.labourCostCents === undefined
      ? undefined
      : amount(terms.labourCostCents, 'labourCostCents', issues);
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
  const valueText = hasExt
    ? `${formatEuro(value)} + extensions ${formatEuro(extra)} = ${formatEuro(total)}`
    : formatEuro(total);
  const version = options.policyVersion === undefined ? '' : `@${options.policyVersion}`;
  const result = (regime: Regime, amountCents: Cents, baseCents: Cents, explanation: string): Obligation => ({
    amountCents,
    regime,
    baseCents,
    totalValueCents: total,
    startDate: terms.startDate,
    endDate,
    ruleId: `obligation:${regime}${version}`,
    explanation,
  });

  if (policy.exemptBelowCents !== undefined && total < policy.exemptBelowCents)
    return result(
      'none',
      cents(0),
      cents(0),
      `${valueText} < ${formatEuro(policy.exemptBelowCents)}: no social return`,
    );
  // "at least 6 months": 2026-01-01 – 2026-06-30 is 6 months, so the day after the end must reach start + months
  if (
    policy.minTermMonths !== undefined &&
    addDays(endDate, 1) < addMonths(terms.startDate, policy.minTermMonths)
  )
    return result(
      'none',
      cents(0),
      cents(0),
      `term ${terms.startDate} – ${endDate} is shorter than ${policy.minTermMonths} months: no social return`,
    );

  const useLabour = policy.base === 'labourCost' && labour !== undefined;
  const base = cents(useLabour ? labour + extraLabour : total);
  const baseText = useLabour ? `labour cost ${formatEuro(base)}` : valueText;
  const raw = mulDivRound(base, policy.percentageBp, 1, 10_000);
  const capped = policy.obligationCapCents !== undefined && raw > policy.obligationCapCents;
  const amountCents = capped ? cents(policy.obligationCapCents ?? 0) : raw;
  const threshold =
    (terms.contractKind && policy.planThresholdByKind?.[terms.contractKind]) ?? policy.planThresholdCents;
  const regime: Regime = total >= threshold ? 'plan' : 'trust';
  const kindText =
    terms.contractKind && policy.planThresholdByKind?.[terms.contractKind] !== undefined
      ? ` (${terms.contractKind})`
      : '';
  const note = policy.base === 'labourCost' && !useLabour ? ' (labour cost not given: total value used)' : '';
  // the value compared is named only when the line does not end on it already
  const totalText = useLabour || hasExt ? `value ${formatEuro(total)} ` : '';
  const explanation =
    `${formatBp(policy.percentageBp)} × ${baseText}${note} = ${formatEuro(raw)}` +
    (capped ? `, capped at ${formatEuro(amountCents)}` : '') +
    (regime === 'plan'
      ? `; ${totalText}≥ ${formatEuro(threshold)}${kindText}: plan regime`
      : `; ${totalText}< ${formatEuro(threshold)}${kindText}: trust regime`);
  return result(regime, amountCents, base, explanation);
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
