import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { initiativeNeeds, initiatives, pledges } from '../../src/db/schema/index.ts';
import { createContractRows, createSupplierRow, createTenant, unique } from '../factories.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * The hand-written backfill of the matching migration (decision 026): a pledge made before needs
 * had stable ids is tied to its initiative's need only when exactly one need fits its kind (a place
 * answers goods). Run again on rows as they were, on PGlite and PostgreSQL.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 120_000);
afterAll(() => t.close());

const backfill = () => {
  const dir = join(import.meta.dirname, '../../migrations');
  const file = readdirSync(dir).find((f) => f.endsWith('_marketplace-matching.sql'));
  if (!file) throw new Error('the matching migration is missing');
  const text = readFileSync(join(dir, file), 'utf8');
  const [, handWritten] = text.split('-- hand-written below');
  if (!handWritten) throw new Error('no hand-written part');
  return handWritten;
};

it('ties an old pledge to the one need of its kind, and leaves ambiguous or unfitting ones open', async () => {
  const db = t.deps.db;
  const tenant = await createTenant(db);
  const supplier = await createSupplierRow(db, tenant.id);
  const { contract } = await createContractRows(db, { tenantId: tenant.id, supplierId: supplier.id });
  const initiative = async (kinds: string[]) => {
    const [row] = await db
      .insert(initiatives)
      .values({ tenantId: tenant.id, kind: 'initiative', name: unique('I'), status: 'approved' })
      .returning();
    if (!row) throw new Error('no initiative');
    const needs = await db
      .insert(initiativeNeeds)
      .values(
        kinds.map((kind, position) => ({
          tenantId: tenant.id,
          initiativeId: row.id,
          kind,
          description: kind,
          position,
        })),
      )
      .returning();
    return { id: row.id, needs: needs.map((n) => n.id) };
  };
  const a = await initiative(['hours', 'goods']);
  const b = await initiative(['place']);
  const c = await initiative(['hours', 'hours']);
  const pledge = async (initiativeId: string, kind: string) => {
    const [row] = await db
      .insert(pledges)
      .values({
        tenantId: tenant.id,
        initiativeId,
        supplierId: supplier.id,
        contractId: contract.id,
        kind,
        ...(kind === 'hours' ? { hours: '4' } : { amountCents: 100 }),
        period: '2026-H1',
      })
      .returning();
    if (!row) throw new Error('no pledge');
    return row.id;
  };
  const cases = [
    { id: await pledge(a.id, 'hours'), need: a.needs[0] },
    { id: await pledge(a.id, 'goods'), need: a.needs[1] },
    { id: await pledge(a.id, 'money'), need: null },
    { id: await pledge(b.id, 'goods'), need: b.needs[0] },
    { id: await pledge(c.id, 'hours'), need: null },
  ];
  await db.execute(sql.raw(backfill()));
  const rows = await db
    .select({ id: pledges.id, needId: pledges.needId })
    .from(pledges)
    .where(
      inArray(
        pledges.id,
        cases.map((x) => x.id),
      ),
    );
  expect(cases.map((x) => rows.find((r) => r.id === x.id)?.needId ?? null)).toEqual(cases.map((x) => x.need));
});
