import { sql } from 'drizzle-orm';
import { getPreset } from '../src/domain/index.ts';
import type { Db } from '../src/db/client.ts';
import { createActor, createSupplierRow, createTenant } from './factories.ts';
import type { TestApp } from './test-app.ts';

export type Headers = Record<string, string>;
/** Answers are read loosely in tests; each test asserts the fields it needs. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

/**
 * A municipality with the Amsterdam preset in force from 2020, an advisor, a municipality admin,
 * a contract manager, and one supplier with a supplier user.
 */
export async function createMunicipality(db: Db) {
  const tenant = await createTenant(db, { policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01' } });
  const supplier = await createSupplierRow(db, tenant.id);
  const [advisor, admin, manager, supplierUser] = await Promise.all([
    createActor(db, { tenantId: tenant.id, role: 'advisor' }),
    createActor(db, { tenantId: tenant.id, role: 'municipalityAdmin' }),
    createActor(db, { tenantId: tenant.id, role: 'contractManager' }),
    createActor(db, { tenantId: tenant.id, role: 'supplier', supplierId: supplier.id }),
  ]);
  return { tenant, supplier, advisor, admin, manager, supplierUser };
}

/** JSON requests against the test app. */
export function client(t: TestApp) {
  const send = async (method: string, path: string, headers: Headers, body?: unknown) => {
    const res = await t.app.request(`/api/v1${path}`, {
      method,
      headers,
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : null) as Json, headers: res.headers };
  };
  return {
    get: (path: string, headers: Headers) => send('GET', path, headers),
    post: (path: string, headers: Headers, body: unknown = {}) => send('POST', path, headers, body),
    put: (path: string, headers: Headers, body: unknown) => send('PUT', path, headers, body),
    patch: (path: string, headers: Headers, body: unknown) => send('PATCH', path, headers, body),
    del: (path: string, headers: Headers) => send('DELETE', path, headers),
  };
}

/**
 * Row counts of the lifecycle tables and the audit log: a refused write changes none of them.
 * The daily "API token used" entry is not a write of the request, so it is left out.
 */
export async function countRows(db: Db, tenantId: string): Promise<Record<string, number>> {
  const tables = [
    'suppliers',
    'contracts',
    'contract_extensions',
    'intakes',
    'plans',
    'plan_versions',
    'reports',
    'activities',
    'notifications',
    'audit_log',
  ];
  const out: Record<string, number> = {};
  for (const table of tables) {
    const notTokenUse = table === 'audit_log' ? sql` and action <> 'apiToken.use'` : sql``;
    const result = await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where tenant_id = ${tenantId}${notTokenUse}`,
    );
    out[table] = Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n ?? 0);
  }
  return out;
}
