import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import {
  batchesOf,
  plainText,
  type AnyTable,
  type CellValue,
  type Column,
  type ColumnType,
  type Lang,
} from './table.ts';

const euroFormat = '"€" #,##0.00;"€" -#,##0.00';
const numberFormats: Partial<Record<ColumnType, Record<Lang, string>>> = {
  cents: { nl: euroFormat, en: euroFormat },
  decimal: { nl: '0.##', en: '0.##' },
  integer: { nl: '0', en: '0' },
  date: { nl: 'dd-mm-yyyy', en: 'yyyy-mm-dd' },
  dateTime: { nl: 'dd-mm-yyyy hh:mm', en: 'yyyy-mm-dd hh:mm' },
};
const defaultWidth: Record<ColumnType, number> = {
  text: 24,
  cents: 16,
  integer: 10,
  decimal: 10,
  date: 12,
  dateTime: 17,
};

/** A cell as XLSX wants it: euros as a number, dates as UTC dates (Excel has no time zones). */
function cellOf(type: ColumnType, v: CellValue): string | number | Date | null {
  if (v === null || v === undefined || v === '') return null;
  if (type === 'cents' && typeof v === 'number') return v / 100;
  if (type === 'date' && typeof v === 'string') return new Date(`${v}T00:00:00Z`);
  if (type === 'dateTime' && typeof v === 'string') return new Date(v);
  return v;
}

/** Column widths that fit: measured over the rows when they are at hand, by type when streamed. */
function widthsOf(table: AnyTable, lang: Lang): number[] {
  return table.columns.map((c: Column<unknown>) => {
    const header = c.header[lang].length + 4; // room for the filter button
    if (!Array.isArray(table.rows)) return Math.max(header, c.width ?? defaultWidth[c.type]);
    let widest = 0;
    for (const row of table.rows as unknown[]) {
      const text = plainText(c.type, c.value(row, lang));
      widest = Math.max(widest, c.type === 'cents' ? text.length + 4 : text.length);
    }
    const floor = c.type === 'text' ? 6 : defaultWidth[c.type];
    return Math.min(60, Math.max(header, floor, widest + 2));
  });
}

const sheetName = (title: string, used: Set<string>) => {
  let name = title.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name.toLowerCase());
  return name;
};

/** Rows written between two turns of the event loop. */
const rowsPerTurn = 500;

/**
 * Gives the compressor a turn of the event loop (its work finishes on the thread pool, and without
 * a turn nothing reaches `out` until the end: the embedded database answers without one), then
 * waits while `out` is full (the client reads slower than we write).
 */
async function flowing(out: Writable): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
  while (out.writableNeedDrain) await once(out, 'drain');
}

/**
 * Writes tables as one workbook, one sheet per table: a header row that stays in view, an
 * autofilter, real number cells (euros with a euro format) and real date cells, widths that fit.
 * exceljs's streaming writer commits each row as it goes and the loop waits while the output is
 * full, so a streamed table is never all in memory.
 */
export async function writeXlsx(tables: readonly AnyTable[], lang: Lang, out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Retour';
  const used = new Set<string>();
  for (const table of tables) {
    const widths = widthsOf(table, lang);
    const sheet = workbook.addWorksheet(sheetName(table.title[lang], used), {
      views: [{ state: 'frozen', ySplit: 1, xSplit: 0 }],
    });
    sheet.columns = table.columns.map((c: Column<unknown>, i) => ({
      key: c.key,
      width: widths[i] ?? 12,
      style: numberFormats[c.type] ? { numFmt: numberFormats[c.type]?.[lang] } : {},
    }));
    const last = sheet.getColumn(table.columns.length).letter;
    sheet.autoFilter = `A1:${last}1`;
    const header = sheet.addRow(table.columns.map((c: Column<unknown>) => c.header[lang]));
    header.font = { bold: true };
    header.commit();
    let sinceTurn = 0;
    for await (const batch of batchesOf(table.rows)) {
      for (const row of batch) {
        sheet.addRow(table.columns.map((c: Column<unknown>) => cellOf(c.type, c.value(row, lang)))).commit();
        if (++sinceTurn === rowsPerTurn) {
          sinceTurn = 0;
          await flowing(out);
        }
      }
      await flowing(out);
    }
    sheet.commit();
  }
  await workbook.commit();
}
