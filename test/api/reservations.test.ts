import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContractRows, createSupplierRow } from '../factories.ts';
import { client, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let contractId: string;
const json = { 'Content-Type': 'application/json' };

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  ({
    contract: { id: contractId },
  } = await createContractRows(t.deps.db, {
    tenantId: m.tenant.id,
    supplierId: m.supplier.id,
  }));
});
afterAll(() => t.close());

describe('reserved contracts (voorbehouden opdrachten)', () => {
  it('an advisor marks a contract reserved; contract and supplier profile show the condition and its validity', async () => {
    const before = await api.get(`/contracts/${contractId}/reservation`, m.supplierUser.headers);
    expect(before.body).toEqual({ reservation: null });
    const put = await api.put(
      `/contracts/${contractId}/reservation`,
      { ...json, ...m.advisor.headers },
      { basis: 'pso30plus', reference: 'PSO-30-1234', validFrom: '2026-01-01', validTo: '2026-10-31' },
    );
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    // the test clock stands at 2026-11-23: the certificate has lapsed
    expect(put.body).toMatchObject({ basis: 'pso30plus', validTo: '2026-10-31', validToday: false });
    const renewed = await api.put(
      `/contracts/${contractId}/reservation`,
      { ...json, ...m.advisor.headers },
      { basis: 'targetGroupShare', shareBp: 3_500, validFrom: '2026-01-01', validTo: '2027-12-31' },
    );
    expect(renewed.body).toMatchObject({ basis: 'targetGroupShare', shareBp: 3_500, validToday: true });
    const onContract = await api.get(`/contracts/${contractId}/reservation`, m.supplierUser.headers);
    expect(onContract.body.reservation).toMatchObject({ basis: 'targetGroupShare', validTo: '2027-12-31' });
    const profile = await api.get(`/suppliers/${m.supplier.id}/eligibility`, m.supplierUser.headers);
    expect(profile.body.items).toHaveLength(1);
    expect(profile.body.items[0]).toMatchObject({ contractId, shareBp: 3_500, validToday: true });
    const log = await api.get('/audit-log', m.admin.headers);
    expect(log.body.items.filter((e: Json) => e.action === 'contract.reservation.record')).toHaveLength(2);
    expect((await api.del(`/contracts/${contractId}/reservation`, m.advisor.headers)).status).toBe(204);
    expect(
      (await api.get(`/contracts/${contractId}/reservation`, m.advisor.headers)).body.reservation,
    ).toBeNull();
  });

  it.each([
    { case: 'a share below 30%', body: { basis: 'targetGroupShare', shareBp: 2_999 }, field: 'shareBp' },
    { case: 'a stated share without the share', body: { basis: 'targetGroupShare' }, field: 'shareBp' },
    { case: 'an unknown basis', body: { basis: 'pso2' }, field: 'basis' },
    {
      case: 'validTo before validFrom',
      body: { basis: 'pso30plus', validTo: '2025-12-31' },
      field: 'validTo',
    },
  ])('400 naming the field: $case', async ({ body, field }) => {
    const res = await api.put(
      `/contracts/${contractId}/reservation`,
      { ...json, ...m.advisor.headers },
      { validFrom: '2026-01-01', validTo: '2026-12-31', ...body },
    );
    expect(res.status).toBe(400);
    expect(res.body.invalidParams.map((p: Json) => p.name)).toContain(field);
  });

  it("another supplier's user does not see the profile", async () => {
    const other = await createSupplierRow(t.deps.db, m.tenant.id);
    expect((await api.get(`/suppliers/${other.id}/eligibility`, m.supplierUser.headers)).status).toBe(404);
  });
});
