import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitPlainCsv } from './plain-csv.ts';

const csvParse = (text: string, delimiter: string) =>
  parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];

describe('splitPlainCsv', () => {
  it('reads a text without quotes exactly as csv-parse does', () => {
    const piece = fc.constantFrom(
      'a',
      'bc',
      ' ',
      ';',
      ',',
      '\r',
      '\n',
      '\r\n',
      '\t',
      '\uFEFF',
      'é',
      '€',
      '\u2028',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom(';', ','), (pieces, delimiter) => {
        const text = pieces.join('');
        expect(splitPlainCsv(text, delimiter)).toEqual(csvParse(text, delimiter));
      }),
      { numRuns: 3_000 },
    );
  });

  it('examples: line breaks, empty lines, a byte-order mark', () => {
    for (const text of [
      'a;b\r\nc;d\ne;f\rg',
      'a;b\rc\nd',
      'a;b\n\nc;;\n',
      '\n',
      '',
      '\uFEFFa;b\nc',
      'a\r\r\nb',
    ])
      expect(splitPlainCsv(text, ';')).toEqual(csvParse(text, ';'));
  });

  it('leaves a text with a quote to csv-parse', () => {
    expect(splitPlainCsv('a;"b"\n', ';')).toBeUndefined();
  });
});
