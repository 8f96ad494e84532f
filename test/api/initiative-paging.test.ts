import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initiatives } from '../../src/db/schema/index.ts';
import { unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/** Issue 14: the marketplace's initiatives page by name (keyset: `limit`, `cursor` → `nextCursor`). */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
const prefix = unique('Buurt');

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  const other = await createMunicipality(t.deps.db);
  // seven approved (two with the same name: the id breaks the tie), one still in review, one elsewhere
  const names = ['e', 'a', 'c', 'c', 'g', 'b', 'f'].map((x) => `${prefix} ${x}`);
  await t.deps.db.insert(initiatives).values([
    ...names.map((name) => ({
      tenantId: m.tenant.id,
      kind: 'initiative' as const,
      name,
      status: 'approved' as const,
    })),
    {
      tenantId: m.tenant.id,
      kind: 'initiative' as const,
      name: `${prefix} d`,
      status: 'submitted' as const,
    },
    {
      tenantId: other.tenant.id,
      kind: 'initiative' as const,
      name: `${prefix} z`,
      status: 'approved' as const,
    },
  ]);
});
afterAll(() => t.close());

describe('initiatives, a page at a time', () => {
  it.each([1, 3, 7, 50])('pages of %i give what the whole list gives, in its order', async (limit) => {
    const all = await api.get('/initiatives', m.supplierUser.headers);
    expect(all.status).toBe(200);
    expect(all.body.nextCursor).toBeUndefined();
    expect(all.body.items.map((i: Json) => i.name)).toEqual(
      ['a', 'b', 'c', 'c', 'e', 'f', 'g'].map((x) => `${prefix} ${x}`),
    );
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let n = 0; n < 20; n++) {
      const res = await api.get(
        `/initiatives?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        m.supplierUser.headers,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(limit);
      seen.push(...res.body.items.map((i: Json) => i.id));
      cursor = res.body.nextCursor;
      if (!cursor) break;
    }
    expect(seen).toEqual(all.body.items.map((i: Json) => i.id));
  });

  it.each([
    { query: 'limit=0', name: 'limit' },
    { query: 'limit=501', name: 'limit' },
    { query: 'limit=2&cursor=bm9wZQ', name: 'cursor' },
  ])('refuses $query with 400 naming $name', async ({ query, name }) => {
    const res = await api.get(`/initiatives?${query}`, m.advisor.headers);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(name);
  });
});
