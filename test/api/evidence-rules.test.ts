import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { getPreset } from '../../src/domain/index.ts';
import { activities, auditLog, reports } from '../../src/db/schema/index.ts';
import { createActor, createContractRows, createSupplierRow, createTenant } from '../factories.ts';
import { client, type Json } from '../lifecycle-fixtures.ts';
import { samplePdf } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

// Evidence rules (decision 024): the contract's policy version says per activity type that evidence
// is required. Submitting or accepting such an activity without evidence is refused (409, in the
// request's language, naming the activity); any other activity without evidence goes through with
// a warning. "Today" in the test app is 2026-11-23, so 2026-H1 can be submitted.

let t: TestApp;
let api: ReturnType<typeof client>;
let w: Awaited<ReturnType<typeof world>>;

async function world() {
  const preset = getPreset('amsterdam');
  const policy = {
    ...preset,
    validFrom: '2020-01-01',
    activityTypes: preset.activityTypes.map((type) =>
      type.code === 'internship' ? { ...type, evidenceRequired: true } : type,
    ),
  };
  const tenant = await createTenant(t.deps.db, { policy });
  const supplier = await createSupplierRow(t.deps.db, tenant.id);
  const [advisor, supplierUser] = await Promise.all([
    createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' }),
    createActor(t.deps.db, { tenantId: tenant.id, role: 'supplier', supplierId: supplier.id }),
  ]);
  return { tenant, supplier, advisor, supplierUser };
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  w = await world();
});
afterAll(() => t.close());

const en = (headers: Record<string, string>) => ({ ...headers, 'Accept-Language': 'en' });

/** A contract with one activity: `internship` (evidence required) or `work-experience` (not). */
async function reportWith(typeCode: 'internship' | 'work-experience', status: 'open' | 'submitted') {
  const rows = await createContractRows(t.deps.db, {
    tenantId: w.tenant.id,
    supplierId: w.supplier.id,
    reportStatus: status,
  });
  if (typeCode !== 'internship')
    await t.deps.db.update(activities).set({ typeCode }).where(eq(activities.id, rows.activity.id));
  return rows;
}

async function attachPdf(activityId: string) {
  const form = new FormData();
  form.set('file', new File([samplePdf() as Uint8Array<ArrayBuffer>], 'bewijs.pdf'));
  const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, {
    method: 'POST',
    headers: { Authorization: w.supplierUser.headers.Authorization },
    body: form,
  });
  expect(res.status).toBe(201);
}

const statusOf = async (reportId: string) =>
  (await t.deps.db.select().from(reports).where(eq(reports.id, reportId)))[0]?.status;

describe('evidence rules: the policy setting', () => {
  it('an activity type that requires evidence says so in the catalogue and on the report', async () => {
    const types = (await api.get('/activity-types', w.advisor.headers)).body.items as Json[];
    expect(types.find((x) => x.code === 'internship')?.evidenceRequired).toBe(true);
    expect(types.find((x) => x.code === 'work-experience')?.evidenceRequired).toBeUndefined();
    const rows = await reportWith('internship', 'open');
    const report = (await api.get(`/reports/${rows.report.id}`, w.supplierUser.headers)).body;
    expect(report.activities[0]).toMatchObject({ evidenceCount: 0, evidenceRequired: true });
    await attachPdf(rows.activity.id);
    const after = (await api.get(`/reports/${rows.report.id}`, w.supplierUser.headers)).body;
    expect(after.activities[0]).toMatchObject({ evidenceCount: 1, evidenceRequired: true });
  });

  it('a policy version with evidenceRequired not true or false is refused, naming the field', async () => {
    const admin = await createActor(t.deps.db, { tenantId: w.tenant.id, role: 'municipalityAdmin' });
    const preset = getPreset('amsterdam');
    const res = await api.post('/policies', en(admin.headers), {
      ...preset,
      validFrom: '2030-01-01',
      activityTypes: [{ ...preset.activityTypes[0], evidenceRequired: 'yes' }],
    });
    expect(res.status).toBe(400);
    expect((res.body.invalidParams as Json[]).map((p) => p.name)).toContain(
      'activityTypes.0.evidenceRequired',
    );
  });
});

