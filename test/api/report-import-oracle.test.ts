import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/actor.ts';
import { importActivities, type ImportResult } from '../../src/app/lifecycle/import-activities.ts';
import { execute } from '../../src/app/use-case.ts';
import { applyTargetGroupTable, getPreset } from '../../src/domain/index.ts';
import { createActor, createSupplierRow, createTenant, unique } from '../factories.ts';
import { client, type Json } from '../lifecycle-fixtures.ts';
import { importActivitiesRowwise } from '../oracle/import-activities-rowwise.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * The set-based report import (decision 028) against the row-by-row import it replaced (kept in
 * test/oracle): random files of valid and invalid rows, repeated candidates, target groups with a
 * cap on months, FTE near the 1 FTE limit, activities already stored on another contract of the
 * supplier, dry runs and re-imports. Two suppliers of one municipality get the same history; one
 * imports through the oracle, the other through the new path; the answers, the stored rows and the
 * contract's progress must be the same. On PGlite and PostgreSQL like every API test.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let tenantId: string;
let advisorHeaders: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  const policy = {
    ...applyTargetGroupTable(getPreset('amsterdam'), 'oost-nl'),
    validFrom: '2020-01-01',
    minHoursPerWeek: 12,
  };
  const tenant = await createTenant(t.deps.db, { policy });
  tenantId = tenant.id;
  advisorHeaders = (await createActor(t.deps.db, { tenantId, role: 'advisor' })).headers;
  t.setNow('2026-11-23T10:00:00Z');
});
afterAll(() => t.close());

/** A supplier with a user and two contracts: `main` receives the files, `other` holds earlier activities. */
async function world() {
  const supplier = await createSupplierRow(t.deps.db, tenantId);
  const user = await createActor(t.deps.db, { tenantId, role: 'supplier', supplierId: supplier.id });
  const contract = async () => {
    const res = await api.post('/contracts', advisorHeaders, {
      reference: unique('ORC'),
      title: 'Onderhoud groen',
      supplierId: supplier.id,
      valueCents: 125_000_000,
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.id as string;
  };
  const actor: Actor = {
    userId: user.user.id,
    email: user.user.email,
    tenantId,
    role: 'supplier',
    membershipId: user.membership.id,
    supplierId: supplier.id,
    initiativeId: null,
    via: 'token',
    ip: null,
  };
  return {
    supplierId: supplier.id,
    headers: user.headers,
    actor,
    main: await contract(),
    other: await contract(),
  };
}

const codes = ['K1', 'K2', 'K3', 'K4'];
const dutch = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','));

const none = fc.constant(undefined);
const noRow = {
  candidate: none,
  targetGroup: none,
  hoursPerWeek: none,
  fte: none,
  months: none,
  units: none,
};
const candidateArb = fc.constantFrom(...codes, ...codes, ...codes, undefined, '123456782', 'bad code');
/** Mostly rows the form would take, by type, and some anything-goes rows. */
const rowArb = fc.oneof(
  fc.record({
    ...noRow,
    typeCode: fc.constant('job-benefits'),
    candidate: candidateArb,
    fte: fc.constantFrom(0.25, 0.5, 0.5, 0.75, 1, 1.2),
    months: fc.constantFrom(3, 6, 6, 7),
  }),
  fc.record({
    ...noRow,
    typeCode: fc.constant('tg-job'),
    candidate: candidateArb,
    targetGroup: fc.constantFrom('ww-lt1', 'ww-lt1', 'pw-lt2', 'martian', undefined),
    hoursPerWeek: fc.constantFrom(12, 20, 36, 36, 8),
    months: fc.constantFrom(3, 6, 6, 7),
  }),
  fc.record({ ...noRow, typeCode: fc.constant('internship'), units: fc.constantFrom(1, 2, undefined) }),
  fc.record({
    typeCode: fc.constantFrom('job-benefits', 'tg-job', 'internship', 'bbl-place', 'nope'),
    candidate: candidateArb,
    targetGroup: fc.constantFrom(undefined, 'ww-lt1', 'pw-lt2', 'martian'),
    hoursPerWeek: fc.constantFrom(undefined, 12, 36, 8),
    fte: fc.constantFrom(undefined, 0.5, 1, 1.2),
    months: fc.constantFrom(undefined, 3, 6, 7),
    units: fc.constantFrom(undefined, 1, 2),
  }),
);
interface Row {
  typeCode: string;
  candidate: string | undefined;
  targetGroup: string | undefined;
  hoursPerWeek: number | undefined;
  fte: number | undefined;
  months: number | undefined;
  units: number | undefined;
}

const header = 'Soort activiteit;Kandidaat;Doelgroep;Uren per week;FTE;Maanden;Aantal;Omschrijving';
const csvOf = (rows: readonly Row[]) =>
  [
    header,
    ...rows.map((r, i) =>
      [
        r.typeCode,
        r.candidate ?? '',
        r.targetGroup ?? '',
        dutch(r.hoursPerWeek),
        dutch(r.fte),
        dutch(r.months),
        r.units ?? '',
        `regel ${i + 1}`,
      ].join(';'),
    ),
  ].join('\r\n') + '\r\n';

/** An activity typed in the form earlier, on the supplier's other contract (a different half-year too). */
const earlierArb = fc.record({
  tg: fc.boolean(),
  candidate: fc.constantFrom(...codes),
  period: fc.constantFrom('2026-H1', '2026-H2'),
  fte: fc.constantFrom(0.25, 0.5, 0.8),
  targetGroup: fc.constantFrom('ww-lt1', 'pw-lt2'),
  months: fc.constantFrom(3, 6),
});

