import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

type Rows<T> = { rows: T[] };

/**
 * Claims job `name` for `holder` when nobody holds it (or the holder's lease ran out, e.g. it
 * crashed) and it is due (`force` skips the due check, not the lease). The database clock decides,
 * so instances with drifting clocks still agree. Returns false when another instance has it.
 */
export async function claimJob(
  db: Db,
  claim: { name: string; holder: string; leaseMs: number; force?: boolean },
): Promise<boolean> {
  const lease = sql`now() + ${claim.leaseMs}::int * interval '1 millisecond'`;
  const result = await db.execute(sql`
    insert into scheduled_jobs (name, holder, lease_until, runs, last_started_at)
    values (${claim.name}, ${claim.holder}, ${lease}, 1, now())
    on conflict (name) do update
      set holder = excluded.holder, lease_until = excluded.lease_until,
          runs = scheduled_jobs.runs + 1, last_started_at = now()
      where (scheduled_jobs.lease_until is null or scheduled_jobs.lease_until < now())
        ${claim.force ? sql`` : sql`and (scheduled_jobs.next_run_at is null or scheduled_jobs.next_run_at <= now())`}
    returning name`);
  return (result as unknown as Rows<{ name: string }>).rows.length === 1;
}

/** Extends a running job's lease (called between batches); false when the claim was lost. */
export async function renewJob(db: Db, name: string, holder: string, leaseMs: number): Promise<boolean> {
  const result = await db.execute(sql`
    update scheduled_jobs set lease_until = now() + ${leaseMs}::int * interval '1 millisecond'
    where name = ${name} and holder = ${holder} returning name`);
  return (result as unknown as Rows<{ name: string }>).rows.length === 1;
}

/**
 * Releases the claim. A finished or failed job is due again `everyMs` later; a stopped one (shut
 * down mid-run) at once, so the next instance to look picks up where it left off.
 */
export async function finishJob(
  db: Db,
  done: { name: string; holder: string; everyMs: number; outcome: 'done' | 'stopped' | 'failed' },
): Promise<void> {
  const next =
    done.outcome === 'stopped' ? sql`now()` : sql`now() + ${done.everyMs}::int * interval '1 millisecond'`;
  await db.execute(sql`
    update scheduled_jobs
    set holder = null, lease_until = null, next_run_at = ${next}, last_finished_at = now(),
        last_outcome = ${done.outcome}
    where name = ${done.name} and holder = ${done.holder}`);
}

export interface JobState {
  name: string;
  runs: number;
  lastOutcome: string | null;
}

/** How often each job ran and how it ended last (tests, operations). */
export async function jobStates(db: Db, names: readonly string[]): Promise<JobState[]> {
  if (names.length === 0) return [];
  const result = await db.execute(sql`
    select name, runs, last_outcome as "lastOutcome" from scheduled_jobs
    where name in (${sql.join(
      names.map((n) => sql`${n}`),
      sql`, `,
    )}) order by name`);
  return (result as unknown as Rows<JobState>).rows.map((r) => ({ ...r, runs: Number(r.runs) }));
}
