import { categories, formatEuro, type Category, type Progress } from '../../domain/index.ts';
import { activitiesOfContract } from '../../db/repositories/activities.ts';
import { intakeOf, planOf, planVersionsOf } from '../../db/repositories/plans.ts';
import { reportsOfContract } from '../../db/repositories/reports.ts';
import { isoDay } from '../clock.ts';
import { defineUseCase, tenantOf } from '../use-case.ts';
import { halfYearsOf, type HalfYearAmounts } from './half-years.ts';
import { loadFacts, progressAt } from './progress-data.ts';
import { presentContract, type ContractView, type ReportView } from './present.ts';
import { presentReports } from './reports.ts';
import { requireContract } from './scope.ts';
import { settlementAndCarriedIn, withCarriedIn, type SettlementView } from './settlement.ts';

type Lang = 'nl' | 'en';

const statusText: Record<Lang, Record<Progress['status'], string>> = {
  nl: {
    met: 'De verplichting is gehaald.',
    notMet: 'De looptijd is voorbij en de verplichting is niet gehaald.',
    behind: 'De leverancier loopt achter op het verwachte tempo.',
    onTrack: 'De leverancier ligt op koers.',
  },
  en: {
    met: 'The obligation has been met.',
    notMet: 'The term has ended and the obligation was not met.',
    behind: 'The supplier is behind the expected pace.',
    onTrack: 'The supplier is on track.',
  },
};

const categoryText: Record<Lang, Record<Category, string>> = {
  nl: {
    employment: 'werk',
    participation: 'participatie en leren',
    socialDomain: 'sociaal domein',
    socialEnterprise: 'sociaal ondernemen',
  },
  en: {
    employment: 'employment',
    participation: 'participation and learning',
    socialDomain: 'social domain',
    socialEnterprise: 'social enterprise',
  },
};

const pct = (part: number, whole: number) => (whole > 0 ? Math.floor((part * 100) / whole) : 100);

/** A short text for the evaluation talk, from the numbers only (no personal data). */
export function storyOf(
  lang: Lang,
  c: ContractView,
  p: Progress,
  asOf: string,
  reports: readonly ReportView[],
): string {
  const current = reports.filter((r) => r.current);
  const closed = current.filter((r) => r.status === 'closed').length;
  const overdue = current.filter((r) => r.status === 'overdue').map((r) => r.period);
  const top = categories
    .filter((k) => p.byCategory[k].verifiedCents > 0)
    .sort((a, b) => p.byCategory[b].verifiedCents - p.byCategory[a].verifiedCents)
    .map((k) => categoryText[lang][k]);
  const e = formatEuro;
  if (lang === 'nl') {
    return [
      `${c.supplierName} heeft voor ${c.reference} (${c.title}) een social return-verplichting van ${e(p.obligationCents)} (${c.regime === 'plan' ? 'met plan' : c.regime === 'trust' ? 'op goed vertrouwen' : 'geen'}), looptijd ${c.startDate} tot en met ${c.endDate}.`,
      `Op ${asOf} is ${e(p.realisedCents)} gerapporteerd en ${e(p.verifiedCents)} geverifieerd (${pct(p.verifiedCents, p.obligationCents)}% van de verplichting); verwacht naar rato was ${e(p.expectedCents)}${p.plannedCents > 0 ? `, gepland is ${e(p.plannedCents)}` : ''}.`,
      statusText.nl[p.status],
      `Prognose aan het eind: ${e(p.forecastCents)}.`,
      top.length ? `Geverifieerd vooral in: ${top.join(', ')}.` : 'Er is nog niets geverifieerd.',
      `${closed} van ${current.length} halfjaarrapportages zijn afgesloten${overdue.length ? `; te laat: ${overdue.join(', ')}` : ''}.`,
    ].join(' ');
  }
  return [
    `${c.supplierName} has a social return obligation of ${e(p.obligationCents)} for ${c.reference} (${c.title}), ${c.regime === 'plan' ? 'plan regime' : c.regime === 'trust' ? 'trust regime' : 'no regime'}, term ${c.startDate} to ${c.endDate}.`,
    `On ${asOf}, ${e(p.realisedCents)} has been reported and ${e(p.verifiedCents)} verified (${pct(p.verifiedCents, p.obligationCents)}% of the obligation); expected pro rata was ${e(p.expectedCents)}${p.plannedCents > 0 ? `, planned is ${e(p.plannedCents)}` : ''}.`,
    statusText.en[p.status],
    `Forecast at the end: ${e(p.forecastCents)}.`,
    top.length ? `Verified mostly in: ${top.join(', ')}.` : 'Nothing has been verified yet.',
    `${closed} of ${current.length} half-year reports are closed${overdue.length ? `; overdue: ${overdue.join(', ')}` : ''}.`,
  ].join(' ');
}

const decisionText: Record<Lang, Record<SettlementView['decision'], string>> = {
  nl: { impose: 'opgelegd', reduce: 'verlaagd', waive: 'kwijtgescholden' },
  en: { impose: 'imposed', reduce: 'reduced', waive: 'waived' },
};

