import { sql, type SQL } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';

/**
 * The backup archive (decision 023): a gzipped ustar file holding, in this order,
 * - `manifest.json`: format, version, when, the migration level and every table's columns;
 * - `tables/<table>/<nnnnnn>.jsonl`: the rows, one JSON object per line, tables in an order that
 *   respects their foreign keys (parents first), at most 1,000 rows per entry;
 * - `files/<ab>/<sha256>`: each evidence file the rows refer to;
 * - `end.json`: the row count of every table and the number of files. An archive without it is
 *   incomplete and is refused.
 * The same format for PGlite and PostgreSQL, so a backup of one restores into the other.
 */
export const backupFormat = 'retour-backup';

export interface TableInfo {
  name: string;
  columns: string[];
}

export interface MigrationLevel {
  count: number;
  /** The `created_at` (folder timestamp) of the newest migration applied. */
  last: string;
}

export interface BackupManifest {
  format: typeof backupFormat;
  version: 1;
  createdAt: string;
  migrations: MigrationLevel;
  tables: TableInfo[];
}

export interface BackupEnd {
  rows: Record<string, number>;
  files: number;
  missingFiles: string[];
}

export const chunkName = (table: string, part: number) =>
  `tables/${table}/${String(part).padStart(6, '0')}.jsonl`;

export const chunkPattern = /^tables\/([a-z_][a-z0-9_]*)\/\d{6}\.jsonl$/;
export const filePattern = /^files\/([0-9a-f]{2}\/[0-9a-f]{64})$/;

export async function rowsOf<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The migrations applied to this database (drizzle's own bookkeeping table). */
export async function migrationLevel(db: Db | Tx): Promise<MigrationLevel> {
  const [row] = await rowsOf<{ count: number | string; last: unknown }>(
    db,
    sql`select count(*)::int as count, max(created_at)::text as last from drizzle.__drizzle_migrations`,
  );
  return { count: Number(row?.count ?? 0), last: String(row?.last ?? '') };
}

/**
 * Every table of the public schema with its columns in their order, parents before the tables
 * whose foreign keys point at them (so rows can be inserted in this order).
 */
export async function tableColumns(db: Db | Tx): Promise<TableInfo[]> {
  const columns = await rowsOf<{ table_name: string; columns: string[] | string }>(
    db,
    sql`select c.table_name, json_agg(c.column_name::text order by c.ordinal_position) as columns
        from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
        group by c.table_name order by c.table_name`,
  );
  const edges = await rowsOf<{ child: string; parent: string }>(
    db,
    sql`select distinct child.relname::text as child, parent.relname::text as parent
        from pg_constraint c
        join pg_class child on child.oid = c.conrelid
        join pg_class parent on parent.oid = c.confrelid
        join pg_namespace n on n.oid = child.relnamespace
        where c.contype = 'f' and n.nspname = 'public'`,
  );
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of edges) {
    if (child === parent) continue; // a row's parent in its own table: none in this schema
    const set = parents.get(child) ?? new Set<string>();
    set.add(parent);
    parents.set(child, set);
  }
  const infos = columns.map((c) => ({
    name: c.table_name,
    columns: typeof c.columns === 'string' ? (JSON.parse(c.columns) as string[]) : c.columns,
  }));
  const ordered: TableInfo[] = [];
  const placed = new Set<string>();
  while (ordered.length < infos.length) {
    const ready = infos.filter(
      (t) => !placed.has(t.name) && [...(parents.get(t.name) ?? [])].every((p) => placed.has(p)),
    );
    if (ready.length === 0) throw new Error('The tables have a cycle of foreign keys; no load order exists.');
    for (const t of ready) {
      ordered.push(t);
      placed.add(t.name);
    }
  }
  return ordered;
}
