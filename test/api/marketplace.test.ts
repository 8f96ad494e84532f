import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activityTypeByCode, getPreset, valueActivity } from '../../src/domain/index.ts';
import { auditLog, initiatives } from '../../src/db/schema/index.ts';
import { createActor, createSupplierRow, unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * The marketplace path through the API (domain.md §9): an initiative edits and submits its profile,
 * the municipality rejects and then approves it, a supplier finds it by theme and need and pledges
 * hours for its contract, the initiative confirms and the activity appears on the contract valued
 * like any other, awaiting verification. With refusals, and isolation between municipalities,
 * initiatives and suppliers (404).
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;
let initiative: Awaited<ReturnType<typeof createActor>>;
let otherInitiative: Awaited<ReturnType<typeof createActor>>;
let initiativeId: string;
let contract: Json;
let pledge: Json;
/** The ids of the profile's needs by kind, once saved. */
let needOf: Record<string, string> = {};

const profile = {
  name: 'Buurtkracht',
  description: 'Huiswerkbegeleiding in Oost.',
  themes: ['education', 'povertyReduction'],
  targetGroups: ['kinderen'],
  location: 'Oost',
  needs: [
    { kind: 'hours', expertise: 'ICT', description: 'Computerlokaal inrichten', quantity: 40 },
    { kind: 'goods', description: 'Laptops', quantity: 10 },
  ],
};

async function initiativeOf(tenantId: string) {
  const [row] = await t.deps.db
    .insert(initiatives)
    .values({ tenantId, kind: 'initiative', name: unique('Initiatief') })
    .returning();
  if (!row) throw new Error('initiative not created');
  return createActor(t.deps.db, { tenantId, role: 'initiative', initiativeId: row.id });
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  t.setNow('2026-03-01T09:00:00Z');
  m = await createMunicipality(t.deps.db);
  other = await createMunicipality(t.deps.db);
  initiative = await initiativeOf(m.tenant.id);
  otherInitiative = await initiativeOf(m.tenant.id);
  initiativeId = initiative.membership.initiativeId as string;
  const res = await api.post('/contracts', m.advisor.headers, {
    reference: unique('MP'),
    title: 'Onderhoud',
    supplierId: m.supplier.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
  expect(res.status).toBe(201);
  contract = res.body;
}, 120_000);
afterAll(() => t.close());

const audits = async (action: string) =>
  (await t.deps.db.select().from(auditLog).where(eq(auditLog.action, action))).filter(
    (a) => a.tenantId === m.tenant.id,
  );

describe('the marketplace path', () => {
  it('a new profile is a draft that suppliers cannot see', async () => {
    const mine = await api.get('/initiatives/me', initiative.headers);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ id: initiativeId, status: 'draft', needs: [] });
    expect((await api.get(`/initiatives/${initiativeId}`, m.supplierUser.headers)).status).toBe(404);
    expect((await api.get('/initiatives', m.supplierUser.headers)).body.items).toEqual([]);
  });

  it.each([
    { case: 'unknown theme', body: { ...profile, themes: ['sports'] }, field: 'themes.0' },
    {
      case: 'unknown kind of need',
      body: { ...profile, needs: [{ kind: 'love', description: 'x' }] },
      field: 'needs.0.kind',
    },
    {
      case: 'need without description',
      body: { ...profile, needs: [{ kind: 'money', description: ' ' }] },
      field: 'needs.0.description',
    },
    { case: 'empty name', body: { ...profile, name: '' }, field: 'name' },
  ])('refuses a profile with $case (400 naming $field)', async ({ body, field }) => {
    const res = await api.put('/initiatives/me', initiative.headers, body);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
  });

  it('the initiative edits its profile and needs, and submits it (one audit entry each)', async () => {
    const saved = await api.put('/initiatives/me', initiative.headers, profile);
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ name: 'Buurtkracht', status: 'draft', themes: profile.themes });
    expect(saved.body.needs.map((n: Json) => [n.kind, n.expertise, n.quantity])).toEqual([
      ['hours', 'ICT', 40],
      ['goods', null, 10],
    ]);
    const submitted = await api.post('/initiatives/me/submission', initiative.headers);
    expect(submitted.body.status).toBe('submitted');
    expect((await api.post('/initiatives/me/submission', initiative.headers)).status).toBe(409);
    expect(await audits('initiative.update')).toHaveLength(1);
    expect(await audits('initiative.submit')).toHaveLength(1);
  });

  it('the advisor sees it in the review list; a rejection needs a reason', async () => {
    const list = await api.get('/initiatives?status=submitted', m.advisor.headers);
    expect(list.body.items.map((i: Json) => i.id)).toEqual([initiativeId]);
    const noReason = await api.post(`/initiatives/${initiativeId}/review`, m.advisor.headers, {
      decision: 'rejected',
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.invalidParams).toEqual([{ name: 'reason', reason: 'is verplicht bij afwijzen' }]);
    const rejected = await api.post(`/initiatives/${initiativeId}/review`, m.advisor.headers, {
      decision: 'rejected',
      reason: 'Geef de doelgroep aan.',
    });
    expect(rejected.body).toMatchObject({ status: 'rejected', reviewReason: 'Geef de doelgroep aan.' });
    expect((await api.put('/initiatives/me', initiative.headers, profile)).body.status).toBe('draft');
    await api.post('/initiatives/me/submission', initiative.headers);
    const approved = await api.post(`/initiatives/${initiativeId}/review`, m.admin.headers, {
      decision: 'approved',
    });
    expect(approved.body.status).toBe('approved');
    needOf = Object.fromEntries(approved.body.needs.map((n: Json) => [n.kind, n.id]));
  });

  it('saving the profile again keeps the ids of its needs (pledges refer to them)', async () => {
    const mine = (await api.get('/initiatives/me', initiative.headers)).body;
    const saved = await api.put('/initiatives/me', initiative.headers, {
      ...profile,
      needs: [...mine.needs].reverse().map((n: Json) => ({ ...n, description: `${n.description}.` })),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.status).toBe('approved');
    expect(saved.body.needs.map((n: Json) => [n.id, n.description, n.status])).toEqual([
      [needOf.goods, 'Laptops.', 'open'],
      [needOf.hours, 'Computerlokaal inrichten.', 'open'],
    ]);
    const foreign = await api.put('/initiatives/me', otherInitiative.headers, {
      ...profile,
      needs: [{ id: needOf.hours, kind: 'hours', description: 'overnemen' }],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.invalidParams).toEqual([
      { name: 'needs.0.id', reason: 'is geen behoefte van dit initiatief' },
    ]);
  });

  it.each([
    { case: 'no filter', query: '', found: true },
    { case: 'its theme', query: '?theme=education', found: true },
    { case: 'another theme', query: '?theme=healthPromotion', found: false },
    { case: 'a need it has', query: '?needKind=goods', found: true },
    { case: 'a need it lacks', query: '?needKind=place', found: false },
    { case: 'theme and need', query: '?theme=povertyReduction&needKind=hours', found: true },
  ])('a supplier browsing with $case finds it: $found', async ({ query, found }) => {
    const res = await api.get(`/initiatives${query}`, m.supplierUser.headers);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: Json) => i.id)).toEqual(found ? [initiativeId] : []);
  });

  it.each([
    { case: 'hours without hours', body: { kind: 'hours', period: '2026-H1' }, field: 'hours' },
    {
      case: 'no need',
      body: { needId: undefined, kind: 'hours', hours: 2, period: '2026-H1' },
      field: 'needId',
    },
    {
      case: 'a need that is not one of this initiative',
      body: { needId: '6f1c2f9e-0000-4000-8000-000000000000', kind: 'hours', hours: 2, period: '2026-H1' },
      field: 'needId',
    },
    {
      case: 'money for a need of hours',
      body: { kind: 'money', amountCents: 100, period: '2026-H1' },
      field: 'kind',
    },
    {
      case: 'money with hours',
      body: { kind: 'money', hours: 2, amountCents: 100, period: '2026-H1' },
      field: 'hours',
    },
    {
      case: 'a period outside the term',
      body: { kind: 'hours', hours: 2, period: '2029-H1' },
      field: 'period',
    },
    { case: 'not a half-year', body: { kind: 'hours', hours: 2, period: '2026-Q1' }, field: 'period' },
    { case: 'three decimals', body: { kind: 'hours', hours: 1.001, period: '2026-H1' }, field: 'hours' },
  ])('refuses a pledge of $case (400 naming $field)', async ({ body, field }) => {
    const res = await api.post(`/initiatives/${initiativeId}/pledges`, m.supplierUser.headers, {
      needId: needOf.hours,
      contractId: contract.id,
      ...body,
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
  });

  it('says in Dutch why a pledge does not fit the need', async () => {
    const res = await api.post(`/initiatives/${initiativeId}/pledges`, m.supplierUser.headers, {
      needId: needOf.hours,
      contractId: contract.id,
      kind: 'money',
      amountCents: 100,
      period: '2026-H1',
    });
    expect(res.body.detail).toBe('Dit soort toezegging past niet bij deze behoefte.');
    expect(res.body.invalidParams).toEqual([
      { name: 'kind', reason: 'moet uren zijn bij een behoefte aan uren' },
    ]);
  });

  it('the supplier pledges 16 hours for its contract; nothing counts yet', async () => {
    const res = await api.post(`/initiatives/${initiativeId}/pledges`, m.supplierUser.headers, {
      needId: needOf.hours,
      contractId: contract.id,
      kind: 'hours',
      hours: 16,
      period: '2026-H1',
      note: 'Twee collega’s',
    });
    expect(res.status).toBe(201);
    pledge = res.body;
    expect(pledge).toMatchObject({
      status: 'open',
      hours: 16,
      initiativeName: 'Buurtkracht',
      needId: needOf.hours,
      needDescription: 'Computerlokaal inrichten.',
      activityId: null,
    });
    const progress = await api.get(`/contracts/${contract.id}/progress?asOf=2026-06-30`, m.advisor.headers);
    expect(progress.body.realisedCents).toBe(0);
    const mine = await api.get('/pledges', initiative.headers);
    expect(mine.body.items.map((p: Json) => p.id)).toEqual([pledge.id]);
  });

  it('the initiative confirms 12 delivered hours: an activity valued like any other, pending verification', async () => {
    const res = await api.post(`/pledges/${pledge.id}/confirmation`, initiative.headers, {
      decision: 'confirmed',
      hours: 12,
      note: 'Lokaal staat',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'confirmed', deliveredHours: 12, decisionNote: 'Lokaal staat' });
    const type = activityTypeByCode(getPreset('amsterdam'), 'initiative-hours');
    if (!type) throw new Error('no initiative-hours in the preset');
    const expected = valueActivity(
      type,
      { hours: 12 },
      {
        contractStart: '2026-01-01',
        contractEnd: '2027-12-31',
        obligationCents: contract.obligation.amountCents,
        period: '2026-H1',
        policyVersion: 1,
      },
    );
    const activities = await api.get(`/contracts/${contract.id}/activities`, m.supplierUser.headers);
    const activity = activities.body.items.find((a: Json) => a.id === res.body.activityId);
    expect(activity).toMatchObject({
      typeCode: 'initiative-hours',
      period: '2026-H1',
      hours: 12,
      valueCents: expected.valueCents,
      verification: 'pending',
    });
    expect(activity.valuation.explanation).toBe(expected.explanation);
    const progress = await api.get(`/contracts/${contract.id}/progress?asOf=2026-06-30`, m.advisor.headers);
    expect(progress.body.realisedCents).toBe(expected.valueCents);
    expect(progress.body.verifiedCents).toBe(0);
    expect(await audits('pledge.confirm')).toHaveLength(1);
    expect(await audits('activity.create')).toHaveLength(0);
    expect(
      (await api.post(`/pledges/${pledge.id}/confirmation`, initiative.headers, { decision: 'declined' }))
        .status,
    ).toBe(409);
  });

  it('a pledge can be declined; nothing is recorded', async () => {
    const made = await api.post(`/initiatives/${initiativeId}/pledges`, m.supplierUser.headers, {
      needId: needOf.goods,
      contractId: contract.id,
      kind: 'goods',
      amountCents: 50_000,
      period: '2026-H2',
    });
    const before = (await api.get(`/contracts/${contract.id}/activities`, m.supplierUser.headers)).body.items
      .length;
    const res = await api.post(`/pledges/${made.body.id}/confirmation`, initiative.headers, {
      decision: 'declined',
    });
    expect(res.body).toMatchObject({ status: 'declined', activityId: null });
    const after = (await api.get(`/contracts/${contract.id}/activities`, m.supplierUser.headers)).body.items
      .length;
    expect(after).toBe(before);
  });

  it('a pledged need left out of the profile is closed, not deleted, and takes no new pledges', async () => {
    const mine = (await api.get('/initiatives/me', initiative.headers)).body;
    const saved = await api.put('/initiatives/me', initiative.headers, {
      ...profile,
      needs: [
        ...mine.needs.filter((n: Json) => n.kind !== 'hours'),
        { kind: 'money', description: 'Zomerschool' },
      ],
    });
    expect(saved.body.needs.map((n: Json) => [n.kind, n.status])).toEqual([
      ['goods', 'open'],
      ['money', 'open'],
      ['hours', 'closed'],
    ]);
    expect(saved.body.needs[2].id).toBe(needOf.hours);
    const res = await api.post(`/initiatives/${initiativeId}/pledges`, m.supplierUser.headers, {
      needId: needOf.hours,
      contractId: contract.id,
      kind: 'hours',
      hours: 2,
      period: '2026-H1',
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams).toEqual([
      { name: 'needId', reason: 'is gesloten: er kunnen geen nieuwe toezeggingen bij' },
    ]);
    const pledges = (await api.get('/pledges', initiative.headers)).body.items;
    expect(pledges.find((p: Json) => p.id === pledge.id)).toMatchObject({ needId: needOf.hours });
  });
});

describe('isolation', () => {
  it.each([
    {
      case: 'another municipality’s supplier reads it',
      who: () => other.supplierUser,
      path: () => `/initiatives/${initiativeId}`,
    },
    {
      case: 'another municipality’s advisor reviews it',
      who: () => other.advisor,
      path: () => `/initiatives/${initiativeId}/review`,
      body: () => ({ decision: 'rejected', reason: 'x' }),
    },
    {
      case: 'another municipality’s supplier pledges',
      who: () => other.supplierUser,
      path: () => `/initiatives/${initiativeId}/pledges`,
      body: () => ({
        needId: needOf.goods,
        contractId: contract.id,
        kind: 'goods',
        amountCents: 100,
        period: '2026-H1',
      }),
    },
    {
      case: 'another initiative reads it',
      who: () => otherInitiative,
      path: () => `/initiatives/${initiativeId}`,
    },
    {
      case: 'another initiative confirms its pledge',
      who: () => otherInitiative,
      path: () => `/pledges/${pledge.id}/confirmation`,
      body: () => ({ decision: 'declined' }),
    },
  ])('404 when $case', async ({ who, path, body }) => {
    const res = body ? await api.post(path(), who().headers, body()) : await api.get(path(), who().headers);
    expect(res.status).toBe(404);
    expect(JSON.stringify(res.body)).not.toContain(initiativeId);
  });

  it('a supplier cannot pledge for another supplier’s contract (404)', async () => {
    const s2 = await createSupplierRow(t.deps.db, m.tenant.id);
    const supplier2 = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'supplier',
      supplierId: s2.id,
    });
    const res = await api.post(`/initiatives/${initiativeId}/pledges`, supplier2.headers, {
      needId: needOf.goods,
      contractId: contract.id,
      kind: 'goods',
      amountCents: 100,
      period: '2026-H1',
    });
    expect(res.status).toBe(404);
    expect((await api.get('/pledges', supplier2.headers)).body.items).toEqual([]);
  });

  it('lists show only one’s own: other initiative and other municipality see none of these pledges', async () => {
    expect((await api.get('/pledges', otherInitiative.headers)).body.items).toEqual([]);
    expect((await api.get('/pledges', other.advisor.headers)).body.items).toEqual([]);
    expect((await api.get('/initiatives', other.advisor.headers)).body.items).toEqual([]);
    expect((await api.get('/pledges', m.advisor.headers)).body.items).toHaveLength(2);
  });
});
