import { inArray } from 'drizzle-orm';
import { halfYearOf, type Progress } from '../../domain/index.ts';
import type { Db } from '../../db/client.ts';
import type { ContractScope } from '../../db/repositories/contracts.ts';
import {
  portfolioContracts,
  portfolioPeriodSums,
  portfolioStamp,
  pruneChangeNotes,
  type PeriodSums,
  type PortfolioContract,
  type PortfolioStamp,
} from '../../db/repositories/portfolio.ts';
import { contracts as contractsTable } from '../../db/schema/index.ts';
import {
  loadPortfolioSums,
  progressFromSums,
  type ContractSumsItems,
  type ContractSums,
} from './portfolio.ts';

/**
 * Every contract of a scope with its progress on a date: what the dashboard and a list sorted or
 * filtered by progress need. Computing it reads the whole portfolio (a city: 2,000–4,000 contracts,
 * 40–100 ms); it is kept per process under the portfolio's stamp (decision 025). When writes changed
 * only some contracts (their change notes name them), only those are read again and the rest kept;
 * when a note names no contract (a supplier, a policy, an import of many) or the notes cannot be
 * accounted for (one committed late, or pruned), or after five minutes, all is computed anew.
 */
export interface PortfolioSnapshot {
  asOf: string;
  contracts: readonly PortfolioContract[];
  sums: ContractSums;
  /** By contract id. */
  progress: ReadonlyMap<string, Progress>;
  /** The sums per half-year (the dashboard's): read once per snapshot, when first asked for. */
  periods(): Promise<ReadonlyMap<string, PeriodSums>>;
}

const ttlMs = 5 * 60_000;
const maxEntries = 32;

interface Entry {
  stamp: PortfolioStamp;
  /** When it was computed in full (an incremental update keeps it). */
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

/** The half-year sums, read once and shared by every request that asks this snapshot. */
function lazyPeriods(
  db: Db,
  scope: ContractScope,
  asOf: string,
  known?: ReadonlyMap<string, PeriodSums>,
): () => Promise<ReadonlyMap<string, PeriodSums>> {
  let pending: Promise<ReadonlyMap<string, PeriodSums>> | undefined = known && Promise.resolve(known);
  return () =>
    (pending ??= portfolioPeriodSums(db, scope, halfYearOf(asOf)).then(
      (rows) => new Map(rows.map((p) => [p.period, p])),
      (error: unknown) => {
        pending = undefined; // the next request asks again
        throw error;
      },
    ));
}

async function computeAll(db: Db, scope: ContractScope, asOf: string): Promise<PortfolioSnapshot> {
  const [contracts, sums] = await Promise.all([
    portfolioContracts(db, scope),
    loadPortfolioSums(db, scope, asOf),
  ]);
  const progress = new Map(contracts.map((c) => [c.id, progressFromSums(c, sums, asOf)]));
  return {
    asOf,
    contracts,
    sums: { items: sums.items, policies: sums.policies },
    progress,
    periods: lazyPeriods(db, scope, asOf, sums.byPeriod),
  };
}

/**
 * The snapshot after writes that changed only `ids`: those contracts (as far as still in scope) and
 * their sums read again, their progress computed anew, everything else kept from `known`.
 */
async function updateSome(
  db: Db,
  scope: ContractScope,
  known: PortfolioSnapshot,
  ids: readonly string[],
): Promise<PortfolioSnapshot> {
  const { asOf } = known;
  const [changed, sums] = await Promise.all([
    portfolioContracts(db, scope, [inArray(contractsTable.id, [...ids])]),
    loadPortfolioSums(db, scope, asOf, ids, { periods: false }),
  ]);
  const named = new Set(ids);
  const fresh = new Map(changed.map((c) => [c.id, c]));
  const items = new Map<string, ContractSumsItems>(known.sums.items);
  const progress = new Map(known.progress);
  for (const id of named) {
    items.delete(id);
    progress.delete(id);
  }
  for (const [id, sumsOf] of sums.items) items.set(id, sumsOf);
  const next: ContractSums = { items, policies: sums.policies };
  // the known order kept, a changed contract in its place, a new one at the end
  const contracts: PortfolioContract[] = [];
  for (const c of known.contracts) {
    if (!named.has(c.id)) contracts.push(c);
    else {
      const now = fresh.get(c.id);
      if (now) contracts.push(now);
      fresh.delete(c.id);
    }
  }
  for (const c of fresh.values()) contracts.push(c);
  for (const c of changed) progress.set(c.id, progressFromSums(c, next, asOf));
  return { asOf, contracts, sums: next, progress, periods: lazyPeriods(db, scope, asOf) };
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
  const known = entries.get(key);
  // The stamp is read before the data: data read after it is at least as new as the stamp says.
  const stamp = await portfolioStamp(db, scope.tenantId, known?.stamp.highest ?? null);
  const fresh = known !== undefined && clock() - known.at < ttlMs;
  if (known && fresh && known.stamp.text === stamp.text) return known.snapshot;
  // Only named contracts changed when every note since is one after the highest seen (none committed
  // late below it, none pruned) and each names its contract.
  const onlySome =
    known !== undefined &&
    fresh &&
    stamp.contractIds !== null &&
    known.stamp.lowest === stamp.lowest &&
    stamp.count === known.stamp.count + stamp.newer;
  const snapshot =
    onlySome && stamp.contractIds
      ? await updateSome(db, scope, known.snapshot, stamp.contractIds)
      : await computeAll(db, scope, asOf);
  entries.delete(key);
  entries.set(key, { stamp, at: onlySome ? known.at : clock(), snapshot });
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