describe('evidence rules: submitting a report', () => {
  it('refuses an activity whose type requires evidence, in Dutch by default, naming it; nothing changes', async () => {
    const rows = await reportWith('internship', 'open');
    const res = await api.post(`/reports/${rows.report.id}/submission`, w.supplierUser.headers);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toBe(
      '1 van de activiteiten hebben geen bewijsstuk, en het beleid vereist dat voor hun soort; voeg een bewijsstuk toe of verwijder ze voordat u indient.',
    );
    expect(res.body.invalidParams).toEqual([
      {
        name: `activities.${rows.activity.id}`,
        reason: 'heeft geen bewijsstuk, dat het beleid vereist voor internship',
      },
    ]);
    expect(await statusOf(rows.report.id)).toBe('open');
  });

  it('says the same in English when asked', async () => {
    const rows = await reportWith('internship', 'open');
    const res = await api.post(`/reports/${rows.report.id}/submission`, en(w.supplierUser.headers));
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/^1 of the activities have no evidence, and the policy requires it/);
    expect(res.body.invalidParams[0].reason).toBe(
      'has no evidence, which the policy requires for internship',
    );
  });

  it('submits once the evidence is there, without warnings', async () => {
    const rows = await reportWith('internship', 'open');
    await attachPdf(rows.activity.id);
    const res = await api.post(`/reports/${rows.report.id}/submission`, w.supplierUser.headers);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'submitted', evidenceWarnings: [] });
  });

  it('submits an activity without evidence whose type does not require it, with a warning kept in the audit', async () => {
    const rows = await reportWith('work-experience', 'open');
    const res = await api.post(`/reports/${rows.report.id}/submission`, w.supplierUser.headers);
    expect(res.status).toBe(200);
    expect(res.body.evidenceWarnings).toEqual([
      { activityId: rows.activity.id, typeCode: 'work-experience' },
    ]);
    const [entry] = await t.deps.db.select().from(auditLog).where(eq(auditLog.objectId, rows.report.id));
    expect(entry?.details).toMatchObject({ withoutEvidence: 1 });
  });
});

describe('evidence rules: accepting an activity', () => {
  it('refuses to accept an activity without the evidence its type requires; rejecting stays possible', async () => {
    const rows = await reportWith('internship', 'submitted');
    const path = `/activities/${rows.activity.id}/verification`;
    const nl = await api.post(path, w.advisor.headers, { decision: 'accepted' });
    expect(nl.status).toBe(409);
    expect(nl.body.detail).toBe(
      'Deze activiteit heeft geen bewijsstuk, en het beleid vereist dat voor deze soort; vraag om meer informatie of wijs haar af.',
    );
    const english = await api.post(path, en(w.advisor.headers), { decision: 'accepted' });
    expect(english.body.detail).toBe(
      'This activity has no evidence, and the policy requires it for its type; ask for more information or reject it.',
    );
    const [still] = await t.deps.db.select().from(activities).where(eq(activities.id, rows.activity.id));
    expect(still?.verification).toBe('pending');
    const rejected = await api.post(path, w.advisor.headers, {
      decision: 'rejected',
      reason: 'Geen bewijs.',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.body.evidenceWarnings).toEqual([]);
  });

  it('accepts it once the evidence is there', async () => {
    const rows = await reportWith('internship', 'open');
    await attachPdf(rows.activity.id);
    await t.deps.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, rows.report.id));
    const res = await api.post(`/activities/${rows.activity.id}/verification`, w.advisor.headers, {
      decision: 'accepted',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ activity: { verification: 'accepted' }, evidenceWarnings: [] });
  });

  it('accepts an activity without evidence whose type does not require it, with a warning', async () => {
    const rows = await reportWith('work-experience', 'submitted');
    const res = await api.post(`/activities/${rows.activity.id}/verification`, w.advisor.headers, {
      decision: 'accepted',
    });
    expect(res.status).toBe(200);
    expect(res.body.evidenceWarnings).toEqual([
      { activityId: rows.activity.id, typeCode: 'work-experience' },
    ]);
    expect(res.body.report.status).toBe('closed');
  });
});
