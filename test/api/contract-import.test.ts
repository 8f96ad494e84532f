import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeObligation, getPreset } from '../../src/domain/index.ts';
import { createActor, createTenant, unique } from '../factories.ts';
import { client, countRows, createMunicipality, type Headers, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

const fixture = (name: string): Json =>
  JSON.parse(readFileSync(new URL(`../fixtures/ocds/${name}`, import.meta.url), 'utf8'));
const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
}, 60_000);
afterAll(() => t.close());

/** Sends a file to POST /contract-imports as it is (CSV text, XLSX bytes or JSON). */
async function upload(
  headers: Headers,
  body: string | Uint8Array | Json,
  options: { dryRun?: boolean; type?: string; lang?: string } = {},
) {
  const isText = typeof body === 'string';
  const isBytes = body instanceof Uint8Array;
  const type = options.type ?? (isText ? 'text/csv' : isBytes ? xlsxType : 'application/json');
  const res = await t.app.request(`/api/v1/contract-imports?dryRun=${options.dryRun ? 'true' : 'false'}`, {
    method: 'POST',
    headers: {
      Authorization: headers.Authorization ?? '',
      'Content-Type': type,
      ...(options.lang ? { 'Accept-Language': options.lang } : {}),
    },
    body: isText || isBytes ? (body as BodyInit) : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

const kvk = () => String(10_000_000 + Math.floor(Math.random() * 89_999_999));
const header =
  'referentie;titel;kvk-nummer;leverancier;waarde;startdatum;einddatum;gunningsdatum;soort;contractmanager';

async function counts(tenantId: string): Promise<Record<string, number>> {
  const rows = await countRows(t.deps.db, tenantId);
  const result = await t.deps.db.execute(
    sql`select count(*)::int as n from contract_invoices where tenant_id = ${tenantId}`,
  );
  return { ...rows, contract_invoices: Number((result as unknown as { rows: { n: number }[] }).rows[0]?.n) };
}

describe('contract import from CSV', () => {
  it('dry run shows what would be created and saves nothing; the import creates it with the obligation of POST /contracts', async () => {
    const newKvk = kvk();
    const [a, b] = [unique('IMP'), unique('IMP')];
    const csv = [
      header,
      `${a};Onderhoud groen;${m.supplier.kvkNumber};${m.supplier.name};€ 1.250.000,00;1-1-2026;31-12-2027;15-12-2025;diensten;${m.manager.user.email}`,
      `${b};Nieuwe brug;${newKvk};Bruggenbouw B.V.;150.000;2026-03-01;2026-12-31;;werken;`,
    ].join('\r\n');
    const before = await counts(m.tenant.id);
    const dry = await upload(m.advisor.headers, csv, { dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, rows: 2, created: 2, unchanged: 0, errors: [] });
    expect(dry.body.valueCents).toBe(125_000_000 + 15_000_000);
    expect(await counts(m.tenant.id)).toEqual(before);

    const real = await upload(m.advisor.headers, csv);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ dryRun: false, rows: 2, created: 2 });
    const policy = { ...getPreset('amsterdam'), validFrom: '2020-01-01' };
    const expected = computeObligation(policy, {
      valueCents: 125_000_000,
      contractKind: 'servicesAndSupplies',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
    });
    const first = real.body.items.find((i: Json) => i.reference === a);
    expect(first).toMatchObject({
      action: 'create',
      awardDate: '2025-12-15',
      obligationCents: expected.amountCents,
      regime: expected.regime,
      supplierName: m.supplier.name,
    });
    const second = real.body.items.find((i: Json) => i.reference === b);
    expect(second).toMatchObject({ kind: 'works', awardDate: '2026-03-01', supplierKey: newKvk });
    const list = await api.get(`/suppliers?q=${newKvk}`, m.advisor.headers);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].name).toBe('Bruggenbouw B.V.');
    const after = await counts(m.tenant.id);
    expect(after.contracts).toBe((before.contracts ?? 0) + 2);
    expect(after.suppliers).toBe((before.suppliers ?? 0) + 1);

    // an import twice changes nothing, not even the audit log
    const again = await upload(m.advisor.headers, csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, unchanged: 2, errors: [] });
    expect(await counts(m.tenant.id)).toEqual(after);
  });

  it('refuses a file with one bad row: every error by row and column, in Dutch by default, nothing saved', async () => {
    const csv = [
      header,
      `${unique('OK')};Schoonmaak;${m.supplier.kvkNumber};${m.supplier.name};10.000,00;1-7-2026;30-6-2027;;;`,
      `${unique('BAD')};Schoonmaak;${m.supplier.kvkNumber};${m.supplier.name};tienduizend;31-6-2026;30-6-2027;;;`,
    ].join('\n');
    const before = await counts(m.tenant.id);
    const res = await upload(m.advisor.headers, csv);
    expect(res.status).toBe(422);
    expect(res.body.created).toBe(1); // what would have been created; nothing is
    expect(res.body.errors).toEqual([
      { row: 3, column: 'value', reason: 'geen bedrag in euro\'s: "tienduizend"' },
      { row: 3, column: 'startDate', reason: 'is geen bestaande datum: "31-6-2026"' },
    ]);
    expect(await counts(m.tenant.id)).toEqual(before);
    const en = await upload(m.advisor.headers, csv, { lang: 'en' });
    expect(en.body.errors[0]).toEqual({
      row: 3,
      column: 'value',
      reason: 'not an amount in euros: "tienduizend"',
    });
  });

  it.each([
    { case: 'after the first', refused: 1 },
    { case: 'the last', refused: 2 },
  ])(
    'a row refused while the rows are saved ($case): the contracts and new suppliers before it are undone',
    async ({ refused }) => {
      // a file that reads well is saved as it is judged (decision 036): new suppliers first, then
      // the contracts streamed; a row refused by the checks gives that up, and nothing stays
      const good = (n: number) =>
        `${unique(`OK${n}`)};Groen;${kvk()};Nieuwe Leverancier ${n} B.V.;20.000,00;1-7-2026;30-6-2027;;;`;
      const lines = [good(0), good(1), good(2)];
      lines[refused] =
        `${unique('NOMAN')};Groen;${m.supplier.kvkNumber};${m.supplier.name};20.000,00;1-7-2026;30-6-2027;;;nobody@example.test`;
      const before = await counts(m.tenant.id);
      const res = await upload(m.advisor.headers, [header, ...lines].join('\n'), { lang: 'en' });
      expect(res.status).toBe(422);
      expect(res.body.created).toBe(2);
      expect(res.body.errors).toEqual([
        {
          row: refused + 2,
          column: 'contractManagerEmail',
          reason: 'is not a contract manager of this municipality',
        },
      ]);
      expect(await counts(m.tenant.id)).toEqual(before);
      // the transaction's connection works on
      const next = await upload(m.advisor.headers, [header, good(3)].join('\n'));
      expect(next.status).toBe(200);
      expect(next.body.created).toBe(1);
    },
  );

  it('a file of several batches: a row refused after batches were saved undoes them all; without it, every row is saved', async () => {
    // the rows are saved a batch of 5,000 at a time while the next are judged (decision 037)
    const count = 11_000;
    const prefix = unique('BATCH');
    const newKvk = kvk();
    const row = (i: number) =>
      i % 1_000 === 7
        ? `${prefix}-${i};Groen;${newKvk};Batchleverancier B.V.;20.000,00;1-1-2025;31-12-2025;;;`
        : `${prefix}-${i};Groen;${m.supplier.kvkNumber};${m.supplier.name};20.000,00;1-1-2025;31-12-2025;;;`;
    const lines = Array.from({ length: count }, (_, i) => row(i));
    const before = await counts(m.tenant.id);
    const refusedAt = 10_500;
    const refused = [...lines];
    refused[refusedAt] = refused[refusedAt]!.replace(/;;;$/, ';;;nobody@example.test');
    const res = await upload(m.advisor.headers, [header, ...refused].join('\n'), { lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.created).toBe(count - 1);
    expect(res.body.errors).toEqual([
      {
        row: refusedAt + 2,
        column: 'contractManagerEmail',
        reason: 'is not a contract manager of this municipality',
      },
    ]);
    expect(await counts(m.tenant.id)).toEqual(before);

    const saved = await upload(m.advisor.headers, [header, ...lines].join('\n'));
    expect(saved.status).toBe(200);
    expect(saved.body.created).toBe(count);
    const after = await counts(m.tenant.id);
    const added = (table: string) => (after[table] ?? 0) - (before[table] ?? 0);
    expect(added('contracts')).toBe(count);
    expect(added('suppliers')).toBe(1);
    // 2025-H1 and 2025-H2 for each contract
    expect(added('reports')).toBe(2 * count);
    // each contract, the new supplier, and the import itself, in the order they happened
    expect(added('audit_log')).toBe(count + 2);
    const audits = await t.deps.db.execute(
      sql`select action, object_id, details->>'reference' as reference from audit_log
          where tenant_id = ${m.tenant.id} and action in ('contract.create', 'supplier.create', 'contract.import')
          order by id desc limit ${count + 2}`,
    );
    const actions = (audits as unknown as { rows: { action: string; reference: string | null }[] }).rows
      .reverse()
      .map((a) => (a.action === 'contract.create' ? a.reference : a.action));
    expect(actions).toEqual([
      ...lines.slice(0, 7).map((_, i) => `${prefix}-${i}`),
      'supplier.create',
      ...lines.slice(7).map((_, i) => `${prefix}-${i + 7}`),
      'contract.import',
    ]);
    const stored = await t.deps.db.execute(
      sql`select count(*)::int as n from contracts c
          where c.tenant_id = ${m.tenant.id} and c.reference like ${`${prefix}-%`}
            and (select count(*) from reports r where r.contract_id = c.id) = 2`,
    );
    expect((stored as unknown as { rows: { n: number }[] }).rows[0]?.n).toBe(count);
  }, 120_000);

  it.each([
    {
      case: 'a missing column',
      csv: 'reference;title;value\nA;B;1',
      column: 'supplierKvkNumber',
      reason: 'column is missing',
    },
    {
      case: 'an unknown column',
      csv: `${header};kleur\n`,
      column: 'kleur',
      reason: 'is not a column of the contract import',
    },
    { case: 'an empty file', csv: '', column: '', reason: 'the file is empty' },
  ])('refuses $case as an error of row 1', async ({ csv, column, reason }) => {
    const res = await upload(m.advisor.headers, csv, { lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({ row: 1, column, reason });
  });

  it('reads Windows-1252 CSV (what Dutch Excel writes)', async () => {
    const ref = unique('W');
    const text = `reference,title,kvk,supplier,value,start,end\n${ref},Café-onderhoud,${m.supplier.kvkNumber},${m.supplier.name},5000,2026-01-01,2026-12-31\n`;
    const bytes = Uint8Array.from([...text].map((ch) => (ch === 'é' ? 0xe9 : ch.charCodeAt(0))));
    const res = await t.app.request('/api/v1/contract-imports?dryRun=true', {
      method: 'POST',
      headers: { Authorization: m.advisor.headers.Authorization ?? '', 'Content-Type': 'text/csv' },
      body: bytes,
    });
    const body = (await res.json()) as Json;
    expect(res.status).toBe(200);
    expect(body.items[0].title).toBe('Café-onderhoud');
  });

  it('a reference already there with other data is an error naming the column, never an update', async () => {
    const ref = unique('DIFF');
    const row = (value: string) =>
      `${header}\n${ref};Titel;${m.supplier.kvkNumber};${m.supplier.name};${value};2026-01-01;2026-12-31;;;`;
    expect((await upload(m.advisor.headers, row('1000'))).status).toBe(200);
    const before = await counts(m.tenant.id);
    const res = await upload(m.advisor.headers, row('2000'), { lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([
      {
        row: 2,
        column: 'value',
        reason: `differs from the stored contract ${ref} (€1.000,00); change it there`,
      },
    ]);
    expect(await counts(m.tenant.id)).toEqual(before);
  });

  it('a file over the import limit (RETOUR_MAX_IMPORT_BYTES) is refused with 413, nothing saved', async () => {
    const csv = `${header}\n${unique('BIG')};Titel;${m.supplier.kvkNumber};${m.supplier.name};1000;2026-01-01;2026-12-31;;;`;
    const before = await counts(m.tenant.id);
    const limit = t.deps.config.maxImportBytes;
    t.deps.config.maxImportBytes = csv.length - 1;
    try {
      expect((await upload(m.advisor.headers, csv)).status).toBe(413);
    } finally {
      t.deps.config.maxImportBytes = limit;
    }
    expect(await counts(m.tenant.id)).toEqual(before);
  });

  it('refuses a file that is not CSV, XLSX or JSON by its content (415)', async () => {
    const res = await upload(m.advisor.headers, '%PDF-1.4\n%%EOF\n', { type: 'text/csv' });
    expect(res.status).toBe(415);
  });
});

describe('contract import from XLSX', () => {
  async function workbook(rows: (string | number | Date | { formula: string })[][]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Contracten');
    for (const r of rows) ws.addRow(r);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }
  const head = ['reference', 'title', 'supplierKvkNumber', 'supplierName', 'value', 'startDate', 'endDate'];

  it('reads number and date cells; a KvK number that lost its leading zero gets it back', async () => {
    const ref = unique('X');
    const bytes = await workbook([
      head,
      [
        ref,
        'Groenonderhoud',
        Number(m.supplier.kvkNumber),
        m.supplier.name,
        250_000.5,
        new Date(Date.UTC(2026, 0, 1)),
        new Date(Date.UTC(2026, 11, 31)),
      ],
      [unique('X'), 'Nul vooraan', 1_234_567, 'Nul B.V.', 1000, '1-1-2026', '31-12-2026'],
    ]);
    const res = await upload(m.advisor.headers, bytes, { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      reference: ref,
      valueCents: 25_000_050,
      startDate: '2026-01-01',
    });
    expect(res.body.items[1].supplierKey).toBe('01234567');
  });

  it('an XLSX file keeps the evidence upload limit (a workbook unpacks to many times its size): 413', async () => {
    const bytes = await workbook([
      head,
      [unique('X'), 'Groot', m.supplier.kvkNumber, 'Groot B.V.', 1, '2026-01-01', '2026-12-31'],
    ]);
    const limit = t.deps.config.maxUploadBytes;
    t.deps.config.maxUploadBytes = bytes.length - 1;
    try {
      expect((await upload(m.advisor.headers, bytes, { dryRun: true })).status).toBe(413);
    } finally {
      t.deps.config.maxUploadBytes = limit;
    }
    expect((await upload(m.advisor.headers, bytes, { dryRun: true })).status).toBe(200);
  });

  it('refuses formulas, naming the cell', async () => {
    const bytes = await workbook([
      head,
      [
        unique('F'),
        'Formule',
        m.supplier.kvkNumber,
        m.supplier.name,
        { formula: '1000*2' },
        '2026-01-01',
        '2026-12-31',
      ],
    ]);
    const res = await upload(m.advisor.headers, bytes, { lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({
      row: 2,
      column: 'value',
      reason: 'formulas are not read: type the value',
    });
  });
});

describe('contract import from OCDS', () => {
  it('the published sample (GBP, awarded 2010) is refused: non-EUR amounts are errors, nothing saved', async () => {
    const before = await counts(m.tenant.id);
    const res = await upload(m.advisor.headers, fixture('sample-contract-release-package.json'), {
      lang: 'en',
    });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({
      row: 1,
      column: 'releases.0.contracts.0.value',
      reason: 'the amount is in GBP: only EUR is read (no exchange rate is guessed)',
    });
    expect(await counts(m.tenant.id)).toEqual(before);
  });

  it('a contract awarded before the first policy version is an error with the reason', async () => {
    const pkg = JSON.parse(
      JSON.stringify(fixture('sample-record-package.json')).replaceAll('"GBP"', '"EUR"'),
    );
    const res = await upload(m.advisor.headers, pkg, { lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({
      row: 1,
      column: 'records.0.compiledRelease.contracts.0.awardID',
      reason: 'no policy of the municipality is in force on 2010-05-10',
    });
  });

  it('imports the record package (derived: EUR, 2026): supplier by GB-COH kept with its scheme, maxExtentDate kept as an option, twice changes nothing', async () => {
    const tenant = await createMunicipality(t.deps.db);
    const pkg = fixture('derived-record-package-eur-2026.json');
    const res = await upload(tenant.advisor.headers, pkg);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 1, created: 1, valueCents: 1_100_000_000 });
    expect(res.body.items[0]).toMatchObject({
      reference: 'ocds-213czf-000-00001-contract-01',
      supplierKey: 'GB-COH-11111111.0',
      supplierName: 'AnyCorp Cycle Provision',
      startDate: '2026-07-01',
      endDate: '2027-06-30',
      maxExtentDate: '2027-12-31',
      awardDate: '2026-05-10',
      kind: 'works',
      invoicedCents: 6_000_000,
    });
    const list = await api.get('/contracts?q=ocds-213czf', tenant.advisor.headers);
    const contract = await api.get(`/contracts/${list.body.items[0].id}`, tenant.advisor.headers);
    expect(contract.body).toMatchObject({
      endDate: '2027-06-30',
      maxExtentDate: '2027-12-31',
      kind: 'works',
    });
    const after = await counts(tenant.tenant.id);
    const again = await upload(tenant.advisor.headers, pkg);
    expect(again.body).toMatchObject({ created: 0, unchanged: 1, errors: [] });
    expect(await counts(tenant.tenant.id)).toEqual(after);
    // the release package of the same contract names the same contract: nothing changes
    const release = await upload(tenant.advisor.headers, fixture('derived-release-package-eur-2026.json'));
    expect(release.body).toMatchObject({ created: 0, unchanged: 1, errors: [] });
  });

  const release = (overrides: Json = {}) => ({
    version: '1.1',
    releases: [
      {
        ocid: 'ocds-test-1',
        id: 'r1',
        date: '2026-01-01T00:00:00Z',
        tag: ['contract'],
        parties: [
          {
            id: 'NL-KVK-A',
            name: 'Eerste B.V.',
            roles: ['supplier'],
            identifier: { scheme: 'NL-KVK', id: m.supplier.kvkNumber },
          },
          {
            id: 'NL-KVK-B',
            name: 'Tweede B.V.',
            roles: ['supplier'],
            identifier: { scheme: 'NL-KVK', id: '87654321' },
          },
        ],
        tender: { mainProcurementCategory: 'services' },
        awards: [
          { id: 'a1', date: '2026-01-15T00:00:00Z', suppliers: [{ id: 'NL-KVK-A', name: 'Eerste B.V.' }] },
        ],
        contracts: [
          {
            id: unique('OCDS'),
            awardID: 'a1',
            title: 'Schoonmaak stadhuis',
            value: { amount: 300000, currency: 'EUR' },
            period: { startDate: '2026-02-01T00:00:00Z', endDate: '2027-01-31T00:00:00Z' },
          },
        ],
        ...overrides,
      },
    ],
  });

  it('matches the supplier by its NL-KVK identifier', async () => {
    const res = await upload(m.advisor.headers, release(), { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body.items[0]).toMatchObject({
      supplierKey: m.supplier.kvkNumber,
      supplierName: m.supplier.name,
      kind: 'servicesAndSupplies',
    });
  });

  it('refuses an award with two suppliers as ambiguous, never picking one', async () => {
    const awards = [
      { id: 'a1', date: '2026-01-15T00:00:00Z', suppliers: [{ id: 'NL-KVK-A' }, { id: 'NL-KVK-B' }] },
    ];
    const before = await counts(m.tenant.id);
    const res = await upload(m.advisor.headers, release({ awards }), { lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ row: 1, column: 'releases.0.contracts.0.awardID' });
    expect(res.body.errors[0].reason).toMatch(/^ambiguous supplier: 2 suppliers/);
    expect(await counts(m.tenant.id)).toEqual(before);
  });

  it('refuses a contract without a value', async () => {
    const pkg = release();
    delete pkg.releases[0].contracts[0].value;
    const res = await upload(m.advisor.headers, pkg, { lang: 'en' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toContainEqual({
      row: 1,
      column: 'releases.0.contracts.0.value',
      reason: 'the amount is missing',
    });
  });
});

describe('a large OCDS package', () => {
  /** The derived record package with `n` records, each a contract of its own (about 2.6 kB each). */
  function manyRecords(n: number, text = ''): Json {
    const pkg = fixture('derived-record-package-eur-2026.json');
    const [record] = pkg.records as Json[];
    const serial = JSON.stringify(record);
    pkg.records = Array.from({ length: n }, (_, i) =>
      JSON.parse(
        serial
          .replaceAll('ocds-213czf-000-00001', `ocds-big${i}-000-00001`)
          .replace('AnyCorp', `AnyCorp${text}`),
      ),
    );
    return pkg;
  }

  it('is taken up to the import limit, not the 2 MiB of other JSON bodies (dry run)', async () => {
    const pkg = manyRecords(1_000);
    expect(JSON.stringify(pkg).length).toBeGreaterThan(2 * 1024 * 1024);
    const res = await upload(m.advisor.headers, pkg, { dryRun: true });
    expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(200);
    expect(res.body).toMatchObject({ rows: 1_000, created: 1_000 });
  });

  it('over the import limit: 413; with a control character: 400 naming the field; nothing saved', async () => {
    const before = await counts(m.tenant.id);
    const pkg = manyRecords(2);
    const limit = t.deps.config.maxImportBytes;
    t.deps.config.maxImportBytes = JSON.stringify(pkg).length - 1;
    try {
      expect((await upload(m.advisor.headers, pkg)).status).toBe(413);
    } finally {
      t.deps.config.maxImportBytes = limit;
    }
    const bad = await upload(m.advisor.headers, manyRecords(2, '\\u0000'), { lang: 'en' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.invalidParams)).toContain('control character');
    expect(await counts(m.tenant.id)).toEqual(before);
  });

  it('is not read before sign-in: 401 for a large body without a session', async () => {
    expect((await upload({}, manyRecords(1_000))).status).toBe(401);
  });
});

describe('who may import', () => {
  it.each(['admin', 'manager', 'supplierUser'] as const)('%s gets 403 and nothing is saved', async (who) => {
    const before = await counts(m.tenant.id);
    const res = await upload(
      m[who].headers,
      `${header}\nX;Y;${m.supplier.kvkNumber};Z;1;2026-01-01;2026-12-31;;;`,
    );
    expect(res.status).toBe(403);
    expect(await counts(m.tenant.id)).toEqual(before);
  });

  it('without a session: 401', async () => {
    expect((await upload({}, 'a;b')).status).toBe(401);
  });
});

describe('framework contracts on invoiced value', () => {
  it('the obligation follows the invoiced total: imported transactions, then an amount the advisor records', async () => {
    const tenant = await createTenant(t.deps.db, {
      policy: { ...getPreset('amsterdam'), validFrom: '2020-01-01', base: 'invoiced' },
    });
    const advisor = await createActor(t.deps.db, { tenantId: tenant.id, role: 'advisor' });
    const res = await upload(advisor.headers, fixture('derived-record-package-eur-2026.json'));
    expect(res.status).toBe(200);
    // 2% of the invoiced €60.000 (two transactions in 2026-H2), not of the €11 million framework value
    expect(res.body.items[0]).toMatchObject({
      invoicedCents: 6_000_000,
      obligationCents: 120_000,
      regime: 'plan',
    });
    const id = (await api.get('/contracts?q=ocds-213czf', advisor.headers)).body.items[0].id;
    const invoices = await api.get(`/contracts/${id}/invoices`, {
      ...advisor.headers,
      'Accept-Language': 'en',
    });
    expect(invoices.body).toMatchObject({
      base: 'invoiced',
      totalCents: 6_000_000,
      items: [{ period: '2026-H2', amountCents: 6_000_000 }],
    });
    expect(invoices.body.obligation.explanation).toContain('invoiced');

    const put = await api.put(`/contracts/${id}/invoices/2027-H1`, advisor.headers, {
      amountCents: 10_000_000,
    });
    expect(put.status).toBe(200);
    expect(put.body.obligation.amountCents).toBe(320_000);
    expect(put.body.obligation.explanationNl).toContain('gefactureerd');
    // expected pace: 2026-H2's €1.200 by the end of 2026, 2027-H1's €2.000 pro rata after it
    const progress = await api.get(`/contracts/${id}/progress?asOf=2026-12-31`, advisor.headers);
    expect(progress.body).toMatchObject({ obligationCents: 320_000, expectedCents: 120_000 });
    const outside = await api.put(`/contracts/${id}/invoices/2029-H1`, advisor.headers, { amountCents: 1 });
    expect(outside.status).toBe(400);
  });

  it('refuses invoiced amounts on a contract whose policy is not on invoiced value (409); others get 403/404', async () => {
    const ref = unique('T');
    await upload(
      m.advisor.headers,
      `${header}\n${ref};T;${m.supplier.kvkNumber};S;1000;2026-01-01;2026-12-31;;;`,
    );
    const id = (await api.get(`/contracts?q=${ref}`, m.advisor.headers)).body.items[0].id;
    expect(
      (await api.put(`/contracts/${id}/invoices/2026-H1`, m.advisor.headers, { amountCents: 1 })).status,
    ).toBe(409);
    expect(
      (await api.put(`/contracts/${id}/invoices/2026-H1`, m.manager.headers, { amountCents: 1 })).status,
    ).toBe(403);
    const other = await createMunicipality(t.deps.db);
    expect(
      (await api.put(`/contracts/${id}/invoices/2026-H1`, other.advisor.headers, { amountCents: 1 })).status,
    ).toBe(404);
    expect((await api.get(`/contracts/${id}/invoices`, other.advisor.headers)).status).toBe(404);
  });
});
