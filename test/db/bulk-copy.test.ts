import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canStreamRows, copyBulkRows, copyValue, openRowSink } from '../../src/db/repositories/bulk-copy.ts';
import type { Tx } from '../../src/db/client.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * The row sink of decision 032 on the run's database: COPY FROM STDIN on PostgreSQL, kept rows
 * inserted set-based on PGlite. A table of its own (a temporary one, per transaction) keeps it apart
 * from the app's data.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const columns = [
  ['id', 'integer'],
  ['note', 'text'],
  ['at', 'timestamptz'],
  ['data', 'jsonb'],
] as const;

async function scratch(tx: Tx) {
  await tx.execute(
    sql`create temporary table copy_probe (id integer primary key, note text, at timestamptz, data jsonb) on commit drop`,
  );
}

const rowsOf = async (tx: Tx) =>
  (
    (await tx.execute(sql`select id, note, at, data from copy_probe order by id`)) as unknown as {
      rows: Record<string, unknown>[];
    }
  ).rows;

/** A sink of ids into the probe table; on PGlite the kept rows go to `insertKept`. */
const idSink = (tx: Tx, insertKept: (kept: { id: unknown }[]) => Promise<number>) =>
  openRowSink<{ id: unknown }>(tx, 'copy_probe', ['id'], (r) => [r.id], insertKept);

/**
 * Whether the transaction's connection can take the next statement now: on PostgreSQL whether
 * node-postgres has read the ReadyForQuery after the COPY (else it would queue the ROLLBACK behind
 * it, which pg@9 refuses); PGlite has no COPY in flight.
 */
function readyForNext(tx: Tx): boolean {
  const client = (tx as unknown as { session?: { client?: { readyForQuery?: boolean } } }).session?.client;
  return canStreamRows(tx) ? client?.readyForQuery === true : true;
}

describe('copyValue', () => {
  it.each([
    [null, '\\N'],
    [undefined, '\\N'],
    ['plain', 'plain'],
    ['tab\there', 'tab\\there'],
    ['two\nlines\r\n', 'two\\nlines\\r\\n'],
    ['back\\slash', 'back\\\\slash'],
    [12.5, '12.5'],
    [true, 't'],
    [new Date('2026-01-02T03:04:05.006Z'), '2026-01-02T03:04:05.006Z'],
    [{ a: 'x\ty' }, '{"a":"x\\\\ty"}'],
  ])('%j → %s', (value, text) => {
    expect(copyValue(value)).toBe(text);
  });
});

describe('row sink', () => {
  it('writes every row with its text, time and JSON exactly', async () => {
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      id: i,
      note: i % 7 === 0 ? `met\ttab, \\ en\nregel ${i}` : i % 11 === 0 ? null : `rij ${i} ${'x'.repeat(40)}`,
      at: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
      data: i % 3 === 0 ? { i, tekst: 'é"\\' } : null,
    }));
    await t.deps.db.transaction(async (tx) => {
      await scratch(tx);
      expect(await copyBulkRows(tx, 'copy_probe', columns, rows)).toBe(rows.length);
      const stored = await rowsOf(tx);
      expect(stored).toHaveLength(rows.length);
      for (const i of [0, 7, 11, 33, 4_999]) {
        const want = rows[i]!;
        const got = stored[i]!;
        expect(got.note).toBe(want.note);
        expect(new Date(got.at as string).toISOString()).toBe(want.at.toISOString());
        expect(got.data).toEqual(want.data);
      }
    });
  });

  it('a refused row fails the write; after a rollback the connection works on', async () => {
    const failed = await t.deps.db
      .transaction(async (tx) => {
        await scratch(tx);
        const sink = idSink(tx, async (kept) => {
          await tx.execute(
            sql`insert into copy_probe (id) select (jsonb_array_elements_text(${JSON.stringify(kept.map((r) => r.id))}::jsonb))::integer`,
          );
          return kept.length;
        });
        for (let i = 0; i < 20_000; i++) await sink.write({ id: i });
        await sink.write({ id: 'not a number' });
        return await sink.end().catch((error: unknown) => {
          expect(readyForNext(tx)).toBe(true);
          throw error;
        });
      })
      .then(
        () => 'saved',
        (error: Error) => error.message,
      );
    expect(failed).toMatch(/integer/);
    const one = (await t.deps.db.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] };
    expect(one.rows[0]?.one).toBe(1);
  });

  it('abort gives up the rows; the transaction then rolls back cleanly', async () => {
    const outcome = await t.deps.db
      .transaction(async (tx) => {
        await scratch(tx);
        const sink = idSink(tx, async () => {
          throw new Error('kept rows must not be inserted after abort');
        });
        for (let i = 0; i < 20_000; i++) await sink.write({ id: i });
        await sink.abort();
        // the connection is free for the ROLLBACK, not still waiting for the end of the COPY
        expect(readyForNext(tx)).toBe(true);
        throw new Error('undo');
      })
      .catch((error: Error) => error.message);
    expect(outcome).toBe('undo');
    const one = (await t.deps.db.execute(sql`select 1 as one`)) as unknown as { rows: { one: number }[] };
    expect(one.rows[0]?.one).toBe(1);
  });

  it('streams on PostgreSQL and keeps rows on PGlite', async () => {
    await t.deps.db.transaction(async (tx) => {
      expect(canStreamRows(tx)).toBe(t.database.kind === 'postgres');
    });
  });
});
