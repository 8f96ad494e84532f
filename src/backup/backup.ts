import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/client.ts';
import type { FileStore } from '../files/file-store.ts';
import {
  backupFormat,
  chunkName,
  migrationLevel,
  rowsOf,
  tableColumns,
  type BackupEnd,
  type BackupManifest,
} from './format.ts';
import { endTar, startTar, writeTarEntry, type TarWriter } from './tar.ts';

/** Rows per archive entry and per fetch from the database. */
const chunkRows = 1_000;

export interface BackupSummary {
  tables: number;
  rows: number;
  files: number;
  fileBytes: number;
  missingFiles: string[];
}

/**
 * Writes every table of the database and every evidence file its rows refer to into one gzipped
 * tar (decision 023). The rows are read in one REPEATABLE READ, READ ONLY transaction, so they
 * are one consistent moment even while PostgreSQL instances keep writing; files are immutable
 * (named by their SHA-256), so reading them after the rows is safe. The archive is written to a
 * temporary name and renamed when complete: `out` is either a whole backup or absent.
 */
export async function writeBackup(db: Db, store: FileStore, out: string, now: Date): Promise<BackupSummary> {
  const temp = `${out}.partial`;
  await writeFile(temp, '', { mode: 0o600 }); // a folder that is missing or read-only fails here
  const gzip = createGzip();
  const file = createWriteStream(temp);
  gzip.on('error', () => {}); // seen by the next write (`out.errored`) or by `finished`
  file.on('error', (error) => gzip.destroy(error));
  gzip.pipe(file);
  const pack = startTar(gzip);
  try {
    const summary = await db.transaction(
      async (tx) => {
        const tables = await tableColumns(tx);
        const manifest: BackupManifest = {
          format: backupFormat,
          version: 1,
          createdAt: now.toISOString(),
          migrations: await migrationLevel(tx),
          tables: tables.map(({ name, columns }) => ({ name, columns })),
        };
        await writeTarEntry(pack, gzip, 'manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
        const rowCounts: Record<string, number> = {};
        for (const { name } of tables) rowCounts[name] = await dumpTable(tx, pack, gzip, name);
        const keys = await rowsOf<{ storage_key: string }>(
          tx,
          sql`select distinct storage_key from evidence_files order by storage_key`,
        );
        const missingFiles: string[] = [];
        let fileBytes = 0;
        for (const { storage_key: key } of keys) {
          const bytes = await readAll(store, key);
          if (!bytes) {
            missingFiles.push(key);
            continue;
          }
          fileBytes += bytes.byteLength;
          await writeTarEntry(pack, gzip, `files/${key}`, bytes);
        }
        const end: BackupEnd = { rows: rowCounts, files: keys.length - missingFiles.length, missingFiles };
        await writeTarEntry(pack, gzip, 'end.json', Buffer.from(JSON.stringify(end, null, 2)));
        return {
          tables: tables.length,
          rows: Object.values(rowCounts).reduce((a, b) => a + b, 0),
          files: end.files,
          fileBytes,
          missingFiles,
        };
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await endTar(pack, gzip);
    await finished(file);
    await rename(temp, out);
    return summary;
  } catch (error) {
    pack.destroy();
    gzip.destroy();
    file.destroy();
    await rm(temp, { force: true });
    throw error;
  }
}

/** One table as JSON lines (PostgreSQL's own `row_to_json`: numbers and times keep every digit). */
async function dumpTable(tx: Tx, pack: TarWriter, out: Writable, table: string) {
  await tx.execute(
    sql`declare retour_backup no scroll cursor for select row_to_json(t)::text as j from ${sql.identifier(table)} t`,
  );
  let total = 0;
  for (let part = 1; ; part++) {
    const batch = await rowsOf<{ j: string }>(tx, sql.raw(`fetch ${chunkRows} from retour_backup`));
    if (batch.length === 0) break;
    total += batch.length;
    const lines = batch.map((r) => r.j).join('\n') + '\n';
    await writeTarEntry(pack, out, chunkName(table, part), Buffer.from(lines, 'utf8'));
    if (batch.length < chunkRows) break;
  }
  await tx.execute(sql`close retour_backup`);
  return total;
}

async function readAll(store: FileStore, key: string): Promise<Uint8Array | undefined> {
  let stream: ReadableStream<Uint8Array>;
  try {
    stream = await store.read(key);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
