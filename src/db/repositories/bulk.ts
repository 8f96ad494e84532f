import { randomFillSync } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';

/** Rows per statement of a set-based write: one JSON parameter of a few MB at most. */
export const bulkChunkRows = 10_000;

let lastMs = 0;
let counter = 0;
/** Random bytes drawn 8 KiB at a time: one system call per 1,024 ids instead of one per id. */
const pool = new Uint8Array(8192);
let poolAt = pool.length;
const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * A time-ordered UUID (version 7, RFC 9562): 48 bits of milliseconds, a 12-bit counter within the
 * millisecond, 62 random bits. Ids made one after the other ascend, so rows saved in bulk land at
 * the right edge of their primary-key index and of indexes that lead with a parent's id, instead of
 * at random pages (decision 029); any UUID column takes them.
 */
export function uuidV7(): string {
  let ms = Date.now();
  if (ms > lastMs) counter = 0;
  else if (++counter > 0xfff) {
    ms = lastMs + 1;
    counter = 0;
  } else ms = lastMs;
  lastMs = ms;
  if (poolAt + 8 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  const at = poolAt;
  poolAt += 8;
  let tail = '';
  for (let i = at; i < at + 8; i++) tail += hexByte[pool[i]!];
  const time = ms.toString(16).padStart(12, '0');
  const variant = (8 + (pool[at]! & 3)).toString(16);
  return `${time.slice(0, 8)}-${time.slice(8)}-7${counter.toString(16).padStart(3, '0')}-${variant}${tail.slice(1, 4)}-${tail.slice(4, 16)}`;
}

/** A column of a set-based write: its name in the table (and the JSON key) and its SQL type. */
export type BulkColumn = readonly [name: string, type: string];

function columnList(columns: readonly BulkColumn[]): { names: SQL; typed: SQL } {
  for (const [name, type] of columns)
    if (!/^[a-z_]+$/.test(name) || !/^[a-z ]+$/.test(type))
      throw new Error(`bad bulk column ${name} ${type}`);
  return {
    names: sql.raw(columns.map(([name]) => name).join(', ')),
    typed: sql.raw(columns.map(([name, type]) => `${name} ${type}`).join(', ')),
  };
}

/** A PostgreSQL array literal of text values (null as NULL), cast by the statement to its column type. */
function arrayLiteral(values: readonly unknown[]): string {
  return `{${values
    .map((v) =>
      v === null || v === undefined
        ? 'NULL'
        : `"${(typeof v === 'string' ? v : JSON.stringify(v)).replace(/[\\"]/g, '\\$&')}"`,
    )
    .join(',')}}`;
}

/**
 * Inserts many rows in few statements (decision 029): each chunk of {@link bulkChunkRows} rows is
 * one statement with ONE array parameter per column, expanded by `unnest`, so a statement costs one
 * round trip and one parse whatever its size, on PostgreSQL and PGlite alike, and statement-level
 * triggers fire once per chunk. Rows keep their order (unnest keeps it), so serial ids follow it.
 * `onConflict` is appended as it is (a constant clause of the caller).
 */
export async function insertBulkRows(
  tx: Tx,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
  options: { onConflict?: SQL; returning?: SQL } = {},
): Promise<Record<string, unknown>[]> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`bad bulk table ${table}`);
  const { names } = columnList(columns);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += bulkChunkRows) {
    const chunk = rows.slice(i, i + bulkChunkRows);
    const arrays = sql.join(
      columns.map(([name, type]) => sql`${arrayLiteral(chunk.map((r) => r[name]))}::${sql.raw(type)}[]`),
      sql`, `,
    );
    const result = await tx.execute(
      sql`insert into ${sql.raw(table)} (${names})
        select * from unnest(${arrays}) ${options.onConflict ?? sql``} ${options.returning ? sql`returning ${options.returning}` : sql``}`,
    );
    out.push(...rowsOf(result));
  }
  return out;
}

/**
 * Updates many rows of a tenant by id in few statements: `set` columns taken from the JSON rows
 * (each with its `id`), as {@link insertBulkRows}.
 */
export async function updateJsonRows(
  tx: Tx,
  table: string,
  tenantId: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`bad bulk table ${table}`);
  const { typed } = columnList(columns);
  const set = sql.raw(columns.map(([name]) => `${name} = x.${name}`).join(', '));
  for (let i = 0; i < rows.length; i += bulkChunkRows) {
    const chunk = rows.slice(i, i + bulkChunkRows);
    await tx.execute(
      sql`update ${sql.raw(table)} t set ${set}
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(id uuid, ${typed})
        where t.id = x.id and t.tenant_id = ${tenantId}`,
    );
  }
}

/**
 * The set of `values` as ONE JSON parameter, for `inArray(column, jsonTextSet(values))`: no limit
 * on the number of values, unlike a parameter list (PostgreSQL takes at most 65,535 parameters).
 */
export function jsonTextSet(values: readonly string[], as: 'text' | 'uuid' = 'text'): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb)::${sql.raw(as)})`;
}

function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}
