import { serve } from '@hono/node-server';
import { configFromEnv } from './config.ts';
import { openDatabase, targetFromEnv } from './db/client.ts';
import { acquireDataDirLock } from './db/data-dir-lock.ts';
import { settleLastUsed } from './db/last-used.ts';
import { seedDemoIfEmpty } from './seed/demo.ts';
import { createApp } from './http/app.ts';
import type { AppDeps } from './app/deps.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { webDistDir } from './paths.ts';

/** After a stop signal the process is gone within this time, whatever is still running. */
const stopDeadlineMs = 1_800;

/** Composition root: settings → database (migrated) → demo data → HTTP server on one port. */
async function main() {
  const started = performance.now();
  const phases: string[] = [];
  const timed = async <T>(name: string, work: Promise<T>): Promise<T> => {
    const since = performance.now();
    const result = await work;
    phases.push(`${name} ${Math.round(performance.now() - since)} ms`);
    return result;
  };
  const config = configFromEnv(process.env);
  const noDemo = process.argv.includes('--no-demo') || process.env.RETOUR_NO_DEMO === '1';
  const target = targetFromEnv(process.env, config.dataDir);
  const release =
    target.kind === 'pglite' ? acquireDataDirLock(config.dataDir, 'the Retour server') : () => {};
  const database = await timed('database', openDatabase(target));
  const deps: AppDeps = { db: database.db, config, now: () => new Date() };
  if (!noDemo) {
    const seeded = await timed('demo check', seedDemoIfEmpty(deps));
    if (seeded) console.log('Demo data loaded (see README for the demo accounts).');
  }
  const app = createApp(deps, { webDir: webDistDir });
  const server = serve(
    { fetch: app.fetch, port: config.port, hostname: process.env.HOST ?? '0.0.0.0' },
    (info) => {
      const where = target.kind === 'pglite' ? `PGlite in ${config.dataDir}` : 'PostgreSQL';
      const ms = Math.round(performance.now() - started);
      console.log(
        `Retour is running at http://localhost:${info.port} (${where}), ready in ${ms} ms (${phases.join(', ')})`,
      );
    },
  );
  const scheduler = startScheduler(deps);

  let stopping = false;
  /**
   * Stops taking requests, stops the jobs between batches, closes the database, then ends by the
   * same signal with its default action: the usual way for a signal handler to finish, and it skips
   * the seconds Node can spend tearing down PGlite's compiled WebAssembly after `process.exit`.
   */
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const end = () => {
      process.removeAllListeners(signal);
      process.kill(process.pid, signal);
    };
    // However the parts below behave, the process ends within the deadline.
    setTimeout(end, stopDeadlineMs).unref();
    const since = performance.now();
    server.close();
    if ('closeAllConnections' in server) server.closeAllConnections();
    await scheduler.stop();
    const jobs = Math.round(performance.now() - since);
    await settleLastUsed();
    await database.close();
    release();
    console.log(`Stopped in ${Math.round(performance.now() - since)} ms (jobs ${jobs} ms)`);
    end();
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
