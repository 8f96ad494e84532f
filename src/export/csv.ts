import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';
import { batchesOf, plainText, type AnyTable, type Lang } from './table.ts';

/**
 * A cell a spreadsheet will not run as a formula (CSV injection): text starting with = + - @, a
 * tab or a carriage return gets a leading apostrophe. Numbers stay numbers.
 */
export function spreadsheetSafe(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * Writes one table as CSV the way Dutch Excel opens it right: UTF-8 with a byte order mark, `;`
 * between fields, a decimal comma, amounts in euros without a sign or grouping, dates `YYYY-MM-DD`.
 * Rows are written batch by batch as the output drains, so a streamed table is never all in memory.
 */
export async function writeCsv(table: AnyTable, lang: Lang, out: Writable): Promise<void> {
  const csv = stringify({ bom: true, delimiter: ';', record_delimiter: 'windows' });
  const done = pipeline(csv, out);
  const put = async (record: unknown[]) => {
    if (!csv.write(record)) await once(csv, 'drain');
  };
  try {
    await put(table.columns.map((c) => c.header[lang]));
    for await (const batch of batchesOf(table.rows))
      for (const row of batch)
        await put(
          table.columns.map((c) => {
            const text = plainText(c.type, c.value(row, lang));
            return c.type === 'text' ? spreadsheetSafe(text) : text;
          }),
        );
    csv.end();
  } catch (error) {
    csv.destroy(error as Error);
  }
  await done;
}
