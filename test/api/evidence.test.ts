import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, evidenceFiles, reports } from '../../src/db/schema/index.ts';
import { purgeExpiredEvidence, sweepOrphanFiles } from '../../src/app/evidence/purge-expired-evidence.ts';
import { createActor, createContractRows, createSupplierRow, createTenant } from '../factories.ts';
import { sampleDocx, sampleGif, samplePdf, samplePlainZip, samplePng } from '../sample-files.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let tenantId: string;
let other: { tenantId: string; advisor: Auth };
type Auth = { Authorization: string };
const actors = {} as Record<'supplier' | 'otherSupplier' | 'advisor' | 'admin' | 'manager', Auth>;
let activityId: string;
let reportId: string;

const auth = (a: { headers: { Authorization: string } }): Auth => ({
  Authorization: a.headers.Authorization,
});

function upload(who: Auth, activity: string, bytes: Uint8Array, name: string) {
  const form = new FormData();
  form.set('file', new File([bytes as Uint8Array<ArrayBuffer>], name, { type: 'application/octet-stream' }));
  return t.app.request(`/api/v1/activities/${activity}/evidence`, {
    method: 'POST',
    headers: who,
    body: form,
  });
}

beforeAll(async () => {
  t = await createTestApp({ maxUploadBytes: 200_000 });
  const tenant = await createTenant(t.deps.db);
  tenantId = tenant.id;
  const supplier = await createSupplierRow(t.deps.db, tenantId);
  const otherSupplier = await createSupplierRow(t.deps.db, tenantId);
  const manager = await createActor(t.deps.db, { tenantId, role: 'contractManager' });
  actors.supplier = auth(
    await createActor(t.deps.db, { tenantId, role: 'supplier', supplierId: supplier.id }),
  );
  actors.otherSupplier = auth(
    await createActor(t.deps.db, { tenantId, role: 'supplier', supplierId: otherSupplier.id }),
  );
  actors.advisor = auth(await createActor(t.deps.db, { tenantId, role: 'advisor' }));
  actors.admin = auth(await createActor(t.deps.db, { tenantId, role: 'municipalityAdmin' }));
  actors.manager = auth(manager);
  const rows = await createContractRows(t.deps.db, {
    tenantId,
    supplierId: supplier.id,
    contractManagerId: manager.user.id,
  });
  activityId = rows.activity.id;
  reportId = rows.report.id;
  const otherTenant = await createTenant(t.deps.db);
  other = {
    tenantId: otherTenant.id,
    advisor: auth(await createActor(t.deps.db, { tenantId: otherTenant.id, role: 'advisor' })),
  };
});
afterAll(() => t.close());

describe('evidence upload', () => {
  it('stores a PDF and answers 201 with its metadata, one audit entry', async () => {
    const bytes = samplePdf('upload 1');
    const res = await upload(actors.supplier, activityId, bytes, 'loonstrook jan.pdf');
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; sha256: string; sizeBytes: number };
    expect(body).toMatchObject({
      filename: 'loonstrook jan.pdf',
      mediaType: 'application/pdf',
      sizeBytes: bytes.length,
    });
    expect(body.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(existsSync(join(t.deps.config.filesDir, body.sha256.slice(0, 2), body.sha256))).toBe(true);
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.upload'), eq(auditLog.objectId, body.id)));
    expect(audit).toHaveLength(1);
  });

  it.each([
    { case: 'the advisor', who: 'advisor' as const, status: 201 },
    { case: 'the supplier of another contract', who: 'otherSupplier' as const, status: 404 },
    { case: 'a contract manager', who: 'manager' as const, status: 403 },
  ])('is answered $status for $case', async ({ who, status }) => {
    const res = await upload(actors[who], activityId, samplePng(), 'scan.png');
    expect(res.status).toBe(status);
  });

  it('is 404 for an advisor of another municipality and for unknown ids', async () => {
    expect((await upload(other.advisor, activityId, samplePdf(), 'x.pdf')).status).toBe(404);
    expect(
      (await upload(actors.advisor, '00000000-0000-4000-8000-000000000000', samplePdf(), 'x.pdf')).status,
    ).toBe(404);
    expect((await upload(actors.advisor, 'not-a-uuid', samplePdf(), 'x.pdf')).status).toBe(404);
  });

  it('is 401 without a token', async () => {
    expect((await upload({} as Auth, activityId, samplePdf(), 'x.pdf')).status).toBe(401);
  });

  it.each([
    { case: 'text named .pdf', bytes: new TextEncoder().encode('just text'), name: 'x.pdf' },
    { case: 'a GIF', bytes: sampleGif(), name: 'x.gif' },
    { case: 'a plain zip named .docx', bytes: samplePlainZip(), name: 'x.docx' },
    { case: 'a DOCX named .xlsx', bytes: sampleDocx(), name: 'x.xlsx' },
  ])('refuses $case with 415 and stores nothing', async ({ bytes, name }) => {
    const before = await t.deps.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.activityId, activityId));
    const res = await upload(actors.supplier, activityId, bytes, name);
    expect(res.status).toBe(415);
    expect(res.headers.get('Content-Type')).toBe('application/problem+json');
    const after = await t.deps.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.activityId, activityId));
    expect(after).toHaveLength(before.length);
  });

  it('refuses a file over the limit with 413', async () => {
    const big = new Uint8Array(200_001);
    big.set(samplePdf());
    const res = await upload(actors.supplier, activityId, big, 'big.pdf');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ status: 413 });
  });

  it('refuses a body far over the limit with 413 before reading it all', async () => {
    const res = await upload(actors.supplier, activityId, new Uint8Array(1_000_000), 'huge.pdf');
    expect(res.status).toBe(413);
  });

  it('accepts a DOCX named .docx', async () => {
    const res = await upload(actors.supplier, activityId, sampleDocx(), 'contract.docx');
    expect(res.status).toBe(201);
  });

  it('is 400 without a file field', async () => {
    const form = new FormData();
    form.set('other', 'x');
    const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, {
      method: 'POST',
      headers: actors.supplier,
      body: form,
    });
    expect(res.status).toBe(400);
  });
});

