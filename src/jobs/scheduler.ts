import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { AppDeps } from '../app/deps.ts';
import { isoDay } from '../app/clock.ts';
import { purgeExpiredEvidence, sweepOrphanFiles } from '../app/evidence/purge-expired-evidence.ts';
import { purgeIdentityLeftovers } from '../app/identity/purge.ts';
import { pruneChangeNotesBefore } from '../app/lifecycle/portfolio-snapshot.ts';
import { pruneReadNotificationsBefore } from '../app/notifications/notifications.ts';
import { claimJob, finishJob, renewJob } from '../db/repositories/scheduled-jobs.ts';
import { deliverOutbox } from '../mail/outbox-sender.ts';
import { createMailSender, type MailSender } from '../mail/transport.ts';
import {
  markOverdueReports,
  openBegunReports,
  queueReportNotices,
  type JobControl,
  type JobScope,
} from './report-deadlines.ts';

export interface SchedulerOptions {
  /** How often the loop wakes up: mail delivery runs every tick (default 15 s). */
  tickMs?: number;
  /** Deadlines and notices (default every 5 minutes). */
  deadlinesEveryMs?: number;
  /** Evidence retention purge and orphan sweep (default every 6 hours). */
  housekeepingEveryMs?: number;
  /** The first tick comes this long after start, not to compete with the first requests (default 1 s). */
  firstTickMs?: number;
  /** How long `stop()` waits for the running batch before giving up on it (default 1.5 s). */
  stopWaitMs?: number;
  sender?: MailSender;
  log?: (line: string) => void;
  /** Work on one tenant only (tests on a shared database); also skips the orphan sweep. */
  scope?: JobScope;
}

export interface Scheduler {
  /** Runs every job now (whatever their intervals, unless another instance holds one) and resolves when done. */
  runAll(): Promise<void>;
  /** Stops between batches: resolves within `stopWaitMs`, even mid-run. */
  stop(): Promise<void>;
}

/**
 * (a), (0), (b): mark overdue reports, open the reports of half-years that have begun, then queue
 * reminders and overdue notices, all for `now`.
 */
export async function runDeadlineJobs(
  deps: AppDeps,
  now: Date,
  scope: JobScope = {},
  control: JobControl = {},
) {
  const asOf = isoDay(now);
  const overdue = await markOverdueReports(deps, asOf, scope, control);
  if (overdue.stopped) return { marked: overdue.marked, opened: 0, queued: 0, stopped: true };
  const begun = await openBegunReports(deps, asOf, scope, control);
  if (begun.stopped) return { marked: overdue.marked, opened: begun.opened, queued: 0, stopped: true };
  const notices = await queueReportNotices(deps, asOf, scope, control);
  return { marked: overdue.marked, opened: begun.opened, ...notices };
}

/** (d): retention, orphan files, leftovers of sign-in, old portfolio change notes, old read notifications. */
export async function runHousekeeping(deps: AppDeps, now: Date, scope: JobScope = {}) {
  const purge = await purgeExpiredEvidence(deps, isoDay(now), scope);
  const sweep = scope.onlyTenantId ? { removed: 0 } : await sweepOrphanFiles(deps);
  const identity = scope.onlyTenantId ? undefined : await purgeIdentityLeftovers(deps, now);
  const changeNotes = await pruneChangeNotesBefore(deps.db, now, scope.onlyTenantId);
  const notifications = await pruneReadNotificationsBefore(deps.db, now, scope.onlyTenantId);
  return {
    ...purge,
    orphansRemoved: sweep.removed,
    identity,
    changeNotesPruned: changeNotes,
    notificationsPruned: notifications,
  };
}

/** A claim outlives a crashed holder by at most this long; a running job renews it per batch. */
const leaseMs = 2 * 60_000;

/** The name a job is claimed under: one row per job (and per tenant for scoped test runs). */
export const jobName = (job: 'deadlines' | 'housekeeping', scope: JobScope = {}) =>
  scope.onlyTenantId ? `${job}:${scope.onlyTenantId}` : job;

/**
 * A plain interval loop in every instance (docs/decisions/005-scheduler.md), the same on PGlite and
 * PostgreSQL. Deadlines and housekeeping are claimed in `scheduled_jobs` first, so each runs once
 * per interval across all instances; mail delivery runs in every instance (rows are claimed with
 * SKIP LOCKED). Jobs are also safe if they do overlap (unique notices, conditional updates).
 * Ticks never overlap within an instance; "now" is `deps.now()`.
 */
export function startScheduler(deps: AppDeps, options: SchedulerOptions = {}): Scheduler {
  const tickMs = options.tickMs ?? 15_000;
  const deadlinesEveryMs = options.deadlinesEveryMs ?? 5 * 60_000;
  const housekeepingEveryMs = options.housekeepingEveryMs ?? 6 * 3_600_000;
  const stopWaitMs = options.stopWaitMs ?? 1_500;
  const log = options.log ?? ((line: string) => console.log(line));
  const sender = options.sender ?? createMailSender(deps.config, log);
  const scope = options.scope ?? {};
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const guarded = async (name: string, job: () => Promise<unknown>) => {
    try {
      await job();
    } catch (error) {
      if (!stopped)
        log(`[scheduler] ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  /** Runs `job` when this instance wins its claim; releases the claim however it ends. */
  const claimed = async (
    name: string,
    everyMs: number,
    force: boolean,
    job: (control: JobControl) => Promise<{ stopped?: boolean } | unknown>,
  ) => {
    if (!(await claimJob(deps.db, { name, holder, leaseMs, force }))) return;
    let outcome: 'done' | 'stopped' | 'failed' = 'failed';
    const started = performance.now();
    log(`[scheduler] ${name} started`);
    try {
      const result = await job({
        signal: abort.signal,
        afterBatch: async () => {
          if (!(await renewJob(deps.db, name, holder, leaseMs))) throw new Error(`lost the claim on ${name}`);
        },
      });
      outcome = (result as { stopped?: boolean } | undefined)?.stopped ? 'stopped' : 'done';
      log(
        `[scheduler] ${name} ${outcome} in ${Math.round(performance.now() - started)} ms ${JSON.stringify(result)}`,
      );
    } finally {
      await finishJob(deps.db, { name, holder, everyMs, outcome }).catch(() => undefined);
    }
  };

  const tick = async (force = false) => {
    const now = deps.now();
    await guarded('deadlines', () =>
      claimed(jobName('deadlines', scope), deadlinesEveryMs, force, (control) =>
        runDeadlineJobs(deps, now, scope, control),
      ),
    );
    if (stopped) return;
    await guarded('mail', () => deliverOutbox(deps.db, sender, now, { ...scope, signal: abort.signal }));
    if (stopped) return;
    await guarded('housekeeping', () =>
      claimed(jobName('housekeeping', scope), housekeepingEveryMs, force, () =>
        runHousekeeping(deps, now, scope),
      ),
    );
  };

  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(loop, tickMs);
    });
  };
  timer = setTimeout(loop, options.firstTickMs ?? 1_000);

  return {
    async runAll() {
      if (running) await running;
      await tick(true);
    },
    async stop() {
      stopped = true;
      abort.abort();
      if (timer) clearTimeout(timer);
      if (running) {
        let waited: NodeJS.Timeout | undefined;
        await Promise.race([
          running,
          new Promise((resolve) => {
            waited = setTimeout(resolve, stopWaitMs);
          }),
        ]);
        clearTimeout(waited);
      }
      sender.close();
    },
  };
}
