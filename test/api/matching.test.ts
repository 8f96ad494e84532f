import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initiativeNeeds, initiatives } from '../../src/db/schema/index.ts';
import { createActor, createSupplierRow, unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Matching in the marketplace (decision 026) through the API, on PGlite and PostgreSQL: a supplier
 * states its strengths, the open needs of approved initiatives come back best fit first with the
 * reasons (paged, in a total order), and an initiative sees the suppliers that fit one of its needs.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
const need: Record<string, string> = {};
const initiativeId: Record<string, string> = {};
let alfaUser: Awaited<ReturnType<typeof createActor>>;
let betaUser: Awaited<ReturnType<typeof createActor>>;

type NeedSpec = { key: string; kind: string; expertise?: string; quantity?: string; status?: string };

async function initiative(
  tenantId: string,
  name: string,
  values: { themes: string[]; targetGroups: string[]; status?: string },
  needs: NeedSpec[],
) {
  const [row] = await t.deps.db
    .insert(initiatives)
    .values({ tenantId, kind: 'initiative', name, status: 'approved', ...values })
    .returning();
  if (!row) throw new Error('initiative not created');
  initiativeId[name] = row.id;
  for (const [position, n] of needs.entries()) {
    const [made] = await t.deps.db
      .insert(initiativeNeeds)
      .values({
        tenantId,
        initiativeId: row.id,
        kind: n.kind,
        expertise: n.expertise ?? null,
        description: n.key,
        quantity: n.quantity ?? null,
        status: n.status ?? 'open',
        position,
      })
      .returning();
    if (!made) throw new Error('need not created');
    need[n.key] = made.id;
  }
  return row.id;
}

// Unique names (each run of the suite on PostgreSQL shares the database), in a fixed order.
const run = unique('r');
const alfa = `Alfa ${run}`;
const beta = `Beta ${run}`;
const gamma = `Gamma ${run}`;

const ictStrengths = {
  kinds: ['hours', 'goods'],
  expertise: [' ICT ', 'ict', 'Projectleiding'],
  hoursCapacity: 40,
  themes: ['education'],
  targetGroups: ['Kinderen'],
  description: 'ICT-mensen',
};

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  t.setNow('2026-03-01T09:00:00Z');
  m = await createMunicipality(t.deps.db);
  other = await createMunicipality(t.deps.db);
  const id = m.tenant.id;
  await initiative(id, alfa, { themes: ['education'], targetGroups: ['kinderen'] }, [
    { key: 'ict', kind: 'hours', expertise: 'ICT-beheer', quantity: '40' },
    { key: 'money', kind: 'money', quantity: '100' },
    { key: 'closed', kind: 'hours', expertise: 'ICT', status: 'closed' },
  ]);
  await initiative(id, beta, { themes: ['work'], targetGroups: [] }, [
    { key: 'goods', kind: 'goods', quantity: '5' },
    { key: 'coaching', kind: 'hours', expertise: 'Coaching', quantity: '80' },
  ]);
  await initiative(id, gamma, { themes: ['education'], targetGroups: [] }, [
    { key: 'place', kind: 'place', quantity: '2' },
  ]);
  await initiative(id, `Delta ${run}`, { themes: ['education'], targetGroups: [], status: 'submitted' }, [
    { key: 'draft', kind: 'hours', expertise: 'ICT' },
  ]);
  await initiative(other.tenant.id, `Elders ${run}`, { themes: ['education'], targetGroups: [] }, [
    { key: 'elsewhere', kind: 'hours', expertise: 'ICT' },
  ]);
  alfaUser = await createActor(t.deps.db, {
    tenantId: id,
    role: 'initiative',
    initiativeId: initiativeId[alfa],
  });
  betaUser = await createActor(t.deps.db, {
    tenantId: id,
    role: 'initiative',
    initiativeId: initiativeId[beta],
  });
}, 120_000);
afterAll(() => t.close());

const strengthsOf = (supplierId: string) => `/suppliers/${supplierId}/strengths`;
const keys = (items: Json[]) =>
  items.map((i: Json) => Object.keys(need).find((k) => need[k] === i.need.id) ?? i.need.id);

