import type { Db } from './client.ts';

/**
 * "Last used" bookkeeping (API tokens, sessions) that never holds up a read: a write is due at most
 * once per interval per object, is claimed in memory before it starts (so a burst of 50 requests on
 * one token makes one write, not 50 queued transactions), and runs after the request goes on, not
 * before. A failed write is logged without its data and forgotten; the next interval tries again.
 */
const claimed = new WeakMap<Db, Map<string, number>>();
const pending = new Set<Promise<void>>();

export function touchInBackground(
  db: Db,
  key: string,
  input: { last: Date | null; now: Date; everyMs: number },
  write: () => Promise<void>,
): void {
  const now = input.now.getTime();
  if (input.last && now - input.last.getTime() < input.everyMs) return;
  let marks = claimed.get(db);
  if (!marks) claimed.set(db, (marks = new Map()));
  const mark = marks.get(key);
  if (mark !== undefined && now - mark < input.everyMs && now >= mark) return;
  marks.set(key, now);
  const done: Promise<void> = write()
    .catch((error: unknown) => {
      marks.delete(key);
      const state =
        (error as { cause?: { code?: unknown }; code?: unknown }).cause?.code ??
        (error as { code?: unknown }).code;
      console.error(
        `last-used bookkeeping of ${key.split(':')[0]} failed${typeof state === 'string' ? ` (SQLSTATE ${state})` : ''}`,
      );
    })
    .finally(() => pending.delete(done));
  pending.add(done);
}

/** Waits for bookkeeping writes under way (before closing the database, and in tests). */
export async function settleLastUsed(): Promise<void> {
  while (pending.size) await Promise.all([...pending]);
}