describe('evidence list and download', () => {
  let evidenceId: string;
  const bytes = samplePdf('download me');
  beforeAll(async () => {
    const res = await upload(actors.supplier, activityId, bytes, 'Überstunden "report".pdf');
    evidenceId = ((await res.json()) as { id: string }).id;
  });

  it('lists the files of the activity', async () => {
    const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, { headers: actors.advisor });
    expect(res.status).toBe(200);
    const { items } = (await res.json()) as { items: { id: string }[] };
    expect(items.map((i) => i.id)).toContain(evidenceId);
  });

  it.each([
    { case: 'the supplier of the contract', who: 'supplier' as const, status: 200 },
    { case: 'an advisor', who: 'advisor' as const, status: 200 },
    {
      case: 'the municipality admin (domain.md §8: supplier and advisors only)',
      who: 'admin' as const,
      status: 403,
    },
    { case: 'the contract manager (evidence may hold personal data)', who: 'manager' as const, status: 403 },
    { case: 'another supplier', who: 'otherSupplier' as const, status: 404 },
  ])('download is $status for $case', async ({ who, status }) => {
    const res = await t.app.request(`/api/v1/evidence/${evidenceId}`, { headers: actors[who] });
    expect(res.status).toBe(status);
    if (status === 200) {
      expect(res.headers.get('Content-Type')).toBe('application/pdf');
      expect(res.headers.get('X-Content-Type-Options')).toBe('nosniff');
      expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="/);
      expect(res.headers.get('Content-Disposition')).toContain("filename*=UTF-8''%C3%9Cberstunden");
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
    }
  });

  it.each([
    { case: 'the supplier of the contract', who: 'supplier' as const, status: 200 },
    { case: 'an advisor', who: 'advisor' as const, status: 200 },
    { case: 'the municipality admin', who: 'admin' as const, status: 403 },
    { case: 'the contract manager', who: 'manager' as const, status: 403 },
  ])('the list is $status for $case', async ({ who, status }) => {
    const res = await t.app.request(`/api/v1/activities/${activityId}/evidence`, { headers: actors[who] });
    expect(res.status).toBe(status);
  });

  it('list and download are 404 across tenants', async () => {
    expect((await t.app.request(`/api/v1/evidence/${evidenceId}`, { headers: other.advisor })).status).toBe(
      404,
    );
    expect(
      (await t.app.request(`/api/v1/activities/${activityId}/evidence`, { headers: other.advisor })).status,
    ).toBe(404);
    expect(
      (await t.app.request(`/api/v1/activities/${activityId}/evidence`, { headers: actors.otherSupplier }))
        .status,
    ).toBe(404);
  });
});

