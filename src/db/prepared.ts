import type { Db, Tx } from './client.ts';

/**
 * Queries that run on nearly every request (the token or session behind it, the contract asked
 * for) are built once per database and kept as prepared statements: building a query with the
 * ORM costs more than the database takes to answer it (issue 14, profiled under 50 clients).
 */
const cache = new WeakMap<Db | Tx, Map<string, unknown>>();

export function prepared<D extends Db | Tx, T>(db: D, name: string, build: (db: D) => T): T {
  let byName = cache.get(db);
  if (!byName) cache.set(db, (byName = new Map()));
  let statement = byName.get(name) as T | undefined;
  if (statement === undefined) {
    statement = build(db);
    byName.set(name, statement);
  }
  return statement;
}
