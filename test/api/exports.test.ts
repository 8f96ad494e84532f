import { settleLastUsed } from '../../src/db/last-used.ts';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activitiesOfContract } from '../../src/db/repositories/activities.ts';
import { activityPagesOfContract } from '../../src/db/repositories/activity-pages.ts';
import { createActor, createSupplierRow, unique } from '../factories.ts';
import { client, createMunicipality, type Headers, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Issue 11: every export has the rows and numbers of its JSON answer. CSV and XLSX are parsed back;
 * every XLSX is opened by LibreOffice (headless) and converted to CSV with the same numbers; every
 * PDF is tagged (pdfinfo), renders (pdftoppm) and says the amounts the Dutch way (pdftotext).
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;
let contract: Json;
const dir = mkdtempSync(join(tmpdir(), 'retour-exports-'));
const xlsxFiles: Record<string, Buffer> = {};

async function file(path: string, headers: Headers) {
  const res = await t.app.request(`/api/v1${path}`, { headers });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}
const csvRows = (bytes: Buffer) =>
  parse(bytes, { bom: true, delimiter: ';', columns: true, relax_column_count: false }) as Record<
    string,
    string
  >[];
/** `25000,00` → 2_500_000 cents. */
const centsOf = (text: string) => Math.round(Number(text.replace(',', '.')) * 100);
async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}
/** A sheet's rows as objects by header, cell values as exceljs reads them. */
function sheetRows(sheet: ExcelJS.Worksheet) {
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, unknown>[] = [];
  sheet.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as unknown[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return rows;
}

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
  t.setNow('2026-03-01T09:00:00Z');
  const res = await api.post('/contracts', m.advisor.headers, {
    reference: unique('2026-EXP'),
    title: 'Onderhoud openbare ruimte',
    supplierId: m.supplier.id,
    contractManagerId: m.manager.user.id,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    awardDate: '2025-11-15',
  });
  expect(res.status).toBe(201);
  contract = res.body;
  const base = `/contracts/${contract.id}`;
  await api.put(`${base}/intake`, m.advisor.headers, {
    date: '2026-02-15',
    notes: 'Kansen in groenonderhoud',
    agreedDirection: 'Banen via het werkgeversservicepunt',
  });
  await api.put(`${base}/plan`, m.supplierUser.headers, {
    items: [
      { typeCode: 'job-benefits', period: '2026-H1', fte: 1, months: 6 },
      { typeCode: 'internship', period: '2026-H2', units: 2 },
    ],
  });
  await api.post(`${base}/plan/submission`, m.supplierUser.headers);
  expect((await api.post(`${base}/plan/review`, m.advisor.headers, { decision: 'approved' })).status).toBe(
    200,
  );
  t.setNow('2026-05-10T09:00:00Z');
  const ids: string[] = [];
  for (const body of [
    { typeCode: 'job-benefits', period: '2026-H1', fte: 1, months: 6, candidate: 'KAND-001' },
    { typeCode: 'internship', period: '2026-H1', units: 1, description: '=HYPERLINK("x")' },
    { typeCode: 'initiative-hours', period: '2026-H1', hours: 12.5 },
  ]) {
    const r = await api.post(`${base}/activities`, m.supplierUser.headers, body);
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    ids.push(r.body.id);
  }
  t.setNow('2026-07-05T09:00:00Z');
  const reportId = (await api.get(`${base}/activities`, m.advisor.headers)).body.items[0].reportId;
  const submitted = await api.post(`/reports/${reportId}/submission`, m.supplierUser.headers);
  expect(submitted.status, JSON.stringify(submitted.body)).toBe(200);
  const accepted = await api.post(`/activities/${ids[0]}/verification`, m.advisor.headers, {
    decision: 'accepted',
  });
  expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
  const asked = await api.post(`/activities/${ids[1]}/verification`, m.advisor.headers, {
    decision: 'moreInfo',
    reason: 'Welke school?',
  });
  expect(asked.status).toBe(200);
  t.setNow('2026-08-01T09:00:00Z');
}, 180_000);
afterAll(async () => {
  await t.close();
  if (!process.env.KEEP_EXPORTS) rmSync(dir, { recursive: true, force: true });
});

