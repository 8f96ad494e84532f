import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import type { AppDeps, Config } from '../src/app/deps.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { createApp } from '../src/http/app.ts';

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
  options: { ownPglite?: boolean } = {},
): Promise<TestApp> {
  // `ownPglite`: a database of its own even when the run uses PostgreSQL (for data that is unique
  // across tenants, such as loading the demo more than once).
  const url = options.ownPglite ? undefined : inject('databaseUrl');
  const database = url
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
      await database.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
