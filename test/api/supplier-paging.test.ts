import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupplierRow, createTenant, createActor } from '../factories.ts';
import { client, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

// GET /suppliers answers { items, nextCursor } with search, sort and paging in the database.

let t: TestApp;
let api: ReturnType<typeof client>;
let advisor: Record<string, string>;
const names = ['Anker', 'bouw Berg', 'Citadel', 'Duin', 'Eik', 'Fjord', 'Gaard'];

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  const tenant = await createTenant(t.deps.db);
  for (const name of names) await createSupplierRow(t.deps.db, tenant.id, name);
  advisor = (await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' })).headers;
});
afterAll(() => t.close());

/** Every page of a query, following nextCursor. */
async function walk(path: string): Promise<{ pages: Json[][]; all: string[] }> {
  const pages: Json[][] = [];
  let cursor: string | undefined;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res = await api.get(
      `${path}${cursor ? `${sep}cursor=${encodeURIComponent(cursor)}` : ''}`,
      advisor,
    );
    expect(res.status).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 20);
  return { pages, all: pages.flat().map((s) => s.name as string) };
}

describe('supplier list paging', () => {
  it.each([
    { case: 'by name, 3 a page', query: '?limit=3', sizes: [3, 3, 1], order: [...names].sort(cmp) },
    {
      case: 'by name descending',
      query: '?limit=3&sort=-name',
      sizes: [3, 3, 1],
      order: [...names].sort(cmp).reverse(),
    },
    {
      case: 'one page when the limit is larger',
      query: '?limit=50',
      sizes: [7],
      order: [...names].sort(cmp),
    },
    {
      case: 'exactly full pages: no empty last page',
      query: '?limit=7',
      sizes: [7],
      order: [...names].sort(cmp),
    },
  ])('$case', async ({ query, sizes, order }) => {
    const { pages, all } = await walk(`/suppliers${query}`);
    expect(pages.map((p) => p.length)).toEqual(sizes);
    expect(all).toEqual(order);
  });

  it('sorts by registration, both ways, without losing or repeating a row', async () => {
    const up = (await walk('/suppliers?limit=2&sort=createdAt')).all;
    const down = (await walk('/suppliers?limit=2&sort=-createdAt')).all;
    expect(new Set(up).size).toBe(names.length);
    expect(down).toEqual([...up].reverse());
  });

  it('searches by part of the name, case-insensitively, and pages the result', async () => {
    const { all } = await walk('/suppliers?q=BERG&limit=1');
    expect(all).toEqual(['bouw Berg']);
  });

  it('counts each supplier’s contracts', async () => {
    const res = await api.get('/suppliers?limit=1', advisor);
    expect(res.body.items[0]).toMatchObject({ name: 'Anker', contractCount: 0 });
  });

  it.each([
    { case: 'a limit above 500', query: '?limit=501', field: 'limit' },
    { case: 'a limit of 0', query: '?limit=0', field: 'limit' },
    { case: 'an unknown sort field', query: '?sort=city', field: 'sort' },
    { case: 'a cursor that is not ours', query: '?cursor=bm9wZQ', field: 'cursor' },
  ])('refuses $case with 400 naming $field', async ({ query, field }) => {
    const res = await api.get(`/suppliers${query}`, advisor);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
  });
});

function cmp(a: string, b: string): number {
  return a.localeCompare(b, 'en', { sensitivity: 'base' });
}
