import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom, type CopyStreamQuery } from 'pg-copy-streams';
import type { Tx } from '../client.ts';
import { insertBulkRows, type BulkColumn } from './bulk.ts';

/**
 * Rows written to a table as they come, in the caller's transaction (decision 032). On PostgreSQL
 * they stream through one `COPY … FROM STDIN` while the caller goes on (the database inserts on its
 * own core while the process checks the next rows); on PGlite, which has no wire to stream over,
 * they are kept and inserted set-based at `end`. While a sink is open on PostgreSQL the transaction's
 * connection is busy with the COPY: the caller must not query until `end` or `abort`.
 */
export interface RowSink<R> {
  /** Adds a row; await it now and then, so the rows leave the process while the caller works. */
  write(row: R): Promise<void> | void;
  /** Sends what is left and waits for the database: the number of rows written. */
  end(): Promise<number>;
  /** Gives up: the COPY fails (the transaction must be rolled back), or the kept rows are dropped. */
  abort(): Promise<void>;
}

/** Bytes of COPY text gathered before they are handed to the socket. */
const flushBytes = 1 << 16;

/** The wire client of a transaction on PostgreSQL (node-postgres), or undefined on PGlite. */
function wireClient(tx: Tx): pg.ClientBase | undefined {
  const client = (tx as unknown as { session?: { client?: unknown } }).session?.client;
  return client instanceof pg.Client ? client : undefined;
}

/**
 * Resolves once the client has read the server's ReadyForQuery after a COPY ended in an error: the
 * stream gives up as soon as it is destroyed or the ErrorResponse arrives, but the connection is free
 * for the next statement (the ROLLBACK) only after ReadyForQuery. Without this wait node-postgres
 * queues that statement behind the COPY, which pg@9 no longer allows.
 */
export function connectionSettled(client: pg.ClientBase): Promise<void> {
  const state = client as unknown as { readyForQuery?: boolean; connection?: NodeJS.EventEmitter };
  const connection = state.connection;
  if (state.readyForQuery === true || !connection) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      connection.off('readyForQuery', done);
      connection.off('end', done);
      connection.off('error', done);
      resolve();
    };
    connection.on('readyForQuery', done);
    connection.on('end', done);
    connection.on('error', done);
  });
}

/** Whether this transaction can stream rows over the wire (PostgreSQL) rather than keep them (PGlite). */
export const canStreamRows = (tx: Tx): boolean => wireClient(tx) !== undefined;

const escapes: Record<string, string> = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** One value in COPY's text format: `\N` for null, JSON for objects, backslash escapes in text. */
export function copyValue(v: unknown): string {
  if (v === null || v === undefined) return '\\N';
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 't' : 'f';
  const text = typeof v === 'string' ? v : JSON.stringify(v);
  return /[\\\n\r\t]/.test(text) ? text.replace(/[\\\n\r\t]/g, (c) => escapes[c] ?? c) : text;
}

function checkedNames(table: string, columns: readonly string[]): string {
  if (!/^[a-z_]+$/.test(table) || columns.some((c) => !/^[a-z_]+$/.test(c)))
    throw new Error(`bad copy target ${table} (${columns.join(', ')})`);
  return columns.join(', ');
}

/**
 * A sink of rows into `table`: on PostgreSQL a streaming COPY of `columns`, each row given as its
 * values in that order by `cells`; on PGlite the rows are kept and handed to `insertKept` at `end`.
 */
export function openRowSink<R>(
  tx: Tx,
  table: string,
  columns: readonly string[],
  cells: (row: R) => readonly unknown[],
  insertKept: (rows: R[]) => Promise<number>,
): RowSink<R> {
  const names = checkedNames(table, columns);
  const client = wireClient(tx);
  if (!client) {
    let kept: R[] = [];
    return {
      write: (row) => void kept.push(row),
      end: () => insertKept(kept),
      abort: async () => {
        kept = [];
      },
    };
  }
  const stream: CopyStreamQuery = client.query(copyFrom(`copy ${table} (${names}) from stdin`));
  let failure: Error | undefined;
  stream.on('error', (error: Error) => {
    failure ??= error;
  });
  let pending: string[] = [];
  let bytes = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const chunk = pending.join('');
    pending = [];
    bytes = 0;
    if (!stream.write(chunk)) await once(stream, 'drain');
  };
  return {
    write(row) {
      if (failure) throw failure;
      const line = `${cells(row).map(copyValue).join('\t')}\n`;
      pending.push(line);
      bytes += line.length;
      return bytes >= flushBytes ? flush() : undefined;
    },
    async end() {
      try {
        if (failure) throw failure;
        await flush();
        stream.end();
        await finished(stream);
        return stream.rowCount;
      } catch (error) {
        await connectionSettled(client);
        throw error;
      }
    },
    async abort() {
      pending = [];
      const settled = connectionSettled(client);
      stream.destroy(new Error('the rows were refused'));
      await finished(stream).catch(() => undefined);
      await settled;
    },
  };
}

/**
 * Inserts rows keyed by column name, as {@link insertBulkRows} without its options: on PostgreSQL
 * with one COPY (one statement, so statement-level triggers fire once), on PGlite in chunks.
 */
export async function copyBulkRows(
  tx: Tx,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly Record<string, unknown>[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const names = columns.map(([name]) => name);
  const sink = openRowSink<Record<string, unknown>>(
    tx,
    table,
    names,
    (row) => names.map((name) => row[name]),
    async (kept) => {
      await insertBulkRows(tx, table, columns, kept);
      return kept.length;
    },
  );
  try {
    for (const row of rows) await sink.write(row);
    return await sink.end();
  } catch (error) {
    await sink.abort();
    throw error;
  }
}
