/**
 * The portfolio snapshot (decision 025): the dashboard and progress-sorted lists reuse every
 * contract's progress while the portfolio's stamp holds, and any committed write to what they show
 * changes the stamp, whoever made it (here: straight to the database, as another instance would).
 */
import { eq, inArray, sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { portfolioStamp } from '../../src/db/repositories/portfolio.ts';
import { activities, contractExtensions, contracts, suppliers } from '../../src/db/schema/index.ts';
import { createContractRows } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let api: ReturnType<typeof client>;
beforeAll(async () => {
  t = await createTestApp();
  m = await createMunicipality(t.deps.db);
  api = client(t);
});
afterAll(() => t.close());

const byStatus = async () => {
  const res = await api.get('/contracts?sort=status&limit=500', m.advisor.headers);
  expect(res.status).toBe(200);
  return new Map<string, Json>(res.body.items.map((i: Json) => [i.id, i]));
};
const dashboard = async () => (await api.get('/dashboard', m.advisor.headers)).body as Json;

describe('portfolio snapshot', () => {
  it('follows every kind of write: activities, contracts, extensions, suppliers', async () => {
    const a = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const before = await byStatus();
    expect(before.get(a.contract.id)?.progress.realisedCents).toBe(250_000);
    const totals = (await dashboard()).totals;

    // an activity rejected: realised falls, in the list and on the dashboard
    await t.deps.db
      .update(activities)
      .set({ verification: 'rejected' })
      .where(eq(activities.id, a.activity.id));
    expect((await byStatus()).get(a.contract.id)?.progress.realisedCents).toBe(0);
    expect((await dashboard()).totals.realisedCents).toBe(totals.realisedCents - 250_000);

    // the obligation changed on the contract
    await t.deps.db
      .update(contracts)
      .set({ obligationCents: 5_000_000 })
      .where(eq(contracts.id, a.contract.id));
    expect((await byStatus()).get(a.contract.id)?.progress.obligationCents).toBe(5_000_000);

    // an extension moves the end, and with it the expected pace
    const expected = (await byStatus()).get(a.contract.id)?.progress.expectedCents as number;
    await t.deps.db.insert(contractExtensions).values({
      tenantId: m.tenant.id,
      contractId: a.contract.id,
      valueCents: 0,
      endDate: '2029-12-31',
      note: 'verlengd',
    });
    expect((await byStatus()).get(a.contract.id)?.progress.expectedCents).toBeLessThan(expected);

    // a supplier renamed: the dashboard's by-supplier rows say the new name
    await t.deps.db.update(suppliers).set({ name: 'Hernoemd BV' }).where(eq(suppliers.id, m.supplier.id));
    const rows = (await dashboard()).bySupplier as Json[];
    expect(rows.find((r) => r.supplierId === m.supplier.id)?.supplierName).toBe('Hernoemd BV');
  });

  it('keeps its stamp while nothing changes and changes it on a write', async () => {
    const s1 = (await portfolioStamp(t.deps.db, m.tenant.id)).text;
    expect((await portfolioStamp(t.deps.db, m.tenant.id)).text).toBe(s1);
    await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    expect((await portfolioStamp(t.deps.db, m.tenant.id)).text).not.toBe(s1);
  });

  it('changes when a write that began first commits last (PostgreSQL)', async (ctx) => {
    const url = inject('databaseUrl');
    if (!url) ctx.skip(); // PGlite has one connection: writes cannot overlap
    const early = new pg.Client({ connectionString: url });
    const late = new pg.Client({ connectionString: url });
    await Promise.all([early.connect(), late.connect()]);
    try {
      // "early" takes its change note's id first, but commits after "late"
      await early.query('begin');
      await early.query('update suppliers set name = $1 where id = $2', ['Vroeg BV', m.supplier.id]);
      await late.query('update contracts set title = $1 where tenant_id = $2', ['Laat', m.tenant.id]);
      const seen = await portfolioStamp(t.deps.db, m.tenant.id);
      await early.query('commit');
      const now = await portfolioStamp(t.deps.db, m.tenant.id, seen.highest);
      expect(now.text).not.toBe(seen.text);
      // the late note is below the highest seen: the count tells, so no snapshot takes it for "nothing new"
      expect(now.newer).toBe(0);
      expect(now.count).toBe(seen.count + 1);
    } finally {
      await early.query('rollback').catch(() => undefined);
      await Promise.all([early.end(), late.end()]);
    }
  });

  it('names the contracts a write changed, or none when any may have changed', async () => {
    const a = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const b = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const since = async (write: () => Promise<unknown>) => {
      const seen = await portfolioStamp(t.deps.db, m.tenant.id);
      await write();
      return portfolioStamp(t.deps.db, m.tenant.id, seen.highest);
    };
    const title = await since(() =>
      t.deps.db.update(contracts).set({ title: 'Nieuw' }).where(eq(contracts.id, a.contract.id)),
    );
    expect(title.contractIds).toEqual([a.contract.id]);
    const rejected = await since(() =>
      t.deps.db.update(activities).set({ verification: 'rejected' }).where(eq(activities.id, b.activity.id)),
    );
    expect(rejected.contractIds).toEqual([b.contract.id]); // through the rollup's progress_sums
    const renamed = await since(() =>
      t.deps.db.update(suppliers).set({ name: 'Anders BV' }).where(eq(suppliers.id, m.supplier.id)),
    );
    expect(renamed.contractIds).toBeNull();
    const many: string[] = [];
    for (let i = 0; i < 65; i++)
      many.push(
        (await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id })).contract
          .id,
      );
    const bulk = await since(() =>
      t.deps.db.update(contracts).set({ title: 'Allemaal' }).where(inArray(contracts.id, many)),
    );
    expect(bulk.contractIds).toBeNull(); // more than 64 in one statement: a note for the whole portfolio
  });

  it('updates only the contracts named, and equals the portfolio computed anew', async () => {
    const { portfolioSnapshot } = await import('../../src/app/lifecycle/portfolio-snapshot.ts');
    const scope = {
      tenantId: m.tenant.id,
      role: 'advisor' as const,
      userId: m.advisor.user.id,
      supplierId: null,
    };
    const asOf = '2027-03-31';
    const a = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const first = await portfolioSnapshot(t.deps.db, scope, asOf);
    await t.deps.db
      .update(activities)
      .set({ verification: 'rejected' })
      .where(eq(activities.id, a.activity.id));
    await t.deps.db
      .update(contracts)
      .set({ obligationCents: 7_000_000 })
      .where(eq(contracts.id, a.contract.id));
    const c = await createContractRows(t.deps.db, { tenantId: m.tenant.id, supplierId: m.supplier.id });
    const updated = await portfolioSnapshot(t.deps.db, scope, asOf);
    expect(updated).not.toBe(first);
    // untouched contracts keep their very progress object: only the named ones were computed again
    const untouched = first.contracts.find((x) => x.id !== a.contract.id);
    expect(untouched).toBeDefined();
    expect(updated.progress.get(untouched?.id ?? '')).toBe(first.progress.get(untouched?.id ?? ''));
    expect(updated.progress.get(a.contract.id)?.obligationCents).toBe(7_000_000);
    expect(updated.contracts.some((x) => x.id === c.contract.id)).toBe(true);
    // five minutes on, the snapshot is computed in full: the same contracts, progress and half-years
    const anew = await portfolioSnapshot(t.deps.db, scope, asOf, () => Date.now() + 6 * 60_000);
    const sorted = (xs: readonly { id: string }[]) => [...xs].sort((x, y) => x.id.localeCompare(y.id));
    expect(sorted(updated.contracts)).toEqual(sorted(anew.contracts));
    expect(new Map([...updated.progress].sort())).toEqual(new Map([...anew.progress].sort()));
    expect(new Map([...(await updated.periods())].sort())).toEqual(
      new Map([...(await anew.periods())].sort()),
    );
  });

  it('writes one note per statement and tenant, which housekeeping prunes after an hour', async () => {
    const count = async () =>
      Number(
        (
          (await t.deps.db.execute(
            sql`select count(*)::int as n from portfolio_changes where tenant_id = ${m.tenant.id}`,
          )) as unknown as { rows: { n: number }[] }
        ).rows[0]?.n,
      );
    const before = await count();
    await t.deps.db
      .update(suppliers)
      .set({ name: 'Weer anders BV' })
      .where(eq(suppliers.tenantId, m.tenant.id));
    expect(await count()).toBe(before + 1);
    const { pruneChangeNotesBefore } = await import('../../src/app/lifecycle/portfolio-snapshot.ts');
    expect(await pruneChangeNotesBefore(t.deps.db, new Date(), m.tenant.id)).toBe(0);
    expect(await pruneChangeNotesBefore(t.deps.db, new Date(Date.now() + 3_600_001), m.tenant.id)).toBe(
      before + 1,
    );
    expect(await count()).toBe(0);
  });
});
