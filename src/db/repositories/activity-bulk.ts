import { getTableColumns, sql } from 'drizzle-orm';
import type { Tx } from '../client.ts';
import { activities } from '../schema/index.ts';
import { uuidV7 } from './bulk.ts';
import { openRowSink, type RowSink } from './bulk-copy.ts';
import type { NewActivity } from './activities.ts';

/** Rows per insert statement: one JSON parameter of a few MB, well inside memory on both databases. */
const insertChunk = 10_000;

/**
 * Many activities in few statements (decision 028): each chunk of rows goes as one JSON parameter,
 * expanded by `json_populate_recordset` into the table's own row type, so PostgreSQL casts every
 * value exactly as a single insert would. The rollup triggers are per statement and see the chunk
 * as their transition table. Columns left out of the rows keep their defaults (id, verification).
 */
export async function insertActivities(tx: Tx, rows: readonly NewActivity[]): Promise<number> {
  if (rows.length === 0) return 0;
  const columns = getTableColumns(activities);
  const given = (Object.keys(columns) as (keyof typeof columns)[]).filter((key) =>
    rows.some((r) => r[key] !== undefined),
  );
  const names = sql.join(
    given.map((key) => sql.identifier(columns[key].name)),
    sql.raw(', '),
  );
  let inserted = 0;
  for (let at = 0; at < rows.length; at += insertChunk) {
    const chunk = rows.slice(at, at + insertChunk).map((r) => {
      const o: Record<string, unknown> = {};
      for (const key of given) {
        const v = r[key];
        o[columns[key].name] = v instanceof Date ? v.toISOString() : (v ?? null);
      }
      return o;
    });
    await tx.execute(
      sql`insert into activities (${names}) select ${names} from json_populate_recordset(null::activities, ${JSON.stringify(chunk)}::json)`,
    );
    inserted += chunk.length;
  }
  return inserted;
}

const columns = getTableColumns(activities);
const keys = Object.keys(columns) as (keyof typeof columns)[];

/** A row's value of a column, or what the table would have put there (id, verification, time). */
function cell(row: NewActivity, key: keyof typeof columns): unknown {
  const v = row[key];
  if (v !== undefined) return v;
  if (key === 'id') return uuidV7();
  if (key === 'createdAt') return new Date();
  const fallback = columns[key].default;
  return fallback === undefined || typeof fallback === 'object' ? null : fallback;
}

/**
 * Activities written as they are accepted (decision 032): on PostgreSQL one COPY streams them while
 * the import checks the next rows; on PGlite they are kept and saved by {@link insertActivities}.
 * Every column is sent; one a row leaves out gets the table's default (a new id, `pending`, now).
 */
export function openActivitySink(tx: Tx): RowSink<NewActivity> {
  return openRowSink<NewActivity>(
    tx,
    'activities',
    keys.map((key) => columns[key].name),
    (row) => keys.map((key) => cell(row, key)),
    (kept) => insertActivities(tx, kept),
  );
}
