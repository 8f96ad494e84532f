import { eq } from 'drizzle-orm';
import type { Actor } from '../app/actor.ts';
import { isoDay } from '../app/clock.ts';
import type { AppDeps } from '../app/deps.ts';
import { createContract } from '../app/lifecycle/create-contract.ts';
import { recordIntake, reviewPlan, savePlan, submitPlan } from '../app/lifecycle/plan.ts';
import { recordActivity, type RecordActivityInput } from '../app/lifecycle/record-activity.ts';
import { submitReport } from '../app/lifecycle/report-flow.ts';
import { listReports } from '../app/lifecycle/reports.ts';
import { verifyActivity } from '../app/lifecycle/verify-activity.ts';
import { execute } from '../app/use-case.ts';
import type { Role } from '../domain/access.ts';
import { addDays, halfYearOf, halfYearRange } from '../domain/index.ts';
import { markOverdueReports } from '../jobs/report-deadlines.ts';
import { memberships } from '../db/schema/index.ts';
import type { DemoIds } from './demo-ids.ts';

/** The half-year `n` half-years before the one `date` is in. */
function halfYearBefore(date: string, n: number): string {
  let period = halfYearOf(date);
  for (let i = 0; i < n; i++) period = halfYearOf(addDays(halfYearRange(period).start, -1));
  return period;
}

type Activity = Omit<RecordActivityInput, 'contractId'>;

/**
 * Contracts, plans and reports of the demo, made through the same use cases as the API, with dates
 * relative to today so that every state is there whenever the demo is loaded: an approved plan, a
 * submitted plan awaiting review, a draft plan; closed, submitted, open and overdue reports.
 */
