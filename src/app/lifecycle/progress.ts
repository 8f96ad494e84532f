import {
  categories,
  expectedByDate,
  halfYearRange,
  halfYearsBetween,
  portfolioProgress,
  progressExplanation,
  type Progress,
  type ProgressExplanation,
  type ProgressStatus,
} from '../../domain/index.ts';
import {
  obligationExplanations,
  type PeriodSums,
  type PortfolioContract,
} from '../../db/repositories/portfolio.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { loadFacts, progressAt } from './progress-data.ts';
import { portfolioSnapshot, type PortfolioSnapshot } from './portfolio-snapshot.ts';
import { contractReaders, requireContract, scopeOf, staffReaders } from './scope.ts';
import { withCarriedIn } from './settlement.ts';

/**
 * Progress of one contract at a date (today by default), computed by the domain, with the rule and
 * arithmetic of each figure in the caller's language.
 */
export const contractProgress = defineUseCase<
  { contractId: string; asOf?: string | undefined; lang?: 'nl' | 'en' | undefined },
  Progress & { asOf: string; explanations: ProgressExplanation }
>({
  name: 'contract.progress',
  access: contractReaders,
  async run({ deps, actor }, input) {
    const asOf = input.asOf ?? isoDay(deps.now());
    const contract = await requireContract(deps.db, actor, input.contractId);
    const [facts] = await loadFacts(deps.db, tenantOf(actor), [contract]);
    if (!facts) throw new Error('contract facts missing');
    const progress = await withCarriedIn(deps.db, facts, progressAt(facts, asOf));
    const figures = { ...progress, startDate: facts.contract.startDate, endDate: facts.endDate, asOf };
    return { asOf, ...progress, explanations: progressExplanation(figures, input.lang ?? 'nl') };
  },
});

interface Amounts {
  obligationCents: number;
  plannedCents: number;
  realisedCents: number;
  verifiedCents: number;
}
const zero = (): Amounts => ({ obligationCents: 0, plannedCents: 0, realisedCents: 0, verifiedCents: 0 });

const statusOrder: Record<ProgressStatus, number> = { behind: 0, notMet: 1, onTrack: 2, met: 3 };

/** How many contracts the dashboard lists (the ones needing attention first); the list pages the rest. */
export const DASHBOARD_CONTRACTS = 25;

/**
 * The obligation of one contract spread over its half-years pro rata by days (the difference of
 * expected at the period's end and before it, so the periods add up to the obligation exactly).
 */
function addObligationByHalfYear(into: Map<string, Amounts>, c: PortfolioContract) {
  let before = 0;
  for (const period of halfYearsBetween(c.startDate, c.endDate)) {
    const end = halfYearRange(period).end;
    const upTo = expectedByDate(c.obligationCents, c.startDate, c.endDate, end < c.endDate ? end : c.endDate);
    let row = into.get(period);
    if (!row) into.set(period, (row = zero()));
    row.obligationCents += upTo - before;
    before = upTo;
  }
}

/**
 * The municipality's portfolio at a date: totals and by category (the domain's portfolio sum),
 * by supplier, by half-year, and the contracts needing attention most (behind first). The database
 * sums the values (per contract and category, per half-year); the domain computes each contract's
 * progress from those sums.
 */
export const dashboard = defineUseCase<{ asOf?: string | undefined }, DashboardView>({
  name: 'dashboard.get',
  access: staffReaders,
  async run({ deps, actor }, input) {
    const asOf = input.asOf ?? isoDay(deps.now());
    const scope = scopeOf(actor);
    const snapshot = await portfolioSnapshot(deps.db, scope, asOf);
    const view = buildDashboard(snapshot, await snapshot.periods());
    // Explanations only of the contracts shown (a city's would be megabytes of text to decode).
    const explained = await obligationExplanations(
      deps.db,
      scope.tenantId,
      view.contracts.map((c) => c.id),
    );
    return {
      ...view,
      contracts: view.contracts.map((c) => ({
        ...c,
        obligationExplanation: explained.get(c.id)?.en ?? '',
      })),
    };
  },
});

function buildDashboard(
  { contracts, progress, asOf }: PortfolioSnapshot,
  byPeriod: ReadonlyMap<string, PeriodSums>,
) {
  const list = contracts.map((c) => ({ c, p: progress.get(c.id) as Progress }));
  const totals = portfolioProgress(list.map((x) => x.p));
  const suppliers = new Map<string, { supplierId: string; supplierName: string; progress: Progress[] }>();
  const halfYears = new Map<string, Amounts>();
  for (const { c, p } of list) {
    let s = suppliers.get(c.supplierId);
    if (!s)
      suppliers.set(
        c.supplierId,
        (s = { supplierId: c.supplierId, supplierName: c.supplierName, progress: [] }),
      );
    s.progress.push(p);
    addObligationByHalfYear(halfYears, c);
  }
  for (const [period, amounts] of byPeriod) {
    let row = halfYears.get(period);
    if (!row) halfYears.set(period, (row = zero()));
    row.plannedCents += amounts.plannedCents;
    row.realisedCents += amounts.realisedCents;
    row.verifiedCents += amounts.verifiedCents;
  }
  const { byCategory, byStatus, contracts: count, ...totalSums } = totals;
  const attention = list
    .sort(
      (a, b) =>
        statusOrder[a.p.status] - statusOrder[b.p.status] ||
        b.p.expectedCents - b.p.realisedCents - (a.p.expectedCents - a.p.realisedCents) ||
        a.c.reference.localeCompare(b.c.reference),
    )
    .slice(0, DASHBOARD_CONTRACTS);
  return {
    asOf,
    totals: { ...totalSums, contracts: count, byStatus },
    byCategory: categories.map((category) => ({
      category,
      ...byCategory[category],
    })),
    bySupplier: [...suppliers.values()]
      .map((s) => {
        const p = portfolioProgress(s.progress);
        return {
          supplierId: s.supplierId,
          supplierName: s.supplierName,
          contracts: p.contracts,
          obligationCents: p.obligationCents,
          plannedCents: p.plannedCents,
          realisedCents: p.realisedCents,
          verifiedCents: p.verifiedCents,
          expectedCents: p.expectedCents,
        };
      })
      .sort((a, b) => a.supplierName.localeCompare(b.supplierName)),
    byHalfYear: [...halfYears.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([period, amounts]) => ({ period, ...amounts })),
    /** The contracts needing attention most: behind first, then the furthest behind (at most 25). */
    contracts: attention.map(({ c, p }) => ({
      id: c.id,
      reference: c.reference,
      title: c.title,
      supplierId: c.supplierId,
      supplierName: c.supplierName,
      regime: c.regime as 'none' | 'trust' | 'plan',
      obligationCents: p.obligationCents,
      plannedCents: p.plannedCents,
      realisedCents: p.realisedCents,
      verifiedCents: p.verifiedCents,
      expectedCents: p.expectedCents,
      forecastCents: p.forecastCents,
      status: p.status,
    })),
  };
}
type DashboardSums = ReturnType<typeof buildDashboard>;
export type DashboardView = Omit<DashboardSums, 'contracts'> & {
  contracts: (DashboardSums['contracts'][number] & { obligationExplanation: string })[];
};