describe('a supplier states its strengths', () => {
  it('nothing stated yet: empty lists', async () => {
    const res = await api.get(strengthsOf(m.supplier.id), m.supplierUser.headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kinds: [], expertise: [], themes: [], updatedAt: null });
  });

  it.each([
    { case: 'an unknown kind', body: { ...ictStrengths, kinds: ['love'] }, field: 'kinds.0' },
    { case: 'negative hours', body: { ...ictStrengths, hoursCapacity: -1 }, field: 'hoursCapacity' },
    { case: 'half a laptop', body: { ...ictStrengths, goodsCapacity: 0.5 }, field: 'goodsCapacity' },
    { case: 'an unknown theme', body: { ...ictStrengths, themes: ['sports'] }, field: 'themes.0' },
  ])('refuses $case (400 naming $field)', async ({ body, field }) => {
    const res = await api.put(strengthsOf(m.supplier.id), m.supplierUser.headers, body);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
  });

  it('says why in Dutch', async () => {
    const res = await api.put(strengthsOf(m.supplier.id), m.supplierUser.headers, {
      ...ictStrengths,
      hoursCapacity: -1,
      goodsCapacity: 0.5,
    });
    expect(res.body.invalidParams).toEqual([
      { name: 'hoursCapacity', reason: 'mag niet negatief zijn' },
      { name: 'goodsCapacity', reason: 'moet een geheel getal zijn' },
    ]);
  });

  it('the supplier saves them (keywords trimmed, doubles dropped); the advisor reads them', async () => {
    const res = await api.put(strengthsOf(m.supplier.id), m.supplierUser.headers, ictStrengths);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kinds: ['hours', 'goods'],
      expertise: ['ICT', 'Projectleiding'],
      hoursCapacity: 40,
      goodsCapacity: null,
      targetGroups: ['Kinderen'],
    });
    const read = await api.get(strengthsOf(m.supplier.id), m.advisor.headers);
    expect(read.body).toEqual(res.body);
  });

  it.each([
    { case: 'the advisor writes them', who: () => m.advisor, method: 'put', status: 403 },
    { case: 'an initiative reads them', who: () => alfaUser, method: 'get', status: 403 },
    {
      case: 'another municipality’s advisor reads them',
      who: () => other.advisor,
      method: 'get',
      status: 404,
    },
    {
      case: 'another municipality’s supplier writes them',
      who: () => other.supplierUser,
      method: 'put',
      status: 404,
    },
  ])('$case: $status', async ({ who, method, status }) => {
    const res =
      method === 'put'
        ? await api.put(strengthsOf(m.supplier.id), who().headers, ictStrengths)
        : await api.get(strengthsOf(m.supplier.id), who().headers);
    expect(res.status).toBe(status);
  });
});