describe('CSV and XLSX have the numbers of the JSON answer', () => {
  it('contract list: CSV (nl headers, BOM, ;, decimal comma) and XLSX (euro cells, dates, frozen header, filter)', async () => {
    const json = await api.get('/contracts', m.advisor.headers);
    const item = json.body.items.find((c: Json) => c.id === contract.id);
    const { res, bytes } = await file('/contracts?format=csv&lang=nl', m.advisor.headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('Content-Disposition')).toMatch(/^attachment; filename="contracts\.csv"$/);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRows(bytes);
    expect(rows).toHaveLength(json.body.items.length);
    const row = rows.find((r) => r.ID === contract.id);
    expect(row).toBeDefined();
    expect(row?.Kenmerk).toBe(item.reference);
    expect(row?.Verplichting).toBe('25000,00');
    for (const [header, field] of [
      ['Verplichting', 'obligationCents'],
      ['Gepland', 'plannedCents'],
      ['Gerealiseerd', 'realisedCents'],
      ['Geverifieerd', 'verifiedCents'],
      ['Verwacht naar rato', 'expectedCents'],
      ['Prognose', 'forecastCents'],
    ] as const)
      expect(centsOf(row?.[header] ?? ''), header).toBe(item.progress[field]);
    expect(row?.Begindatum).toBe('2026-01-01');

    const en = await file('/contracts?format=xlsx', { ...m.advisor.headers, 'Accept-Language': 'en' });
    expect(en.res.headers.get('Content-Type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    xlsxFiles['contracts'] = en.bytes;
    const wb = await workbook(en.bytes);
    const sheet = wb.getWorksheet('Contracts');
    expect(sheet).toBeDefined();
    if (!sheet) return;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toMatch(/^A1:[A-Z]+1$/);
    const xrow = sheetRows(sheet).find((r) => r.ID === contract.id);
    expect(xrow?.Obligation).toBe(item.progress.obligationCents / 100);
    expect(xrow?.Verified).toBe(item.progress.verifiedCents / 100);
    expect(xrow?.['Start date']).toEqual(new Date('2026-01-01T00:00:00Z'));
    const obligationColumn = (sheet.getRow(1).values as unknown[]).indexOf('Obligation');
    expect(sheet.getColumn(obligationColumn).numFmt).toContain('€');
    expect(sheet.getColumn(obligationColumn).width).toBeGreaterThan(10);
  });

  it('activities: value, rule, explanation in the language, verification; formulas defused', async () => {
    const json = await api.get(`/contracts/${contract.id}/activities`, m.manager.headers);
    const { res, bytes } = await file(
      `/contracts/${contract.id}/activities?format=csv&lang=nl`,
      m.manager.headers,
    );
    expect(res.status).toBe(200);
    const rows = csvRows(bytes);
    expect(rows.map((r) => r.ID)).toEqual(json.body.items.map((a: Json) => a.id));
    rows.forEach((r, i) => {
      const a = json.body.items[i];
      expect(centsOf(r.Waarde ?? '')).toBe(a.valueCents);
      expect(r.Regel).toBe(a.valuation.ruleId);
      expect(r.Toelichting).toBe(a.valuation.explanationNl);
    });
    expect(rows.map((r) => r.Beoordeling)).toEqual([
      'Geaccepteerd',
      'Meer informatie nodig',
      'Te beoordelen',
    ]);
    expect(rows[2]?.Uren).toBe('12,5');
    expect(rows[1]?.Omschrijving).toBe('\'=HYPERLINK("x")');

    const x = await file(`/contracts/${contract.id}/activities?format=xlsx&lang=en`, m.supplierUser.headers);
    expect(x.res.status).toBe(200);
    xlsxFiles['activities'] = x.bytes;
    const sheet = (await workbook(x.bytes)).getWorksheet('Activities');
    const xrows = sheetRows(sheet as ExcelJS.Worksheet);
    expect(xrows.map((r) => Math.round((r.Value as number) * 100))).toEqual(
      json.body.items.map((a: Json) => a.valueCents),
    );
    expect(xrows.map((r) => r.Explanation)).toEqual(
      json.body.items.map((a: Json) => a.valuation.explanation),
    );
    expect(xrows[0]?.['Recorded at']).toBeInstanceOf(Date);
  });

  it('reads the activities page by page in the order of the JSON answer', async () => {
    const all = await activitiesOfContract(t.deps.db, m.tenant.id, contract.id);
    const pages: string[][] = [];
    for await (const page of activityPagesOfContract(t.deps.db, m.tenant.id, contract.id, { pageSize: 2 }))
      pages.push(page.map((a) => a.id));
    expect(pages.map((p) => p.length)).toEqual([2, 1]);
    expect(pages.flat()).toEqual(all.map((a) => a.id));
  });

  it('dashboard: XLSX with a sheet per table; CSV of one table', async () => {
    const json = (await api.get('/dashboard?asOf=2026-08-01', m.advisor.headers)).body;
    const x = await file('/dashboard?asOf=2026-08-01&format=xlsx&lang=nl', m.advisor.headers);
    expect(x.res.headers.get('Content-Disposition')).toContain('dashboard-2026-08-01.xlsx');
    xlsxFiles['dashboard'] = x.bytes;
    const wb = await workbook(x.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual([
      'Contracten',
      'Totalen',
      'Per categorie',
      'Per halfjaar',
      'Per leverancier',
    ]);
    const totals = sheetRows(wb.getWorksheet('Totalen') as ExcelJS.Worksheet);
    expect(totals.find((r) => r.Onderdeel === 'Verplichting')?.Bedrag).toBe(
      json.totals.obligationCents / 100,
    );
    expect(totals.find((r) => r.Onderdeel === 'Geverifieerd')?.Bedrag).toBe(json.totals.verifiedCents / 100);
    expect(totals.find((r) => r.Onderdeel === 'Contracten')?.Aantal).toBe(json.totals.contracts);
    const halfYears = sheetRows(wb.getWorksheet('Per halfjaar') as ExcelJS.Worksheet);
    expect(halfYears.map((r) => [r.Halfjaar, Math.round((r.Gerealiseerd as number) * 100)])).toEqual(
      json.byHalfYear.map((r: Json) => [r.period, r.realisedCents]),
    );
    const c = await file('/dashboard?asOf=2026-08-01&format=csv&table=byCategory&lang=en', m.advisor.headers);
    const rows = csvRows(c.bytes);
    expect(rows.map((r) => centsOf(r.Verified ?? ''))).toEqual(
      json.byCategory.map((r: Json) => r.verifiedCents),
    );
    expect(rows.map((r) => r.Category)).toContain('Employment');
  });

  it('plan items and the audit log as XLSX', async () => {
    const plan = (await api.get(`/contracts/${contract.id}/plan`, m.supplierUser.headers)).body;
    const x = await file(`/contracts/${contract.id}/plan?format=xlsx&lang=nl`, m.supplierUser.headers);
    expect(x.res.status).toBe(200);
    xlsxFiles['plan'] = x.bytes;
    const rows = sheetRows((await workbook(x.bytes)).getWorksheet('Plan') as ExcelJS.Worksheet);
    expect(rows.map((r) => Math.round((r.Gepland as number) * 100))).toEqual(
      plan.items.map((i: Json) => i.valueCents),
    );
    // the token's first use today is audited off the request path: let it land before comparing
    await api.get('/audit-log', m.admin.headers);
    await settleLastUsed();
    const audit = await file('/audit-log?format=xlsx', m.admin.headers);
    expect(audit.res.status).toBe(200);
    expect(audit.res.headers.get('Export-Truncated')).toBe('false');
    const entries = sheetRows((await workbook(audit.bytes)).worksheets[0] as ExcelJS.Worksheet);
    const jsonAudit = (await api.get('/audit-log', m.admin.headers)).body.items;
    expect(entries.map((e) => e.ID).slice(0, 5)).toEqual(jsonAudit.map((e: Json) => e.id).slice(0, 5));
  });

  it(
    'every XLSX opens in LibreOffice and converts to CSV with the same numbers',
    { timeout: 240_000 },
    async () => {
      const names = Object.keys(xlsxFiles);
      expect(names.sort()).toEqual(['activities', 'contracts', 'dashboard', 'plan']);
      for (const [name, bytes] of Object.entries(xlsxFiles)) writeFileSync(join(dir, `${name}.xlsx`), bytes);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--headless',
          '--convert-to',
          // ; separated, UTF-8, raw values (not as shown), every sheet to its own file
          'csv:Text - txt - csv (StarCalc):59,34,76,1,,0,false,true,false,false,false,-1',
          '--outdir',
          join(dir, 'csv'),
          ...names.map((n) => join(dir, `${n}.xlsx`)),
        ],
        { stdio: 'pipe', timeout: 200_000 },
      );
      const out = readdirSync(join(dir, 'csv'));
      expect(out).toEqual(
        expect.arrayContaining([
          'contracts-Contracts.csv',
          'activities-Activities.csv',
          'dashboard-Totalen.csv',
          'dashboard-Per halfjaar.csv',
          'plan-Plan.csv',
        ]),
      );
      const read = (f: string) =>
        parse(readFileSync(join(dir, 'csv', f)), { bom: true, delimiter: ';', columns: true }) as Record<
          string,
          string
        >[];
      const cents = (text: string | undefined) => Math.round(Number(text) * 100);
      const list = (await api.get('/contracts', m.advisor.headers)).body.items;
      const item = list.find((c: Json) => c.id === contract.id);
      const row = read('contracts-Contracts.csv').find((r) => r.ID === contract.id);
      expect(row?.Obligation).toBe('25000');
      expect(cents(row?.Realised)).toBe(item.progress.realisedCents);
      expect(cents(row?.Verified)).toBe(item.progress.verifiedCents);
      expect(cents(row?.Forecast)).toBe(item.progress.forecastCents);
      expect(row?.['Start date']).toMatch(/2026/); // a date cell, shown in LibreOffice's own notation
      const dash = (await api.get('/dashboard?asOf=2026-08-01', m.advisor.headers)).body;
      const totals = read('dashboard-Totalen.csv');
      expect(cents(totals.find((r) => r.Onderdeel === 'Verplichting')?.Bedrag)).toBe(
        dash.totals.obligationCents,
      );
      expect(cents(totals.find((r) => r.Onderdeel === 'Geverifieerd')?.Bedrag)).toBe(
        dash.totals.verifiedCents,
      );
      expect(read('dashboard-Per halfjaar.csv').map((r) => [r.Halfjaar, cents(r.Verplichting)])).toEqual(
        dash.byHalfYear.map((r: Json) => [r.period, r.obligationCents]),
      );
      const acts = (await api.get(`/contracts/${contract.id}/activities`, m.manager.headers)).body.items;
      expect(read('activities-Activities.csv').map((r) => cents(r.Value))).toEqual(
        acts.map((a: Json) => a.valueCents),
      );
      const plan = (await api.get(`/contracts/${contract.id}/plan`, m.supplierUser.headers)).body;
      expect(read('plan-Plan.csv').map((r) => cents(r.Gepland))).toEqual(
        plan.items.map((i: Json) => i.valueCents),
      );
    },
  );
});

describe('documents are tagged PDFs with Dutch amounts', () => {
  const check = (bytes: Buffer, name: string) => {
    const path = join(dir, `${name}.pdf`);
    writeFileSync(path, bytes);
    const info = execFileSync('pdfinfo', [path]).toString();
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', path, join(dir, name)]);
    expect(readdirSync(dir).some((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))).toBe(true);
    return { info, text: execFileSync('pdftotext', [path, '-']).toString() };
  };

  it("the contract manager's evaluation summary (nl and en)", { timeout: 60_000 }, async () => {
    const { res, bytes } = await file(
      `/contracts/${contract.id}/summary?format=pdf&asOf=2026-08-01&lang=nl`,
      m.manager.headers,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    const json = (await api.get(`/contracts/${contract.id}/summary?asOf=2026-08-01`, m.manager.headers)).body;
    const { info, text } = check(bytes, 'summary-nl');
    expect(info).toMatch(new RegExp(`Title:\\s+Evaluatiesamenvatting ${contract.reference}`));
    expect(text).toContain('€ 25.000,00');
    expect(text).toContain(
      `€ ${(json.progress.verifiedCents / 100).toLocaleString('nl-NL', { minimumFractionDigits: 2 }).replace(/\u00a0/g, ' ')}`,
    );
    expect(text).toContain('Welke school?'); // the open question
    expect(text).toContain('Banen via het werkgeversservicepunt'); // the advisor's notes
    expect(json.openQuestions).toHaveLength(1);
    expect(json.byHalfYear.map((r: Json) => r.period)).toEqual(['2026-H1', '2026-H2', '2027-H1', '2027-H2']);
    const en = check(
      (await file(`/contracts/${contract.id}/summary?format=pdf&lang=en`, m.manager.headers)).bytes,
      'summary-en',
    );
    expect(en.text).toContain('€25,000.00');
    expect(en.text).toContain('Open questions');
  });

  it('the plan of approach for the supplier', { timeout: 60_000 }, async () => {
    const { res, bytes } = await file(
      `/contracts/${contract.id}/plan?format=pdf&lang=nl`,
      m.supplierUser.headers,
    );
    expect(res.status).toBe(200);
    const { text } = check(bytes, 'plan');
    expect(text).toContain('Plan van aanpak social return');
    expect(text).toContain('€ 25.000,00'); // the obligation
    expect(text).toContain('€ 22.500,00'); // planned: €17.500 + 2 × €2.500
    expect(text).toContain('1e halfjaar 2026');
  });

  it('the portfolio report for the council', { timeout: 60_000 }, async () => {
    const { res, bytes } = await file('/dashboard?format=pdf&asOf=2026-08-01&lang=nl', m.advisor.headers);
    expect(res.status).toBe(200);
    const { text } = check(bytes, 'portfolio');
    expect(text).toContain('portefeuillerapportage');
    expect(text).toContain('€ 25.000,00');
    // (pdftotext joins a reference broken over two lines without its hyphen)
    expect(text.replace(/[\s-]+/g, '')).toContain(contract.reference.replace(/-/g, ''));
    const structure = execFileSync('pdfinfo', ['-struct', join(dir, 'portfolio.pdf')]).toString();
    expect(structure).toMatch(/Figure/);
    expect(structure).toMatch(/TH/);
    expect(structure).toMatch(/H1/);
  });
});

describe('bad input writes nothing', () => {
  it('an unknown format is a 400 naming the field', async () => {
    for (const path of [
      '/contracts?format=docx',
      '/dashboard?format=csvx',
      `/contracts/${contract.id}/activities?format=pdf`,
      `/contracts/${contract.id}/summary?format=xlsx`,
      `/contracts/${contract.id}/plan?format=odt`,
    ]) {
      const res = await api.get(path, m.advisor.headers);
      expect(res.status, path).toBe(400);
      expect(
        res.body.invalidParams.map((p: Json) => p.name),
        path,
      ).toContain('format');
    }
    expect(
      (await api.get('/dashboard?format=csv&table=nope', m.advisor.headers)).body.invalidParams[0].name,
    ).toBe('table');
  });

  it('an export of something the user may not see is the same 404 as the JSON form', async () => {
    const other = await createSupplierRow(t.deps.db, m.tenant.id);
    const stranger = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'supplier',
      supplierId: other.id,
    });
    for (const [path, format] of [
      [`/contracts/${contract.id}/activities`, 'csv'],
      [`/contracts/${contract.id}/activities`, 'xlsx'],
      [`/contracts/${contract.id}/plan`, 'pdf'],
    ] as const) {
      const json = await api.get(path, stranger.headers);
      const res = await api.get(`${path}?format=${format}`, stranger.headers);
      expect(json.status).toBe(404);
      expect(res.status).toBe(404);
      expect(res.body).toEqual(json.body);
    }
    const summary = await api.get(`/contracts/${contract.id}/summary?format=pdf`, stranger.headers);
    expect(summary.status).toBe(403); // suppliers never see summaries, as in JSON
    const missing = '00000000-0000-4000-8000-000000000000';
    expect((await api.get(`/contracts/${missing}/summary?format=pdf`, m.manager.headers)).status).toBe(404);
  });
});
