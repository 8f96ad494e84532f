/**
 * The common case of valuing an activity (domain.md §6) in one small test: a policy's activity types
 * prepared once ({@link prepareTypes}: each method as a small number, each rate or share checked), and
 * an input that passes every check of `evaluate` valued without a string compare, a context to move or
 * an issue list. Anything else — a refused input, a type without a valid rate, a method that needs the
 * period's days or the candidate's group — answers NaN, and the caller asks `evaluate`, which gives the
 * value or the refusal with its reasons. Internal: `contract-valuation.ts` gives it to callers.
 */
import { mulDivRound, toHundredths } from './money.ts';
import type { ActivityType } from './policy.ts';
import type { ActivityInput } from './valuation-context.ts';
import { fieldMask, MAX_HOURS, MAX_UNITS, MAX_VALUE_CENTS } from './valuation-evaluate.ts';

/** The methods valued here; every other one (or a type without a valid rate or share) is GENERAL. */
export const FTE_YEAR = 0;
export const UNIT = 1;
export const HOUR = 2;
/** `spendShare` and `money`: the amount times the share (money's default share already filled in). */
export const SHARE = 3;
export const GENERAL = 4;

/** A policy's activity types as `prepareTypes` leaves them: by index, method and rate or share. */
export interface PreparedTypes {
  readonly types: readonly ActivityType[];
  readonly method: Uint8Array;
  /** The rate in cents (FTE_YEAR, UNIT, HOUR) or the share in basis points (SHARE). */
  readonly factor: Float64Array;
}

function prepared(type: ActivityType): [method: number, factor: number] {
  const rate = type.rateCents;
  const rateOk = Number.isSafeInteger(rate) && (rate as number) >= 0;
  switch (type.method) {
    case 'fteYear':
      return rateOk ? [FTE_YEAR, rate as number] : [GENERAL, 0];
    case 'unit':
      return rateOk ? [UNIT, rate as number] : [GENERAL, 0];
    case 'hour':
      return rateOk ? [HOUR, rate as number] : [GENERAL, 0];
    case 'spendShare':
    case 'money': {
      const share = type.shareBp ?? (type.method === 'money' ? 10_000 : undefined);
      const shareOk = Number.isSafeInteger(share) && (share as number) >= 0 && (share as number) <= 10_000;
      return shareOk ? [SHARE, share as number] : [GENERAL, 0];
    }
    default:
      return [GENERAL, 0];
  }
}

/** Reads each type's method and rate or share once (the types are not changed afterwards). */
export function prepareTypes(types: readonly ActivityType[]): PreparedTypes {
  const method = new Uint8Array(types.length);
  const factor = new Float64Array(types.length);
  types.forEach((type, i) => {
    [method[i], factor[i]] = prepared(type);
  });
  return { types, method, factor };
}

/** Fields each quick method reads, as in `evaluate`; any other field given is refused there. */
const ALLOWED = [0b0000011, 0b0000100, 0b0001000, 0b0010000];

/**
 * The value of a valid input of a prepared method (`maxMonths`: the months the half-year allows inside
 * the term, in hundredths); NaN for anything `evaluate` would refuse or values another way. Where it
 * answers a number, it is the number `evaluate` gives.
 */
export function quickValueCents(
  method: number,
  factor: number,
  input: ActivityInput,
  maxMonths: number,
): number {
  let v = NaN;
  switch (method) {
    case FTE_YEAR: {
      const fte = toHundredths(input.fte as number);
      const months = toHundredths(input.months as number);
      if (fte > 0 && fte <= 150 && months > 0 && months <= maxMonths)
        v = mulDivRound(factor, fte, months, 120_000);
      break;
    }
    case UNIT: {
      const units = input.units;
      if (Number.isSafeInteger(units) && (units as number) > 0 && (units as number) <= MAX_UNITS)
        v = mulDivRound(factor, units as number, 1, 1);
      break;
    }
    case HOUR: {
      const hours = toHundredths(input.hours as number);
      if (hours > 0 && hours <= MAX_HOURS) v = mulDivRound(factor, hours, 1, 100);
      break;
    }
    case SHARE: {
      const amount = input.amountCents;
      if (Number.isSafeInteger(amount) && (amount as number) > 0 && (amount as number) <= MAX_VALUE_CENTS)
        v = mulDivRound(amount as number, factor, 1, 10_000);
      break;
    }
    default:
      return NaN;
  }
  return (fieldMask(input) & ~(ALLOWED[method] as number)) === 0 && v <= MAX_VALUE_CENTS ? v : NaN;
}
