import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, createContractRows, createSupplierRow, createTenant } from '../factories.ts';
import { samplePdf, samplePng } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let supplier: Awaited<ReturnType<typeof createActor>>;
let activityId: string;

beforeAll(async () => {
  t = await createTestApp();
  const tenant = await createTenant(t.deps.db);
  const row = await createSupplierRow(t.deps.db, tenant.id);
  supplier = await createActor(t.deps.db, { tenantId: tenant.id, role: 'supplier', supplierId: row.id });
  activityId = (await createContractRows(t.deps.db, { tenantId: tenant.id, supplierId: row.id })).activity.id;
});
afterAll(() => t.close());

async function upload(name: string, bytes: Uint8Array) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'text/html' }));
  const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, {
    method: 'POST',
    headers: { Authorization: supplier.headers.Authorization },
    body: form,
  });
  return res;
}

describe('evidence names follow the content', () => {
  it.each([
    { name: 'evil.html', bytes: samplePdf(), stored: 'evil.pdf', type: 'application/pdf' },
    { name: 'evil.svg', bytes: samplePng(), stored: 'evil.png', type: 'image/png' },
    { name: 'cv\u202efdp.exe', bytes: samplePdf(), stored: 'cvfdp.pdf', type: 'application/pdf' },
    { name: 'rapport\u200f\u2066.PDF', bytes: samplePdf(), stored: 'rapport.PDF', type: 'application/pdf' },
    { name: 'geen-extensie', bytes: samplePng(), stored: 'geen-extensie.png', type: 'image/png' },
  ])('$name holding $type is stored as $stored', async ({ name, bytes, stored, type }) => {
    const res = await upload(name, bytes);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; filename: string; mediaType: string };
    expect(body).toMatchObject({ filename: stored, mediaType: type });
    const download = await t.app.request(`/api/v1/evidence/${body.id}`, {
      headers: { Authorization: supplier.headers.Authorization },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('Content-Type')).toBe(type);
    expect(download.headers.get('Content-Disposition')).toMatch(/^attachment; filename="/);
    expect(download.headers.get('Content-Disposition')).toContain(encodeURIComponent(stored));
    expect(download.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });
});
