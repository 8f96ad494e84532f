import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell } from './contract-cells.ts';
import { splitPlainCsv } from './plain-csv.ts';
import { decodeText } from './sheet.ts';

/**
 * The contract import's sheet (CSV or XLSX) as rows of cells keyed by column (decision 022). The
 * kind of file is decided by its content, never by its name or Content-Type. Headers may be in
 * English or Dutch; an unknown or missing column is an error of row 1.
 */

/** The columns of a contract sheet, by the name the import's errors use. */
export const contractColumns = [
  'reference',
  'title',
  'supplierKvkNumber',
  'supplierName',
  'value',
  'startDate',
  'endDate',
  'awardDate',
  'kind',
  'contractManagerEmail',
  'maxExtentDate',
] as const;
export type ContractColumn = (typeof contractColumns)[number];

const required: readonly ContractColumn[] = [
  'reference',
  'title',
  'supplierKvkNumber',
  'supplierName',
  'value',
  'startDate',
  'endDate',
];

/** Header words (lower case, without spaces, dashes, underscores and dots) → column. */
const headerNames: Record<string, ContractColumn> = {};
for (const [column, names] of Object.entries({
  reference: ['reference', 'referentie', 'kenmerk', 'contractnummer', 'contractreferentie'],
  title: ['title', 'titel', 'omschrijving', 'naam'],
  supplierKvkNumber: [
    'supplierkvknumber',
    'kvk',
    'kvknummer',
    'kvknumber',
    'kvkleverancier',
    'leverancierkvk',
  ],
  supplierName: ['suppliername', 'supplier', 'leverancier', 'naamleverancier', 'leveranciernaam'],
  value: ['value', 'valueeur', 'waarde', 'opdrachtwaarde', 'contractwaarde', 'waardeeur'],
  startDate: ['startdate', 'start', 'startdatum', 'begindatum', 'ingangsdatum'],
  endDate: ['enddate', 'end', 'einddatum'],
  awardDate: ['awarddate', 'award', 'gunningsdatum', 'gunning'],
  kind: ['kind', 'soort', 'soortopdracht', 'typeopdracht'],
  contractManagerEmail: [
    'contractmanageremail',
    'contractmanager',
    'emailcontractmanager',
    'contractmanagermail',
  ],
  maxExtentDate: ['maxextentdate', 'uitersteeinddatum', 'uiterstedatum', 'maximaleeinddatum'],
} satisfies Record<ContractColumn, string[]>))
  for (const name of names) headerNames[name] = column as ContractColumn;

const headerKey = (text: string) => text.toLowerCase().replace(/[\s_.\-()€]/g, '');

export interface SheetIssue {
  row: number;
  column: string;
  reason: string;
}

export interface ContractSheet {
  /** Data rows with their row number in the file (the header is row 1). */
  rows: { row: number; cells: Partial<Record<ContractColumn, Cell>> }[];
  issues: SheetIssue[];
}

export type FileKind = 'xlsx' | 'json' | 'csv' | 'unknown';

/** What the bytes are: a zip (XLSX), JSON (an OCDS package), or text (CSV). */
export function detectImportKind(bytes: Uint8Array): FileKind {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return 'xlsx';
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] as number)) i++;
  if (bytes[i] === 0x7b) return 'json'; // {
  // text without NUL bytes is read as CSV; anything else (PDF, images, zip of another kind) is not
  const head = bytes.subarray(0, 4096);
  if (head.includes(0) || (bytes[0] === 0x25 && bytes[1] === 0x50)) return 'unknown';
  return 'csv';
}

/**
 * CSV text: UTF-8 (with or without BOM) when it is valid UTF-8, else Windows-1252 (what Dutch
 * Excel writes by default); `;` or `,` separated, whichever the header line uses.
 */
export function decodeCsv(bytes: Uint8Array): string {
  return decodeText(bytes);
}

function mapHeader(headers: readonly string[], issues: SheetIssue[]): (ContractColumn | null)[] {
  const seen = new Set<ContractColumn>();
  const columns = headers.map((h) => {
    if (h.trim() === '') return null;
    const column = headerNames[headerKey(h)];
    if (!column) {
      issues.push({ row: 1, column: h.trim(), reason: 'is not a column of the contract import' });
      return null;
    }
    if (seen.has(column)) issues.push({ row: 1, column: h.trim(), reason: 'appears twice' });
    seen.add(column);
    return column;
  });
  for (const column of required)
    if (!seen.has(column)) issues.push({ row: 1, column, reason: 'column is missing' });
  return columns;
}

/** Reads a CSV contract sheet. */
export function readContractCsv(bytes: Uint8Array): ContractSheet {
  const text = decodeCsv(bytes);
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') ? ';' : ',';
  let records: string[][];
  try {
    records =
      splitPlainCsv(text, delimiter) ??
      parse(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 1;
    return { rows: [], issues: [{ row: line, column: '', reason: 'is not readable as CSV' }] };
  }
  return toSheet(records);
}

function toSheet(records: Cell[][]): ContractSheet {
  const issues: SheetIssue[] = [];
  const [header, ...data] = records;
  if (!header || header.every((c) => String(c ?? '').trim() === ''))
    return { rows: [], issues: [{ row: 1, column: '', reason: 'the file is empty' }] };
  const columns = mapHeader(
    header.map((h) => String(h ?? '')),
    issues,
  );
  const rows: ContractSheet['rows'] = [];
  data.forEach((record, index) => {
    if (record.every((c) => c === null || c === undefined || String(c).trim() === '')) return;
    const cells: Partial<Record<ContractColumn, Cell>> = {};
    record.forEach((cell, i) => {
      const column = columns[i];
      if (column) cells[column] = cell;
    });
    rows.push({ row: index + 2, cells });
  });
  if (rows.length === 0 && issues.length === 0)
    issues.push({ row: 2, column: '', reason: 'the file has no contracts' });
  return { rows, issues };
}

/**
 * Reads the first worksheet of an XLSX contract sheet. Formulas and merged cells are refused (a
 * formula's cached result may be stale; a merged cell has no single row), each naming its cell.
 */
export async function readContractXlsx(bytes: Uint8Array): Promise<ContractSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return { rows: [], issues: [{ row: 1, column: '', reason: 'is not a readable XLSX workbook' }] };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { rows: [], issues: [{ row: 1, column: '', reason: 'the file is empty' }] };
  const issues: SheetIssue[] = [];
  const records: Cell[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const record: Cell[] = [];
    for (let col = 1; col <= width; col++) {
      const cell = row.getCell(col);
      const name = String(records[0]?.[col - 1] ?? cell.address);
      if (cell.isMerged && rowNumber > 1) {
        issues.push({ row: rowNumber, column: name, reason: 'merged cells are not read: unmerge them' });
        record.push(null);
      } else if (cell.type === ExcelJS.ValueType.Formula) {
        issues.push({ row: rowNumber, column: name, reason: 'formulas are not read: type the value' });
        record.push(null);
      } else record.push(plainCell(cell.value));
    }
    records[rowNumber - 1] = record;
  });
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  const sheetResult = toSheet(records);
  // a cell issue names the header as written; map it to the column name when known
  for (const issue of issues) {
    const column = headerNames[headerKey(issue.column)];
    if (column) issue.column = column;
  }
  return { rows: sheetResult.rows, issues: [...sheetResult.issues, ...issues] };
}

function plainCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date || typeof value !== 'object') return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text; // hyperlink
  return null;
}
