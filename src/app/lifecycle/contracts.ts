import type { Progress, ProgressStatus } from '../../domain/index.ts';
import type { Db } from '../../db/client.ts';
import {
  contractFilterConditions,
  contractsByIds,
  effectiveEndDate,
  extensionsOf,
  type ContractFilters,
  type ContractScope,
} from '../../db/repositories/contracts.ts';
import { isUuid } from '../../db/repositories/evidence.ts';
import {
  contractIdsMatching,
  contractPage,
  countContracts,
  sortColumns,
  type PortfolioContract,
  type SortColumn,
} from '../../db/repositories/portfolio.ts';
import { invalid } from '../../domain/errors.ts';
import { isoDay } from '../clock.ts';
import { decodeCursor, encodeCursor, pageLimit } from '../cursor.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { contractPolicy } from './contract-policy.ts';
import { loadPortfolioSums, progressFromSums, type ContractSums } from './portfolio.ts';
import { portfolioSnapshot } from './portfolio-snapshot.ts';
import { presentContract, type ContractView } from './present.ts';
import { contractReaders, readContractWithExtensions, scopeOf } from './scope.ts';

export type ContractListItem = ContractView & { progress: Omit<Progress, 'byCategory'> };

const withoutCategories = ({ byCategory: _, ...rest }: Progress) => rest;

/** Fields of the progress a list sorts on: computed by the domain for every contract in scope. */
const progressSorts = [
  'status',
  'plannedCents',
  'realisedCents',
  'verifiedCents',
  'expectedCents',
  'forecastCents',
] as const;
type ProgressSort = (typeof progressSorts)[number];
export const contractSorts = [...(Object.keys(sortColumns) as SortColumn[]), ...progressSorts] as const;
export type ContractSort = (typeof contractSorts)[number];

const statusRank: Record<ProgressStatus, number> = { behind: 0, notMet: 1, onTrack: 2, met: 3 };

export interface ContractListInput extends ContractFilters {
  status?: ProgressStatus | undefined;
  /** Page size, 1–500 (default 50). */
  limit?: number | undefined;
  /** From the answer before: where the next page starts. */
  cursor?: string | undefined;
  /** A field of the items, `-` before it for descending (default `reference`). */
  sort?: string | undefined;
}

export interface ContractListPage {
  items: ContractListItem[];
  /** Absent on the last page. */
  nextCursor?: string;
  /** Contracts matching the filters (all pages). */
  total: number;
}

type Cursor = { k: 'key'; v: string | number; id: string } | { k: 'at'; o: number };

function isCursor(kind: Cursor['k']) {
  return (c: unknown): c is Cursor => {
    const x = c as Partial<{ k: string; v: unknown; id: unknown; o: unknown }> | null;
    if (!x || x.k !== kind) return false;
    return kind === 'key'
      ? (typeof x.v === 'string' || typeof x.v === 'number') && typeof x.id === 'string' && isUuid(x.id)
      : Number.isSafeInteger(x.o) && (x.o as number) >= 0;
  };
}

function parseSort(raw: string | undefined): { field: ContractSort; desc: boolean } {
  const value = raw ?? 'reference';
  const desc = value.startsWith('-');
  const field = (desc ? value.slice(1) : value).replace(/^progress\./, '');
  if (!(contractSorts as readonly string[]).includes(field))
    throw invalid('Invalid query.', [{ name: 'sort', reason: `must be one of ${contractSorts.join(', ')}` }]);
  return { field: field as ContractSort, desc };
}

/**
 * Contracts the actor may see, a page at a time (`{ items, nextCursor, total }`), filtered by
 * supplier, regime, text (reference, title, supplier) and progress status today, sorted by any
 * field shown. Columns of the contract are sorted and paged in the database (keyset); progress
 * fields and the status filter need every contract's progress: the database sums the values per
 * contract and category, the domain computes each progress, and the page is cut from that.
 */
