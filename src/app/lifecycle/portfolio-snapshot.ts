import type { Progress } from '../../domain/index.ts';
import type { Db } from '../../db/client.ts';
import type { ContractScope } from '../../db/repositories/contracts.ts';
import {
  portfolioContracts,
  portfolioStamp,
  pruneChangeNotes,
  type PortfolioContract,
} from '../../db/repositories/portfolio.ts';
import { loadPortfolioSums, progressFromSums, type PortfolioSums } from './portfolio.ts';

/**
 * Every contract of a scope with its progress on a date: what the dashboard and a list sorted or
 * filtered by progress need. Computing it reads the whole portfolio (a city: 2,000–4,000 contracts,
 * 40–60 ms); it is kept per process under the portfolio's stamp (decision 025) and computed again
 * when any write changed the municipality's contracts, suppliers, policies or sums, whichever
 * instance made it, or after five minutes.
 */
export interface PortfolioSnapshot {
  asOf: string;
  contracts: readonly PortfolioContract[];
  sums: PortfolioSums;
  /** By contract id. */
  progress: ReadonlyMap<string, Progress>;
}

const ttlMs = 5 * 60_000;
const maxEntries = 32;

interface Entry {
  stamp: string;
  at: number;
  snapshot: PortfolioSnapshot;
}

const byDb = new WeakMap<Db, Map<string, Entry>>();

/** Scopes that see the same contracts share a key: all staff of a tenant, one manager, one supplier. */
function keyOf(scope: ContractScope, asOf: string): string {
  const who =
    scope.role === 'advisor' || scope.role === 'municipalityAdmin'
      ? 'tenant'
      : scope.role === 'contractManager'
        ? `manager:${scope.userId}`
        : scope.role === 'supplier'
          ? `supplier:${scope.supplierId ?? ''}`
          : `${scope.role}:${scope.userId}`;
  return `${scope.tenantId}|${who}|${asOf}`;
}

export async function portfolioSnapshot(
  db: Db,
  scope: ContractScope,
  asOf: string,
  clock: () => number = Date.now,
): Promise<PortfolioSnapshot> {
  let entries = byDb.get(db);
  if (!entries) byDb.set(db, (entries = new Map()));
  const key = keyOf(scope, asOf);
  // The stamp is read before the data: data read after it is at least as new as the stamp says.
  const stamp = await portfolioStamp(db, scope.tenantId);
  const known = entries.get(key);
  if (known && known.stamp === stamp && clock() - known.at < ttlMs) return known.snapshot;
  const [contracts, sums] = await Promise.all([
    portfolioContracts(db, scope),
    loadPortfolioSums(db, scope, asOf),
  ]);
  const progress = new Map(contracts.map((c) => [c.id, progressFromSums(c, sums, asOf)]));
  const snapshot = { asOf, contracts, sums, progress };
  entries.delete(key);
  entries.set(key, { stamp, at: clock(), snapshot });
  // the oldest entry goes first (a Map keeps insertion order)
  if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
  return snapshot;
}

/**
 * Change notes older than an hour are no longer needed for any stamp: a snapshot lives five minutes,
 * and no write transaction stays open for an hour (housekeeping).
 */
export function pruneChangeNotesBefore(db: Db, now: Date, tenantId?: string): Promise<number> {
  return pruneChangeNotes(db, new Date(now.getTime() - 3_600_000), tenantId);
}
