import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { FileStore } from '../files/file-store.ts';
import {
  backupFormat,
  chunkPattern,
  filePattern,
  migrationLevel,
  rowsOf,
  tableColumns,
  type BackupEnd,
  type BackupManifest,
  type TableInfo,
} from './format.ts';
import { readTar } from './tar.ts';

export interface RestoreSummary {
  createdAt: string;
  tables: number;
  rows: number;
  files: number;
  missingFiles: string[];
}

/** A refusal the operator can act on (wrong file, not empty, another version). */
export class RestoreRefused extends Error {}

/** Derived from other tables and rebuilt after a restore rather than copied. */
const rebuilt = new Set(['progress_sums']);

/**
 * Loads a backup written by `writeBackup` into this database, in one transaction: either every row
 * is restored or none. The database must be at the backup's migration level and empty, unless
 * `replace` (then every table is emptied first, inside the same transaction). Triggers are off
 * while rows load (the audit log's append-only guard, the rollup upkeep); the rollup is rebuilt
 * and the id sequences moved past the restored rows at the end. Evidence files are put into the
 * store as they come; each is checked against its SHA-256 name.
 */
export async function restoreBackup(
  db: Db,
  store: FileStore,
  file: string,
  options: { replace?: boolean } = {},
): Promise<RestoreSummary> {
  const input = createReadStream(file);
  const gunzip = createGunzip();
  input.on('error', (error) => gunzip.destroy(error));
  try {
    const entries = readTar(input.pipe(gunzip));
    const first = await entries.next().catch((error: unknown) => {
      throw new RestoreRefused(`${file} is not a Retour backup (${(error as Error).message}).`);
    });
    const manifest = first.done ? undefined : parseManifest(first.value.name, first.value.bytes);
    if (!manifest) throw new RestoreRefused(`${file} is not a Retour backup (no manifest).`);

    return await db.transaction(async (tx) => {
      const tables = await tableColumns(tx);
      await checkCompatible(tx, manifest, tables);
      const occupied = await nonEmptyTables(tx, tables);
      if (occupied.length > 0 && !options.replace)
        throw new RestoreRefused(
          `The database already holds data (${occupied.slice(0, 5).join(', ')}${occupied.length > 5 ? ', …' : ''}). ` +
            'Restore into an empty database, or pass --replace to overwrite everything in it.',
        );
      for (const { name } of tables)
        await tx.execute(sql`alter table ${sql.identifier(name)} disable trigger user`);
      if (occupied.length > 0)
        await tx.execute(sql.raw(`truncate table ${tables.map((t) => `"${t.name}"`).join(', ')}`));

      const loaded: Record<string, number> = {};
      let files = 0;
      let end: BackupEnd | undefined;
      for await (const entry of entries) {
        if (end) throw new RestoreRefused(`The backup has entries after its end (${entry.name}).`);
        const table = chunkPattern.exec(entry.name)?.[1];
        const key = filePattern.exec(entry.name)?.[1];
        if (table) {
          if (!tables.some((t) => t.name === table))
            throw new RestoreRefused(`Unknown table in the backup: ${table}`);
          const lines = entry.bytes.toString('utf8').split('\n').filter(Boolean);
          loaded[table] = (loaded[table] ?? 0) + lines.length;
          if (rebuilt.has(table)) continue;
          await tx.execute(
            sql`insert into ${sql.identifier(table)}
                select * from json_populate_recordset(null::${sql.identifier(table)}, ${`[${lines.join(',')}]`}::text::json)`,
          );
        } else if (key) {
          const stored = await store.put(entry.bytes);
          if (stored.storageKey !== key)
            throw new RestoreRefused(
              `The evidence file ${key} in the backup is damaged (its SHA-256 differs).`,
            );
          files++;
        } else if (entry.name === 'end.json') {
          end = JSON.parse(entry.bytes.toString('utf8')) as BackupEnd;
        } else {
          throw new RestoreRefused(`Unexpected entry in the backup: ${entry.name}`);
        }
      }
      if (!end)
        throw new RestoreRefused('The backup is incomplete (it has no end.json); nothing was restored.');
      for (const [table, count] of Object.entries(end.rows))
        if ((loaded[table] ?? 0) !== count)
          throw new RestoreRefused(
            `The backup is incomplete: ${table} has ${loaded[table] ?? 0} of ${count} rows.`,
          );
      if (files !== end.files)
        throw new RestoreRefused(`The backup is incomplete: ${files} of ${end.files} evidence files.`);

      for (const { name } of tables)
        await tx.execute(sql`alter table ${sql.identifier(name)} enable trigger user`);
      // sequences first: the rebuild's triggers write change notes (decision 025) with new ids
      await moveSequences(tx);
      await tx.execute(sql`select retour_rebuild_progress_sums()`);
      return {
        createdAt: manifest.createdAt,
        tables: tables.length,
        rows: Object.values(end.rows).reduce((a, b) => a + b, 0),
        files,
        missingFiles: end.missingFiles,
      };
    });
  } finally {
    input.destroy();
    gunzip.destroy();
  }
}

function parseManifest(name: string, bytes: Buffer): BackupManifest | undefined {
  if (name !== 'manifest.json') return undefined;
  try {
    const manifest = JSON.parse(bytes.toString('utf8')) as BackupManifest;
    return manifest.format === backupFormat ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Same migrations and the same columns in every table, or a refusal that says what to do. */
async function checkCompatible(tx: Tx, manifest: BackupManifest, tables: TableInfo[]) {
  if (manifest.version !== 1)
    throw new RestoreRefused(`Backup format version ${manifest.version} is unknown here.`);
  const here = await migrationLevel(tx);
  if (manifest.migrations.count > here.count)
    throw new RestoreRefused(
      `The backup was made by a newer Retour (migration ${manifest.migrations.count}, this one has ${here.count}). ` +
        'Upgrade Retour first, then restore.',
    );
  if (manifest.migrations.count < here.count || manifest.migrations.last !== here.last)
    throw new RestoreRefused(
      `The backup was made by an older Retour (migration ${manifest.migrations.count}, this one has ${here.count}). ` +
        'Restore it with the version that made it, start that once, then upgrade.',
    );
  const columns = new Map(tables.map((t) => [t.name, t.columns.join(',')]));
  for (const t of manifest.tables)
    if (columns.get(t.name) !== t.columns.join(','))
      throw new RestoreRefused(`The table ${t.name} differs between the backup and this database.`);
}

async function nonEmptyTables(tx: Tx, tables: TableInfo[]): Promise<string[]> {
  const out: string[] = [];
  for (const { name } of tables) {
    const [row] = await rowsOf<{ found: boolean }>(
      tx,
      sql`select exists (select 1 from ${sql.identifier(name)}) as found`,
    );
    if (row?.found) out.push(name);
  }
  return out;
}

/** Each serial or identity column's sequence continues after the highest restored value. */
async function moveSequences(tx: Tx) {
  const sequences = await rowsOf<{ table_name: string; column_name: string; seq: string | null }>(
    tx,
    sql`select table_name::text, column_name::text,
          pg_get_serial_sequence(quote_ident(table_name), column_name) as seq
        from information_schema.columns
        where table_schema = 'public' and (column_default like 'nextval(%' or is_identity = 'YES')`,
  );
  for (const { table_name: table, column_name: column, seq } of sequences) {
    if (!seq) continue;
    await tx.execute(
      sql`select setval(${seq}::text::regclass, coalesce((select max(${sql.identifier(column)}) from ${sql.identifier(table)}), 0) + 1, false)`,
    );
  }
}
