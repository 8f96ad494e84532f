import { describe, expect, it } from 'vitest';
import type { Report } from './model.ts';
import { halfYearsOfTerm, nextReportOpening } from './reports.ts';

const report = (period: string) => ({ period }) as Report;

describe('the half-years of a term and the next report to open (decision 035)', () => {
  it.each([
    ['2026-03-15', '2027-02-10', ['2026-H1', '2026-H2', '2027-H1']],
    ['2026-07-01', '2026-12-31', ['2026-H2']],
    ['2026-06-30', '2026-07-01', ['2026-H1', '2026-H2']],
  ])('%s – %s: %j', (start, end, halves) => expect(halfYearsOfTerm(start, end)).toEqual(halves));

  it.each([
    ['no report yet', [], '2027-03-01', '2028-02-29', { period: '2027-H1', opensOn: '2027-01-01' }],
    [
      'after the latest',
      ['2026-H1', '2026-H2'],
      '2026-01-01',
      '2027-12-31',
      { period: '2027-H1', opensOn: '2027-01-01' },
    ],
    ['a second half', ['2027-H1'], '2027-01-01', '2027-12-31', { period: '2027-H2', opensOn: '2027-07-01' }],
    ['every half-year has one', ['2026-H1', '2026-H2'], '2026-01-01', '2026-12-31', undefined],
    [
      'corrections of one half-year',
      ['2026-H2', '2026-H2'],
      '2026-07-01',
      '2027-06-30',
      { period: '2027-H1', opensOn: '2027-01-01' },
    ],
  ])('%s', (_, periods, start, end, next) =>
    expect(nextReportOpening(periods.map(report), start, end)).toEqual(next),
  );
});
