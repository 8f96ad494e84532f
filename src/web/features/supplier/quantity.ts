import { parseDecimal, parseEuros, type Lang } from '../../format.ts';
import type { ActivityType } from '../../lib/model.ts';
import type { QuantityInput } from './QuantityFields.tsx';

/**
 * Turns typed quantities into the API's fields. Only the number format is checked here; whether the
 * numbers are allowed (fte ≤ 1.5, months ≤ 6, …) is the API's call, and its reasons show by the field.
 */
export function quantityBody(
  type: ActivityType,
  q: QuantityInput,
  lang: Lang,
  notANumber: string,
): { body: Record<string, number | string>; errors: Record<string, string> } {
  const body: Record<string, number | string> = {};
  const errors: Record<string, string> = {};
  const dec = (key: 'fte' | 'months' | 'units' | 'hours') => {
    const v = parseDecimal(q[key]);
    if (v === null) errors[key] = notANumber;
    else body[key] = v;
  };
  switch (type.method) {
    case 'fteYear':
      dec('fte');
      dec('months');
      break;
    case 'targetGroupYear':
      dec('months');
      break;
    case 'unit':
      dec('units');
      break;
    case 'hour':
      dec('hours');
      break;
    case 'spendShare':
    case 'money': {
      const c = parseEuros(q.amount, lang);
      if (c === null) errors.amount = notANumber;
      else body.amountCents = c;
      break;
    }
    case 'obligationShare':
      if (q.validFrom) body.validFrom = q.validFrom;
      if (q.validTo) body.validTo = q.validTo;
      break;
  }
  return { body, errors };
}

/** API field names → the form's field names. */
export const quantityFieldOf = {
  fte: 'fte',
  months: 'months',
  units: 'units',
  hours: 'hours',
  amountCents: 'amount',
  validFrom: 'validFrom',
  validTo: 'validTo',
};
