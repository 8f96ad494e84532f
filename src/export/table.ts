/**
 * The one model every file export is written from: a table of typed columns over plain rows. The
 * CSV, XLSX and PDF writers read it; routes build it from a use case's answer (the same numbers as
 * the JSON form) and never format a cell themselves.
 */
export type Lang = 'nl' | 'en';
export type Text = Record<Lang, string>;

/**
 * - `cents`: integer euro cents; euros with a euro format in XLSX, `1234,56` in CSV, `€ 1.234,56` in PDF
 * - `decimal`: a quantity with at most two decimals (FTE, months, hours), a decimal comma in CSV
 * - `date`: `YYYY-MM-DD`; a real date cell in XLSX; `dateTime`: an ISO instant, shown in UTC
 */
export type ColumnType = 'text' | 'cents' | 'integer' | 'decimal' | 'date' | 'dateTime';
export type CellValue = string | number | null | undefined;

export interface Column<R> {
  key: string;
  header: Text;
  type: ColumnType;
  value: (row: R, lang: Lang) => CellValue;
  /** Width in characters when the rows are streamed (not measured); default by type. */
  width?: number;
}

export interface Table<R> {
  /** Sheet name (at most 31 characters) and the PDF table's caption. */
  title: Text;
  columns: readonly Column<R>[];
  /** An array is measured to fit the column widths; an async iterable is streamed. */
  rows: readonly R[] | AsyncIterable<readonly R[]>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyTable = Table<any>;

/** The rows in batches, whether the table holds them or streams them. */
export async function* batchesOf<R>(rows: Table<R>['rows']): AsyncIterable<readonly R[]> {
  if (Array.isArray(rows)) {
    yield rows as readonly R[];
    return;
  }
  yield* rows as AsyncIterable<readonly R[]>;
}

/** A column in its language; `t` picks text by language. */
export const t = (text: Text, lang: Lang) => text[lang];

/** A cell as text in the Dutch way (no euro sign, no thousands separator: a number a spreadsheet reads). */
export function plainText(type: ColumnType, v: CellValue): string {
  if (v === null || v === undefined || v === '') return '';
  if (typeof v === 'number') {
    if (type === 'cents') return centsPlain(v);
    if (type === 'decimal') return String(v).replace('.', ',');
    return String(v);
  }
  return v;
}

/** Cents as euros with a decimal comma and no grouping. @example centsPlain(-123456) // '-1234,56' */
export function centsPlain(c: number): string {
  const neg = c < 0;
  const abs = Math.abs(c);
  const euros = Math.floor(abs / 100);
  const rest = abs % 100;
  return `${neg ? '-' : ''}${euros},${rest < 10 ? '0' : ''}${rest}`;
}

/** The file name of a download: lowercase words and digits only. */
export function fileName(base: string, extension: 'csv' | 'xlsx' | 'pdf'): string {
  const safe = base
    .normalize('NFKD')
    .replace(/[^\w.-]+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `${safe || 'export'}.${extension}`;
}

export const mediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;
export type FileFormat = keyof typeof mediaTypes;