/** The end of the story after the end date: shortfall, penalty and the decision (domain.md §12). */
export function settlementStory(lang: Lang, p: Progress, s: SettlementView | null): string {
  if (p.shortfallCents === undefined && !s) return '';
  const e = formatEuro;
  if (s) {
    const carried = s.carryOver
      ? lang === 'nl'
        ? ` Een overschot van ${e(s.carryOver.amountCents)} is overgeheveld naar een ander contract van de leverancier: ${s.carryOver.reason}`
        : ` A surplus of ${e(s.carryOver.amountCents)} was carried over to another contract of the supplier: ${s.carryOver.reason}`
      : '';
    return lang === 'nl'
      ? ` Afgerekend op ${s.decidedOn}: tekort ${e(s.shortfallCents)}, berekende boete ${e(s.computedPenaltyCents)}, besluit: ${decisionText.nl[s.decision]} (${e(s.penaltyCents)}). ${s.note}${carried}`
      : ` Settled on ${s.decidedOn}: shortfall ${e(s.shortfallCents)}, computed penalty ${e(s.computedPenaltyCents)}, decision: ${decisionText.en[s.decision]} (${e(s.penaltyCents)}). ${s.note}${carried}`;
  }
  return lang === 'nl'
    ? ` Tekort ${e(p.shortfallCents ?? 0)}, boete volgens het beleid ${e(p.penaltyCents ?? 0)}; nog niet afgerekend.`
    : ` Shortfall ${e(p.shortfallCents ?? 0)}, penalty by the policy ${e(p.penaltyCents ?? 0)}; not settled yet.`;
}

export interface OpenQuestion {
  activityId: string;
  period: string;
  typeCode: string;
  valueCents: number;
  question: string;
  reply: string | null;
}

/**
 * One contract's numbers and story for the contract manager's evaluation talk with the supplier,
 * in Dutch and English (`text` in the requested language, Dutch by default).
 */
export const contractSummary = defineUseCase<
  { contractId: string; asOf?: string | undefined; lang?: Lang | undefined },
  {
    asOf: string;
    lang: Lang;
    contract: ContractView;
    progress: Progress;
    plan: {
      status: string;
      plannedCents: number;
      approved: { version: number; plannedCents: number } | null;
      draft: { status: string; plannedCents: number } | null;
    } | null;
    reports: ReportView[];
    story: Record<Lang, string>;
    text: string;
    settlement: SettlementView | null;
    /** Obligation share, planned, realised and verified per half-year (as the dashboard counts them). */
    byHalfYear: HalfYearAmounts[];
    /** Activities the advisor asked more about: still waiting for the supplier, or answered and waiting for a decision. */
    openQuestions: OpenQuestion[];
    /** The advisor's notes of the intake (plan regime), when recorded. */
    intake: { date: string; notes: string; agreedDirection: string } | null;
  }
>({
  name: 'contract.summary',
  access: ['contractManager', 'advisor', 'municipalityAdmin'],
  async run({ deps, actor }, input) {
    const tenantId = tenantOf(actor);
    const asOf = input.asOf ?? isoDay(deps.now());
    const lang = input.lang ?? 'nl';
    const contract = await requireContract(deps.db, actor, input.contractId);
    const [[facts], reportRows, plan, intake, activities] = await Promise.all([
      loadFacts(deps.db, tenantId, [contract]),
      reportsOfContract(deps.db, tenantId, contract.id),
      planOf(deps.db, tenantId, contract.id),
      intakeOf(deps.db, tenantId, contract.id),
      activitiesOfContract(deps.db, tenantId, contract.id),
    ]);
    const versions = plan ? await planVersionsOf(deps.db, tenantId, plan.id) : [];
    const approved = versions.findLast((v) => v.decision === 'approved' && v.reviewedAt);
    if (!facts) throw new Error('contract facts missing');
    const view = presentContract(contract, facts.extensions, facts.loaded.version);
    const progress = await withCarriedIn(deps.db, facts, progressAt(facts, asOf));
    const reports = presentReports(reportRows);
    const { settlement } = await settlementAndCarriedIn(deps.db, tenantId, contract.id);
    const story = {
      nl: storyOf('nl', view, progress, asOf, reports) + settlementStory('nl', progress, settlement),
      en: storyOf('en', view, progress, asOf, reports) + settlementStory('en', progress, settlement),
    };
    return {
      asOf,
      lang,
      contract: view,
      progress,
      // plannedCents is the approved version's, as in progress; a newer working copy is the draft.
      plan: plan
        ? {
            status: plan.status,
            plannedCents: approved?.plannedCents ?? 0,
            approved: approved ? { version: approved.version, plannedCents: approved.plannedCents } : null,
            draft:
              plan.status === 'approved' ? null : { status: plan.status, plannedCents: plan.plannedCents },
          }
        : null,
      reports,
      story,
      text: story[lang],
      settlement,
      byHalfYear: halfYearsOf(facts, asOf),
      openQuestions: activities
        .filter((a) => a.verification === 'moreInfo' || (a.verification === 'pending' && a.supplierReply))
        .map((a) => ({
          activityId: a.id,
          period: a.period,
          typeCode: a.typeCode,
          valueCents: a.valueCents,
          question: a.verificationReason ?? '',
          reply: a.supplierReply,
        })),
      intake: intake
        ? { date: intake.date, notes: intake.notes, agreedDirection: intake.agreedDirection }
        : null,
    };
  },
});
