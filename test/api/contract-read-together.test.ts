import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, createContractRows, createSupplierRow } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

// Reads of one contract asked for at the same time share one query per scope (decision 034): a
// burst of reads by many actors of two municipalities must answer each exactly as a read on its
// own would, never a contract outside the reader's scope.

let t: TestApp;
let api: ReturnType<typeof client>;
let a: Awaited<ReturnType<typeof createMunicipality>>;
let b: Awaited<ReturnType<typeof createMunicipality>>;
let otherSupplierUser: Awaited<ReturnType<typeof createActor>>;
let managed: { id: string };
let ofOtherSupplier: { id: string };
let inB: { id: string };

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  [a, b] = await Promise.all([createMunicipality(t.deps.db), createMunicipality(t.deps.db)]);
  const otherSupplier = await createSupplierRow(t.deps.db, a.tenant.id);
  otherSupplierUser = await createActor(t.deps.db, {
    tenantId: a.tenant.id,
    role: 'supplier',
    supplierId: otherSupplier.id,
  });
  managed = (
    await createContractRows(t.deps.db, {
      tenantId: a.tenant.id,
      supplierId: a.supplier.id,
      contractManagerId: a.manager.user.id,
    })
  ).contract;
  ofOtherSupplier = (
    await createContractRows(t.deps.db, { tenantId: a.tenant.id, supplierId: otherSupplier.id })
  ).contract;
  inB = (await createContractRows(t.deps.db, { tenantId: b.tenant.id, supplierId: b.supplier.id })).contract;
});
afterAll(() => t.close());

describe('contract reads at the same time', () => {
  it('answer each reader within its own scope, as reads one at a time do', async () => {
    const asks: [string, Record<string, string>, string][] = [
      ['advisor A, managed', a.advisor.headers, managed.id],
      ['advisor A, other supplier', a.advisor.headers, ofOtherSupplier.id],
      ['advisor A, of B', a.advisor.headers, inB.id],
      ['admin A, managed (upper case)', a.admin.headers, managed.id.toUpperCase()],
      ['manager A, managed', a.manager.headers, managed.id],
      ['manager A, not managed', a.manager.headers, ofOtherSupplier.id],
      ['supplier A, own', a.supplierUser.headers, managed.id],
      ['supplier A, other supplier', a.supplierUser.headers, ofOtherSupplier.id],
      ['other supplier, own', otherSupplierUser.headers, ofOtherSupplier.id],
      ['other supplier, not own', otherSupplierUser.headers, managed.id],
      ['advisor B, own', b.advisor.headers, inB.id],
      ['advisor B, of A', b.advisor.headers, managed.id],
      ['supplier B, of A', b.supplierUser.headers, managed.id],
    ];
    const alone = new Map<string, { status: number; body: Json }>();
    // one at a time (which also leaves each token's holder remembered for the burst)
    for (const [name, headers, id] of asks) alone.set(name, await api.get(`/contracts/${id}`, headers));
    expect(Object.fromEntries([...alone].map(([name, r]) => [name, r.status]))).toEqual({
      'advisor A, managed': 200,
      'advisor A, other supplier': 200,
      'advisor A, of B': 404,
      'admin A, managed (upper case)': 200,
      'manager A, managed': 200,
      'manager A, not managed': 404,
      'supplier A, own': 200,
      'supplier A, other supplier': 404,
      'other supplier, own': 200,
      'other supplier, not own': 404,
      'advisor B, own': 200,
      'advisor B, of A': 404,
      'supplier B, of A': 404,
    });
    // the same reads, every one three times, all at once
    const burst = await Promise.all(
      [...asks, ...asks, ...asks].map(async ([name, headers, id]) => ({
        name,
        answer: await api.get(`/contracts/${id}`, headers),
      })),
    );
    for (const { name, answer } of burst) {
      const one = alone.get(name);
      expect({ name, status: answer.status, body: answer.body }).toEqual({
        name,
        status: one?.status,
        body: one?.body,
      });
    }
    expect(alone.get('admin A, managed (upper case)')?.body.id).toBe(managed.id);
  });
});
