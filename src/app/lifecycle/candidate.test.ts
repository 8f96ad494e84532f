import { describe, expect, it } from 'vitest';
import { DomainError } from '../../domain/errors.ts';
import { checkCandidate } from './candidate.ts';

const none = { targetGroup: null, startDate: null, endDate: null, hoursPerWeek: null };

describe('checkCandidate (domain.md §8: pseudonymised, never a BSN or name)', () => {
  it.each([
    { case: 'a code as text', input: 'KAND-001', expected: { ...none, code: 'KAND-001' } },
    {
      case: 'a code with target group',
      input: { code: 'k.42', targetGroup: ' WW ' },
      expected: { ...none, code: 'k.42', targetGroup: 'WW' },
    },
    {
      case: 'a placement with start, end and hours per week',
      input: { code: 'K1', startDate: '2026-01-05', endDate: '2026-06-30', hoursPerWeek: 32.5 },
      expected: { ...none, code: 'K1', startDate: '2026-01-05', endDate: '2026-06-30', hoursPerWeek: 32.5 },
    },
    {
      case: 'a one-day placement',
      input: { code: 'K1', startDate: '2026-01-05', endDate: '2026-01-05' },
      expected: { ...none, code: 'K1', startDate: '2026-01-05', endDate: '2026-01-05' },
    },
    { case: 'eight digits (not a BSN)', input: '12345678', expected: { ...none, code: '12345678' } },
    { case: 'ten digits', input: '1234567890', expected: { ...none, code: '1234567890' } },
  ])('accepts $case', ({ input, expected }) => expect(checkCandidate(input)).toEqual(expected));

  it.each([
    { case: 'nine digits (a BSN)', input: '123456782', field: 'candidate' },
    { case: 'a BSN with dots', input: '1234.56.782', field: 'candidate' },
    { case: 'a BSN with spaces in an object', input: { code: '1234 56 782' }, field: 'candidate.code' },
    { case: 'a name with a space', input: 'Jan Jansen', field: 'candidate' },
    { case: 'an email address', input: 'jan@example.nl', field: 'candidate' },
    { case: 'empty', input: ' ', field: 'candidate' },
    { case: 'longer than 40', input: 'x'.repeat(41), field: 'candidate' },
    {
      case: 'an end before the start',
      input: { code: 'K1', startDate: '2026-03-01', endDate: '2026-02-28' },
      field: 'candidate.endDate',
    },
    { case: 'zero hours a week', input: { code: 'K1', hoursPerWeek: 0 }, field: 'candidate.hoursPerWeek' },
    { case: '61 hours a week', input: { code: 'K1', hoursPerWeek: 61 }, field: 'candidate.hoursPerWeek' },
    { case: '3 decimals', input: { code: 'K1', hoursPerWeek: 32.125 }, field: 'candidate.hoursPerWeek' },
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
