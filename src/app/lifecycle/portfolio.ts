import {
  computeProgress,
  halfYearOf,
  type Category,
  type Progress,
  type ValuedItem,
} from '../../domain/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import type { ContractScope } from '../../db/repositories/contracts.ts';
import {
  portfolioSums,
  type CategorySums,
  type PeriodSums,
  type PortfolioContract,
} from '../../db/repositories/portfolio.ts';
import { tenantPolicies, type LoadedPolicy } from './contract-policy.ts';

/**
 * Progress of many contracts from sums the database made (issue 14): one row per contract and
 * category instead of every activity. The domain's `computeProgress` gets one item per category
 * and list, which gives the same figures as the items one by one (caps apply to category sums;
 * sums of whole cents are exact), so the domain stays the single source of truth.
 */
export interface ContractSumsItems {
  planned: ValuedItem[];
  realised: ValuedItem[];
  verified: ValuedItem[];
}

const empty = (): ContractSumsItems => ({ planned: [], realised: [], verified: [] });

function itemsByContract(rows: readonly CategorySums[]) {
  const into = new Map<string, ContractSumsItems>();
  for (const r of rows) {
    let items = into.get(r.contractId);
    if (!items) into.set(r.contractId, (items = empty()));
    const category = r.category as Category;
    if (r.plannedCents !== 0) items.planned.push({ category, valueCents: r.plannedCents });
    if (r.realisedCents !== 0) items.realised.push({ category, valueCents: r.realisedCents });
    if (r.verifiedCents !== 0) items.verified.push({ category, valueCents: r.verifiedCents });
  }
  return into;
}

export interface PortfolioSums {
  /** Per contract: its sums as domain items. */
  items: Map<string, ContractSumsItems>;
  /** Per half-year: planned (all approved items), realised and verified (begun by asOf), before caps. */
  byPeriod: Map<string, PeriodSums>;
  policies: Map<string, LoadedPolicy>;
}

/** What a contract's progress needs of the sums: its items and the policies. */
export type ContractSums = Pick<PortfolioSums, 'items' | 'policies'>;

/**
 * The sums progress needs at `asOf`, for the scope (or the given contracts of it); with
 * `periods: false` without the sums per half-year.
 */
export async function loadPortfolioSums(
  db: Db | Tx,
  scope: ContractScope,
  asOf: string,
  contractIds?: readonly string[],
  options: { periods?: boolean } = {},
): Promise<PortfolioSums> {
  const [sums, policies] = await Promise.all([
    portfolioSums(db, scope, halfYearOf(asOf), contractIds, options),
    tenantPolicies(db, scope.tenantId),
  ]);
  const byPeriod = new Map<string, PeriodSums>(sums.byPeriod.map((p) => [p.period, p]));
  return { items: itemsByContract(sums.byContract), byPeriod, policies };
}

/** The domain's progress of one portfolio contract at `asOf`, from its sums. */
export function progressFromSums(
  contract: Pick<PortfolioContract, 'id' | 'obligationCents' | 'startDate' | 'endDate' | 'policyVersionId'>,
  sums: ContractSums,
  asOf: string,
): Progress {
  const loaded = sums.policies.get(contract.policyVersionId);
  if (!loaded) throw new Error(`Policy version of contract ${contract.id} is missing`);
  const items = sums.items.get(contract.id) ?? empty();
  return computeProgress(
    {
      obligationCents: contract.obligationCents,
      startDate: contract.startDate,
      endDate: contract.endDate,
      ...items,
      policy: loaded.policy,
    },
    asOf,
  );
}
