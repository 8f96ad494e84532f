import { dayNumberOrNaN, type IsoDate } from './dates.ts';
import type { Cents } from './money.ts';
import { settlementFigures } from './settlement.ts';
import type { CategoryProgress, Progress, ProgressInput, ProgressStatus } from './progress-types.ts';
import { byCategoryOf, PLANNED, ProgressSums, REALISED, SLOTS, statuses, VERIFIED } from './progress-sums.ts';

export type {
  CategoryProgress,
  Progress,
  ProgressInput,
  ProgressStatus,
  ProgressTerms,
  ValuedItem,
} from './progress-types.ts';

const sums = new ProgressSums();
const one = new Float64Array(SLOTS);

/**
 * Progress of one contract at a date (domain.md §4, §7): realised and verified counted after caps;
 * expected pro rata by days; forecast = realised × termDays / elapsedDays (0 before the start, equal
 * to realised after the end); status tested in the order met → notMet → behind → onTrack.
 * @example computeProgress({ obligationCents: 36_500, startDate: '2026-01-01', endDate: '2026-12-31', planned: [], realised: [], verified: [] }, '2026-01-10').expectedCents // 1_000
 */
export function computeProgress(input: ProgressInput, asOf: IsoDate): Progress {
  const r = one;
  sums.start(input, dayNumberOrNaN(asOf));
  sums.addAll(PLANNED, input.planned);
  sums.addAll(REALISED, input.realised);
  sums.addAll(VERIFIED, input.verified);
  const status = statuses[sums.finish(r)] as ProgressStatus;
  const progress: Progress = {
    obligationCents: r[0] as Cents,
    plannedCents: r[1] as Cents,
    realisedCents: r[2] as Cents,
    verifiedCents: r[3] as Cents,
    expectedCents: r[4] as Cents,
    forecastCents: r[5] as Cents,
    status,
    byCategory: byCategoryOf(r),
  };
  if (asOf > input.endDate) {
    const f = settlementFigures({
      obligationCents: progress.obligationCents,
      verifiedCents: progress.verifiedCents,
      penaltyFactorBp: input.policy?.penaltyFactorBp,
    });
    progress.shortfallCents = f.shortfallCents;
    progress.penaltyCents = f.penaltyCents;
  }
  return progress;
}

export interface PortfolioProgress extends Omit<Progress, 'status'> {
  contracts: number;
  byStatus: Record<ProgressStatus, number>;
}

/**
 * Sums the progress of many contracts (a municipality's dashboard), in total and by category, and
 * counts contracts per status.
 */
export function portfolioProgress(list: readonly Progress[]): PortfolioProgress {
  let obligation = 0,
    planned = 0,
    realised = 0,
    verified = 0,
    expected = 0,
    forecast = 0;
  let cp0 = 0,
    cp1 = 0,
    cp2 = 0,
    cp3 = 0,
    cr0 = 0,
    cr1 = 0,
    cr2 = 0,
    cr3 = 0,
    cv0 = 0,
    cv1 = 0,
    cv2 = 0,
    cv3 = 0;
  let met = 0,
    notMet = 0,
    behind = 0,
    onTrack = 0;
  for (let i = 0; i < list.length; i++) {
    const p = list[i] as Progress;
    obligation += p.obligationCents;
    planned += p.plannedCents;
    realised += p.realisedCents;
    verified += p.verifiedCents;
    expected += p.expectedCents;
    forecast += p.forecastCents;
    const b = p.byCategory;
    cp0 += b.employment.plannedCents;
    cr0 += b.employment.realisedCents;
    cv0 += b.employment.verifiedCents;
    cp1 += b.participation.plannedCents;
    cr1 += b.participation.realisedCents;
    cv1 += b.participation.verifiedCents;
    cp2 += b.socialDomain.plannedCents;
    cr2 += b.socialDomain.realisedCents;
    cv2 += b.socialDomain.verifiedCents;
    cp3 += b.socialEnterprise.plannedCents;
    cr3 += b.socialEnterprise.realisedCents;
    cv3 += b.socialEnterprise.verifiedCents;
    if (p.status === 'met') met++;
    else if (p.status === 'notMet') notMet++;
    else if (p.status === 'behind') behind++;
    else onTrack++;
  }
  const cat = (p: number, r: number, v: number): CategoryProgress => ({
    plannedCents: p as Cents,
    realisedCents: r as Cents,
    verifiedCents: v as Cents,
  });
  return {
    contracts: list.length,
    obligationCents: obligation as Cents,
    plannedCents: planned as Cents,
    realisedCents: realised as Cents,
    verifiedCents: verified as Cents,
    expectedCents: expected as Cents,
    forecastCents: forecast as Cents,
    byCategory: {
      employment: cat(cp0, cr0, cv0),
      participation: cat(cp1, cr1, cv1),
      socialDomain: cat(cp2, cr2, cv2),
      socialEnterprise: cat(cp3, cr3, cv3),
    },
    byStatus: { met, notMet, behind, onTrack },
  };
}
