import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.ts';
import { importContracts } from '../../src/app/lifecycle/import-contracts.ts';
import type { ImportContractsInput } from '../../src/app/lifecycle/contract-import-result.ts';
import { execute } from '../../src/app/use-case.ts';
import { getPreset } from '../../src/domain/index.ts';
import { memberships, policyVersions, suppliers } from '../../src/db/schema/index.ts';
import { createActor, createTenant } from '../factories.ts';
import { importContractsPerRow } from '../oracle/import-contracts-per-row.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Decision 029: the set-based contract import gives exactly the answers and the stored rows of the
 * per-row import it replaced (test/oracle), for random files — valid and invalid rows, references
 * twice in a file, references already stored (same or other data), suppliers stored, new, or new
 * without a name, contract managers known or not, CSV and OCDS (with invoiced amounts under a
 * policy on invoiced value) — each file imported into two municipalities set up alike, one by each
 * path, a second file after the first.
 */

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(() => t.close());

/** Identifiers of the pool: the first two are stored before the imports, the others are new. */
const kvkPool = ['10000001', '10000002', '10000003', '10000004'];
const storedSuppliers = [
  { kvkNumber: '10000001', name: 'Bestaand Een B.V.' },
  { kvkNumber: '10000002', name: 'Bestaand Twee B.V.' },
];
const managerEmail = 'manager-equivalence@example.test';

interface Row {
  reference: string;
  title: string;
  key: { scheme: 'NL-KVK' | 'GB-COH'; id: string };
  name: string;
  value: string;
  startDate: string;
  endDate: string;
  awardDate: string;
  maxExtentDate: string;
  kind: '' | 'works' | 'services';
  manager: '' | 'known' | 'unknown';
  invoices: { date: string; euros: number }[];
}

const invoicesArb = fc.array(
  fc.record({
    date: fc.constantFrom('2026-03-01', '2026-09-15', '2027-02-01'),
    euros: fc.constantFrom(10_000, 25_000, 60_000),
  }),
  { maxLength: 3 },
);

/** Any row: every field may be wrong. */
const anyRowArb: fc.Arbitrary<Row> = fc.record({
  reference: fc.constantFrom('R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'),
  title: fc.constantFrom('Groenonderhoud', 'Schoonmaak'),
  key: fc.record({
    scheme: fc.constantFrom('NL-KVK' as const, 'NL-KVK' as const, 'GB-COH' as const),
    id: fc.constantFrom(...kvkPool),
  }),
  name: fc.constantFrom('', 'Nieuw B.V.', ' Spaties B.V. '),
  value: fc.constantFrom('0', '150000', '1250000', '8000000', 'tienduizend'),
  startDate: fc.constantFrom('2026-01-01', '2026-07-01', '2019-03-01', '2026-02-30'),
  endDate: fc.constantFrom('2026-12-31', '2028-06-30', '2025-12-31'),
  awardDate: fc.constantFrom('', '2025-12-15', '2026-08-01', '2019-06-01'),
  maxExtentDate: fc.constantFrom('', '2029-12-31', '2026-01-31'),
  kind: fc.constantFrom('' as const, 'works' as const, 'services' as const),
  manager: fc.constantFrom('' as const, '' as const, 'known' as const, 'unknown' as const),
  invoices: invoicesArb,
});

/** A row that a municipality with a policy from 2020 accepts (its reference may still be taken). */
const validRowArb: fc.Arbitrary<Row> = fc.record({
  reference: fc.constantFrom('R-1', 'R-2', 'R-3', 'R-4', 'R-5', 'R-6'),
  title: fc.constantFrom('Groenonderhoud', 'Schoonmaak'),
  key: fc.record({
    scheme: fc.constantFrom('NL-KVK' as const, 'NL-KVK' as const, 'GB-COH' as const),
    id: fc.constantFrom(...kvkPool),
  }),
  name: fc.constantFrom('Nieuw B.V.', ' Spaties B.V. '),
  value: fc.constantFrom('0', '150000', '1250000', '8000000'),
  startDate: fc.constantFrom('2026-01-01', '2026-07-01'),
  endDate: fc.constantFrom('2026-12-31', '2028-06-30'),
  awardDate: fc.constantFrom('', '2025-12-15', '2026-08-01'),
  maxExtentDate: fc.constantFrom('', '2029-12-31'),
  kind: fc.constantFrom('' as const, 'works' as const, 'services' as const),
  manager: fc.constantFrom('' as const, 'known' as const),
  invoices: invoicesArb,
});

