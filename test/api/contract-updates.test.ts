/**
 * Advisors change a supplier (name, contacts: the reminder recipients) and a contract (title,
 * contract manager), and list the municipality's contract managers to pick one.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, createSupplierRow, unique } from '../factories.ts';
import { client, countRows, createMunicipality, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let other: Awaited<ReturnType<typeof createMunicipality>>;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  other = await createMunicipality(t.deps.db);
});
afterAll(() => t.close());

async function auditOf(action: string, objectId: string): Promise<Json[]> {
  const result = await t.deps.db.execute(
    sql`select details from audit_log where action = ${action} and object_id = ${objectId} order by id`,
  );
  return (result as unknown as { rows: { details: Json }[] }).rows.map((r) => r.details);
}

const award = async (body: Record<string, unknown> = {}) => {
  const res = await api.post('/contracts', m.advisor.headers, {
    reference: unique('UPD'),
    title: 'Groenonderhoud',
    supplierId: m.supplier.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    ...body,
  });
  expect(res.status).toBe(201);
  return res.body as Json;
};

describe('PATCH /suppliers/{id}', () => {
  it('an advisor changes name and contacts; one audit entry keeps before and after', async () => {
    const supplier = await createSupplierRow(t.deps.db, m.tenant.id, 'Oude Naam B.V.');
    const contacts = [{ name: 'Sanne', email: 'sanne@nieuw.example' }];
    const res = await api.patch(`/suppliers/${supplier.id}`, m.advisor.headers, {
      name: 'Nieuwe Naam B.V.',
      contacts,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Nieuwe Naam B.V.', kvkNumber: supplier.kvkNumber, contacts });
    const read = await api.get(`/suppliers/${supplier.id}`, m.manager.headers);
    expect(read.body).toMatchObject({ name: 'Nieuwe Naam B.V.', contacts });
    const entries = await auditOf('supplier.update', supplier.id);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      before: { name: 'Oude Naam B.V.', contacts: [] },
      after: { name: 'Nieuwe Naam B.V.', contacts },
    });
  });

  it('changing only the contacts keeps the name', async () => {
    const supplier = await createSupplierRow(t.deps.db, m.tenant.id, 'Blijft B.V.');
    const contacts = [{ name: 'Ahmed', email: 'ahmed@blijft.example', phone: '020 123 4567' }];
    const res = await api.patch(`/suppliers/${supplier.id}`, m.advisor.headers, { contacts });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: 'Blijft B.V.', contacts });
  });

  it.each([
    { case: 'an empty body', body: {}, field: 'name' },
    { case: 'a blank name', body: { name: '  ' }, field: 'name' },
    {
      case: 'a contact without email',
      body: { contacts: [{ name: 'A', email: 'nope' }] },
      field: 'contacts.0.email',
    },
    {
      case: 'a contact without name',
      body: { contacts: [{ name: '', email: 'a@b.example' }] },
      field: 'contacts.0.name',
    },
  ])('refuses $case with 400 naming $field, nothing changed', async ({ body, field }) => {
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await api.patch(`/suppliers/${m.supplier.id}`, m.advisor.headers, body);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
    expect((await api.get(`/suppliers/${m.supplier.id}`, m.advisor.headers)).body.name).toBe(m.supplier.name);
  });

  it.each([
    { case: "another municipality's advisor", who: () => other.advisor.headers, status: 404 },
    { case: 'a supplier user of the supplier itself', who: () => m.supplierUser.headers, status: 403 },
    { case: 'a contract manager', who: () => m.manager.headers, status: 403 },
  ])('$case gets $status and changes nothing', async ({ who, status }) => {
    const res = await api.patch(`/suppliers/${m.supplier.id}`, who(), { name: 'Overgenomen' });
    expect(res.status).toBe(status);
    expect((await api.get(`/suppliers/${m.supplier.id}`, m.advisor.headers)).body.name).toBe(m.supplier.name);
  });
});

describe('PATCH /contracts/{id}', () => {
  it('an advisor sets the title and contract manager; the manager then sees the contract', async () => {
    const contract = await award();
    expect((await api.get(`/contracts/${contract.id}`, m.manager.headers)).status).toBe(404);
    const res = await api.patch(`/contracts/${contract.id}`, m.advisor.headers, {
      title: 'Groenonderhoud oost',
      contractManagerId: m.manager.user.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Groenonderhoud oost',
      contractManagerId: m.manager.user.id,
      contractManagerName: m.manager.user.name,
      obligationCents: contract.obligationCents,
      reference: contract.reference,
    });
    expect((await api.get(`/contracts/${contract.id}`, m.manager.headers)).status).toBe(200);
    const entries = await auditOf('contract.update', contract.id);
    expect(entries).toEqual([
      {
        before: { title: 'Groenonderhoud', contractManagerId: null },
        after: { title: 'Groenonderhoud oost', contractManagerId: m.manager.user.id },
      },
    ]);
  });

  it('null takes the contract manager off; the title stays', async () => {
    const contract = await award({ contractManagerId: m.manager.user.id });
    const res = await api.patch(`/contracts/${contract.id}`, m.advisor.headers, { contractManagerId: null });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Groenonderhoud',
      contractManagerId: null,
      contractManagerName: null,
    });
    expect((await api.get(`/contracts/${contract.id}`, m.manager.headers)).status).toBe(404);
  });

  it.each([
    { case: 'an empty body', body: () => ({}), field: 'title' },
    { case: 'a blank title', body: () => ({ title: ' ' }), field: 'title' },
    { case: 'a title beyond 300 characters', body: () => ({ title: 'x'.repeat(301) }), field: 'title' },
    {
      case: 'an advisor as manager',
      body: () => ({ contractManagerId: m.advisor.user.id }),
      field: 'contractManagerId',
    },
    {
      case: "another municipality's manager",
      body: () => ({ contractManagerId: other.manager.user.id }),
      field: 'contractManagerId',
    },
    {
      case: 'a manager id that is no id',
      body: () => ({ contractManagerId: 'nobody' }),
      field: 'contractManagerId',
    },
  ])('refuses $case with 400 naming $field, nothing changed', async ({ body, field }) => {
    const contract = await award();
    const before = await countRows(t.deps.db, m.tenant.id);
    const res = await api.patch(`/contracts/${contract.id}`, m.advisor.headers, body());
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.invalidParams.map((p: { name: string }) => p.name)).toContain(field);
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);
    const read = await api.get(`/contracts/${contract.id}`, m.advisor.headers);
    expect(read.body).toMatchObject({ title: 'Groenonderhoud', contractManagerId: null });
  });

  it.each([
    { case: "another municipality's advisor", who: () => other.advisor.headers, status: 404 },
    { case: 'the municipality admin', who: () => m.admin.headers, status: 403 },
    { case: 'the supplier user', who: () => m.supplierUser.headers, status: 403 },
  ])('$case gets $status and changes nothing', async ({ who, status }) => {
    const contract = await award();
    const res = await api.patch(`/contracts/${contract.id}`, who(), { title: 'Overgenomen' });
    expect(res.status).toBe(status);
    expect((await api.get(`/contracts/${contract.id}`, m.advisor.headers)).body.title).toBe('Groenonderhoud');
  });
});

describe('GET /contract-managers', () => {
  it("lists this municipality's enabled contract managers only", async () => {
    const second = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'contractManager' });
    const disabled = await createActor(t.deps.db, { tenantId: m.tenant.id, role: 'contractManager' });
    await t.deps.db.execute(sql`update memberships set disabled = true where id = ${disabled.membership.id}`);
    for (const who of [m.advisor, m.admin]) {
      const res = await api.get('/contract-managers', who.headers);
      expect(res.status).toBe(200);
      const ids = res.body.items.map((i: { userId: string }) => i.userId);
      expect(ids).toEqual(expect.arrayContaining([m.manager.user.id, second.user.id]));
      expect(ids).not.toContain(disabled.user.id);
      expect(ids).not.toContain(other.manager.user.id);
      expect(ids).not.toContain(m.advisor.user.id);
      expect(res.body.items.find((i: { userId: string }) => i.userId === m.manager.user.id)).toEqual({
        userId: m.manager.user.id,
        name: m.manager.user.name,
        email: m.manager.user.email,
      });
    }
  });

  it.each([
    { case: 'a contract manager', who: () => m.manager.headers },
    { case: 'a supplier user', who: () => m.supplierUser.headers },
  ])('$case gets 403', async ({ who }) => {
    expect((await api.get('/contract-managers', who())).status).toBe(403);
  });
});
