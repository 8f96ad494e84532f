import {
  computeProgress,
  halfYearRange,
  invoicedPace,
  type Category,
  type Progress,
  type ValuedItem,
} from '../../domain/index.ts';
import type { Db, Tx } from '../../db/client.ts';
import { activityValues, type ActivityValue } from '../../db/repositories/activities.ts';
import {
  effectiveEndDate,
  extensionsByContract,
  listExtensions,
  type ContractWithNames,
  type ExtensionRow,
} from '../../db/repositories/contracts.ts';
import { invoicesByContract, type InvoiceRow } from '../../db/repositories/contract-invoices.ts';
import { approvedPlanItems, type StoredPlanItem } from '../../db/repositories/plans.ts';
import { contractPolicy, tenantPolicies, type LoadedPolicy } from './contract-policy.ts';

/** Everything progress needs of one contract, loaded once and computable at any date. */
export interface ContractFacts {
  contract: ContractWithNames;
  extensions: ExtensionRow[];
  loaded: LoadedPolicy;
  endDate: string;
  planned: StoredPlanItem[];
  values: ActivityValue[];
  /** Invoiced half-years, loaded only when the policy's base is `invoiced` (decision 022). */
  invoices?: InvoiceRow[] | undefined;
}

/**
 * Loads the facts of many contracts with a fixed number of queries (one per table), for lists
 * and the dashboard; one contract uses the same path.
 */
export async function loadFacts(
  db: Db | Tx,
  tenantId: string,
  contracts: readonly ContractWithNames[],
): Promise<ContractFacts[]> {
  if (contracts.length === 0) return [];
  // A large portfolio is read tenant-wide and matched in memory: an id list that long would pass
  // the protocol's parameter limit (65 535) and gains nothing.
  const ids = contracts.length > 1_000 ? undefined : contracts.map((c) => c.id);
  const single = contracts.length === 1 ? contracts[0] : undefined;
  const [extensions, policies, planned, values] = await Promise.all([
    single
      ? listExtensions(db, tenantId, single.id).then((rows) => new Map([[single.id, rows]]))
      : extensionsByContract(db, tenantId),
    single
      ? contractPolicy(db, tenantId, single.policyVersionId).then((p) => new Map([[p.id, p]]))
      : tenantPolicies(db, tenantId),
    approvedPlanItems(db, tenantId, ids),
    activityValues(db, tenantId, ids),
  ]);
  // framework contracts on invoiced value only: no query at all for a portfolio without them
  const onInvoices = contracts
    .filter((c) => policies.get(c.policyVersionId)?.policy.base === 'invoiced')
    .map((c) => c.id);
  const invoices = onInvoices.length
    ? await invoicesByContract(db, tenantId, onInvoices.length > 1_000 ? undefined : onInvoices)
    : new Map<string, InvoiceRow[]>();
  const valuesOf = new Map<string, ActivityValue[]>();
  for (const v of values) {
    const list = valuesOf.get(v.contractId);
    if (list) list.push(v);
    else valuesOf.set(v.contractId, [v]);
  }
  return contracts.map((contract) => {
    const ext = extensions.get(contract.id) ?? [];
    const loaded = policies.get(contract.policyVersionId);
    if (!loaded) throw new Error(`Policy version of contract ${contract.id} is missing`);
    return {
      contract,
      extensions: ext,
      loaded,
      endDate: effectiveEndDate(contract, ext),
      planned: planned.get(contract.id) ?? [],
      values: valuesOf.get(contract.id) ?? [],
      ...(loaded.policy.base === 'invoiced' ? { invoices: invoices.get(contract.id) ?? [] } : {}),
    };
  });
}

const periodStart = new Map<string, string>();
/** First day of a half-year (memoised: dashboards ask for the same few periods many times). */
export function startOfPeriod(period: string): string {
  let s = periodStart.get(period);
  if (s === undefined) {
    s = halfYearRange(period).start;
    periodStart.set(period, s);
  }
  return s;
}

/**
 * Which stored values count at `asOf` (domain.md §6–7; the lifecycle's decision):
 * - planned: the items of the latest approved plan version (the commitment, whole term);
 * - realised: every reported activity of a half-year that has begun by `asOf`, in the current
 *   version of its report, whatever the report's state, except those the advisor rejected;
 * - verified: of those, the ones the advisor accepted.
 * Rejected activities are left out of realised because the advisor judged they do not count; an
 * open report's activities count as realised at once, so the pace (`behind`) follows what the
 * supplier reports, while only verified value closes the obligation (`met`). Category caps apply
 * to the whole term (in the domain). Verification is read as it is now, not as it was at `asOf`.
 */
export function countedItems(facts: ContractFacts, asOf: string) {
  const planned: ValuedItem[] = facts.planned.map((i) => ({
    category: i.category as Category,
    valueCents: i.valueCents,
  }));
  const realised: ValuedItem[] = [];
  const verified: ValuedItem[] = [];
  for (const v of facts.values) {
    if (v.verification === 'rejected' || startOfPeriod(v.period) > asOf) continue;
    const item = { category: v.category as Category, valueCents: v.valueCents };
    realised.push(item);
    if (v.verification === 'accepted') verified.push(item);
  }
  return { planned, realised, verified };
}

/** The domain's progress of one contract at a date, from its stored values. */
export function progressAt(facts: ContractFacts, asOf: string): Progress {
  return computeProgress(
    {
      obligationCents: facts.contract.obligationCents,
      startDate: facts.contract.startDate,
      endDate: facts.endDate,
      ...countedItems(facts, asOf),
      policy: facts.loaded.policy,
      ...(facts.invoices
        ? {
            expectedCents: invoicedPace(
              {
                percentageBp: facts.loaded.policy.percentageBp,
                obligationCents: facts.contract.obligationCents,
                startDate: facts.contract.startDate,
                endDate: facts.endDate,
                invoices: facts.invoices,
              },
              asOf,
            ),
          }
        : {}),
    },
    asOf,
  );
}
