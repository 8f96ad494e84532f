import { and, eq } from 'drizzle-orm';
import type { Actor } from '../app/actor.ts';
import { isoDay } from '../app/clock.ts';
import type { AppDeps } from '../app/deps.ts';
import { decidePledge, pledgeContribution } from '../app/marketplace/pledges.ts';
import { reviewInitiative, saveMyInitiative, submitMyInitiative } from '../app/marketplace/profile.ts';
import { execute } from '../app/use-case.ts';
import { halfYearOf } from '../domain/index.ts';
import { replaceNeeds, saveStrengths } from '../db/repositories/marketplace.ts';
import { updateStrengths } from '../app/marketplace/matching.ts';
import { contracts, initiatives } from '../db/schema/index.ts';
import { actorsOf } from './demo-contracts.ts';
import type { DemoIds } from './demo-ids.ts';

/**
 * The marketplace of the demo, through the same use cases as the API: Buurtkracht's approved
 * profile with needs, a second profile awaiting approval, and from ICT Diensten Noord one confirmed
 * pledge (an activity on VBS-2026-031) and one open pledge.
 */
export async function seedDemoMarketplace(deps: AppDeps, ids: DemoIds): Promise<void> {
  const current = halfYearOf(isoDay(deps.now()));
  const actor = await actorsOf(deps, ids);
  const run = <I, O>(uc: Parameters<typeof execute<I, O, Actor>>[0], who: Actor, input: I) =>
    execute(uc, deps, who, input);
  const advisor = actor('adviseur@voorbeeldstad.example');
  const buurtkracht = actor('initiatief@buurtkracht.example');
  const ict = actor('leverancier@ictnoord.example');

  const profile = await run(saveMyInitiative, buurtkracht, {
    name: 'Buurtkracht Voorbeeldstad',
    description:
      'Huiswerkbegeleiding en taalcafé voor kinderen en ouders in Oost. Vrijwilligers en buurtbewoners samen.',
    themes: ['education', 'povertyReduction', 'growingUpHealthy'],
    targetGroups: ['kinderen', 'nieuwkomers'],
    location: 'Voorbeeldstad-Oost',
    needs: [
      {
        kind: 'hours',
        expertise: 'ICT',
        description: 'Hulp bij het opzetten van een computerlokaal',
        quantity: 40,
      },
      { kind: 'goods', description: 'Laptops voor huiswerkbegeleiding', quantity: 10 },
      { kind: 'money', description: 'Bijdrage aan de zomerschool' },
    ],
  });
  await run(submitMyInitiative, buurtkracht, undefined);
  await run(reviewInitiative, advisor, { id: profile.id, decision: 'approved' });

  await deps.db.transaction(async (tx) => {
    const [waiting] = await tx
      .insert(initiatives)
      .values({
        tenantId: ids.tenantId,
        kind: 'socialEnterprise',
        name: 'Fietsenwerkplaats De Spaak',
        description: 'Leer-werkplaats waar mensen met afstand tot werk fietsen opknappen.',
        themes: ['work', 'participation'],
        targetGroups: ['mensen met een uitkering'],
        location: 'Voorbeeldstad-Noord',
        status: 'submitted',
        submittedAt: deps.now(),
      })
      .returning();
    if (!waiting) throw new Error('demo initiative not created');
    await replaceNeeds(tx, ids.tenantId, waiting.id, [
      { kind: 'place', expertise: null, description: 'Werkervaringsplekken in de werkplaats', quantity: '4' },
      { kind: 'hours', expertise: 'Coaching', description: 'Begeleiding van deelnemers', quantity: '60' },
    ]);
  });

  // What two suppliers can offer (decision 026): ICT Diensten Noord through its own account, and
  // Schoonmaakbedrijf Helder as if it had stated it, so an initiative sees more than one fitting.
  await run(updateStrengths, ict, {
    supplierId: ict.supplierId ?? '',
    kinds: ['hours', 'goods'],
    expertise: ['ICT', 'Projectleiding'],
    hoursCapacity: 80,
    goodsCapacity: 10,
    themes: ['education', 'work'],
    targetGroups: ['kinderen'],
    description: 'Medewerkers met ICT-kennis en afgeschreven laptops.',
  });
  const helder = ids.supplierIds['Schoonmaakbedrijf Helder'];
  if (!helder) throw new Error('demo supplier Helder missing');
  await deps.db.transaction((tx) =>
    saveStrengths(tx, ids.tenantId, helder, {
      kinds: ['money', 'hours'],
      expertise: ['Schoonmaak'],
      moneyCapacityCents: 500_000,
      hoursCapacity: '20',
      themes: ['povertyReduction'],
      targetGroups: [],
      description: 'Een bijdrage in geld en uren schoonmaak.',
      updatedAt: deps.now(),
    }),
  );

  const [workplace] = await deps.db
    .select({ id: contracts.id })
    .from(contracts)
    .where(and(eq(contracts.tenantId, ids.tenantId), eq(contracts.reference, 'VBS-2026-031')));
  if (!workplace) throw new Error('demo contract VBS-2026-031 missing');
  const need = (kind: string) => {
    const found = profile.needs.find((n) => n.kind === kind);
    if (!found) throw new Error(`demo need ${kind} missing`);
    return found.id;
  };
  const laptops = await run(pledgeContribution, ict, {
    initiativeId: profile.id,
    needId: need('goods'),
    contractId: workplace.id,
    kind: 'goods',
    amountCents: 450_000,
    period: current,
    note: 'Zes opgeknapte laptops',
  });
  await run(decidePledge, buurtkracht, {
    id: laptops.id,
    decision: 'confirmed',
    note: 'Zes laptops ontvangen',
  });
  await run(pledgeContribution, ict, {
    initiativeId: profile.id,
    needId: need('hours'),
    contractId: workplace.id,
    kind: 'hours',
    hours: 16,
    period: current,
    note: 'Twee medewerkers richten het computerlokaal in',
  });
}
