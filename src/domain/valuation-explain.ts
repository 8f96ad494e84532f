/**
 * The rule and explanation of a valuation (domain.md §6: every valuation says how it was reached, in
 * English and Dutch), built only when asked for: the loops that need only the value never reach it.
 */
import { dayNumberOrNaN, fromDayNumber } from './dates.ts';
import { euroIn, formatBp, formatHundredths, toHundredths, type Cents, type Lang } from './money.ts';
import type { ActivityType } from './policy.ts';
import { explainTargetGroup, targetGroupFte, type TargetGroupTerms } from './target-groups.ts';
import type { ActivityInput, ValuationContext } from './valuation-context.ts';

export interface Valuation {
  valueCents: Cents;
  ruleId: string;
  /** In English; {@link Valuation.explanationNl} says the same in Dutch. */
  explanation: string;
  explanationNl: string;
  /** `targetGroupYear`: the months that count (past the group's cap they are kept at €0). */
  countedMonths?: number | undefined;
  /** `targetGroupYear`: min(hours, full time) / full time, for the one-person-counts-once rule. */
  fte?: number | undefined;
}

/**
 * The valuation of an activity already evaluated to `valueCents` in `ctx`: its rule and explanations
 * (`terms`: those of a `targetGroupYear` evaluation).
 */
export function explainedValuation(
  type: ActivityType,
  input: ActivityInput,
  ctx: ValuationContext,
  valueCents: number,
  terms: TargetGroupTerms | undefined,
): Valuation {
  if (type.method === 'targetGroupYear' && terms)
    return {
      valueCents: valueCents as Cents,
      ruleId: `${type.method}:${type.code}:${terms.group.code}${ctx.versionSuffix}`,
      explanation: explainTargetGroup(terms, valueCents, 'en'),
      explanationNl: explainTargetGroup(terms, valueCents, 'nl'),
      countedMonths: terms.countedMonths / 100,
      fte: targetGroupFte(terms),
    };
  return {
    valueCents: valueCents as Cents,
    ruleId: `${type.method}:${type.code}${ctx.versionSuffix}`,
    explanation: explainValuation(type, input, ctx, valueCents, 'en'),
    explanationNl: explainValuation(type, input, ctx, valueCents, 'nl'),
  };
}

function plural(h: number, one: string, many: string): string {
  return `${formatHundredths(h)} ${h === 100 ? one : many}`;
}

/** The explanation of a valuation already computed, in one language (never called by the fast path). */
function explainValuation(
  type: ActivityType,
  input: ActivityInput,
  ctx: ValuationContext,
  valueCents: number,
  lang: Lang,
): string {
  const nl = lang === 'nl';
  const value = euroIn(lang, valueCents);
  const rate = euroIn(lang, type.rateCents ?? 0);
  switch (type.method) {
    case 'fteYear': {
      const months = toHundredths(input.months ?? 0);
      return `${formatHundredths(toHundredths(input.fte ?? 0))} FTE × ${nl ? plural(months, 'maand', 'maanden') : plural(months, 'month', 'months')} / 12 × ${rate} = ${value}`;
    }
    case 'unit':
      // the catalogue's unit is its own text (often English), so the Dutch line leaves it out
      return `${input.units ?? 0} × ${rate}${type.unit && !nl ? ` per ${type.unit}` : ''} = ${value}`;
    case 'hour': {
      const hours = toHundredths(input.hours ?? 0);
      return `${nl ? plural(hours, 'uur', 'uur') : plural(hours, 'hour', 'hours')} × ${rate} = ${value}`;
    }
    case 'spendShare':
      return `${formatBp(type.shareBp ?? 0)} × ${euroIn(lang, input.amountCents ?? 0)} ${nl ? 'besteed' : 'spent'} = ${value}`;
    case 'money':
      return `${formatBp(type.shareBp ?? 10_000)} × ${euroIn(lang, input.amountCents ?? 0)} ${nl ? 'gegeven' : 'given'} = ${value}`;
    case 'targetGroupYear':
      return ''; // valueActivity explains it from its terms
    case 'obligationShare': {
      const from = Math.max(dayNumberOrNaN(input.validFrom ?? ''), ctx.fromDay);
      const to = Math.min(dayNumberOrNaN(input.validTo ?? ''), ctx.toDay);
      const head = `${formatBp(type.shareBp ?? 0)} × ${euroIn(lang, ctx.obligationCents)} × ${to - from + 1} / ${ctx.termDays} ${nl ? 'dagen' : 'days'} = ${value}`;
      const valid = `${fromDayNumber(from)} – ${fromDayNumber(to)}`;
      if (nl)
        return `${head} (certificaat geldig ${valid} ${ctx.period === undefined ? 'in de looptijd' : `in ${ctx.period} binnen de looptijd`})`;
      return `${head} (certificate valid ${valid} in ${ctx.period === undefined ? 'the term' : `${ctx.period} within the term`})`;
    }
  }
}
