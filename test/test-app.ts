import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { AppDeps, Config } from '../src/app/deps.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { createApp } from '../src/http/app.ts';
import { settleLastUsed } from '../src/db/last-used.ts';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  database: Database;
  /** Moves "now" for the whole app (sessions, deadlines). */
  setNow(date: Date | string): void;
  close(): Promise<void>;
}

/**
 * The real app on a real database: PGlite loaded from the run's migrated template, or the run's
 * PostgreSQL database when TEST_DATABASE_URL is set. Tests isolate by creating their own tenant.
 */
export async function createTestApp(
  overrides: Partial<Config> = {},
  options: { ownPglite?: boolean; ownPostgres?: boolean } = {},
): Promise<TestApp> {
  // `ownPglite`: a database of its own even when the run uses PostgreSQL (for data that is unique
  // across tenants, such as loading the demo more than once).
  const url = options.ownPglite ? undefined : inject('databaseUrl');
  // `ownPostgres`: on a PostgreSQL run, a database of its own (migrated here, dropped on close),
  // for tests that count every table's rows while other files write to the run's database.
  const own = url && options.ownPostgres ? await createOwnDatabase(url) : null;
  const database = own
    ? await openDatabase({ kind: 'postgres', url: own.url }, { migrate: true })
    : url
      ? await openDatabase({ kind: 'postgres', url }, { migrate: false })
      : inject('pgliteTemplate')
        ? await openDatabase(
            { kind: 'pglite', loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) },
            { migrate: false },
          )
        : // a PostgreSQL run has no migrated PGlite template: migrate this one
          await openDatabase({ kind: 'pglite' }, { migrate: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'retour-data-'));
  let now = new Date('2026-11-23T10:00:00Z');
  const config: Config = {
    port: 0,
    dataDir,
    filesDir: join(dataDir, 'files'),
    publicUrl: 'http://localhost:3000',
    secure: false,
    apiVersion: '0.1.0',
    // The test identity provider runs on 127.0.0.1 over http.
    allowPrivateOidcIssuers: true,
    ...overrides,
  };
  const deps: AppDeps = { db: database.db, config, now: () => now };
  return {
    app: createApp(deps),
    deps,
    database,
    setNow(date) {
      now = typeof date === 'string' ? new Date(date) : date;
    },
    async close() {
      await settleLastUsed();
      await database.close();
      await own?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A PostgreSQL database of its own beside the run's (empty: not migrated), dropped by `drop()`. */
export async function createOwnDatabase(runUrl: string) {
  const name = `retour_own_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: runUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(runUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const client = new pg.Client({ connectionString: runUrl });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
