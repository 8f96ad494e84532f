import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { checkCandidate } from './candidate.ts';

describe('checkCandidate (domain.md §8: pseudonymised, never a BSN or name)', () => {
  it.each([
    { case: 'a code as text', input: 'KAND-001', expected: { code: 'KAND-001', targetGroup: null } },
    {
      case: 'a code with target group',
      input: { code: 'k.42', targetGroup: ' WW ' },
      expected: { code: 'k.42', targetGroup: 'WW' },
    },
    {
      case: 'eight digits (not a BSN)',
      input: '12345678',
      expected: { code: '12345678', targetGroup: null },
    },
    { case: 'ten digits', input: '1234567890', expected: { code: '1234567890', targetGroup: null } },
  ])('accepts $case', ({ input, expected }) => expect(checkCandidate(input)).toEqual(expected));

  it.each([
    { case: 'nine digits (a BSN)', input: '123456782', field: 'candidate' },
    { case: 'a BSN with dots', input: '1234.56.782', field: 'candidate' },
    { case: 'a BSN with spaces in an object', input: { code: '1234 56 782' }, field: 'candidate.code' },
    { case: 'a name with a space', input: 'Jan Jansen', field: 'candidate' },
    { case: 'an email address', input: 'jan@example.nl', field: 'candidate' },
    { case: 'empty', input: ' ', field: 'candidate' },
    { case: 'longer than 40', input: 'x'.repeat(41), field: 'candidate' },
  ])('refuses $case naming $field', ({ input, field }) => {
    try {
      checkCandidate(input);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).issues[0]?.name).toBe(field);
    }
  });

  it('no candidate is fine', () => expect(checkCandidate(undefined)).toBeUndefined());
});
