import {
  isBlank,
  readCodeList,
  readDate,
  readEuroCents,
  readInteger,
  readNumber,
  readText,
  type RawCell,
  type Read,
} from './cells.ts';
import type { Sheet } from './sheet.ts';

export type Lang = 'nl' | 'en';

/**
 * - `text`: trimmed text up to `max` characters; `codes`: several codes in one cell
 * - `decimal`: at most two decimals (FTE, months, hours); `integer`: a whole number
 * - `euros`: an amount in euros, read as integer cents; `date`: a date, read as `YYYY-MM-DD`
 */
export type ColumnKind = 'text' | 'codes' | 'decimal' | 'integer' | 'euros' | 'date';
export type CellOut = string | number | string[];

/** A column of an import template: the key the use case reads, the headers users see. */
export interface ImportColumn<K extends string = string> {
  key: K;
  header: Record<Lang, string>;
  kind: ColumnKind;
  /** Longest text, or most codes in a `codes` cell. */
  max?: number;
  /** The column must be in the file (a cell may still be empty). */
  required?: boolean;
  /** A note for the template's header cell: which rows use it. */
  note?: Record<Lang, string>;
}

/** A refused cell, row or file: `row` as the spreadsheet shows it (1 = header, 0 = the whole file). */
export interface RowError {
  row: number;
  column: string;
  reason: string;
}

export interface ReadRow<K extends string> {
  row: number;
  values: Partial<Record<K, CellOut>>;
}

export interface ReadTable<K extends string> {
  rows: ReadRow<K>[];
  /** Rows with at least one refused cell are left out of `rows`. */
  errors: RowError[];
  /** Column key → the header as the file spells it (for errors the use case finds later). */
  headers: Partial<Record<K, string>>;
  /** Rows with data, valid or not. */
  count: number;
}

const normal = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s_*]+/g, ' ')
    .trim();

function readCell(kind: ColumnKind, cell: RawCell, max: number | undefined): Read<CellOut> {
  switch (kind) {
    case 'text':
      return readText(cell, max ?? 2000);
    case 'codes':
      return readCodeList(cell, max ?? 20);
    case 'decimal':
      return readNumber(cell, 2);
    case 'integer':
      return readInteger(cell);
    case 'euros':
      return readEuroCents(cell);
    case 'date':
      return readDate(cell);
  }
}

/**
 * A sheet read against the columns of a template: the header (first row) in Dutch or English or
 * as the keys; every other row cell by cell. Unknown, missing and repeated columns, an empty file,
 * and rows identical to an earlier row are errors; nothing is guessed.
 */
export function readTable<K extends string>(
  sheet: Sheet,
  columns: readonly ImportColumn<K>[],
  lang: Lang,
): ReadTable<K> {
  const table = readTableRowByRow(sheet, columns, lang);
  const rows = [...table.rows];
  return { ...table, rows };
}

/** A table whose rows are read as they are asked for (`errors` grows meanwhile). */
export interface TableRowByRow<K extends string> extends Omit<ReadTable<K>, 'rows'> {
  rows: Iterable<ReadRow<K>>;
}

/**
 * {@link readTable} with the rows read one by one as the caller takes them, so a large file's
 * rows can be checked and saved while the rest is still being read (decision 032). The header's
 * errors are in `errors` at once; a row's errors when that row has been reached.
 */
export function readTableRowByRow<K extends string>(
  sheet: Sheet,
  columns: readonly ImportColumn<K>[],
  lang: Lang,
): TableRowByRow<K> {
  const errors: RowError[] = [];
  const [head, ...body] = sheet.rows;
  if (!head) {
    errors.push({ row: 0, column: '', reason: 'the file is empty: fill in the template' });
    return { rows: [], errors, headers: {}, count: 0 };
  }
  const byName = new Map<string, ImportColumn<K>>();
  for (const c of columns) for (const name of [c.key, c.header.nl, c.header.en]) byName.set(normal(name), c);
  const positions: (ImportColumn<K> | undefined)[] = [];
  const headers: Partial<Record<K, string>> = {};
  const names = head.cells.map((c) => (typeof c === 'string' ? c.trim() : c == null ? '' : String(c)));
  names.forEach((name, i) => {
    if (name === '') {
      if (body.some((r) => !isBlank(r.cells[i])))
        errors.push({ row: head.row, column: columnLetter(i), reason: 'has values but no header' });
      return;
    }
    const column = byName.get(normal(name));
    if (!column) {
      errors.push({
        row: head.row,
        column: name,
        reason: `is not a column of the template (columns: ${columns.map((c) => c.header[lang]).join(', ')})`,
      });
      return;
    }
    if (headers[column.key] !== undefined) {
      errors.push({ row: head.row, column: name, reason: 'appears twice' });
      return;
    }
    headers[column.key] = name;
    positions[i] = column;
  });
  for (const c of columns)
    if (c.required && headers[c.key] === undefined)
      errors.push({ row: head.row, column: c.header[lang], reason: 'is missing: start from the template' });
  const nameAt = (i: number | null) => {
    if (i === null) return '';
    const column = positions[i];
    return (column && headers[column.key]) || names[i] || columnLetter(i);
  };
  for (const issue of sheet.issues)
    errors.push({ row: issue.row, column: nameAt(issue.col), reason: issue.reason });
  if (errors.some((e) => e.row === head.row)) return { rows: [], errors, headers, count: body.length };
  if (body.length === 0) errors.push({ row: 0, column: '', reason: 'the file has no rows below the header' });
  const refused = new Set(sheet.issues.map((i) => i.row));
  const rows = function* (): Generator<ReadRow<K>> {
    const seen = new Map<string, number>();
    for (const { row, cells } of body) {
      const values: Partial<Record<K, CellOut>> = {};
      let bad = refused.has(row);
      positions.forEach((column, i) => {
        const cell = cells[i];
        if (!column || isBlank(cell)) return;
        const read = readCell(column.kind, cell, column.max);
        if (read.ok) values[column.key] = read.value;
        else {
          bad = true;
          errors.push({ row, column: nameAt(i), reason: read.reason });
        }
      });
      if (bad) continue;
      const key = JSON.stringify(columns.map((c) => values[c.key] ?? null));
      const earlier = seen.get(key);
      if (earlier !== undefined) {
        errors.push({ row, column: '', reason: `is the same as row ${earlier}` });
        continue;
      }
      seen.set(key, row);
      yield { row, values };
    }
  };
  return { rows: rows(), errors, headers, count: body.length };
}

/** A, B, …, Z, AA: for a column without a header. */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
