import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { activities, auditLog, reports } from '../../src/db/schema/index.ts';
import { createActor, createContractRows } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { samplePdf } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

// The start page's work queue per role, and accept-all for a report whose evidence is there.
// "Today" in the test app is 2026-11-23.

let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
});
afterAll(() => t.close());

const groupOf = (body: Json, kind: string) =>
  (body.items as Json[]).find((g) => g.kind === kind) as { count: number; items: Json[] } | undefined;

async function attachPdf(activityId: string) {
  const form = new FormData();
  form.set('file', new File([samplePdf() as Uint8Array<ArrayBuffer>], 'bewijs.pdf'));
  const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, {
    method: 'POST',
    headers: { Authorization: m.supplierUser.headers.Authorization },
    body: form,
  });
  expect(res.status).toBe(201);
}

describe('work queue', () => {
  it('each role sees its own kinds, in a fixed order', async () => {
    const kinds = async (headers: Record<string, string>) =>
      ((await api.get('/work-queue', headers)).body.items as Json[]).map((g) => g.kind);
    expect(await kinds(m.advisor.headers)).toEqual(['toVerify', 'answered', 'toReview', 'overdue', 'behind']);
    expect(await kinds(m.supplierUser.headers)).toEqual(['due', 'questions', 'returnedPlans']);
    expect(await kinds(m.manager.headers)).toEqual(['toEvaluate', 'overdue']);
  });

  it('a submitted report waits for the advisor; an overdue one is named; the supplier sees what is due', async () => {
    const submitted = await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      reportStatus: 'submitted',
    });
    const overdue = await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      reportStatus: 'overdue',
      dueDate: '2026-07-31',
    });
    const advisor = (await api.get('/work-queue', m.advisor.headers)).body;
    const toVerify = groupOf(advisor, 'toVerify');
    expect(toVerify?.items).toContainEqual(
      expect.objectContaining({
        reportId: submitted.report.id,
        contractId: submitted.contract.id,
        contractReference: submitted.contract.reference,
        activities: 1,
      }),
    );
    expect(groupOf(advisor, 'overdue')?.items.map((i) => i.reportId)).toContain(overdue.report.id);
    const supplier = (await api.get('/work-queue', m.supplierUser.headers)).body;
    expect(groupOf(supplier, 'due')?.items).toContainEqual(
      expect.objectContaining({ reportId: overdue.report.id, date: '2026-07-31' }),
    );
    expect(groupOf(supplier, 'due')?.items.map((i) => i.reportId)).not.toContain(submitted.report.id);
  });

  it('a question answered by the supplier comes back to the advisor; unanswered it waits for the supplier', async () => {
    const rows = await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      reportStatus: 'submitted',
    });
    await t.deps.db
      .update(activities)
      .set({ verification: 'moreInfo', verificationReason: 'Welke stageplek?' })
      .where(eq(activities.id, rows.activity.id));
    const asked = (await api.get('/work-queue', m.supplierUser.headers)).body;
    expect(groupOf(asked, 'questions')?.items.map((i) => i.reportId)).toContain(rows.report.id);
    await t.deps.db
      .update(activities)
      .set({ supplierReply: 'Bij de gemeente.', repliedAt: new Date('2026-11-20T10:00:00Z') })
      .where(eq(activities.id, rows.activity.id));
    const advisor = (await api.get('/work-queue', m.advisor.headers)).body;
    expect(groupOf(advisor, 'answered')?.items.map((i) => i.reportId)).toContain(rows.report.id);
    expect(groupOf(advisor, 'toVerify')?.items.map((i) => i.reportId)).not.toContain(rows.report.id);
  });

  it('a contract manager sees their contracts ending within 60 days, not others', async () => {
    const other = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'contractManager' });
    const ending = await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      contractManagerId: m.manager.user.id,
      startDate: '2025-01-01',
      endDate: '2026-12-31',
      period: '2025-H1',
    });
    const later = await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      contractManagerId: m.manager.user.id,
    });
    const own = groupOf((await api.get('/work-queue', m.manager.headers)).body, 'toEvaluate');
    expect(own?.items).toContainEqual(
      expect.objectContaining({ contractId: ending.contract.id, date: '2026-12-31' }),
    );
    expect(own?.items.map((i) => i.contractId)).not.toContain(later.contract.id);
    const theirs = groupOf((await api.get('/work-queue', other.headers)).body, 'toEvaluate');
    expect(theirs?.count).toBe(0);
  });

  it('another municipality sees none of it', async () => {
    const elsewhere = await createMunicipality(t.deps.db);
    await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      reportStatus: 'submitted',
    });
    const body = (await api.get('/work-queue', elsewhere.advisor.headers)).body;
    for (const g of body.items as Json[]) expect(g.count).toBe(0);
  });
});

describe('accept-all', () => {
  it('refuses while an activity has no evidence, naming it; accepts all and closes the report once it has', async () => {
    const rows = await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      reportStatus: 'submitted',
    });
    const refused = await api.post(`/reports/${rows.report.id}/acceptance`, m.advisor.headers);
    expect(refused.status).toBe(409);
    expect(refused.body.invalidParams).toEqual([
      { name: `activities.${rows.activity.id}`, reason: 'heeft geen bewijsstuk' },
    ]);
    // Evidence is added while the report is open; here the report is already submitted, so the
    // file goes in through a brief reopening, as a supplier would have done before submitting.
    await t.deps.db.update(reports).set({ status: 'open' }).where(eq(reports.id, rows.report.id));
    await attachPdf(rows.activity.id);
    await t.deps.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, rows.report.id));

    const res = await api.post(`/reports/${rows.report.id}/acceptance`, m.advisor.headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ accepted: 1, report: { id: rows.report.id, status: 'closed' } });
    const [activity] = await t.deps.db.select().from(activities).where(eq(activities.id, rows.activity.id));
    expect(activity?.verification).toBe('accepted');
    const entries = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, rows.report.id));
    expect(entries.filter((e) => e.action === 'report.acceptAll')).toHaveLength(1);

    const again = await api.post(`/reports/${rows.report.id}/acceptance`, m.advisor.headers);
    expect(again.status).toBe(409);
  });

  it('is for the advisor only, and only in their municipality', async () => {
    const rows = await createContractRows(t.deps.db, {
      tenantId: m.tenant.id,
      supplierId: m.supplier.id,
      reportStatus: 'submitted',
    });
    expect((await api.post(`/reports/${rows.report.id}/acceptance`, m.supplierUser.headers)).status).toBe(
      403,
    );
    const elsewhere = await createMunicipality(t.deps.db);
    expect((await api.post(`/reports/${rows.report.id}/acceptance`, elsewhere.advisor.headers)).status).toBe(
      404,
    );
  });
});