describe('evidence delete', () => {
  it('removes the row and the bytes while the report is open', async () => {
    const bytes = samplePdf('to be deleted');
    const created = (await (await upload(actors.supplier, activityId, bytes, 'weg.pdf')).json()) as {
      id: string;
      sha256: string;
    };
    const path = join(t.deps.config.filesDir, created.sha256.slice(0, 2), created.sha256);
    expect(
      (
        await t.app.request(`/api/v1/evidence/${created.id}`, {
          method: 'DELETE',
          headers: actors.otherSupplier,
        })
      ).status,
    ).toBe(404);
    const res = await t.app.request(`/api/v1/evidence/${created.id}`, {
      method: 'DELETE',
      headers: actors.supplier,
    });
    expect(res.status).toBe(204);
    expect(existsSync(path)).toBe(false);
    expect((await t.app.request(`/api/v1/evidence/${created.id}`, { headers: actors.supplier })).status).toBe(
      404,
    );
  });

  it('keeps the bytes while another row still holds the same content', async () => {
    const bytes = samplePdf('shared content');
    const a = (await (await upload(actors.supplier, activityId, bytes, 'a.pdf')).json()) as {
      id: string;
      sha256: string;
    };
    const b = (await (await upload(actors.advisor, activityId, bytes, 'b.pdf')).json()) as { id: string };
    await t.app.request(`/api/v1/evidence/${a.id}`, { method: 'DELETE', headers: actors.supplier });
    const res = await t.app.request(`/api/v1/evidence/${b.id}`, { headers: actors.supplier });
    expect(res.status).toBe(200);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
  });

  it('is 409 once the report is submitted, for delete and upload', async () => {
    const created = (await (
      await upload(actors.supplier, activityId, samplePdf('late'), 'laat.pdf')
    ).json()) as { id: string };
    await t.deps.db.update(reports).set({ status: 'submitted' }).where(eq(reports.id, reportId));
    try {
      const res = await t.app.request(`/api/v1/evidence/${created.id}`, {
        method: 'DELETE',
        headers: actors.supplier,
      });
      expect(res.status).toBe(409);
      expect((await upload(actors.supplier, activityId, samplePdf('later'), 'later.pdf')).status).toBe(409);
    } finally {
      await t.deps.db.update(reports).set({ status: 'open' }).where(eq(reports.id, reportId));
    }
  });
});

describe('evidence retention', () => {
  it('purges evidence of contracts ended longer ago than retentionYears, and only those', async () => {
    const supplier = await createSupplierRow(t.deps.db, tenantId);
    const supplierAuth = auth(
      await createActor(t.deps.db, { tenantId, role: 'supplier', supplierId: supplier.id }),
    );
    const old = await createContractRows(t.deps.db, {
      tenantId,
      supplierId: supplier.id,
      startDate: '2015-01-01',
      endDate: '2016-12-31',
      period: '2016-H2',
      dueDate: '2017-01-31',
    });
    const current = await createContractRows(t.deps.db, { tenantId, supplierId: supplier.id });
    const oldFile = (await (
      await upload(supplierAuth, old.activity.id, samplePdf('old'), 'oud.pdf')
    ).json()) as {
      id: string;
      sha256: string;
    };
    const newFile = (await (
      await upload(supplierAuth, current.activity.id, samplePdf('new'), 'nieuw.pdf')
    ).json()) as {
      id: string;
    };
    // Ended 2016-12-31 + 7 years = 2023-12-31: still kept on that day, purged the day after.
    expect((await purgeExpiredEvidence(t.deps, '2023-12-31', { onlyTenantId: tenantId })).purged).toBe(0);
    const result = await purgeExpiredEvidence(t.deps, '2024-01-01', { onlyTenantId: tenantId });
    expect(result.purged).toBe(1);
    const left = await t.deps.db.select().from(evidenceFiles).where(eq(evidenceFiles.id, oldFile.id));
    expect(left).toHaveLength(0);
    expect(existsSync(join(t.deps.config.filesDir, oldFile.sha256.slice(0, 2), oldFile.sha256))).toBe(false);
    expect((await t.app.request(`/api/v1/evidence/${newFile.id}`, { headers: supplierAuth })).status).toBe(
      200,
    );
    const audit = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'evidence.purge'), eq(auditLog.objectId, oldFile.id)));
    expect(audit).toHaveLength(1);
  });

  it('sweeps stored bytes no row refers to, once they are old enough', async () => {
    const { evidenceStore } = await import('../../src/app/evidence/evidence-store.ts');
    const stored = await evidenceStore(t.deps).put(samplePdf('orphan'));
    const fan = join(t.deps.config.filesDir, stored.sha256.slice(0, 2));
    expect((await sweepOrphanFiles(t.deps, new Date())).removed).toBe(0);
    expect(readdirSync(fan)).toContain(stored.sha256);
    await sweepOrphanFiles(t.deps, new Date(Date.now() + 2 * 3_600_000));
    expect(existsSync(join(fan, stored.sha256))).toBe(false);
    // Files that rows refer to survive the sweep (this file's own rows: PostgreSQL is shared between files).
    const [row] = await t.deps.db
      .select()
      .from(evidenceFiles)
      .where(eq(evidenceFiles.tenantId, tenantId))
      .limit(1);
    if (row) expect(existsSync(join(t.deps.config.filesDir, row.storageKey))).toBe(true);
  });
});