const caseArb = fc.record({
  earlier: fc.array(earlierArb, { maxLength: 3 }),
  files: fc.array(
    fc.record({
      rows: fc.array(rowArb, { minLength: 1, maxLength: 10 }),
      dryRun: fc.boolean(),
      period: fc.constantFrom('2026-H1', '2026-H1', '2026-H2'),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

/** The supplier's stored activities without what differs by construction (ids, contracts, batches). */
async function stored(w: Awaited<ReturnType<typeof world>>) {
  const result = await t.deps.db.execute(sql`
    select case when a.contract_id = ${w.main} then 'main' else 'other' end as contract,
      a.type_code, a.category, a.method, a.period, a.fte, a.months, a.units, a.hours, a.amount_cents,
      a.valid_from, a.valid_to, a.start_date, a.end_date, a.candidate_code, a.target_group,
      a.candidate_start, a.candidate_end, a.candidate_hours_per_week, a.bonuses, a.counted_months,
      a.description, a.value_cents, a.rule_id, a.explanation, a.explanation_nl, a.verification,
      a.import_batch is not null as imported,
      case when a.import_batch is not null then a.created_at end as created_at,
      r.period as report_period, r.version as report_version
    from activities a join contracts c on c.id = a.contract_id join reports r on r.id = a.report_id
    where a.tenant_id = ${tenantId} and c.supplier_id = ${w.supplierId}`);
  const rows = (result as unknown as { rows: Record<string, unknown>[] }).rows ?? (result as never);
  return rows
    .map((r) => JSON.stringify(r, (_, v: unknown) => (v instanceof Date ? v.toISOString() : v)))
    .sort();
}

async function realised(contractId: string) {
  const res = await api.get(`/contracts/${contractId}/progress`, advisorHeaders);
  expect(res.status).toBe(200);
  return (res.body as Json).realisedCents as number;
}

describe('the set-based report import equals the row-by-row import', () => {
  it('gives the same answers, stored rows and progress for random files, caps and re-imports', async () => {
    await fc.assert(
      fc.asyncProperty(caseArb, async ({ earlier, files }) => {
        const [oracle, fast] = [await world(), await world()];
        for (const w of [oracle, fast])
          for (const e of earlier) {
            const body = e.tg
              ? {
                  typeCode: 'tg-job',
                  period: e.period,
                  candidate: e.candidate,
                  targetGroup: e.targetGroup,
                  hoursPerWeek: 36,
                  months: e.months,
                }
              : { typeCode: 'job-benefits', period: e.period, candidate: e.candidate, fte: e.fte, months: 6 };
            await api.post(`/contracts/${w.other}/activities`, w.headers, body);
          }
        for (const file of files) {
          const bytes = new TextEncoder().encode(csvOf(file.rows));
          const run = (w: typeof oracle, useCase: typeof importActivities) =>
            execute(useCase, t.deps, w.actor, {
              contractId: w.main,
              period: file.period,
              bytes,
              dryRun: file.dryRun,
              lang: 'nl',
            });
          const expected: ImportResult = await run(oracle, importActivitiesRowwise);
          const actual: ImportResult = await run(fast, importActivities);
          expect(actual).toEqual(expected);
          // the rows the file had right, on their own, are saved alike: caps and re-imports on stored rows
          const valid = expected.items.map((i) => file.rows[i.row - 2] as Row);
          if (valid.length === 0) continue;
          const again = new TextEncoder().encode(csvOf(valid));
          const saveValid = (w: typeof oracle, useCase: typeof importActivities) =>
            execute(useCase, t.deps, w.actor, {
              contractId: w.main,
              period: file.period,
              bytes: again,
              dryRun: false,
              lang: 'en',
            });
          const savedExpected = await saveValid(oracle, importActivitiesRowwise);
          const savedActual = await saveValid(fast, importActivities);
          expect(savedActual).toEqual(savedExpected);
        }
        expect(await stored(fast)).toEqual(await stored(oracle));
        expect(await realised(fast.main)).toBe(await realised(oracle.main));
      }),
      { numRuns: 25 },
    );
  }, 240_000);
});

describe('an import and form entries of the same supplier at once', () => {
  it('never let a candidate count for more than 1 FTE: one of them waits for the other (decision 028)', async () => {
    for (let round = 0; round < 4; round++) {
      const w = await world();
      const file = new TextEncoder().encode(
        csvOf([{ typeCode: 'job-benefits', candidate: 'K1', fte: 1, months: 6 } as Row]),
      );
      const [imported, typed] = await Promise.all([
        execute(importActivities, t.deps, w.actor, {
          contractId: w.main,
          period: '2026-H1',
          bytes: file,
          dryRun: false,
          lang: 'en',
        }),
        api.post(`/contracts/${w.other}/activities`, w.headers, {
          typeCode: 'job-benefits',
          period: '2026-H1',
          candidate: 'K1',
          fte: 1,
          months: 6,
        }),
      ]);
      const saved = [imported.created === 1, typed.status === 201];
      expect(saved.filter(Boolean), JSON.stringify({ imported, typed: typed.body })).toHaveLength(1);
      const refusal =
        imported.created === 1 ? typed.body.invalidParams?.[0]?.reason : imported.errors[0]?.reason;
      expect(refusal).toMatch(/1 \+ 1 = 2 fte/i);
    }
  }, 60_000);
});
