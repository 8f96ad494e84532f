import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../test-app.ts';
import { createActor, createContractRows, createSupplierRow, createTenant, unique } from '../factories.ts';
import {
  activities,
  contractExtensions,
  contracts,
  planVersions,
  plans,
  policyVersions,
  reports,
} from '../../src/db/schema/index.ts';
import { categories, halfYearsBetween, portfolioProgress } from '../../src/domain/index.ts';
import { loadFacts, progressAt } from '../../src/app/lifecycle/progress-data.ts';
import { listContracts as listContractRows } from '../../src/db/repositories/contracts.ts';

/**
 * Issue 14: the `progress_sums` rollup, kept by triggers on every write, equals a full recomputation
 * from the activities, reports and plan versions; and the dashboard and list computed from it equal
 * the domain's progress of every contract computed from its stored values one by one (the path that
 * loads every activity), to the cent, at any date. Random portfolios and random writes (new report
 * versions, verification changes, deletions, plan reviews), on whichever database the run uses.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const policy = {
  validFrom: '2020-01-01',
  percentageBp: 200,
  planThresholdCents: 20_000_000,
  categoryCapsBp: { socialEnterprise: 5_000 },
  activityTypes: [],
};
const verifications = ['pending', 'accepted', 'rejected', 'moreInfo'] as const;

const contractArb = fc.record({
  startYear: fc.integer({ min: 2023, max: 2026 }),
  startHalf: fc.constantFrom('01-01', '07-01', '03-15'),
  years: fc.integer({ min: 1, max: 3 }),
  obligationCents: fc.integer({ min: 0, max: 5_000_000 }),
  extendTo: fc.option(fc.constantFrom('2029-06-30', '2028-12-31'), { nil: undefined }),
  activities: fc.array(
    fc.record({
      periodIndex: fc.nat(),
      category: fc.constantFrom(...categories),
      valueCents: fc.integer({ min: 0, max: 3_000_000 }),
      verification: fc.constantFrom(...verifications),
    }),
    { maxLength: 8 },
  ),
  correctPeriodIndex: fc.option(fc.nat(), { nil: undefined }),
  planItems: fc.option(
    fc.array(
      fc.record({
        category: fc.constantFrom(...categories),
        valueCents: fc.integer({ min: 0, max: 2_000_000 }),
      }),
      {
        maxLength: 4,
      },
    ),
    { nil: undefined },
  ),
  laterPlan: fc.boolean(),
  flips: fc.array(fc.record({ index: fc.nat(), verification: fc.constantFrom(...verifications) }), {
    maxLength: 3,
  }),
  deletions: fc.array(fc.nat(), { maxLength: 2 }),
});

async function recomputedSums(tenantId: string) {
  const result = await t.database.db.execute(sql`
    with fresh as (
      select a.contract_id, a.period, a.category,
        coalesce(sum(a.value_cents) filter (where a.verification <> 'rejected'), 0) as realised,
        coalesce(sum(a.value_cents) filter (where a.verification = 'accepted'), 0) as verified,
        0 as planned
      from activities a join reports r on r.id = a.report_id
      where a.tenant_id = ${tenantId}
        and r.version = (select max(r2.version) from reports r2 where r2.contract_id = r.contract_id and r2.period = r.period)
      group by 1, 2, 3
      union all
      select v.contract_id, e->>'period', e->>'category', 0, 0, sum((e->>'valueCents')::bigint)
      from (select distinct on (pv.plan_id) p.contract_id, pv.items from plan_versions pv join plans p on p.id = pv.plan_id
            where pv.tenant_id = ${tenantId} and pv.decision = 'approved' and pv.reviewed_at is not null
            order by pv.plan_id, pv.version desc) v, jsonb_array_elements(v.items) e
      group by 1, 2, 3)
    select contract_id::text as c, period as p, category as k, sum(planned)::text as planned,
      sum(realised)::text as realised, sum(verified)::text as verified
    from fresh group by 1, 2, 3
    having sum(planned) <> 0 or sum(realised) <> 0 or sum(verified) <> 0
    order by 1, 2, 3`);
  return (result as unknown as { rows: Record<string, string>[] }).rows.map((r) => ({ ...r }));
}

async function storedSums(tenantId: string) {
  const result = await t.database.db.execute(sql`
    select contract_id::text as c, period as p, category as k, planned_cents::text as planned,
      realised_cents::text as realised, verified_cents::text as verified
    from progress_sums where tenant_id = ${tenantId} order by 1, 2, 3`);
  return (result as unknown as { rows: Record<string, string>[] }).rows.map((r) => ({ ...r }));
}

describe('portfolio rollup (progress_sums) and the dashboard from it', () => {
  it('equal a full recomputation and the domain over every stored value, for random portfolios and writes', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contractArb, { minLength: 1, maxLength: 6 }),
        fc.constantFrom('2024-03-01', '2025-07-01', '2026-11-23', '2030-01-01'),
        async (specs, asOf) => {
          const db = t.database.db;
          const tenant = await createTenant(db, { policy });
          const [version] = await db
            .select()
            .from(policyVersions)
            .where(eq(policyVersions.tenantId, tenant.id));
          if (!version) throw new Error('no policy');
          const supplier = await createSupplierRow(db, tenant.id);
          const advisor = await createActor(db, { tenantId: tenant.id, role: 'advisor' });
          const activityIds: string[] = [];
          for (const spec of specs) {
            const startDate = `${spec.startYear}-${spec.startHalf}`;
            const endDate = `${spec.startYear + spec.years}-${spec.startHalf === '07-01' ? '06-30' : '12-31'}`;
            const [contract] = await db
              .insert(contracts)
              .values({
                tenantId: tenant.id,
                reference: unique('P'),
                title: 'Rollup',
                supplierId: supplier.id,
                valueCents: spec.obligationCents * 50,
                startDate,
                endDate,
                awardDate: startDate,
                policyVersionId: version.id,
                obligationCents: spec.obligationCents,
                regime: 'plan',
                obligationRuleId: 'obligation.percentage',
                obligationExplanation: 'test',
              })
              .returning();
            if (!contract) throw new Error('no contract');
            if (spec.extendTo)
              await db.insert(contractExtensions).values({
                tenantId: tenant.id,
                contractId: contract.id,
                valueCents: 0,
                endDate: spec.extendTo,
              });
            const periods = halfYearsBetween(startDate, endDate);
            const reportRows = await db
              .insert(reports)
              .values(
                periods.map((period) => ({
                  tenantId: tenant.id,
                  contractId: contract.id,
                  period,
                  dueDate: '2030-01-31',
                })),
              )
              .returning();
            const reportOf = new Map(reportRows.map((r) => [r.period, r.id]));
            if (spec.activities.length > 0) {
              const rows = await db
                .insert(activities)
                .values(
                  spec.activities.map((a) => {
                    const period = periods[a.periodIndex % periods.length] as string;
                    return {
                      tenantId: tenant.id,
                      contractId: contract.id,
                      reportId: reportOf.get(period) as string,
                      typeCode: 'x',
                      category: a.category,
                      method: 'money',
                      period,
                      valueCents: a.valueCents,
                      ruleId: 'test',
                      explanation: 'test',
                      verification: a.verification,
                    };
                  }),
                )
                .returning({ id: activities.id });
              activityIds.push(...rows.map((r) => r.id));
            }
            // A correction: version 2 of a half-year with a copy of half its activities.
            if (spec.correctPeriodIndex !== undefined) {
              const period = periods[spec.correctPeriodIndex % periods.length] as string;
              const [v2] = await db
                .insert(reports)
                .values({
                  tenantId: tenant.id,
                  contractId: contract.id,
                  period,
                  version: 2,
                  dueDate: '2030-01-31',
                })
                .returning();
              const old = await db
                .select()
                .from(activities)
                .where(and(eq(activities.contractId, contract.id), eq(activities.period, period)));
              const copies = old.filter((_, i) => i % 2 === 0);
              if (v2 && copies.length > 0)
                await db.insert(activities).values(
                  copies.map(({ id: _id, createdAt: _c, ...a }) => ({
                    ...a,
                    reportId: v2.id,
                    verification: 'pending',
                  })),
                );
            }
            if (spec.planItems) {
              const [plan] = await db
                .insert(plans)
                .values({ tenantId: tenant.id, contractId: contract.id, status: 'approved' })
                .returning();
              if (!plan) throw new Error('no plan');
              const items = (list: typeof spec.planItems) =>
                (list ?? []).map((i, n) => ({ ...i, period: periods[n % periods.length], typeCode: 'x' }));
              const [first] = await db
                .insert(planVersions)
                .values({
                  tenantId: tenant.id,
                  planId: plan.id,
                  version: 1,
                  items: items(spec.planItems),
                  plannedCents: 0,
                })
                .returning();
              if (!first) throw new Error('no plan version');
              // the review comes later, as an update
              await db
                .update(planVersions)
                .set({ decision: 'approved', reviewedAt: new Date() })
                .where(eq(planVersions.id, first.id));
              if (spec.laterPlan)
                await db.insert(planVersions).values({
                  tenantId: tenant.id,
                  planId: plan.id,
                  version: 2,
                  items: items(spec.planItems.slice(1)),
                  plannedCents: 0,
                });
            }
            for (const flip of spec.flips)
              if (activityIds.length > 0)
                await db
                  .update(activities)
                  .set({ verification: flip.verification })
                  .where(eq(activities.id, activityIds[flip.index % activityIds.length] as string));
            for (const d of spec.deletions)
              if (activityIds.length > 0) {
                const [id] = activityIds.splice(d % activityIds.length, 1);
                if (id) await db.delete(activities).where(eq(activities.id, id));
              }
          }

          // the rollup equals a full recomputation
          expect(await storedSums(tenant.id)).toEqual(await recomputedSums(tenant.id));

          // the dashboard equals the domain over every stored value, contract by contract
          const scope = {
            tenantId: tenant.id,
            role: 'advisor' as const,
            userId: advisor.user.id,
            supplierId: null,
          };
          const facts = await loadFacts(db, tenant.id, await listContractRows(db, scope));
          const each = facts.map((f) => ({ f, p: progressAt(f, asOf) }));
          const expected = portfolioProgress(each.map((x) => x.p));
          const res = await t.app.request(`/api/v1/dashboard?asOf=${asOf}`, { headers: advisor.headers });
          expect(res.status).toBe(200);
          const dash = (await res.json()) as {
            totals: Record<string, unknown>;
            byCategory: ({ category: string } & Record<string, number>)[];
            bySupplier: Record<string, number>[];
          };
          const { byCategory, byStatus, contracts: count, ...sums } = expected;
          expect(dash.totals).toEqual({ ...sums, contracts: count, byStatus });
          expect(dash.byCategory).toEqual(categories.map((c) => ({ category: c, ...byCategory[c] })));

          // the list's progress of each contract equals the domain's too (today, every page)
          const today = '2026-11-23';
          const list = await t.app.request(`/api/v1/contracts?limit=500&sort=-realisedCents`, {
            headers: advisor.headers,
          });
          const body = (await list.json()) as { items: { id: string; progress: Record<string, unknown> }[] };
          expect(body.items).toHaveLength(facts.length);
          for (const item of body.items) {
            const f = facts.find((x) => x.contract.id === item.id);
            if (!f) throw new Error('contract missing');
            const { byCategory: _, ...p } = progressAt(f, today);
            expect(item.progress).toEqual(p);
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

describe('retour_rebuild_progress_sums()', () => {
  it('rebuilds exactly what the triggers kept', async () => {
    const tenant = await createTenant(t.database.db, { policy });
    const supplier = await createSupplierRow(t.database.db, tenant.id);
    await createContractRows(t.database.db, { tenantId: tenant.id, supplierId: supplier.id });
    const before = await storedSums(tenant.id);
    expect(before).toHaveLength(1);
    await t.database.db.execute(sql`select retour_rebuild_progress_sums()`);
    expect(await storedSums(tenant.id)).toEqual(before);
    expect(await recomputedSums(tenant.id)).toEqual(before);
  });
});
