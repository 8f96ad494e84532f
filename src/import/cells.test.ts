import { describe, expect, it } from 'vitest';
import {
  looksLikeFormula,
  readCodeList,
  readDate,
  readEuroCents,
  readInteger,
  readNumber,
  readText,
  type RawCell,
} from './cells.ts';

const value = <T>(r: { ok: true; value: T } | { ok: false; reason: string }) => (r.ok ? r.value : undefined);
const reason = (r: { ok: boolean; reason?: string }) => (r.ok ? undefined : r.reason);

describe('readEuroCents', () => {
  it.each<{ case: string; cell: RawCell; cents: number }>([
    { case: 'Dutch with thousands', cell: '1.234,56', cents: 123_456 },
    { case: 'Dutch without thousands', cell: '1234,56', cents: 123_456 },
    { case: 'euro sign and space', cell: '€ 1.234,56', cents: 123_456 },
    { case: 'euro sign, no space', cell: '€1.234,56', cents: 123_456 },
    { case: 'non-breaking space', cell: '€\u00a01.234,56', cents: 123_456 },
    { case: 'dot decimal', cell: '1234.56', cents: 123_456 },
    { case: 'English with thousands', cell: '1,234.56', cents: 123_456 },
    { case: 'one decimal', cell: '12,5', cents: 1_250 },
    { case: 'whole euros', cell: '2500', cents: 250_000 },
    { case: 'thousands only (3 digits after the mark)', cell: '1.234', cents: 123_400 },
    { case: 'millions', cell: '1.234.567', cents: 123_456_700 },
    { case: 'millions with cents', cell: '1.234.567,89', cents: 123_456_789 },
    { case: 'number cell', cell: 1234.56, cents: 123_456 },
    { case: 'number cell with float noise', cell: 0.1 + 0.2, cents: 30 },
    { case: 'zero', cell: '0', cents: 0 },
    { case: 'leading zero with decimals', cell: '0,50', cents: 50 },
  ])('reads $case', ({ cell, cents }) => expect(value(readEuroCents(cell))).toBe(cents));

  it.each<{ case: string; cell: RawCell; reason: string }>([
    { case: 'three decimals after a zero', cell: '0,125', reason: 'has more than 2 decimals' },
    { case: 'three decimals', cell: '1234,567', reason: 'has more than 2 decimals' },
    { case: 'negative', cell: '-5', reason: 'must not be negative' },
    { case: 'text', cell: 'vijf', reason: 'is not a number: "vijf"' },
    { case: 'two decimal marks alike', cell: '1,23,45', reason: 'is not a number: "1,23,45"' },
    { case: 'marks the wrong way round', cell: '1,234,56.7', reason: 'is not a number: "1,234,56.7"' },
    { case: 'number cell with a fraction of a cent', cell: 1.005, reason: 'has more than 2 decimals' },
    { case: 'a date cell', cell: new Date(Date.UTC(2026, 0, 1)), reason: 'is not a number' },
  ])('refuses $case', ({ cell, reason: expected }) => expect(reason(readEuroCents(cell))).toBe(expected));
});

describe('readNumber and readInteger', () => {
  it.each<{ case: string; cell: RawCell; n: number }>([
    { case: 'decimal comma', cell: '0,5', n: 0.5 },
    { case: 'decimal dot', cell: '0.75', n: 0.75 },
    { case: 'signed', cell: '-1,5', n: -1.5 },
    { case: 'number cell', cell: 6, n: 6 },
    { case: 'thousands', cell: '1.040', n: 1040 },
  ])('reads $case', ({ cell, n }) => expect(value(readNumber(cell))).toBe(n));

  it.each<{ case: string; cell: RawCell; expected: number | string }>([
    { case: 'whole', cell: '3', expected: 3 },
    { case: 'with thousands', cell: '1.000', expected: 1000 },
    { case: 'zero decimals', cell: '2,00', expected: 2 },
    { case: 'a fraction', cell: '2,5', expected: 'must be a whole number' },
    { case: 'a number cell with a fraction', cell: 2.5, expected: 'must be a whole number' },
  ])('integer: $case', ({ cell, expected }) => {
    const r = readInteger(cell);
    expect(r.ok ? r.value : r.reason).toBe(expected);
  });
});

