import type { AppDeps } from '../app/deps.ts';
import { isoDay } from '../app/clock.ts';
import { purgeExpiredEvidence, sweepOrphanFiles } from '../app/evidence/purge-expired-evidence.ts';
import { purgeIdentityLeftovers } from '../app/identity/purge.ts';
import { deliverOutbox } from '../mail/outbox-sender.ts';
import { createMailSender, type MailSender } from '../mail/transport.ts';
import { markOverdueReports, queueReportNotices, type JobScope } from './report-deadlines.ts';

export interface SchedulerOptions {
  /** How often the loop wakes up: mail delivery runs every tick (default 15 s). */
  tickMs?: number;
  /** Deadlines and notices (default every 5 minutes). */
  deadlinesEveryMs?: number;
  /** Evidence retention purge and orphan sweep (default every 6 hours). */
  housekeepingEveryMs?: number;
  sender?: MailSender;
  log?: (line: string) => void;
  /** Work on one tenant only (tests on a shared database); also skips the orphan sweep. */
  scope?: JobScope;
}

export interface Scheduler {
  /** Runs every job now (whatever their intervals) and resolves when done. */
  runAll(): Promise<void>;
  stop(): Promise<void>;
}

/** (a)+(b): mark overdue reports, then queue reminders and overdue notices, all for `now`. */
export async function runDeadlineJobs(deps: AppDeps, now: Date, scope: JobScope = {}) {
  const asOf = isoDay(now);
  const overdue = await markOverdueReports(deps, asOf, scope);
  const notices = await queueReportNotices(deps, asOf, scope);
  return { ...overdue, ...notices };
}

/** (d): retention and orphan files. */
export async function runHousekeeping(deps: AppDeps, now: Date, scope: JobScope = {}) {
  const purge = await purgeExpiredEvidence(deps, isoDay(now), scope);
  const sweep = scope.onlyTenantId ? { removed: 0 } : await sweepOrphanFiles(deps);
  const identity = scope.onlyTenantId ? undefined : await purgeIdentityLeftovers(deps, now);
  return { ...purge, orphansRemoved: sweep.removed, identity };
}

/**
 * A plain interval loop (docs/decisions/005-scheduler.md), the same on PGlite and PostgreSQL.
 * Every job is safe to run in several instances at once (unique notices, SKIP LOCKED claims,
 * conditional updates, content locks), so no leader election is needed. Ticks never overlap
 * within an instance; "now" is `deps.now()`.
 */
export function startScheduler(deps: AppDeps, options: SchedulerOptions = {}): Scheduler {
  const tickMs = options.tickMs ?? 15_000;
  const deadlinesEveryMs = options.deadlinesEveryMs ?? 5 * 60_000;
  const housekeepingEveryMs = options.housekeepingEveryMs ?? 6 * 3_600_000;
  const log = options.log ?? ((line: string) => console.log(line));
  const sender = options.sender ?? createMailSender(deps.config, log);
  const scope = options.scope ?? {};
  let lastDeadlines = -Infinity;
  let lastHousekeeping = -Infinity;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const guarded = async (name: string, job: () => Promise<unknown>) => {
    try {
      await job();
    } catch (error) {
      log(`[scheduler] ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const tick = async (force = false) => {
    const now = deps.now();
    const wall = Date.now();
    if (force || wall - lastDeadlines >= deadlinesEveryMs) {
      lastDeadlines = wall;
      await guarded('deadlines', () => runDeadlineJobs(deps, now, scope));
    }
    await guarded('mail', () => deliverOutbox(deps.db, sender, now, scope));
    if (force || wall - lastHousekeeping >= housekeepingEveryMs) {
      lastHousekeeping = wall;
      await guarded('housekeeping', () => runHousekeeping(deps, now, scope));
    }
  };

  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      running = undefined;
      if (!stopped) timer = setTimeout(loop, tickMs);
    });
  };
  timer = setTimeout(loop, 0);

  return {
    async runAll() {
      if (running) await running;
      await tick(true);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (running) await running;
      sender.close();
    },
  };
}
