import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractRows } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/** Issue 14: a contract's activities page by keyset (`limit`, `cursor` → `nextCursor`). */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
let contractId = '';

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  other = await createMunicipality(t.deps.db);
  const { contract, report } = await createContractRows(t.deps.db, {
    tenantId: m.tenant.id,
    supplierId: m.supplier.id,
  });
  contractId = contract.id;
  // 24 more in the same half-year, half of them recorded at the same moment (ties broken by id)
  await t.deps.db.execute(sql`
    insert into activities (tenant_id, contract_id, report_id, type_code, category, method, period, units,
      value_cents, rule_id, explanation, created_at)
    select ${m.tenant.id}, ${contract.id}, ${report.id}, 'internship', 'participation', 'unit', ${report.period},
      1, 250000, 'valuation.unit', '1 × €2.500,00 = €2.500,00',
      timestamptz '2026-03-01 10:00:00+00' + (g % 12) * interval '1 second'
    from generate_series(1, 24) g`);
});
afterAll(() => t.close());

describe('activities of a contract, a page at a time', () => {
  it.each([1, 7, 25, 100])(
    'pages of %i give every activity once, in the order of the whole list',
    async (limit) => {
      const all = await api.get(`/contracts/${contractId}/activities`, m.advisor.headers);
      expect(all.status).toBe(200);
      expect(all.body.items).toHaveLength(25);
      expect(all.body.nextCursor).toBeUndefined();
      const seen: string[] = [];
      let cursor: string | undefined;
      for (let page = 0; page < 30; page++) {
        const res = await api.get(
          `/contracts/${contractId}/activities?limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
          m.supplierUser.headers,
        );
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(limit);
        seen.push(...res.body.items.map((i: Json) => i.id));
        cursor = res.body.nextCursor;
        if (!cursor) break;
      }
      expect(seen).toEqual(all.body.items.map((i: Json) => i.id));
    },
  );

  it.each([
    {
      case: 'a cursor of another list',
      query: 'limit=5&cursor=eyJrIjoiYXQiLCJvIjo1fQ',
      name: 'cursor',
      reason: 'is geen cursor van deze lijst en sortering',
    },
    {
      case: 'a cursor that is not one',
      query: 'limit=5&cursor=!!!',
      name: 'cursor',
      reason: 'is geen cursor',
    },
    { case: 'a page of none', query: 'limit=0', name: 'limit', reason: '1' },
    { case: 'a page too large', query: 'limit=1001', name: 'limit', reason: '1000' },
  ])('refuses $case with 400 naming $name, in Dutch', async ({ query, name, reason }) => {
    const res = await api.get(`/contracts/${contractId}/activities?${query}`, m.advisor.headers);
    expect(res.status).toBe(400);
    const param = (res.body.invalidParams as Json[]).find((p) => p.name === name);
    expect(param?.reason).toContain(reason);
    expect(param?.reason).not.toMatch(/\bmust\b|\bis not\b/);
  });

  it("is the same 404 for another municipality's advisor, paged or not", async () => {
    for (const q of ['', '?limit=5'])
      expect((await api.get(`/contracts/${contractId}/activities${q}`, other.advisor.headers)).status).toBe(
        404,
      );
  });
});
