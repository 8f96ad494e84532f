import type { z } from '@hono/zod-openapi';

type ZodIssue = z.core.$ZodIssue;

/** Zod's own English messages ("Too big: expected number to be <=6"); a schema's own message is kept. */
const zodDefault = /^(Invalid|Too (big|small)|Unrecognized key)/;

const typeWords: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
};

/**
 * A field reason in plain words for a zod issue: "must be at most 6", "is required". Dutch comes from
 * the same table as every other reason (problem-dutch.ts), so both languages say the same thing.
 * @example zodReason({ code: 'too_big', origin: 'number', maximum: 6, inclusive: true, ... }) // 'must be at most 6'
 */
export function zodReason(issue: ZodIssue): string {
  if (!zodDefault.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      if (/received undefined$/.test(issue.message)) return 'is required';
      return `must be ${typeWords[issue.expected] ?? issue.expected}`;
    case 'too_big': {
      const max = String(issue.maximum);
      if (issue.origin === 'string') return `must have at most ${max} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${max} items`;
      return issue.inclusive === false ? `must be less than ${max}` : `must be at most ${max}`;
    }
    case 'too_small': {
      const min = String(issue.minimum);
      if (issue.origin === 'string')
        return min === '1' ? 'is required' : `must have at least ${min} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return min === '1' ? 'must not be empty' : `must have at least ${min} items`;
      return issue.inclusive === false ? `must be more than ${min}` : `must be at least ${min}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      if (issue.format === 'email') return 'must be an email address';
      if (issue.format === 'url') return 'must be a URL';
      if (issue.format === 'uuid' || issue.format === 'guid') return 'must be an id';
      if (issue.format === 'datetime') return 'must be a date and time';
      return 'does not have the right form';
    case 'not_multiple_of':
      return Number(issue.divisor) === 1
        ? 'must be a whole number'
        : `must be a multiple of ${String(issue.divisor)}`;
    case 'unrecognized_keys':
      return `unknown fields: ${issue.keys.join(', ')}`;
    default:
      return 'is not valid';
  }
}