describe('needs ranked for a supplier', () => {
  it('best fit first, ties by initiative and the need’s place; closed, unapproved and foreign needs left out', async () => {
    const res = await api.get('/needs?limit=100', m.supplierUser.headers);
    expect(res.status).toBe(200);
    const mine = res.body.items.filter((i: Json) => i.initiativeName.endsWith(run));
    expect(keys(mine)).toEqual(['ict', 'goods', 'coaching', 'money', 'place']);
    expect(mine.map((i: Json) => [i.score, i.fits])).toEqual([
      [23, true],
      [10, true],
      [10, true],
      [6, true],
      [3, true],
    ]);
    expect(mine[0].reasons).toEqual([
      { rule: 'kind', points: 10, matched: ['hours'] },
      { rule: 'expertise', points: 5, matched: ['ICT'] },
      { rule: 'capacity', points: 2, matched: ['40'] },
      { rule: 'theme', points: 3, matched: ['education'] },
      { rule: 'targetGroup', points: 3, matched: ['kinderen'] },
    ]);
  });

  it('pages through the same order without gaps or doubles', async () => {
    const all = (await api.get('/needs?limit=100', m.supplierUser.headers)).body.items.map(
      (i: Json) => i.need.id,
    );
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await api.get(`/needs?limit=2${cursor ? `&cursor=${cursor}` : ''}`, m.supplierUser.headers);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      paged.push(...res.body.items.map((i: Json) => i.need.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it('a supplier that stated nothing sees every open need, by initiative name, nothing fitting', async () => {
    const s2 = await createSupplierRow(t.deps.db, m.tenant.id);
    const user = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'supplier', supplierId: s2.id });
    const res = await api.get('/needs?limit=100', user.headers);
    const mine = res.body.items.filter((i: Json) => i.initiativeName.endsWith(run));
    expect(keys(mine)).toEqual(['ict', 'money', 'goods', 'coaching', 'place']);
    expect(mine.every((i: Json) => i.score === 0 && !i.fits && i.reasons.length === 0)).toBe(true);
  });

  it.each([
    { case: 'a foreign cursor', query: '?cursor=bm9wZQ', field: 'cursor' },
    { case: 'a page too large', query: '?limit=101', field: 'limit' },
  ])('refuses $case (400 naming $field)', async ({ query, field }) => {
    const res = await api.get(`/needs${query}`, m.supplierUser.headers);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
  });

  it('only suppliers ask for it', async () => {
    expect((await api.get('/needs', m.advisor.headers)).status).toBe(403);
    expect((await api.get('/needs', alfaUser.headers)).status).toBe(403);
  });
});

describe('suppliers that fit a need', () => {
  const fitting = (initiative: string, key: string) =>
    `/initiatives/${initiativeId[initiative]}/needs/${need[key]}/suppliers`;

  beforeAll(async () => {
    const state = async (name: string, body: object) => {
      const s = await createSupplierRow(t.deps.db, m.tenant.id, name);
      const user = await createActor(t.deps.db, {
        tenantId: m.tenant.id,
        role: 'supplier',
        supplierId: s.id,
      });
      const res = await api.put(strengthsOf(s.id), user.headers, { themes: [], targetGroups: [], ...body });
      expect(res.status).toBe(200);
    };
    await state(`B uren ${run}`, { kinds: ['hours'], expertise: ['Coaching'] });
    await state(`A uren ${run}`, { kinds: ['hours'], expertise: [] });
    await state(`Geld ${run}`, { kinds: ['money'], expertise: [], themes: ['education'] });
    await state(`Niets passends ${run}`, { kinds: ['place'], expertise: [], themes: ['work'] }); // fits Beta only
  });

  it.each([
    {
      case: 'the initiative itself',
      who: () => alfaUser,
      order: ['ict', `A uren ${run}`, `B uren ${run}`, `Geld ${run}`],
      scores: [23, 10, 10, 3],
    },
    {
      case: 'the advisor',
      who: () => m.advisor,
      order: ['ict', `A uren ${run}`, `B uren ${run}`, `Geld ${run}`],
      scores: [23, 10, 10, 3],
    },
  ])(
    '$case sees them best first, ties by name, those that fit nothing left out',
    async ({ who, order: named, scores }) => {
      const order = named.map((n) => (n === 'ict' ? m.supplier.name : n));
      const res = await api.get(fitting(alfa, 'ict'), who().headers);
      expect(res.status).toBe(200);
      expect(res.body.need).toMatchObject({ id: need.ict, kind: 'hours', status: 'open' });
      const mine = res.body.items.filter((i: Json) => order.includes(i.supplierName));
      expect(mine.map((i: Json) => i.supplierName)).toEqual(order);
      expect(mine.map((i: Json) => i.score)).toEqual(scores);
      expect(res.body.items.map((i: Json) => i.supplierName)).not.toContain(`Niets passends ${run}`);
    },
  );

  it('for another need the order follows that need: expertise in coaching first, a shared theme last', async () => {
    const res = await api.get(fitting(beta, 'coaching'), betaUser.headers);
    const mine = res.body.items.filter((i: Json) => i.supplierName.endsWith(run));
    expect(mine.map((i: Json) => [i.supplierName, i.score])).toEqual([
      [`B uren ${run}`, 15],
      [`A uren ${run}`, 10],
      [`Niets passends ${run}`, 3],
    ]);
    expect(res.body.items[0].reasons.map((r: Json) => r.rule)).toEqual(['kind', 'expertise']);
  });

  it.each([
    { case: 'another initiative', who: () => betaUser, path: () => fitting(alfa, 'ict'), status: 404 },
    {
      case: 'a need of another initiative',
      who: () => alfaUser,
      path: () => `/initiatives/${initiativeId[alfa]}/needs/${need.goods}/suppliers`,
      status: 404,
    },
    { case: 'another municipality', who: () => other.advisor, path: () => fitting(alfa, 'ict'), status: 404 },
    { case: 'a supplier', who: () => m.supplierUser, path: () => fitting(alfa, 'ict'), status: 403 },
  ])('$case: $status', async ({ who, path, status }) => {
    const res = await api.get(path(), who().headers);
    expect(res.status).toBe(status);
    if (status === 404) expect(res.body.detail).toMatch(/bestaat niet of is hier niet te zien/);
  });
});
