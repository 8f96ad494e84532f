import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unique } from '../factories.ts';
import { client, createMunicipality } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/** Issue 14: the contract list pages, sorts and filters in the database: `{ items, nextCursor, total }`. */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
const prefix = unique('PG');
const values = [5, 3, 9, 1, 7, 3, 8].map((v) => v * 10_000_000);

interface Item {
  id: string;
  reference: string;
  valueCents: number;
  supplierName: string;
  progress: { status: string; realisedCents: number };
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  other = await createMunicipality(t.deps.db);
  for (const [i, valueCents] of values.entries()) {
    const res = await api.post('/contracts', m.advisor.headers, {
      reference: `${prefix}-${i}`,
      title: 'Paging',
      supplierId: m.supplier.id,
      valueCents,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(res.status).toBe(201);
  }
  // another municipality's contract never shows up
  await api.post('/contracts', other.advisor.headers, {
    reference: `${prefix}-other`,
    title: 'Elsewhere',
    supplierId: other.supplier.id,
    valueCents: 99_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
});
afterAll(() => t.close());

/** Every page of a list, following nextCursor. */
async function allPages(query: string, limit: number) {
  const pages: Item[][] = [];
  let cursor: string | undefined;
  let total = -1;
  for (let i = 0; i < 20; i++) {
    const res = await api.get(
      `/contracts?q=${prefix}&limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
      m.advisor.headers,
    );
    expect(res.status).toBe(200);
    pages.push(res.body.items);
    total = res.body.total;
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return { pages, total };
}

describe('contract list paging and sorting', () => {
  it.each<{ sort: string; key: (c: Item) => string | number; desc: boolean }>([
    { sort: '', key: (c: Item) => c.reference, desc: false },
    { sort: '&sort=-valueCents', key: (c: Item) => c.valueCents, desc: true },
    { sort: '&sort=valueCents', key: (c: Item) => c.valueCents, desc: false },
    { sort: '&sort=-reference', key: (c: Item) => c.reference, desc: true },
    { sort: '&sort=status', key: (c: Item) => c.progress.status, desc: false },
    { sort: '&sort=-realisedCents', key: (c: Item) => c.progress.realisedCents, desc: true },
  ])('pages of 3 $sort cover every contract once, in order, with total', async ({ sort, key, desc }) => {
    const { pages, total } = await allPages(sort, 3);
    expect(total).toBe(values.length);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    const items = pages.flat();
    expect(new Set(items.map((c) => c.id)).size).toBe(values.length);
    expect(items.every((c) => c.reference.startsWith(prefix))).toBe(true);
    if (sort.includes('status')) return; // status sorts by rank, not by name
    const keys: (string | number)[] = items.map((c) => key(c));
    const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(keys).toEqual(desc ? sorted.reverse() : sorted);
  });

  it('ties in the sort column page by id: equal values are neither lost nor repeated', async () => {
    const { pages } = await allPages('&sort=valueCents', 1);
    const items = pages.flat();
    expect(items).toHaveLength(values.length);
    expect(items.map((c) => c.valueCents)).toEqual([...values].sort((a, b) => a - b));
  });

  it('the last page has no nextCursor; default 50, at most 500', async () => {
    const res = await api.get(`/contracts?q=${prefix}`, m.advisor.headers);
    expect(res.body.items).toHaveLength(values.length);
    expect(res.body.nextCursor).toBeUndefined();
    expect((await api.get('/contracts?limit=501', m.advisor.headers)).status).toBe(400);
  });

  it.each([
    { case: 'an unknown sort field', query: 'sort=password', field: 'sort' },
    { case: 'a limit of 0', query: 'limit=0', field: 'limit' },
    { case: 'a cursor that is not one', query: 'cursor=abc', field: 'cursor' },
    { case: 'a keyset cursor used for a progress sort', query: 'sort=status&cursor=KEYSET', field: 'cursor' },
  ])('refuses $case with 400 naming $field', async ({ query, field }) => {
    let q = query;
    if (q.includes('KEYSET')) {
      const first = await api.get(`/contracts?q=${prefix}&limit=1`, m.advisor.headers);
      q = q.replace('KEYSET', first.body.nextCursor);
    }
    const res = await api.get(`/contracts?${q}`, m.advisor.headers);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
  });

  it('a supplier pages through its own contracts only; a status filter pages too', async () => {
    const own = await api.get(`/contracts?limit=2&sort=-valueCents`, m.supplierUser.headers);
    expect(own.status).toBe(200);
    expect(own.body.total).toBeGreaterThanOrEqual(values.length);
    const foreign = await api.get(`/contracts?q=${prefix}-other`, m.advisor.headers);
    expect(foreign.body).toMatchObject({ items: [], total: 0 });
    const behind = await api.get(`/contracts?q=${prefix}&status=onTrack&limit=2`, m.advisor.headers);
    expect(behind.status).toBe(200);
    expect(behind.body.items.every((c: Item) => c.progress.status === 'onTrack')).toBe(true);
  });

  it('finds contracts by their supplier’s name, counted and paged alike, never another municipality’s', async () => {
    const name = encodeURIComponent(m.supplier.name);
    const page = await api.get(`/contracts?q=${name}&limit=2&sort=-valueCents`, m.advisor.headers);
    expect(page.status).toBe(200);
    expect(page.body.total).toBeGreaterThanOrEqual(values.length);
    expect(page.body.items).toHaveLength(2);
    expect(page.body.items.every((c: Item) => c.supplierName === m.supplier.name)).toBe(true);
    const elsewhere = await api.get(
      `/contracts?q=${encodeURIComponent(other.supplier.name)}`,
      m.advisor.headers,
    );
    expect(elsewhere.body).toMatchObject({ items: [], total: 0 });
  });
});
