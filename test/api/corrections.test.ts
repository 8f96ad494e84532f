import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unique } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { samplePdf } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Corrections after closing: the copies keep their evidence; a correction that drops an accepted
 * activity goes back to the advisor instead of closing on submit; one that only adds waits for the
 * new activity alone.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let contractId: string;
const bytes = samplePdf('arbeidsovereenkomst');

const activitiesOf = async (reportId: string) =>
  (await api.get(`/reports/${reportId}`, m.advisor.headers)).body.activities as Json[];
const evidenceOf = async (activityId: string) =>
  (await api.get(`/activities/${activityId}/evidence`, m.advisor.headers)).body.items as Json[];

async function closedReport(period: string) {
  t.setNow('2026-03-01T09:00:00Z');
  const ids: string[] = [];
  for (const body of [
    { typeCode: 'internship', period, units: 1 },
    { typeCode: 'initiative-hours', period, hours: 10 },
  ]) {
    const res = await api.post(`/contracts/${contractId}/activities`, m.supplierUser.headers, body);
    expect(res.status).toBe(201);
    ids.push(res.body.id);
  }
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], 'overeenkomst.pdf'));
  const up = await t.app.request(`/api/v1/activities/${ids[0]}/evidence`, {
    method: 'POST',
    headers: { Authorization: m.supplierUser.headers.Authorization },
    body: form,
  });
  expect(up.status).toBe(201);
  const reports = await api.get(`/contracts/${contractId}/reports`, m.advisor.headers);
  const reportId = reports.body.items.find((r: Json) => r.period === period).id as string;
  t.setNow('2026-07-02T09:00:00Z');
  expect((await api.post(`/reports/${reportId}/submission`, m.supplierUser.headers)).status).toBe(200);
  for (const id of ids)
    await api.post(`/activities/${id}/verification`, m.advisor.headers, { decision: 'accepted' });
  const closed = await api.get(`/reports/${reportId}`, m.advisor.headers);
  expect(closed.body.status).toBe('closed');
  const correction = await api.post(`/reports/${reportId}/corrections`, m.supplierUser.headers);
  expect(correction.status).toBe(201);
  return { original: ids, v2: correction.body.id as string };
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  t.setNow('2026-01-10T09:00:00Z');
  const award = await api.post('/contracts', m.advisor.headers, {
    reference: unique('CORR'),
    title: 'Onderhoud fietspaden',
    supplierId: m.supplier.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
  contractId = award.body.id;
});
afterAll(() => t.close());

describe('a correction', () => {
  let v2: string;
  let original: string[];
  it('copies the activities with their evidence, readable and downloadable from the copy', async () => {
    ({ v2, original } = await closedReport('2026-H1'));
    const copies = await activitiesOf(v2);
    expect(copies.map((a) => [a.typeCode, a.verification])).toEqual([
      ['internship', 'accepted'],
      ['initiative-hours', 'accepted'],
    ]);
    const files = await evidenceOf(copies[0].id);
    expect(files.map((f) => f.filename)).toEqual(['overeenkomst.pdf']);
    const download = await t.app.request(`/api/v1/evidence/${files[0].id}`, {
      headers: { Authorization: m.supplierUser.headers.Authorization },
    });
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
    // The closed version keeps its own evidence.
    expect((await evidenceOf(original[0] as string)).map((f) => f.filename)).toEqual(['overeenkomst.pdf']);
  });

  it('that drops an accepted activity goes back to the advisor on submit, not closed', async () => {
    const copies = await activitiesOf(v2);
    expect((await api.del(`/activities/${copies[1].id}`, m.supplierUser.headers)).status).toBe(204);
    const submitted = await api.post(`/reports/${v2}/submission`, m.supplierUser.headers);
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('submitted');
    const left = await activitiesOf(v2);
    expect(left.map((a) => a.verification)).toEqual(['pending']);
    // Removing the copy left the original's evidence file in place.
    const stillThere = await t.app.request(
      `/api/v1/evidence/${(await evidenceOf(original[0] as string))[0].id}`,
      {
        headers: { Authorization: m.advisor.headers.Authorization },
      },
    );
    expect(stillThere.status).toBe(200);
    const accepted = await api.post(`/activities/${left[0].id}/verification`, m.advisor.headers, {
      decision: 'accepted',
    });
    expect(accepted.body.report.status).toBe('closed');
  });

  it('that keeps every accepted activity and changes nothing closes on submit', async () => {
    const next = await api.post(`/reports/${v2}/corrections`, m.supplierUser.headers);
    expect(next.status).toBe(201);
    const submitted = await api.post(`/reports/${next.body.id}/submission`, m.supplierUser.headers);
    expect(submitted.body.status).toBe('closed');
  });
});