describe('evidence upload when the database write fails', () => {
  it('leaves neither a row nor the bytes behind', async () => {
    const { actorForApiToken } = await import('../../src/app/identity/api-token-actor.ts');
    const { execute } = await import('../../src/app/use-case.ts');
    const { uploadEvidence } = await import('../../src/app/evidence/upload-evidence.ts');
    const token = actors.supplier.Authorization.replace('Bearer ', '');
    const actor = await actorForApiToken(t.deps, token, null);
    if (!actor) throw new Error('no actor');
    const db = t.deps.db;
    // The same database, but every transaction rolls back after its work: as if the commit failed.
    const failingDb = Object.create(db) as typeof db;
    failingDb.transaction = ((fn: (tx: unknown) => Promise<unknown>) =>
      db.transaction(async (tx) => {
        await fn(tx);
        throw new Error('commit failed');
      })) as typeof db.transaction;
    const bytes = samplePdf('never committed');
    await expect(
      execute(uploadEvidence, { ...t.deps, db: failingDb }, actor, { activityId, filename: 'x.pdf', bytes }),
    ).rejects.toThrow('commit failed');
    const { sha256Hex } = await import('../../src/files/file-store.ts');
    const sha = sha256Hex(bytes);
    expect(await db.select().from(evidenceFiles).where(eq(evidenceFiles.sha256, sha))).toHaveLength(0);
    expect(existsSync(join(t.deps.config.filesDir, sha.slice(0, 2), sha))).toBe(false);
  });
});

describe('evidence of a removed activity', () => {
  it('removeEvidenceOfActivity drops rows and unshared bytes inside the caller transaction', async () => {
    const { removeEvidenceOfActivity } = await import('../../src/app/evidence/remove-activity-evidence.ts');
    const supplier = await createSupplierRow(t.deps.db, tenantId);
    const who = auth(await createActor(t.deps.db, { tenantId, role: 'supplier', supplierId: supplier.id }));
    const { activity } = await createContractRows(t.deps.db, { tenantId, supplierId: supplier.id });
    const file = (await (await upload(who, activity.id, samplePdf('with activity'), 'a.pdf')).json()) as {
      id: string;
      sha256: string;
    };
    const removed = await t.deps.db.transaction((tx) =>
      removeEvidenceOfActivity(tx, t.deps, tenantId, activity.id),
    );
    expect(removed).toEqual([file.id]);
    expect(existsSync(join(t.deps.config.filesDir, file.sha256.slice(0, 2), file.sha256))).toBe(false);
  });
});

describe('evidence under concurrency (PostgreSQL)', () => {
  it('an upload and a delete of the same content at once never leave a row without its bytes', async (ctx) => {
    if (t.database.kind !== 'postgres') ctx.skip();
    const bytes = samplePdf('raced content');
    for (let round = 0; round < 5; round += 1) {
      const first = (await (await upload(actors.supplier, activityId, bytes, 'r1.pdf')).json()) as {
        id: string;
      };
      const [deleted, second] = await Promise.all([
        t.app.request(`/api/v1/evidence/${first.id}`, { method: 'DELETE', headers: actors.supplier }),
        upload(actors.advisor, activityId, bytes, 'r2.pdf'),
      ]);
      expect(deleted.status).toBe(204);
      expect(second.status).toBe(201);
      const { id } = (await second.json()) as { id: string };
      const res = await t.app.request(`/api/v1/evidence/${id}`, { headers: actors.supplier });
      expect(res.status).toBe(200);
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(bytes);
      await t.app.request(`/api/v1/evidence/${id}`, { method: 'DELETE', headers: actors.supplier });
    }
  });
});