export const listContracts = defineUseCase<ContractListInput, ContractListPage>({
  name: 'contract.list',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const scope = scopeOf(actor);
    const today = isoDay(deps.now());
    const limit = pageLimit(input.limit, 50, 500);
    const sort = parseSort(input.sort);
    const where = contractFilterConditions(input);
    const byProgress =
      input.status !== undefined || (progressSorts as readonly string[]).includes(sort.field);
    if (!byProgress) {
      const after = decodeCursor(input.cursor, isCursor('key'));
      const [page, total] = await Promise.all([
        contractPage(deps.db, scope, {
          where,
          sort: sort.field as SortColumn,
          desc: sort.desc,
          limit,
          after: after?.k === 'key' ? { value: after.v, id: after.id } : undefined,
        }),
        countContracts(deps.db, scope, where),
      ]);
      const ids = page.slice(0, limit).map((r) => r.id);
      const last = page[limit - 1];
      const items = await presentPage(deps.db, scope, ids, today);
      return {
        items,
        total,
        ...(page.length > limit && last
          ? { nextCursor: encodeCursor({ k: 'key', v: last.sortValue, id: last.id }) }
          : {}),
      };
    }
    const at = decodeCursor(input.cursor, isCursor('at'));
    const offset = at?.k === 'at' ? at.o : 0;
    // every contract's progress today (kept under the portfolio's stamp), narrowed by the filters
    const [snapshot, matching] = await Promise.all([
      portfolioSnapshot(deps.db, scope, today),
      where.length > 0 ? contractIdsMatching(deps.db, scope, where) : undefined,
    ]);
    const rows = matching ? snapshot.contracts.filter((c) => matching.has(c.id)) : snapshot.contracts;
    const field = sort.field;
    const key = (c: PortfolioContract, p: Progress): string | number =>
      field === 'status'
        ? statusRank[p.status]
        : (progressSorts as readonly string[]).includes(field)
          ? p[field as Exclude<ProgressSort, 'status'>]
          : (c[field as keyof PortfolioContract] as string | number);
    const ranked = rows
      .map((c) => ({ c, p: snapshot.progress.get(c.id) as Progress }))
      .filter((x) => input.status === undefined || x.p.status === input.status)
      .map((x) => ({ id: x.c.id, ref: x.c.reference, k: key(x.c, x.p) }));
    const dir = sort.desc ? -1 : 1;
    ranked.sort(
      (a, b) =>
        dir * (a.k < b.k ? -1 : a.k > b.k ? 1 : 0) || a.ref.localeCompare(b.ref) || a.id.localeCompare(b.id),
    );
    const ids = ranked.slice(offset, offset + limit).map((r) => r.id);
    const items = await presentPage(deps.db, scope, ids, today, snapshot.sums);
    return {
      items,
      total: ranked.length,
      ...(offset + limit < ranked.length ? { nextCursor: encodeCursor({ k: 'at', o: offset + limit }) } : {}),
    };
  },
});

/** The list items of a page of contract ids, in that order, each with its progress today. */
async function presentPage(
  db: Db,
  scope: ContractScope,
  ids: readonly string[],
  today: string,
  known?: ContractSums,
): Promise<ContractListItem[]> {
  if (ids.length === 0) return [];
  const [rows, extensions, sums] = await Promise.all([
    contractsByIds(db, scope, ids),
    extensionsOf(db, scope.tenantId, ids),
    known ?? loadPortfolioSums(db, scope, today, ids),
  ]);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const contract = byId.get(id);
    if (!contract) return [];
    const ext = extensions.get(id) ?? [];
    const loaded = sums.policies.get(contract.policyVersionId);
    if (!loaded) throw new Error(`Policy version of contract ${id} is missing`);
    const endDate = effectiveEndDate(contract, ext);
    return [
      {
        ...presentContract(contract, ext, loaded.version),
        progress: withoutCategories(progressFromSums({ ...contract, endDate }, sums, today)),
      },
    ];
  });
}

export const getContract = defineUseCase<{ id: string }, ContractView>({
  name: 'contract.get',
  access: contractReaders,
  async run({ deps, actor }, input) {
    // The view needs the contract, its extensions (one query, shared with concurrent reads) and its
    // policy's version number (read once per process): no activities.
    const found = await readContractWithExtensions(deps.db, actor, input.id);
    const loaded = await contractPolicy(deps.db, tenantOf(actor), found.contract.policyVersionId);
    return presentContract(found.contract, found.extensions, loaded.version);
  },
});