describe('readDate', () => {
  it.each<{ case: string; cell: RawCell; iso: string }>([
    { case: 'ISO', cell: '2026-07-01', iso: '2026-07-01' },
    { case: 'Dutch, short', cell: '1-7-2026', iso: '2026-07-01' },
    { case: 'Dutch, padded', cell: '01-07-2026', iso: '2026-07-01' },
    { case: 'Dutch with slashes', cell: '1/7/2026', iso: '2026-07-01' },
    { case: 'Dutch with dots', cell: '1.7.2026', iso: '2026-07-01' },
    { case: 'leap day', cell: '29-2-2028', iso: '2028-02-29' },
    { case: 'spaces around', cell: ' 31-12-2026 ', iso: '2026-12-31' },
    { case: 'an XLSX date cell (UTC)', cell: new Date(Date.UTC(2026, 6, 1)), iso: '2026-07-01' },
  ])('reads $case', ({ cell, iso }) => expect(value(readDate(cell))).toBe(iso));

  it.each<{ case: string; cell: RawCell; reason: string }>([
    { case: 'an impossible day', cell: '31-6-2026', reason: 'is not a real date: "31-6-2026"' },
    { case: 'no leap day', cell: '29-02-2026', reason: 'is not a real date: "29-02-2026"' },
    { case: 'month 13', cell: '2026-13-01', reason: 'is not a real date: "2026-13-01"' },
    {
      case: 'a two-digit year',
      cell: '1-7-26',
      reason: 'has a two-digit year: write the year in full (e.g. 1-7-2026)',
    },
    {
      case: 'mixed separators',
      cell: '1-7/2026',
      reason: 'is not a date: "1-7/2026" (write 2026-07-01 or 1-7-2026)',
    },
    {
      case: 'words',
      cell: '1 juli 2026',
      reason: 'is not a date: "1 juli 2026" (write 2026-07-01 or 1-7-2026)',
    },
    { case: 'a number cell', cell: 46204, reason: 'is a number, not a date: format the cell as a date' },
  ])('refuses $case', ({ cell, reason: expected }) => expect(reason(readDate(cell))).toBe(expected));
});

describe('looksLikeFormula', () => {
  it.each<{ text: string; formula: boolean }>([
    { text: '=SUM(A1:A3)', formula: true },
    { text: '@SUM(A1)', formula: true },
    { text: '+A1*2', formula: true },
    { text: '-2+3', formula: true },
    { text: "=cmd|' /C calc'!A0", formula: true },
    { text: '-12,5', formula: false },
    { text: '+31', formula: false },
    { text: '- € 5', formula: false },
    { text: 'KAND-001', formula: false },
    { text: 'Stage bij de gemeente', formula: false },
  ])('$text → $formula', ({ text, formula }) => expect(looksLikeFormula(text)).toBe(formula));
});

describe('readText and readCodeList', () => {
  it('trims text and writes numbers as shown', () => {
    expect(value(readText('  KAND-1 ', 40))).toBe('KAND-1');
    expect(value(readText(42, 40))).toBe('42');
    expect(reason(readText('x'.repeat(41), 40))).toBe('is longer than 40 characters');
    expect(reason(readText(new Date(0), 40))).toBe('is a date, not text');
  });
  it('splits codes on commas, semicolons, bars and line breaks, once each', () => {
    expect(value(readCodeList('age-50, long-unemployed;x|age-50\ny', 20))).toEqual([
      'age-50',
      'long-unemployed',
      'x',
      'y',
    ]);
    expect(reason(readCodeList('a,b,c', 2))).toBe('has more than 2 codes');
  });
});
