import { describe, expect, it } from 'vitest';
import { getPreset } from '../../domain/index.ts';
import { formatValuations, valueCsv } from './value-csv.ts';

const policy = getPreset('amsterdam');
const context = { contractStart: '2026-01-01', contractEnd: '2027-12-31', obligationCents: 2_500_000 };

describe('valuing an activities CSV', () => {
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
});