const fileArb = fc.record({
  format: fc.constantFrom('csv' as const, 'ocds' as const),
  rows: fc.oneof(
    {
      weight: 3,
      arbitrary: fc.uniqueArray(validRowArb, { minLength: 1, maxLength: 6, selector: (r) => r.reference }),
    },
    { weight: 1, arbitrary: fc.array(fc.oneof(validRowArb, anyRowArb), { minLength: 1, maxLength: 8 }) },
  ),
});
/** The second file: the first again, the first with other invoiced amounts, or another file. */
const secondArb = fc.oneof(
  fc.constant({ kind: 'same' as const }),
  invoicesArb.map((invoices) => ({ kind: 'invoices' as const, invoices })),
  fileArb.map((file) => ({ kind: 'other' as const, file })),
);
type File = { format: 'csv' | 'ocds'; rows: Row[] };

function csvOf(rows: readonly Row[]): string {
  const head =
    'referentie;titel;kvk-nummer;leverancier;waarde;startdatum;einddatum;gunningsdatum;soort;contractmanager';
  const kinds = { '': '', works: 'werken', services: 'diensten' };
  const email = { '': '', known: managerEmail, unknown: 'nobody@example.test' };
  return [
    head,
    ...rows.map((r) =>
      [
        r.reference,
        r.title,
        r.key.id,
        r.name,
        r.value,
        r.startDate,
        r.endDate,
        r.awardDate,
        kinds[r.kind],
        email[r.manager],
      ].join(';'),
    ),
  ].join('\n');
}

function ocdsOf(rows: readonly Row[]): unknown {
  const amount = (v: string) => (/^\d+$/.test(v) ? Number(v) : v);
  return {
    version: '1.1',
    releases: rows.map((r, i) => ({
      ocid: `ocds-eq-${i}`,
      id: `r${i}`,
      date: '2026-01-01T00:00:00Z',
      tag: ['contract'],
      parties: [
        {
          id: 'P',
          ...(r.name ? { name: r.name } : {}),
          roles: ['supplier'],
          identifier: { scheme: r.key.scheme, id: r.key.id },
        },
      ],
      ...(r.kind ? { tender: { mainProcurementCategory: r.kind } } : {}),
      awards: [{ id: 'a', date: r.awardDate || '2025-12-15', suppliers: [{ id: 'P' }] }],
      contracts: [
        {
          id: r.reference,
          awardID: 'a',
          title: r.title,
          value: { amount: amount(r.value), currency: 'EUR' },
          period: {
            startDate: r.startDate,
            endDate: r.endDate,
            ...(r.maxExtentDate ? { maxExtentDate: r.maxExtentDate } : {}),
          },
          implementation: {
            transactions: r.invoices.map((inv, k) => ({
              id: `t${k}`,
              date: inv.date,
              value: { amount: inv.euros, currency: 'EUR' },
            })),
          },
        },
      ],
    })),
  };
}

function inputOf(file: File): ImportContractsInput {
  return file.format === 'csv'
    ? { body: { kind: 'bytes', bytes: new TextEncoder().encode(csvOf(file.rows)) }, dryRun: false }
    : { body: { kind: 'json', value: ocdsOf(file.rows) }, dryRun: false };
}

/** Two municipalities set up alike: the same policy versions, suppliers, advisor and contract manager. */
async function twins(policy: 'plain' | 'two-versions' | 'invoiced') {
  const db = t.deps.db;
  const base = { ...getPreset('amsterdam'), validFrom: '2020-01-01' };
  const first = policy === 'invoiced' ? { ...base, base: 'invoiced' } : base;
  const tenants = [await createTenant(db, { policy: first }), await createTenant(db, { policy: first })];
  const advisor = await createActor(db, { tenantId: tenants[0]!.id, role: 'advisor' });
  const manager = await createActor(db, {
    tenantId: tenants[0]!.id,
    role: 'contractManager',
    email: managerEmail.replace('@', `-${tenants[0]!.id.slice(0, 8)}@`),
  });
  const actors: Actor[] = [];
  for (const [i, tenant] of tenants.entries()) {
    if (policy === 'two-versions')
      await db.insert(policyVersions).values({
        tenantId: tenant.id,
        version: 2,
        validFrom: '2026-06-01',
        policy: { ...getPreset('rotterdam'), validFrom: '2026-06-01' },
      });
    await db.insert(suppliers).values(storedSuppliers.map((s) => ({ ...s, tenantId: tenant.id })));
    if (i === 1) {
      await db.insert(memberships).values({ userId: advisor.user.id, tenantId: tenant.id, role: 'advisor' });
      await db
        .insert(memberships)
        .values({ userId: manager.user.id, tenantId: tenant.id, role: 'contractManager' });
    }
    actors.push({
      userId: advisor.user.id,
      email: advisor.user.email,
      tenantId: tenant.id,
      role: 'advisor',
      membershipId: advisor.membership.id,
      supplierId: null,
      initiativeId: null,
      via: 'token',
      ip: '127.0.0.1',
    });
  }
  return { tenants: tenants.map((x) => x.id), actors, managerEmail: manager.user.email };
}

