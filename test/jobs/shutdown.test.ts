import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, count, eq, lt } from 'drizzle-orm';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { isoDay } from '../../src/app/clock.ts';
import type { AppDeps } from '../../src/app/deps.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { reports, scheduledJobs } from '../../src/db/schema/index.ts';
import { runDeadlineJobs } from '../../src/jobs/scheduler.ts';
import { halfYears, loadHistoricalPortfolio } from './portfolio.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'retour-shutdown-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** The run's migrated PGlite template restored into a data folder of its own (else migrated anew). */
async function openDataDir(): Promise<Database> {
  const template = inject('pgliteTemplate');
  return template
    ? openDatabase(
        { kind: 'pglite', dataDir, loadDataDir: new Blob([readFileSync(template)]) },
        { migrate: false },
      )
    : openDatabase({ kind: 'pglite', dataDir });
}

describe('shutting down', () => {
  it('a server signalled with SIGTERM in the middle of the deadline job is gone within 2 s, and the job resumes', async () => {
    // A municipality with 10,000 loaded reports, all past due, in the server's own data folder.
    let database = await openDataDir();
    const w = await loadHistoricalPortfolio(database.db, {
      suppliers: 10,
      contracts: 1_000,
      periods: halfYears('2019-H1', 10),
    });
    const [due] = await database.db
      .select({ n: count() })
      .from(reports)
      .where(and(eq(reports.tenantId, w.tenantId), lt(reports.dueDate, isoDay(new Date()))));
    const pastDue = Number(due?.n);
    expect(pastDue).toBeGreaterThanOrEqual(10_000);
    await database.close();

    // Small batches make the run long enough to interrupt.
    const server = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: '',
        RETOUR_DATA_DIR: dataDir,
        RETOUR_NO_DEMO: '1',
        RETOUR_JOB_BATCH_SIZE: '20',
        PORT: '0',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const exited = new Promise<number | null>((resolve) => server.on('exit', (code) => resolve(code)));
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('[scheduler] deadlines started')) resolve();
      });
      server.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      void exited.then(() => reject(new Error(`the server ended before the job started:\n${output}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const signalled = performance.now();
    server.kill('SIGTERM');
    const code = await exited;
    const stopMs = performance.now() - signalled;
    console.log(`stopped ${Math.round(stopMs)} ms after SIGTERM`);
    expect(stopMs).toBeLessThan(2_000);
    expect(code).toBeNull(); // ended by SIGTERM itself, after a clean stop
    expect(output).toMatch(/Stopped in \d+ ms/);

    // Stopped between batches: some reports marked, not all; the claim says so and is free.
    database = await openDatabase({ kind: 'pglite', dataDir }, { migrate: false });
    try {
      const overdue = async () => {
        const [row] = await database.db
          .select({ n: count() })
          .from(reports)
          .where(and(eq(reports.tenantId, w.tenantId), eq(reports.status, 'overdue')));
        return Number(row?.n ?? 0);
      };
      const marked = await overdue();
      expect(marked).toBeGreaterThan(0);
      expect(marked).toBeLessThan(pastDue);
      const [job] = await database.db.select().from(scheduledJobs).where(eq(scheduledJobs.name, 'deadlines'));
      expect(job?.lastOutcome).toBe('stopped');
      expect(job?.leaseUntil).toBeNull();

      // The next run goes on from there and finishes.
      const deps = { db: database.db, config: { publicUrl: 'http://localhost:3000' }, now: () => new Date() };
      const rest = await runDeadlineJobs(deps as AppDeps, new Date());
      expect(rest.marked).toBe(pastDue - marked);
      expect(await overdue()).toBe(pastDue);
    } finally {
      await database.close();
    }
  }, 180_000);
});
