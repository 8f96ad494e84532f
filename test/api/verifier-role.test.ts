import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../src/db/schema/index.ts';
import { createActor, createContractRows } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { samplePdf } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

// The independent verifier (issue 16, decision 024): a user with the role `verifier` reads only the
// contracts assigned to them and accepts or rejects their activities; nothing else. The advisor or
// the municipality admin assigns them. The authorization matrix covers every endpoint; this file
// follows one verifier through their work.

let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let verifier: Awaited<ReturnType<typeof createActor>>;
let assigned: Awaited<ReturnType<typeof createContractRows>>;
let other: Awaited<ReturnType<typeof createContractRows>>;

async function attachPdf(activityId: string) {
  const form = new FormData();
  form.set('file', new File([samplePdf() as Uint8Array<ArrayBuffer>], 'bewijs.pdf'));
  const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, {
    method: 'POST',
    headers: { Authorization: m.supplierUser.headers.Authorization },
    body: form,
  });
  expect(res.status).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  verifier = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'verifier' });
  const rows = { tenantId: m.tenant.id, supplierId: m.supplier.id, reportStatus: 'open' as const };
  assigned = await createContractRows(t.deps.db, rows);
  other = await createContractRows(t.deps.db, rows);
});
afterAll(() => t.close());

describe('independent verifier', () => {
  it('is assigned by the advisor, only when they are a verifier of this municipality', async () => {
    const path = `/contracts/${assigned.contract.id}/verifiers`;
    const before = (await api.get(path, m.advisor.headers)).body;
    expect(before.items).toEqual([]);
    expect(before.available.map((v: Json) => v.userId)).toContain(verifier.user.id);
    const wrong = await api.post(path, m.advisor.headers, { userId: m.manager.user.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.invalidParams).toEqual([
      { name: 'userId', reason: 'is geen verificateur van deze gemeente' },
    ]);
    const res = await api.post(path, m.advisor.headers, { userId: verifier.user.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ userId: verifier.user.id, email: verifier.user.email });
    expect((await api.post(path, m.admin.headers, { userId: verifier.user.id })).status).toBe(409);
    const after = (await api.get(path, m.admin.headers)).body;
    expect(after.items.map((v: Json) => v.userId)).toEqual([verifier.user.id]);
    expect(after.available.map((v: Json) => v.userId)).not.toContain(verifier.user.id);
  });

  it('reads only the contracts assigned to them, with their reports and evidence', async () => {
    const list = (await api.get('/contracts', verifier.headers)).body;
    expect(list.items.map((c: Json) => c.id)).toEqual([assigned.contract.id]);
    expect((await api.get(`/contracts/${assigned.contract.id}`, verifier.headers)).status).toBe(200);
    expect((await api.get(`/contracts/${other.contract.id}`, verifier.headers)).status).toBe(404);
    expect((await api.get(`/reports/${assigned.report.id}`, verifier.headers)).status).toBe(200);
    expect((await api.get(`/reports/${other.report.id}`, verifier.headers)).status).toBe(404);
    const mine = await attachPdf(assigned.activity.id);
    const theirs = await attachPdf(other.activity.id);
    const files = await api.get(`/activities/${assigned.activity.id}/evidence`, verifier.headers);
    expect(files.body.items.map((f: Json) => f.id)).toEqual([mine]);
    expect((await api.get(`/activities/${other.activity.id}/evidence`, verifier.headers)).status).toBe(404);
    expect((await t.app.request(`/api/v1/evidence/${mine}`, { headers: verifier.headers })).status).toBe(200);
    expect((await t.app.request(`/api/v1/evidence/${theirs}`, { headers: verifier.headers })).status).toBe(
      404,
    );
  });

  it('sees the submitted report in their work queue and accepts its activity; the audit names them', async () => {
    expect((await api.post(`/reports/${assigned.report.id}/submission`, m.supplierUser.headers)).status).toBe(
      200,
    );
    const queue = (await api.get('/work-queue', verifier.headers)).body.items as Json[];
    expect(queue.map((g) => g.kind)).toEqual(['toVerify', 'answered']);
    expect(queue[0].items.map((i: Json) => i.reportId)).toEqual([assigned.report.id]);
    const res = await api.post(`/activities/${assigned.activity.id}/verification`, verifier.headers, {
      decision: 'accepted',
    });
    expect(res.status).toBe(200);
    expect(res.body.report.status).toBe('closed');
    const [entry] = await t.deps.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.objectId, assigned.activity.id));
    expect(entry).toMatchObject({ action: 'activity.verify', actorUserId: verifier.user.id });
  });

  it.each([
    {
      case: 'change the contract',
      method: 'patch',
      path: () => `/contracts/${assigned.contract.id}`,
      body: () => ({ title: 'x' }),
    },
    {
      case: 'record an activity',
      method: 'post',
      path: () => `/contracts/${assigned.contract.id}/activities`,
      body: () => ({ typeCode: 'internship', period: '2026-H1', units: 1 }),
    },
    {
      case: 'assign a verifier',
      method: 'post',
      path: () => `/contracts/${assigned.contract.id}/verifiers`,
      body: () => ({ userId: verifier.user.id }),
    },
    {
      case: 'ask for a correction',
      method: 'post',
      path: () => `/reports/${assigned.report.id}/corrections`,
      body: () => ({}),
    },
    { case: 'read the dashboard', method: 'get', path: () => '/dashboard', body: () => undefined },
    { case: 'list the suppliers', method: 'get', path: () => '/suppliers', body: () => undefined },
  ] as const)('may not $case (403)', async ({ method, path, body }) => {
    const res =
      method === 'get'
        ? await api.get(path(), verifier.headers)
        : method === 'patch'
          ? await api.patch(path(), verifier.headers, body())
          : await api.post(path(), verifier.headers, body());
    expect(res.status).toBe(403);
  });

  it('loses the contract when the assignment ends (and ending it again is fine)', async () => {
    const path = `/contracts/${assigned.contract.id}/verifiers/${verifier.user.id}`;
    expect((await api.del(path, m.advisor.headers)).status).toBe(204);
    expect((await api.del(path, m.advisor.headers)).status).toBe(204);
    expect((await api.get(`/contracts/${assigned.contract.id}`, verifier.headers)).status).toBe(404);
    expect((await api.get('/contracts', verifier.headers)).body.items).toEqual([]);
  });
});
