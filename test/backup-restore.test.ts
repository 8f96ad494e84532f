import { mkdtempSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { AppDeps } from '../src/app/deps.ts';
import { writeBackup } from '../src/backup/backup.ts';
import { rowsOf, tableColumns } from '../src/backup/format.ts';
import { RestoreRefused, restoreBackup } from '../src/backup/restore.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { evidenceFiles } from '../src/db/schema/index.ts';
import { seedDemo } from '../src/seed/demo.ts';
import { diskFileStore, type FileStore } from '../src/files/file-store.ts';
import { createActor, createContractRows, createSupplierRow, createTenant } from './factories.ts';
import { samplePdf } from './sample-files.ts';
import { createOwnDatabase } from './test-app.ts';

/**
 * Issue 15, backup and restore (decision 023): a backup of a database with the demo and evidence
 * files, restored into an empty database and file store, gives identical rows in every table and
 * identical files; an incomplete or foreign archive, or a database that holds data, is refused and
 * leaves the database as it was. On whichever database the run uses.
 */
const runUrl = inject('databaseUrl');
const template = inject('pgliteTemplate');
const dir = mkdtempSync(join(tmpdir(), 'retour-backup-'));
const cleanups: (() => Promise<void>)[] = [];

interface Side {
  database: Database;
  store: FileStore;
}

async function emptySide(name: string): Promise<Side> {
  const store = diskFileStore(join(dir, name, 'files'));
  if (runUrl) {
    const own = await createOwnDatabase(runUrl);
    const database = await openDatabase({ kind: 'postgres', url: own.url }, { migrate: true });
    cleanups.push(async () => {
      await database.close();
      await own.drop();
    });
    return { database, store };
  }
  const database = template
    ? await openDatabase(
        { kind: 'pglite', loadDataDir: new Blob([readFileSync(template)]) },
        { migrate: false },
      )
    : await openDatabase({ kind: 'pglite' });
  cleanups.push(() => database.close());
  return { database, store };
}

/**
 * Every row of every table, as PostgreSQL writes it, sorted: equal means identical. The portfolio's
 * change notes (decision 025) are left out: a restore writes notes of its own (its rollup rebuild),
 * so that a running instance computes its portfolio anew.
 */
async function everyRow(database: Database) {
  const out: Record<string, string[]> = {};
  for (const { name } of await tableColumns(database.db)) {
    if (name === 'portfolio_changes') continue;
    const rows = await rowsOf<{ j: string }>(
      database.db,
      sql`select row_to_json(t)::text as j from ${sql.identifier(name)} t order by 1`,
    );
    out[name] = rows.map((r) => r.j);
  }
  return out;
}

async function everyFile(store: FileStore) {
  const out: Record<string, string> = {};
  for await (const { storageKey } of store.list())
    out[storageKey] = Buffer.from(await new Response(await store.read(storageKey)).arrayBuffer()).toString(
      'base64',
    );
  return out;
}

let source: Side;
let archive: string;
beforeAll(async () => {
  source = await emptySide('source');
  const deps: AppDeps = {
    db: source.database.db,
    config: {
      port: 0,
      dataDir: join(dir, 'source'),
      filesDir: join(dir, 'source', 'files'),
      publicUrl: 'http://localhost:3000',
      secure: false,
      apiVersion: '0.1.0',
    },
    now: () => new Date('2026-11-23T10:00:00Z'),
  };
  await seedDemo(deps);
  // Evidence files (two activities sharing one file, one file of its own) and a token.
  const tenant = await createTenant(source.database.db);
  const supplier = await createSupplierRow(source.database.db, tenant.id);
  await createActor(source.database.db, { tenantId: tenant.id, role: 'supplier', supplierId: supplier.id });
  const made = [
    await createContractRows(source.database.db, { tenantId: tenant.id, supplierId: supplier.id }),
    await createContractRows(source.database.db, { tenantId: tenant.id, supplierId: supplier.id }),
  ];
  const files = [samplePdf('gedeeld bewijs'), samplePdf('eigen bewijs')];
  for (const [i, bytes] of [files[0]!, files[0]!, files[1]!].entries()) {
    const stored = await source.store.put(bytes);
    await source.database.db.insert(evidenceFiles).values({
      tenantId: tenant.id,
      activityId: made[i % 2]!.activity.id,
      filename: `bewijs-${i}.pdf`,
      mediaType: 'application/pdf',
      sizeBytes: stored.sizeBytes,
      sha256: stored.sha256,
      storageKey: stored.storageKey,
    });
  }
  archive = join(dir, 'retour.tar.gz');
  const summary = await writeBackup(source.database.db, source.store, archive, new Date());
  expect(summary).toMatchObject({ files: 2, missingFiles: [] });
}, 180_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('a round trip gives identical rows in every table and identical evidence files', async () => {
    const target = await emptySide('target');
    const summary = await restoreBackup(target.database.db, target.store, archive);
    expect(summary.files).toBe(2);
    const [before, after] = [await everyRow(source.database), await everyRow(target.database)];
    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(before.activities?.length).toBeGreaterThanOrEqual(10);
    expect(before.progress_sums?.length).toBeGreaterThan(0);
    expect(await everyFile(target.store)).toEqual(await everyFile(source.store));

    // The audit log's id sequence continues after the restored entries, and its guard is on again.
    const [{ max } = { max: 0 }] = await rowsOf<{ max: string }>(
      target.database.db,
      sql`select max(id)::text as max from audit_log`,
    );
    const [inserted] = await rowsOf<{ id: string }>(
      target.database.db,
      sql`insert into audit_log (action) values ('test.after-restore') returning id::text`,
    );
    expect(BigInt(inserted!.id)).toBeGreaterThan(BigInt(max));
    await expect(target.database.db.execute(sql`delete from audit_log`)).rejects.toThrow();

    // Into a database that holds data: refused, unless --replace, which gives the backup's rows.
    await expect(restoreBackup(target.database.db, target.store, archive)).rejects.toThrow(
      /already holds data/,
    );
    await restoreBackup(target.database.db, target.store, archive, { replace: true });
    expect(await everyRow(target.database)).toEqual(before);
  }, 180_000);

  it('a backup of the embedded database restores into PostgreSQL (moving an installation)', async (ctx) => {
    if (!runUrl) ctx.skip(); // needs PostgreSQL
    const lite = await openDatabase({ kind: 'pglite' });
    cleanups.push(() => lite.close());
    const tenant = await createTenant(lite.db);
    const supplier = await createSupplierRow(lite.db, tenant.id);
    await createActor(lite.db, { tenantId: tenant.id, role: 'supplier', supplierId: supplier.id });
    await createContractRows(lite.db, { tenantId: tenant.id, supplierId: supplier.id });
    const file = join(dir, 'pglite.tar.gz');
    await writeBackup(lite.db, diskFileStore(join(dir, 'lite', 'files')), file, new Date());
    const target = await emptySide('from-pglite');
    await restoreBackup(target.database.db, target.store, file);
    expect(await everyRow(target.database)).toEqual(await everyRow(lite));
  }, 120_000);

  it('refuses an incomplete archive or another file and leaves the database as it was', async () => {
    const target = await emptySide('refusals');
    const cut = join(dir, 'cut.tar.gz');
    writeFileSync(cut, readFileSync(archive));
    truncateSync(cut, Math.floor(statSync(cut).size * 0.6));
    await expect(restoreBackup(target.database.db, target.store, cut)).rejects.toThrow(
      /incomplete|unexpected end/i,
    );
    const notBackup = join(dir, 'other.tar.gz');
    writeFileSync(notBackup, 'not a backup');
    await expect(restoreBackup(target.database.db, target.store, notBackup)).rejects.toBeInstanceOf(
      RestoreRefused,
    );
    const counts = await rowsOf<{ n: number }>(
      target.database.db,
      sql`select count(*)::int as n from tenants`,
    );
    expect(Number(counts[0]?.n)).toBe(0);
  }, 120_000);
});
