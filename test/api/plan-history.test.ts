import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../../src/db/schema/index.ts';
import { unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * History of intake and plan: each intake recording kept in the audit; the approved plan stays
 * visible (and counted) while the supplier drafts a new one; any two versions can be compared.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let base: string;

const items = {
  v1: [{ typeCode: 'internship', period: '2026-H2', units: 2 }],
  v2: [
    { typeCode: 'internship', period: '2026-H2', units: 2 },
    { typeCode: 'initiative-hours', period: '2027-H1', hours: 40 },
  ],
  v3: [{ typeCode: 'internship', period: '2026-H2', units: 4 }],
};

async function submitAndReview(list: Json[], decision: 'approved' | 'returned') {
  expect((await api.put(`${base}/plan`, m.supplierUser.headers, { items: list })).status).toBe(200);
  expect((await api.post(`${base}/plan/submission`, m.supplierUser.headers)).status).toBe(200);
  const review = await api.post(`${base}/plan/review`, m.advisor.headers, {
    decision,
    ...(decision === 'returned' ? { comment: 'Meer graag.' } : {}),
  });
  expect(review.status).toBe(200);
  return review.body;
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  t.setNow('2026-03-01T09:00:00Z');
  const award = await api.post('/contracts', m.advisor.headers, {
    reference: unique('PLAN'),
    title: 'Herinrichting plein',
    supplierId: m.supplier.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
  base = `/contracts/${award.body.id}`;
});
afterAll(() => t.close());

describe('intake recorded twice', () => {
  it('shows the latest and keeps each recording in full in the audit', async () => {
    const first = { date: '2026-01-20', notes: 'Eerste gesprek', agreedDirection: 'BBL' };
    const second = { date: '2026-02-10', notes: 'Tweede gesprek', agreedDirection: 'BBL en stages' };
    expect((await api.put(`${base}/intake`, m.advisor.headers, first)).status).toBe(200);
    const res = await api.put(`${base}/intake`, m.advisor.headers, second);
    expect(res.body.intake).toMatchObject(second);
    const entries = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'intake.record'), eq(auditLog.objectId, base.split('/')[2] as string)))
      .orderBy(auditLog.id);
    const details = entries.map((e) => e.details as Json).sort((a, b) => a.date.localeCompare(b.date));
    expect(details).toEqual([
      { date: first.date, before: null, after: { ...first, recordedBy: m.advisor.user.id } },
      {
        date: second.date,
        before: { ...first, recordedBy: m.advisor.user.id },
        after: { ...second, recordedBy: m.advisor.user.id },
      },
    ]);
  });
});

describe('an approved plan while a new draft is made', () => {
  it.each([
    {
      case: 'plan view and summary show the approved version apart from the draft; summary agrees with progress',
      rule: '§7 planned value known',
    },
  ])('$case', async () => {
    await submitAndReview(items.v1, 'returned');
    const approved = await submitAndReview(items.v2, 'approved');
    expect(approved.approved).toMatchObject({ version: 2, plannedCents: approved.plannedCents });
    const draft = await api.put(`${base}/plan`, m.supplierUser.headers, { items: items.v3 });
    expect(draft.body).toMatchObject({ status: 'draft', approved: { version: 2 } });
    expect(draft.body.plannedCents).not.toBe(approved.plannedCents);
    expect(draft.body.approved.plannedCents).toBe(approved.plannedCents);
    expect(draft.body.approved.items.map((i: Json) => i.typeCode)).toEqual([
      'internship',
      'initiative-hours',
    ]);

    const progress = await api.get(`${base}/progress?asOf=2026-09-01`, m.advisor.headers);
    const summary = await api.get(`${base}/summary?asOf=2026-09-01`, m.advisor.headers);
    expect(summary.status).toBe(200);
    expect(summary.body.plan).toEqual({
      status: 'draft',
      plannedCents: approved.plannedCents,
      approved: { version: 2, plannedCents: approved.plannedCents },
      draft: { status: 'draft', plannedCents: draft.body.plannedCents },
    });
    expect(summary.body.plan.plannedCents).toBe(progress.body.plannedCents);
    expect(summary.body.progress.plannedCents).toBe(progress.body.plannedCents);
  });
});

describe('comparing plan versions', () => {
  it.each([
    {
      case: 'compares with the previous version by default, and with any version with ?against=N',
      rule: '§7 plan versions kept',
    },
  ])('$case', async () => {
    expect((await api.post(`${base}/plan/submission`, m.supplierUser.headers)).status).toBe(200);
    const byDefault = await api.get(`${base}/plan/versions`, m.advisor.headers);
    expect(byDefault.body.items.map((v: Json) => [v.version, v.diffAgainst])).toEqual([
      [1, null],
      [2, 1],
      [3, 2],
    ]);
    const against1 = await api.get(`${base}/plan/versions?against=1`, m.supplierUser.headers);
    expect(against1.status).toBe(200);
    const v3 = against1.body.items.find((v: Json) => v.version === 3);
    expect(v3.diffAgainst).toBe(1);
    expect(v3.diff.added).toEqual([]);
    expect(v3.diff.removed).toEqual([]);
    expect(v3.diff.changed.map((c: Json) => [c.before.units, c.after.units])).toEqual([[2, 4]]);
    // Against itself nothing changed.
    const self = against1.body.items.find((v: Json) => v.version === 1);
    expect(self.diff).toMatchObject({ added: [], removed: [], changed: [], plannedDeltaCents: 0 });
  });

  it.each([
    { case: 'a version that does not exist', query: 'against=9' },
    { case: 'not a number', query: 'against=two' },
    { case: 'zero', query: 'against=0' },
  ])('$case → 400 naming against', async ({ query }) => {
    const res = await api.get(`${base}/plan/versions?${query}`, m.advisor.headers);
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain('against');
  });
});