type Rows = Record<string, unknown>[];
async function select(query: ReturnType<typeof sql>): Promise<Rows> {
  return ((await t.deps.db.execute(query)) as unknown as { rows: Rows }).rows;
}

/**
 * Everything the import stores for a tenant, with the ids made at random replaced by what names
 * them (a contract by its reference, a supplier by its identifier, a policy version by its number).
 * The change notes of portfolio_changes are left out: they note statements, and one statement of
 * 10,000 rows is one note where 10,000 statements were many (decision 029).
 */
async function stored(tenantId: string): Promise<Record<string, Rows>> {
  return {
    suppliers: await select(
      sql`select kvk_number, name, contacts from suppliers where tenant_id = ${tenantId} order by kvk_number`,
    ),
    contracts: await select(sql`
      select c.reference, c.title, s.kvk_number as supplier, c.contract_manager_id, c.kind,
        c.value_cents::text, c.start_date::text, c.end_date::text, c.max_extent_date::text,
        c.award_date::text, p.version as policy_version, c.obligation_cents::text, c.regime,
        c.obligation_rule_id, c.obligation_explanation, c.obligation_explanation_nl
      from contracts c join suppliers s on s.id = c.supplier_id
        join policy_versions p on p.id = c.policy_version_id
      where c.tenant_id = ${tenantId} order by c.reference`),
    reports: await select(sql`
      select c.reference, r.period, r.version, r.status, r.due_date::text, r.revision
      from reports r join contracts c on c.id = r.contract_id
      where r.tenant_id = ${tenantId} order by c.reference, r.period, r.version`),
    invoices: await select(sql`
      select c.reference, i.period, i.amount_cents::text
      from contract_invoices i join contracts c on c.id = i.contract_id
      where i.tenant_id = ${tenantId} order by c.reference, i.period`),
    progressSums: await select(sql`
      select c.reference, p.period, p.category, p.planned_cents::text, p.realised_cents::text,
        p.verified_cents::text
      from progress_sums p join contracts c on c.id = p.contract_id
      where p.tenant_id = ${tenantId} order by c.reference, p.period, p.category`),
    audit: await select(sql`
      select a.actor_user_id, a.actor_label, a.action, a.object_type, a.ip, a.details,
        coalesce(c.reference, s.kvk_number, case when a.object_id = ${tenantId}::text then 'tenant' end,
          a.object_id) as object
      from audit_log a
        left join contracts c on a.object_type = 'contract' and c.id::text = a.object_id
        left join suppliers s on a.object_type = 'supplier' and s.id::text = a.object_id
      where a.tenant_id = ${tenantId} order by a.id`),
  };
}

const runs = Number(process.env.RETOUR_PROPERTY_RUNS ?? 30);

describe('the set-based contract import equals the per-row import (property)', () => {
  it('same answers, errors and stored rows for random files, imported one after another', async () => {
    let saved = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('plain' as const, 'two-versions' as const, 'invoiced' as const),
        fileArb,
        secondArb,
        async (policy, first, next) => {
          const { tenants, actors, managerEmail: email } = await twins(policy);
          const second =
            next.kind === 'same'
              ? first
              : next.kind === 'invoices'
                ? { ...first, rows: first.rows.map((r) => ({ ...r, invoices: next.invoices })) }
                : next.file;
          for (const file of [first, second]) {
            const input = inputOf(file);
            // the file names the manager of these twins
            if (input.body.kind === 'bytes')
              input.body.bytes = new TextEncoder().encode(
                new TextDecoder().decode(input.body.bytes).replaceAll(managerEmail, email),
              );
            const oracle = await execute(importContractsPerRow, t.deps, actors[0]!, input);
            const fast = await execute(importContracts, t.deps, actors[1]!, input);
            expect(fast).toEqual(oracle);
            expect(await stored(tenants[1]!)).toEqual(await stored(tenants[0]!));
            if (oracle.errors.length === 0 && (oracle.created > 0 || oracle.unchanged > 0)) saved++;
          }
        },
      ),
      { numRuns: runs },
    );
    // the property is about saved files too, not only refused ones
    expect(saved).toBeGreaterThan(runs / 2);
  }, 300_000);
});
