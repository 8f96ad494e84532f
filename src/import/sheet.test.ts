import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { activityColumns } from './activity-sheet.ts';
import { plainCsvRecords, readSheet } from './sheet.ts';
import { readTable } from './table.ts';

const limit = 1024 * 1024;
const utf8 = (s: string) => new TextEncoder().encode(s);

async function xlsx(build: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('Activiteiten'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

async function read(bytes: Uint8Array) {
  return readTable(await readSheet(bytes, limit), activityColumns, 'nl');
}

describe('reading a file against the report template', () => {
  it.each([
    {
      case: 'UTF-8 with BOM, semicolons',
      text: '\ufeffSoort activiteit;Omschrijving\r\ninternship;Café\r\n',
    },
    { case: 'UTF-8 without BOM, commas', text: 'Activity type,Description\ninternship,Café\n' },
    { case: 'API names, tabs', text: 'typeCode\tdescription\ninternship\tCafé\n' },
  ])('reads $case', async ({ text }) => {
    const table = await read(utf8(text));
    expect(table.errors).toEqual([]);
    expect(table.rows).toEqual([{ row: 2, values: { typeCode: 'internship', description: 'Café' } }]);
  });

  it('reads Windows-1252 when the bytes are not UTF-8', async () => {
    // "Café" and "€ 1.234,56" as Excel on Windows saves them: é = 0xE9, € = 0x80
    const cp1252 = new Uint8Array([
      ...utf8('Soort activiteit;Omschrijving;Bedrag ('),
      0x80,
      ...utf8(')\r\ninternship;Caf'),
      0xe9,
      ...utf8(';'),
      0x80,
      ...utf8(' 1.234,56\r\n'),
    ]);
    const table = await read(cp1252);
    expect(table.errors).toEqual([]);
    expect(table.rows[0]?.values).toEqual({ typeCode: 'internship', description: 'Café', amount: 123_456 });
  });

  it('reads XLSX number, date and text cells', async () => {
    const bytes = await xlsx((s) => {
      s.addRow(['Soort activiteit', 'Bedrag (€)', 'Begindatum', 'Einddatum', 'Kandidaat']);
      s.addRow(['spend-social', 1234.56, new Date(Date.UTC(2026, 0, 5)), '30-6-2026', 'KAND-1']);
    });
    const table = await read(bytes);
    expect(table.errors).toEqual([]);
    expect(table.rows[0]?.values).toEqual({
      typeCode: 'spend-social',
      amount: 123_456,
      startDate: '2026-01-05',
      endDate: '2026-06-30',
      candidate: 'KAND-1',
    });
  });

  it('refuses formulas and merged cells in XLSX, by row and column', async () => {
    const bytes = await xlsx((s) => {
      s.addRow(['Soort activiteit', 'Aantal', 'Omschrijving']);
      s.addRow(['internship', 1, 'a']);
      s.getCell('B2').value = { formula: '1+1', result: 2 } as ExcelJS.CellFormulaValue;
      s.addRow(['internship', 2, 'b']);
      s.mergeCells('A3:C3');
    });
    const table = await read(bytes);
    expect(table.rows).toEqual([]);
    expect(table.errors).toEqual(
      expect.arrayContaining([
        { row: 2, column: 'Aantal', reason: 'contains a formula: paste the values only' },
        { row: 3, column: 'Soort activiteit', reason: 'is a merged cell: unmerge it' },
      ]),
    );
  });

  it('refuses CSV cells that a spreadsheet would run as formulas', async () => {
    const table = await read(
      utf8('Soort activiteit;Omschrijving\ninternship;=HYPERLINK("x")\ninternship;-2+3\n'),
    );
    expect(table.errors).toEqual([
      { row: 2, column: 'Omschrijving', reason: 'looks like a formula: type the value itself' },
      { row: 3, column: 'Omschrijving', reason: 'looks like a formula: type the value itself' },
    ]);
  });

  it.each([
    {
      case: 'an empty file',
      text: '',
      errors: [{ row: 0, column: '', reason: 'the file is empty: fill in the template' }],
    },
    {
      case: 'only blank lines',
      text: '\n\n;\n',
      errors: [{ row: 0, column: '', reason: 'the file is empty: fill in the template' }],
    },
    {
      case: 'a header without rows',
      text: 'Soort activiteit;Aantal\n',
      errors: [{ row: 0, column: '', reason: 'the file has no rows below the header' }],
    },
    {
      case: 'a missing required column',
      text: 'Aantal\n3\n',
      errors: [{ row: 1, column: 'Soort activiteit', reason: 'is missing: start from the template' }],
    },
    {
      case: 'a repeated column',
      text: 'Soort activiteit;Aantal;Units\ninternship;1;2\n',
      errors: [{ row: 1, column: 'Units', reason: 'appears twice' }],
    },
    {
      case: 'values under an empty header',
      text: 'Soort activiteit;;Aantal\ninternship;x;1\n',
      errors: [{ row: 1, column: 'B', reason: 'has values but no header' }],
    },
    {
      case: 'a duplicate row',
      text: 'Soort activiteit;Aantal\ninternship;1\ninternship;1,0\n',
      errors: [{ row: 3, column: '', reason: 'is the same as row 2' }],
    },
    {
      case: 'a bad amount and a bad date',
      text: 'Soort activiteit;Bedrag (€);Begindatum\nspend-social;12,3456;1-13-2026\n',
      errors: [
        { row: 2, column: 'Bedrag (€)', reason: 'has more than 2 decimals' },
        { row: 2, column: 'Begindatum', reason: 'is not a real date: "1-13-2026"' },
      ],
    },
  ])('reports $case', async ({ text, errors }) => {
    expect((await read(utf8(text))).errors).toEqual(errors);
  });

  it('refuses other file types by content, and files over the limit', async () => {
    const pdf = utf8('%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
    await expect(readSheet(pdf, limit)).rejects.toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' });
    await expect(readSheet(new Uint8Array([0x41, 0x00, 0x42]), limit)).rejects.toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    await expect(readSheet(utf8('typeCode\ninternship\n'), 10)).rejects.toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
    });
  });
});

describe('CSV without quotes (the fast path of decision 028)', () => {
  const csvParse = (text: string, delimiter: string) =>
    parse(text, {
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];

  it('reads every text without quotes as csv-parse does: records, cells and line numbers', () => {
    const piece = fc.constantFrom('a', 'b', ' ', ';', ',', '\t', '\r\n', '\n', '\r', 'é', '€', '\ufeff');
    const textArb = fc
      .tuple(fc.boolean(), fc.array(piece, { maxLength: 40 }))
      .map(([bom, parts]) => (bom ? '\ufeff' : '') + parts.join(''));
    fc.assert(
      fc.property(textArb, fc.constantFrom(';', ',', '\t'), (text, delimiter) => {
        const fast = plainCsvRecords(text, delimiter);
        if (fast === undefined) return; // line ends of two kinds: csv-parse reads it
        expect(fast.map((r) => [r.info.lines, r.record])).toEqual(
          csvParse(text, delimiter).map((r) => [r.info.lines, r.record]),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it('leaves quotes and mixed line ends to csv-parse', () => {
    expect(plainCsvRecords('a;"b;c"\n', ';')).toBeUndefined();
    expect(plainCsvRecords('a;b\r\nc\nd', ';')).toBeUndefined();
    expect(plainCsvRecords('a;b\rc', ';')).toBeUndefined();
    expect(plainCsvRecords('\ufeffa;b\r\n\r\nc;d\r\n', ';')).toEqual([
      { record: ['a', 'b'], info: { lines: 1 } },
      { record: ['c', 'd'], info: { lines: 3 } },
    ]);
  });
});
