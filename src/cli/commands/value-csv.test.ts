import { describe, expect, it } from 'vitest';
import { applyTargetGroupTable, getPreset } from '../../domain/index.ts';
import { formatValuations, readDecimal, valueCsv } from './value-csv.ts';

const policy = getPreset('amsterdam');
const context = { contractStart: '2026-01-01', contractEnd: '2027-12-31', obligationCents: 2_500_000 };

describe('valuing an activities CSV', () => {
  it('values target-group rows with the policy’s groups and bonuses (domain.md §11)', () => {
    const csv = [
      'typeCode;period;months;targetGroup;hoursPerWeek;bonuses',
      'tg-job;2026-H1;6;pw-lt2;24;',
      'tg-job;2026-H1;6;register;36;age-50|permanent',
      'tg-job;2026-H1;6;martian;36;',
    ].join('\n');
    const result = valueCsv(csv, applyTargetGroupTable(policy, 'utrecht'), context);
    expect(result.rows.map((r) => r.valueCents ?? null)).toEqual([1_333_333, 3_500_000, null]);
    expect(result.rows[2]?.error).toContain('targetGroup');
  });

  it('values each row, sums the rounded values and reports bad rows without stopping', () => {
    const csv = [
      'typeCode,period,fte,months,units,hours,amountCents',
      'job-benefits,2026-H1,1,6,,,',
      'internship,2026-H1,,,2,,',
      'initiative-hours,2026-H2,,,,10.5,',
      'sw-purchase,2026-H2,,,,,1000000',
      'job-benefits,2026-H1,2,6,,,',
      'no-such-type,2026-H1,,,1,,',
    ].join('\n');
    const result = valueCsv(csv, policy, context);
    expect(result.rows.map((r) => r.valueCents ?? null)).toEqual([
      1_750_000,
      500_000,
      63_000,
      300_000,
      null,
      null,
    ]);
    expect(result.totalCents).toBe(1_750_000 + 500_000 + 63_000 + 300_000);
    expect(result.rows[4]?.error).toContain('fte');
    expect(result.rows[5]?.error).toContain('no-such-type');
    expect(formatValuations(result)).toContain('total €26.130,00 (4 valued, 2 refused)');
  });

  it('reads Dutch Excel CSV: semicolons and decimal commas, amounts in euros', () => {
    const csv =
      'typeCode;period;fte;months;amount\njob-benefits;2026-H1;0,5;6;\ntraining;2026-H1;;;1.234,56\n';
    const result = valueCsv(csv, policy, context);
    expect(result.rows.map((r) => r.valueCents)).toEqual([875_000, 123_456]);
  });

  it.each([
    { case: 'dot decimal in a semicolon CSV', delimiter: ';', hours: '10.5', value: 63_000 },
    { case: 'comma decimal in a semicolon CSV', delimiter: ';', hours: '10,5', value: 63_000 },
    { case: 'dot decimal in a comma CSV', delimiter: ',', hours: '10.5', value: 63_000 },
    { case: 'quoted comma decimal in a comma CSV', delimiter: ',', hours: '"10,5"', value: 63_000 },
    { case: 'grouped thousands with a decimal comma', delimiter: ';', hours: '1.234,5', value: 7_407_000 },
    { case: 'grouped thousands with a decimal point', delimiter: ';', hours: '1,234.5', value: 7_407_000 },
    { case: 'two decimals', delimiter: ';', hours: '0,25', value: 1_500 },
  ])('§6 reads hours written as $case', ({ delimiter, hours, value }) => {
    const csv = [
      ['typeCode', 'period', 'hours'].join(delimiter),
      ['initiative-hours', '2026-H1', hours].join(delimiter),
    ].join('\n');
    const result = valueCsv(csv, policy, context);
    expect(result.rows[0]?.error).toBeUndefined();
    expect(result.rows[0]?.valueCents).toBe(value);
  });

  it.each([
    { case: 'one dot and three digits is ambiguous', column: 'hours', cell: '1.234', says: 'ambiguous' },
    { case: 'one comma and three digits is ambiguous', column: 'hours', cell: '"1,234"', says: 'ambiguous' },
    { case: 'badly grouped thousands', column: 'hours', cell: '12.34.5', says: 'not a number' },
    { case: 'a word', column: 'fte', cell: 'half', says: 'not a number' },
    {
      case: 'euros with 3 decimals are refused, not rounded',
      column: 'amount',
      cell: '1234.555',
      says: 'more than 2 decimals',
    },
    { case: 'euros with 4 decimals', column: 'amount', cell: '"1234,5678"', says: 'more than 2 decimals' },
  ])('§6 refuses $case, naming row and column', ({ column, cell, says }) => {
    const type = column === 'amount' ? 'training' : column === 'fte' ? 'job-benefits' : 'initiative-hours';
    const extra = column === 'fte' ? ',months' : '';
    const csv = `typeCode,period,${column}${extra}\n${type},2026-H1,${cell}${column === 'fte' ? ',6' : ''}\n`;
    const result = valueCsv(csv, policy, context);
    expect(result.totalCents).toBe(0);
    const text = formatValuations(result);
    expect(text).toContain(`row 2  ${type}  REFUSED: column ${column}:`);
    expect(text).toContain(says);
  });

  it.each([
    { case: 'no obligation', context: { contractStart: '2026-01-01', contractEnd: '2027-12-31' } },
    { case: 'no term', context: { obligationCents: 2_500_000 } },
    { case: 'neither', context: {} },
  ])('§6 refuses a PSO certificate with $case instead of valuing it at €0', ({ context: ctx }) => {
    const csv = 'typeCode,period,validFrom,validTo\npso-2,2026-H1,2026-01-01,2026-12-31\n';
    const result = valueCsv(csv, policy, ctx);
    expect(result.rows[0]?.valueCents).toBeUndefined();
    expect(result.rows[0]?.error).toContain('give --obligation <euros> and --contract-start/--contract-end');
  });

  it('values a PSO certificate with the obligation and the term', () => {
    const csv = 'typeCode,validFrom,validTo\npso-2,2026-01-01,2027-12-31\n';
    expect(valueCsv(csv, policy, context).rows[0]?.valueCents).toBe(2_500_000);
  });

  it('without a term values each row within its own half-year, and needs the period', () => {
    const csv = 'typeCode,period,fte,months\njob-benefits,2026-H1,1,6\njob-benefits,,1,6\n';
    const result = valueCsv(csv, policy);
    expect(result.rows[0]?.valueCents).toBe(1_750_000);
    expect(result.rows[1]?.error).toContain('needs a period');
  });

  it.each([
    { raw: '10', out: '10' },
    { raw: '-10,5', out: '-10.5' },
    { raw: '0,125', out: '0.125' },
    { raw: '1.234.567', out: '1234567' },
    { raw: '1.234.567,89', out: '1234567.89' },
  ])('reads $raw as $out', ({ raw, out }) => expect(readDecimal(raw, 'x')).toBe(out));
});
