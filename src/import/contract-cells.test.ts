import { describe, expect, it } from 'vitest';
import {
  readContractAmount,
  readContractDate,
  readContractKind,
  readKvkNumber,
  readOptionalEmail,
  type Cell,
} from './contract-cells.ts';

describe('contract amounts: read as a Dutch user means them, never guessed', () => {
  it.each<{ case: string; cell: Cell; cents?: number; reason?: string }>([
    { case: 'Dutch with thousands and decimals', cell: '1.234,56', cents: 123_456 },
    { case: 'with a euro sign and a space', cell: '€ 1.234,56', cents: 123_456 },
    { case: 'with EUR after it', cell: '1234,5 EUR', cents: 123_450 },
    { case: 'a dot followed by three digits groups thousands', cell: '1.234', cents: 123_400 },
    { case: 'millions grouped by dots', cell: '1.250.000', cents: 125_000_000 },
    { case: 'a decimal point', cell: '1234.56', cents: 123_456 },
    { case: 'whole euros', cell: '150000', cents: 15_000_000 },
    { case: 'a number cell is euros', cell: 250_000.5, cents: 25_000_050 },
    { case: 'a non-breaking space groups thousands', cell: '1\u00a0234,00', cents: 123_400 },
    {
      case: 'English grouping is not guessed',
      cell: '1,234.56',
      reason: 'not an amount in euros: "1,234.56"',
    },
    {
      case: 'three decimals are refused',
      cell: '12,345',
      reason: 'must have at most 2 decimals (whole cents)',
    },
    { case: 'two dots that are not thousands', cell: '1.23.4', reason: 'not an amount in euros: "1.23.4"' },
    { case: 'words', cell: 'tienduizend', reason: 'not an amount in euros: "tienduizend"' },
    { case: 'negative', cell: '-5', reason: 'must not be negative' },
    { case: 'more than €10 billion', cell: '10.000.000.001', reason: 'must be at most €10 billion' },
    { case: 'empty', cell: ' ', reason: 'is required' },
  ])('$case', ({ cell, cents, reason }) =>
    expect(readContractAmount(cell)).toEqual(
      cents === undefined ? { ok: false, reason } : { ok: true, value: cents },
    ),
  );
});

describe('contract dates', () => {
  it.each<{ case: string; cell: Cell; date?: string; reason?: string }>([
    { case: 'ISO', cell: '2026-07-01', date: '2026-07-01' },
    { case: 'Dutch day first', cell: '1-7-2026', date: '2026-07-01' },
    { case: 'with slashes and zeros', cell: '01/07/2026', date: '2026-07-01' },
    { case: 'with dots', cell: '1.7.2026', date: '2026-07-01' },
    { case: 'a leap day', cell: '29-2-2028', date: '2028-02-29' },
    { case: 'a spreadsheet date', cell: new Date(Date.UTC(2026, 6, 1)), date: '2026-07-01' },
    { case: 'an impossible date', cell: '31-6-2026', reason: 'is not a real date: "31-6-2026"' },
    { case: 'no leap day in 2026', cell: '29-2-2026', reason: 'is not a real date: "29-2-2026"' },
    {
      case: 'a two-digit year',
      cell: '1-7-26',
      reason: 'has a two-digit year: write the year in full (e.g. 1-7-2026)',
    },
    { case: 'a number', cell: 46_204, reason: 'is a number, not a date: format the cell as a date' },
  ])('$case', ({ cell, date, reason }) =>
    expect(readContractDate(cell)).toEqual(
      date === undefined ? { ok: false, reason } : { ok: true, value: date },
    ),
  );
});

describe('KvK numbers, kinds and emails', () => {
  it.each<{ case: string; cell: Cell; value?: string; reason?: string }>([
    { case: '8 digits', cell: '12345678', value: '12345678' },
    { case: 'with spaces', cell: '1234 5678', value: '12345678' },
    { case: 'a number cell that lost its leading zero', cell: 1_234_567, value: '01234567' },
    { case: '7 digits as text', cell: '1234567', reason: 'must be a KvK number of 8 digits' },
    { case: 'letters', cell: '1234567a', reason: 'must be a KvK number of 8 digits' },
  ])('KvK: $case', ({ cell, value, reason }) =>
    expect(readKvkNumber(cell)).toEqual(value === undefined ? { ok: false, reason } : { ok: true, value }),
  );

  it.each([
    { cell: 'werken', kind: 'works' },
    { cell: 'Works', kind: 'works' },
    { cell: 'diensten', kind: 'servicesAndSupplies' },
    { cell: 'Leveringen', kind: 'servicesAndSupplies' },
    { cell: 'goods', kind: 'servicesAndSupplies' },
    { cell: '', kind: null },
  ])('kind "$cell" is $kind', ({ cell, kind }) =>
    expect(readContractKind(cell)).toEqual({ ok: true, value: kind }),
  );

  it('refuses an unknown kind', () => expect(readContractKind('bouw').ok).toBe(false));

  it.each([
    { cell: 'CM@Gemeente.nl', value: 'cm@gemeente.nl' },
    { cell: '', value: null },
  ])('email "$cell"', ({ cell, value }) => expect(readOptionalEmail(cell)).toEqual({ ok: true, value }));
});
