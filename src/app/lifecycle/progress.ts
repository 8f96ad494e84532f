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
import { listContracts } from '../../db/repositories/contracts.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { loadFacts, progressAt, startOfPeriod, type ContractFacts } from './progress-data.ts';
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

/**
 * Sums per half-year: the obligation spread pro rata by days (the difference of expected at the
 * period's end and before it, so the periods add up to the obligation exactly), planned, realised
 * and verified as stored (before category caps, which apply to a contract's whole term).
 */
function addByHalfYear(into: Map<string, Amounts>, f: ContractFacts, asOf: string) {
  const row = (p: string) => {
    let r = into.get(p);
    if (!r) into.set(p, (r = zero()));
    return r;
  };
  const { startDate } = f.contract;
  let before = 0;
  for (const period of halfYearsBetween(startDate, f.endDate)) {
    const end = halfYearRange(period).end;
    const upTo = expectedByDate(
      f.contract.obligationCents,
      startDate,
      f.endDate,
      end < f.endDate ? end : f.endDate,
    );
    row(period).obligationCents += upTo - before;
    before = upTo;
  }
  for (const i of f.planned) row(i.period).plannedCents += i.valueCents;
  for (const v of f.values) {
    if (v.verification === 'rejected' || startOfPeriod(v.period) > asOf) continue;
    row(v.period).realisedCents += v.valueCents;
    if (v.verification === 'accepted') row(v.period).verifiedCents += v.valueCents;
  }
}

/**
 * The municipality's portfolio at a date: totals and by category (the domain's portfolio sum),
 * by supplier, by half-year, and every contract with its progress, the ones behind first.
 */
export const dashboard = defineUseCase<{ asOf?: string | undefined }, ReturnType<typeof buildDashboard>>({
  name: 'dashboard.get',
  access: staffReaders,
  async run({ deps, actor }, input) {
    const asOf = input.asOf ?? isoDay(deps.now());
    const tenantId = tenantOf(actor);
    const rows = await listContracts(deps.db, scopeOf(actor));
    const facts = await loadFacts(deps.db, tenantId, rows);
    return buildDashboard(facts, asOf);
  },
});

function buildDashboard(facts: readonly ContractFacts[], asOf: string) {
  const list = facts.map((f) => ({ f, p: progressAt(f, asOf) }));
  const totals = portfolioProgress(list.map((x) => x.p));
  const suppliers = new Map<string, { supplierId: string; supplierName: string; progress: Progress[] }>();
  for (const { f, p } of list) {
    const s = suppliers.get(f.contract.supplierId) ?? {
      supplierId: f.contract.supplierId,
      supplierName: f.contract.supplierName,
      progress: [],
    };
    s.progress.push(p);
    suppliers.set(s.supplierId, s);
  }
  const halfYears = new Map<string, Amounts>();
  for (const { f } of list) addByHalfYear(halfYears, f, asOf);
  const { byCategory, byStatus, contracts: count, ...sums } = totals;
  return {
    asOf,
    totals: { ...sums, contracts: count, byStatus },
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
    contracts: list
      .map(({ f, p }) => ({
        id: f.contract.id,
        reference: f.contract.reference,
        title: f.contract.title,
        supplierId: f.contract.supplierId,
        supplierName: f.contract.supplierName,
        regime: f.contract.regime as 'none' | 'trust' | 'plan',
        obligationCents: p.obligationCents,
        obligationExplanation: f.contract.obligationExplanation,
        plannedCents: p.plannedCents,
        realisedCents: p.realisedCents,
        verifiedCents: p.verifiedCents,
        expectedCents: p.expectedCents,
        forecastCents: p.forecastCents,
        status: p.status,
      }))
      .sort(
        (a, b) =>
          statusOrder[a.status] - statusOrder[b.status] ||
          b.expectedCents - b.realisedCents - (a.expectedCents - a.realisedCents) ||
          a.reference.localeCompare(b.reference),
      ),
  };
}
export type DashboardView = ReturnType<typeof buildDashboard>;