export async function seedDemoContracts(deps: AppDeps, ids: DemoIds): Promise<void> {
  const today = isoDay(deps.now());
  const twoBack = halfYearBefore(today, 2);
  const oneBack = halfYearBefore(today, 1);
  const current = halfYearOf(today);
  const actor = await actorsOf(deps, ids);
  const advisor = actor('adviseur@voorbeeldstad.example');
  const deGroot = actor('leverancier@bouwbedrijf-degroot.example');
  const helder = actor('leverancier@schoonmaak-helder.example');
  const manager = ids.userIds['contractmanager@voorbeeldstad.example'] ?? null;
  const supplier = (name: string) => ids.supplierIds[name] as string;
  const run = <I, O>(uc: Parameters<typeof execute<I, O, Actor>>[0], who: Actor, input: I) =>
    execute(uc, deps, who, input);

  // A — plan regime, approved plan; a closed, a submitted and an open report.
  const startA = halfYearRange(twoBack).start;
  const school = await run(createContract, advisor, {
    reference: 'VBS-2025-001',
    title: 'Renovatie brede school Oost',
    supplierId: supplier('Bouwbedrijf De Groot B.V.'),
    valueCents: 125_000_000,
    kind: 'works',
    startDate: startA,
    endDate: addDays(startA, 3 * 365),
    awardDate: addDays(startA, -30),
    contractManagerId: manager,
  });
  await run(recordIntake, advisor, {
    contractId: school.id,
    date: addDays(startA, -14),
    notes: 'Kennismaking met De Groot; affiniteit met jongeren in de bouw.',
    agreedDirection: 'BBL-plekken en banen voor statushouders, aangevuld met uren voor Buurtkracht.',
  });
  await run(savePlan, deGroot, {
    contractId: school.id,
    items: [
      { typeCode: 'job-benefits', period: twoBack, fte: 1, months: 6 },
      { typeCode: 'job-benefits', period: oneBack, fte: 1, months: 6 },
      { typeCode: 'bbl-place', period: twoBack, fte: 1, months: 6 },
      { typeCode: 'bbl-place', period: oneBack, fte: 1, months: 6 },
      { typeCode: 'internship', period: current, units: 2 },
    ],
  });
  await run(submitPlan, deGroot, { contractId: school.id });
  await run(reviewPlan, advisor, {
    contractId: school.id,
    decision: 'approved',
    comment: 'Sluit goed aan op de intake.',
  });
  const reportsA = await run(listReports, advisor, { contractId: school.id });
  const reportOf = (list: { id: string; period: string }[], period: string) =>
    list.find((r) => r.period === period)?.id as string;
  const doneA = await report(run, deGroot, school.id, [
    {
      typeCode: 'job-benefits',
      period: twoBack,
      fte: 1,
      months: 6,
      candidate: { code: 'DG-001', targetGroup: 'participatiewet' },
    },
    {
      typeCode: 'bbl-place',
      period: twoBack,
      fte: 1,
      months: 6,
      candidate: { code: 'DG-002', targetGroup: 'bbl' },
    },
    { typeCode: 'internship', period: twoBack, units: 1, description: 'BOL-stage van 3 maanden' },
  ]);
  await run(submitReport, deGroot, { reportId: reportOf(reportsA, twoBack) });
  await run(verifyActivity, advisor, { activityId: doneA[0] as string, decision: 'accepted' });
  await run(verifyActivity, advisor, { activityId: doneA[1] as string, decision: 'accepted' });
  await run(verifyActivity, advisor, {
    activityId: doneA[2] as string,
    decision: 'rejected',
    reason: 'De stage duurde 6 weken; minimaal 3 maanden is vereist.',
  });
  await report(run, deGroot, school.id, [
    {
      typeCode: 'job-benefits',
      period: oneBack,
      fte: 1,
      months: 6,
      candidate: { code: 'DG-001', targetGroup: 'participatiewet' },
    },
    {
      // valued by target group: € 40.000 + € 10.000 (50+) × 24/36 hours × 6/12 months
      typeCode: 'tg-job',
      period: oneBack,
      months: 6,
      candidate: 'DG-003',
      targetGroup: 'pw-gt2',
      hoursPerWeek: 24,
      bonuses: ['age-50'],
      description: 'Medewerker groenonderhoud, 24 uur per week',
    },
    {
      typeCode: 'initiative-hours',
      period: oneBack,
      hours: 40,
      description: 'Huiswerkbegeleiding bij Buurtkracht',
    },
  ]);
  await run(submitReport, deGroot, { reportId: reportOf(reportsA, oneBack) });

  // B — plan regime, intake done, plan still a draft; the report of two half-years back never handed
  // in. Its due date (a month after that half-year by default) has passed on any day the demo is
  // loaded, so it is overdue; last half-year's report may still be open (January, July).
  const startB = halfYearRange(twoBack).start;
  const cleaning = await run(createContract, advisor, {
    reference: 'VBS-2026-014',
    title: 'Schoonmaak stadskantoren',
    supplierId: supplier('Schoonmaakbedrijf Helder'),
    valueCents: 48_000_000,
    startDate: startB,
    endDate: addDays(startB, 2 * 365),
    awardDate: addDays(startB, -45),
  });
  await run(recordIntake, advisor, {
    contractId: cleaning.id,
    date: addDays(startB, -20),
    notes: 'Intake gevoerd.',
    agreedDirection: 'Werkervaringsplekken via het SW-bedrijf.',
  });
  await run(savePlan, helder, {
    contractId: cleaning.id,
    items: [
      { typeCode: 'work-experience', period: twoBack, fte: 1, months: 6 },
      { typeCode: 'work-experience', period: oneBack, fte: 1, months: 6 },
      { typeCode: 'sw-purchase', period: current, amountCents: 2_000_000 },
    ],
  });

  // C — trust regime (below €200.000): no plan, still reports; one closed report.
  const startC = halfYearRange(twoBack).start;
  const green = await run(createContract, advisor, {
    reference: 'VBS-2025-007',
    title: 'Onderhoud openbaar groen',
    supplierId: supplier('Groenvoorziening Het Park'),
    valueCents: 15_000_000,
    startDate: startC,
    endDate: addDays(startC, 2 * 365),
    awardDate: addDays(startC, -10),
    contractManagerId: manager,
  });
  const park = actor('leverancier@hetpark.example');
  const reportsC = await run(listReports, advisor, { contractId: green.id });
  const doneC = await report(run, park, green.id, [
    {
      typeCode: 'sw-purchase',
      period: twoBack,
      amountCents: 1_200_000,
      description: 'Maaiwerk uitbesteed aan Pantar',
    },
  ]);
  await run(submitReport, park, { reportId: reportOf(reportsC, twoBack) });
  await run(verifyActivity, advisor, { activityId: doneC[0] as string, decision: 'accepted' });

  // D — plan regime, plan submitted and waiting for review.
  const startD = halfYearRange(current).start;
  const ict = actor('leverancier@ictnoord.example');
  const workplace = await run(createContract, advisor, {
    reference: 'VBS-2026-031',
    title: 'Werkplekbeheer en laptops',
    supplierId: supplier('ICT Diensten Noord'),
    valueCents: 64_000_000,
    startDate: startD,
    endDate: addDays(startD, 4 * 365),
    awardDate: addDays(startD, -20),
    contractManagerId: manager,
  });
  await run(recordIntake, advisor, {
    contractId: workplace.id,
    date: addDays(startD, -7),
    notes: 'Intake gevoerd.',
    agreedDirection: 'Stages en inkoop bij een sociale firma.',
  });
  await run(savePlan, ict, {
    contractId: workplace.id,
    items: [
      { typeCode: 'internship', period: current, units: 4 },
      { typeCode: 'social-firm-purchase', period: current, amountCents: 3_000_000 },
      { typeCode: 'pso-2', period: current, validFrom: startD, validTo: addDays(startD, 364) },
    ],
  });
  await run(submitPlan, ict, { contractId: workplace.id });

  // E — small trust contract, nothing reported yet.
  await run(createContract, advisor, {
    reference: 'VBS-2026-040',
    title: 'Kantoorartikelen',
    supplierId: supplier('ICT Diensten Noord'),
    valueCents: 9_000_000,
    startDate: startD,
    endDate: addDays(startD, 364),
  });

  await markOverdueReports(deps, today, { onlyTenantId: ids.tenantId });
}

async function report(
  run: <I, O>(uc: Parameters<typeof execute<I, O, Actor>>[0], who: Actor, input: I) => Promise<O>,
  who: Actor,
  contractId: string,
  activities: Activity[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const a of activities) {
    const created = await run(recordActivity, who, { ...a, contractId });
    ids.push(created.id);
  }
  return ids;
}

export async function actorsOf(deps: AppDeps, ids: DemoIds): Promise<(email: string) => Actor> {
  const rows = await deps.db.select().from(memberships).where(eq(memberships.tenantId, ids.tenantId));
  return (email: string) => {
    const userId = ids.userIds[email];
    const m = rows.find((r) => r.userId === userId);
    if (!userId || !m) throw new Error(`no demo membership for ${email}`);
    return {
      userId,
      email,
      tenantId: ids.tenantId,
      role: m.role as Role,
      membershipId: m.id,
      supplierId: m.supplierId,
      initiativeId: m.initiativeId,
      via: 'session',
      ip: null,
    };
  };
}
