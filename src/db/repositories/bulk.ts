import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '../client.ts';

/** Rows per statement of a set-based write: one JSON parameter of a few MB at most. */
export const bulkChunkRows = 10_000;

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

/**
 * Inserts many rows in few statements (decision 029): each chunk of {@link bulkChunkRows} rows is
 * ONE JSON parameter expanded by `jsonb_to_recordset`, so a statement costs one round trip and one
 * parse whatever its size, on PostgreSQL and PGlite alike, and statement-level triggers fire once
 * per chunk. Rows keep their order (the `n` key orders the select), so serial ids follow it.
 * `onConflict` is appended as it is (a constant clause of the caller).
 */
export async function insertJsonRows(
  tx: Tx,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
  options: { onConflict?: SQL; returning?: SQL } = {},
): Promise<Record<string, unknown>[]> {
  if (!/^[a-z_]+$/.test(table)) throw new Error(`bad bulk table ${table}`);
  const { names, typed } = columnList(columns);
  const out: Record<string, unknown>[] = [];
  for (let i = 0; i < rows.length; i += bulkChunkRows) {
    const chunk = rows.slice(i, i + bulkChunkRows).map((r, n) => ({ ...r, n }));
    const result = await tx.execute(
      sql`insert into ${sql.raw(table)} (${names})
        select ${names} from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(${typed}, n int)
        order by n ${options.onConflict ?? sql``} ${options.returning ? sql`returning ${options.returning}` : sql``}`,
    );
    out.push(...rowsOf(result));
  }
  return out;
}

/**
 * Updates many rows of a tenant by id in few statements: `set` columns taken from the JSON rows
 * (each with its `id`), as {@link insertJsonRows}.
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
