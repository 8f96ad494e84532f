import { serve } from '@hono/node-server';
import { fileURLToPath } from 'node:url';
import { configFromEnv } from './config.ts';
import { openDatabase, targetFromEnv } from './db/client.ts';
import { acquireDataDirLock } from './db/data-dir-lock.ts';
import { settleLastUsed } from './db/last-used.ts';
import { seedDemoIfEmpty } from './db/seed/demo.ts';
import { createApp } from './http/app.ts';
import type { AppDeps } from './app/deps.ts';
import { startScheduler } from './jobs/scheduler.ts';

/** Composition root: settings → database (migrated) → demo data → HTTP server on one port. */
async function main() {
  const started = performance.now();
  const config = configFromEnv(process.env);
  const noDemo = process.argv.includes('--no-demo') || process.env.RETOUR_NO_DEMO === '1';
  const target = targetFromEnv(process.env, config.dataDir);
  const release =
    target.kind === 'pglite' ? acquireDataDirLock(config.dataDir, 'the Retour server') : () => {};
  const database = await openDatabase(target);
  const deps: AppDeps = { db: database.db, config, now: () => new Date() };
  if (!noDemo) {
    const seeded = await seedDemoIfEmpty(deps);
    if (seeded) console.log('Demo data loaded (see README for the demo accounts).');
  }
  const webDir = fileURLToPath(new URL('../dist/web', import.meta.url));
  const app = createApp(deps, { webDir });
  const server = serve(
    { fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' },
    (info) => {
      const where = target.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
      const ms = Math.round(performance.now() - started);
      console.log(`Retour is running at http://localhost:${info.port} (${where}), ready in ${ms} ms`);
    },
  );
  const scheduler = startScheduler(deps);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    await scheduler.stop();
    await settleLastUsed();
    await database.close();
    release();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
