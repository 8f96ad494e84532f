import type { AppDeps } from '../app/deps.ts';
import { configFromEnv } from '../config.ts';
import { openDatabase, targetFromEnv } from '../db/client.ts';
import { acquireDataDirLock } from '../db/data-dir-lock.ts';

/**
 * Opens the same database as `npm start` (RETOUR_DATA_DIR or DATABASE_URL), migrated, for one
 * command. With the embedded database it takes the data-folder lock, so it refuses while the
 * server runs.
 */
export async function withDatabase<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T> {
  const config = configFromEnv(process.env);
  const target = targetFromEnv(process.env, config.dataDir);
  const release =
    target.kind === 'pglite' ? acquireDataDirLock(config.dataDir, 'the retour command') : () => {};
  try {
    const database = await openDatabase(target);
    try {
      return await fn({ db: database.db, config, now: () => new Date() });
    } finally {
      await database.close();
    }
  } finally {
    release();
  }
}
