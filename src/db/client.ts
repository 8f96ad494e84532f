import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { migrationsDir } from '../paths.ts';

/** One type for both drivers: repositories are written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export const migrationsFolder = migrationsDir;

export type DbTarget =
  { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir?: string; loadDataDir?: Blob | File };

/** Opens PGlite (on disk or in memory) or PostgreSQL and runs the migrations of `migrations/`. */
export async function openDatabase(target: DbTarget, options: { migrate?: boolean } = {}): Promise<Database> {
  const runMigrations = options.migrate ?? true;
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    const db = drizzlePg(pool, { schema });
    if (runMigrations) await migrateOnce(pool);
    return { db: db as unknown as Db, kind: 'postgres', close: () => pool.end() };
  }
  const client = await PGlite.create({
    // PostgreSQL's default 128 MB of shared buffers would all live in the process (WebAssembly
    // memory never shrinks); a city's portfolio reads well from 32 MB (issue 14: RSS ≤ 350 MiB).
    postgresqlconf: ['shared_buffers = 32MB'],
    ...(target.dataDir ? { dataDir: target.dataDir } : {}),
    ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}),
  });
  const db = drizzlePglite(withTurns(client), { schema });
  if (runMigrations) await migratePglite(db, { migrationsFolder });
  return { db: db as unknown as Db, kind: 'pglite', close: () => client.close() };
}

/**
 * PGlite answers inside this process: queries queued behind each other run back to back in
 * microtasks, and no socket is read or written until the queue is empty (0.4–0.6 s under 50 clients,
 * profiled in issue 15). Queries and transactions from the app take their turn one at a time, each
 * after the event loop has had a turn, so requests are read and answered between them.
 */
function withTurns(client: PGlite): PGlite {
  let tail: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(() => new Promise<void>((resolve) => setImmediate(resolve))).then(work);
    tail = result.catch(() => undefined);
    return result;
  };
  const query = client.query.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((...args: Parameters<PGlite['query']>) => inTurn(() => query(...args))) as PGlite['query'];
  client.transaction = (<T>(fn: Parameters<PGlite['transaction']>[0]) =>
    inTurn(() => transaction(fn) as Promise<T>)) as PGlite['transaction'];
  return client;
}

/**
 * Several instances starting at once on one PostgreSQL database: the first migrates under a
 * session advisory lock, the others wait for it and then find nothing left to do.
 */
async function migrateOnce(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', ['retour:migrations']);
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client
      .query('select pg_advisory_unlock(hashtext($1))', ['retour:migrations'])
      .catch(() => undefined);
    client.release();
  }
}

/** The same database the app and the CLI use, from the environment. */
export function targetFromEnv(env: NodeJS.ProcessEnv, dataDir: string): DbTarget {
  return env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir };
}
