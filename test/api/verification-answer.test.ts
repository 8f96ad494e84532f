import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, mailOutbox, suppliers } from '../../src/db/schema/index.ts';
import { unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { samplePdf } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Verification as a conversation: a rejection or a question is mailed to the supplier; the supplier
 * answers "more info" with a reply and evidence, the advisor hears it and decides; a second decision
 * on a decided activity needs `change: true` with a reason. Also the candidate's placement fields.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let contractId: string;
let reportId: string;
let job: Json;
let internship: Json;

const mailsTo = async (to: string) =>
  (await t.deps.db.select().from(mailOutbox).where(eq(mailOutbox.to, to.toLowerCase()))).map(
    (r) => r.subject,
  );
const auditOf = async (action: string, objectId: string) =>
  t.deps.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.action, action), eq(auditLog.objectId, objectId)));

function upload(activityId: string) {
  const form = new FormData();
  form.set('file', new File([samplePdf() as Uint8Array<ArrayBuffer>], 'stageovereenkomst.pdf'));
  return t.app.request(`/api/v1/activities/${activityId}/evidence`, {
    method: 'POST',
    headers: { Authorization: m.supplierUser.headers.Authorization },
    body: form,
  });
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  await t.deps.db
    .update(suppliers)
    .set({ contacts: [{ name: 'Planning', email: 'Planning@Supplier.example' }] })
    .where(eq(suppliers.id, m.supplier.id));
  t.setNow('2026-03-01T09:00:00Z');
  const award = await api.post('/contracts', m.advisor.headers, {
    reference: unique('GESPREK'),
    title: 'Onderhoud gemalen',
    supplierId: m.supplier.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
  contractId = award.body.id;
});
afterAll(() => t.close());

describe('activities with dates and a candidate placement', () => {
  it('records start, end and hours per week of the candidate and the dates of the activity', async () => {
    const res = await api.post(`/contracts/${contractId}/activities`, m.supplierUser.headers, {
      typeCode: 'job-benefits',
      period: '2026-H1',
      fte: 0.8,
      months: 5,
      startDate: '2026-02-01',
      endDate: '2026-06-30',
      candidate: {
        code: 'KAND-7',
        targetGroup: 'participatiewet',
        startDate: '2026-02-01',
        endDate: '2026-12-31',
        hoursPerWeek: 32,
      },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      startDate: '2026-02-01',
      endDate: '2026-06-30',
      candidate: {
        code: 'KAND-7',
        targetGroup: 'participatiewet',
        startDate: '2026-02-01',
        endDate: '2026-12-31',
        hoursPerWeek: 32,
      },
    });
    job = res.body;
    const second = await api.post(`/contracts/${contractId}/activities`, m.supplierUser.headers, {
      typeCode: 'internship',
      period: '2026-H1',
      units: 1,
    });
    expect(second.status).toBe(201);
    // Without dates: the half-year inside the term.
    expect(second.body).toMatchObject({ startDate: '2026-01-01', endDate: '2026-06-30', candidate: null });
    internship = second.body;
    const reports = await api.get(`/contracts/${contractId}/reports`, m.advisor.headers);
    reportId = reports.body.items.find((r: Json) => r.period === '2026-H1').id;
    t.setNow('2026-07-02T09:00:00Z');
    expect((await api.post(`/reports/${reportId}/submission`, m.supplierUser.headers)).status).toBe(200);
  });
});

describe('a second decision on a decided activity', () => {
  it('answers 409 without change: true, and changes nothing', async () => {
    const first = await api.post(`/activities/${job.id}/verification`, m.advisor.headers, {
      decision: 'accepted',
    });
    expect(first.status).toBe(200);
    const again = await api.post(`/activities/${job.id}/verification`, m.advisor.headers, {
      decision: 'rejected',
      reason: 'Toch niet',
    });
    expect(again.status).toBe(409);
    expect(again.headers.get('Content-Type')).toContain('application/problem+json');
    const report = await api.get(`/reports/${reportId}`, m.advisor.headers);
    expect(report.body.activities.find((a: Json) => a.id === job.id).verification).toBe('accepted');
  });

  it('needs a reason to change it', async () => {
    const res = await api.post(`/activities/${job.id}/verification`, m.advisor.headers, {
      decision: 'rejected',
      change: true,
    });
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain('reason');
  });

  it('with change: true and a reason it changes, the audit keeps the earlier decision, the supplier is mailed', async () => {
    const res = await api.post(`/activities/${job.id}/verification`, m.advisor.headers, {
      decision: 'rejected',
      reason: 'De arbeidsovereenkomst ontbreekt.',
      change: true,
    });
    expect(res.status).toBe(200);
    expect(res.body.activity).toMatchObject({ verification: 'rejected' });
    const [entry] = (await auditOf('activity.verify', job.id)).filter((e) => (e.details as Json).changed);
    expect(entry?.details).toMatchObject({
      decision: 'rejected',
      previousDecision: 'accepted',
      changed: true,
    });
    expect(await mailsTo(m.supplierUser.user.email)).toEqual([
      expect.stringMatching(/^Afgewezen: activiteit in rapportage 2026-H1/),
    ]);
    expect(await mailsTo('planning@supplier.example')).toHaveLength(1);
    expect(await mailsTo(m.advisor.user.email)).toEqual([]);
  });
});

describe('more info → the supplier answers with evidence → the advisor accepts → closed', () => {
  it('evidence cannot be added to a pending activity of a submitted report', async () => {
    expect((await upload(internship.id)).status).toBe(409);
  });

  it('the question is mailed to the supplier', async () => {
    const res = await api.post(`/activities/${internship.id}/verification`, m.advisor.headers, {
      decision: 'moreInfo',
      reason: 'Stuur de stageovereenkomst mee.',
    });
    expect(res.status).toBe(200);
    expect(res.body.report.status).toBe('submitted');
    const subjects = await mailsTo(m.supplierUser.user.email);
    expect(subjects.filter((s) => s.startsWith('Meer informatie gevraagd'))).toHaveLength(1);
  });

  it('an answer without reply or evidence is refused', async () => {
    const res = await api.post(`/activities/${internship.id}/answer`, m.supplierUser.headers, {});
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain('reply');
  });

  it('only an activity asked about is answered', async () => {
    const res = await api.post(`/activities/${job.id}/answer`, m.supplierUser.headers, { reply: 'x' });
    expect(res.status).toBe(409);
  });

  it('the supplier uploads evidence (allowed while more info is asked) and answers; the advisor is mailed', async () => {
    const uploaded = await upload(internship.id);
    expect(uploaded.status).toBe(201);
    const evidence = (await uploaded.json()) as Json;
    const foreign = await api.post(`/activities/${internship.id}/answer`, m.supplierUser.headers, {
      evidenceIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.invalidParams.map((p: Json) => p.name)).toContain('evidenceIds');
    const res = await api.post(`/activities/${internship.id}/answer`, m.supplierUser.headers, {
      reply: 'De overeenkomst zit erbij.',
      evidenceIds: [evidence.id],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      verification: 'pending',
      verificationReason: 'Stuur de stageovereenkomst mee.',
      supplierReply: 'De overeenkomst zit erbij.',
    });
    expect(res.body.repliedAt).toBe('2026-07-02T09:00:00.000Z');
    const toAdvisor = await t.deps.db
      .select()
      .from(mailOutbox)
      .where(eq(mailOutbox.to, m.advisor.user.email));
    expect(toAdvisor.map((r) => r.subject)).toEqual([
      expect.stringMatching(/^Antwoord van de leverancier: rapportage 2026-H1/),
    ]);
    expect(toAdvisor[0]?.text).toContain('De overeenkomst zit erbij.');
    expect(toAdvisor[0]?.text).toContain('stageovereenkomst.pdf');
    const [entry] = await auditOf('activity.answer', internship.id);
    expect(entry?.details).toMatchObject({ evidenceIds: [evidence.id], reply: 'De overeenkomst zit erbij.' });
  });

  it('the advisor accepts the answered activity; every activity is decided, so the report closes', async () => {
    const a = await api.post(`/activities/${internship.id}/verification`, m.advisor.headers, {
      decision: 'accepted',
    });
    expect(a.status).toBe(200);
    expect(a.body.activity).toMatchObject({
      verification: 'accepted',
      supplierReply: 'De overeenkomst zit erbij.',
    });
    expect(a.body.report.status).toBe('closed');
    // A closed report is changed through a correction, never by deciding again.
    const late = await api.post(`/activities/${job.id}/verification`, m.advisor.headers, {
      decision: 'accepted',
      reason: 'Toch ontvangen.',
      change: true,
    });
    expect(late.status).toBe(409);
  });
});
