import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createActor, createSupplierRow, unique } from '../factories.ts';
import { client, countRows, createMunicipality, type Headers, type Json } from '../lifecycle-fixtures.ts';
import { createTestApp, type TestApp } from '../test-app.ts';

/**
 * Report import (issue 12, decision 021): template, dry run, all-or-nothing import valued like the
 * form, re-import replacing the imported rows, refused files leaving no trace, on both databases.
 */
let t: TestApp;
let api: ReturnType<typeof client>;
let m: Awaited<ReturnType<typeof createMunicipality>>;

const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** 1 FTE for 6 of 12 months at €35.000 a year; a BOL internship is €2.500. */
const jobCents = 1_750_000;
const internshipCents = 250_000;

beforeAll(async () => {
  t = await createTestApp();
  api = client(t);
  m = await createMunicipality(t.deps.db);
});
afterAll(() => t.close());

async function newContract(supplierId = m.supplier.id) {
  const res = await api.post('/contracts', m.advisor.headers, {
    reference: unique('IMP'),
    title: 'Onderhoud groen',
    supplierId,
    valueCents: 125_000_000,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

const bearer = (h: Headers) => ({ Authorization: h.Authorization ?? '' });

async function upload(
  contractId: string,
  body: string | Uint8Array,
  options: { headers?: Headers; dryRun?: boolean; period?: string; type?: string; lang?: string } = {},
) {
  const res = await t.app.request(
    `/api/v1/contracts/${contractId}/reports/${options.period ?? '2026-H1'}/imports?dryRun=${options.dryRun ?? false}`,
    {
      method: 'POST',
      headers: {
        ...bearer(options.headers ?? m.supplierUser.headers),
        'Content-Type': options.type ?? 'text/csv',
        'Accept-Language': options.lang ?? 'en',
      },
      body: typeof body === 'string' ? body : (body as Uint8Array<ArrayBuffer>),
    },
  );
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as Json };
}

async function progress(contractId: string) {
  const res = await api.get(`/contracts/${contractId}/progress`, m.advisor.headers);
  expect(res.status).toBe(200);
  return res.body as Json;
}

async function trace(contractId: string) {
  return { rows: await countRows(t.deps.db, m.tenant.id), progress: await progress(contractId) };
}

/** The text of an answer with its byte-order mark (Response.text() drops it). */
const withBom = async (res: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

const csv = (...lines: string[]) => `${lines.join('\r\n')}\r\n`;
const header = 'Soort activiteit;Kandidaat;FTE;Maanden;Aantal;Omschrijving';

describe('import template', () => {
  it('is an XLSX with Dutch headers and the policy’s types as a drop-down list on the second sheet', async () => {
    const id = await newContract();
    const res = await t.app.request(`/api/v1/contracts/${id}/reports/2026-H1/template?format=xlsx`, {
      headers: { ...bearer(m.supplierUser.headers), 'Accept-Language': 'nl' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain(xlsxType);
    expect(res.headers.get('Content-Disposition')).toMatch(
      /attachment; filename="sjabloon-imp-.*-2026-h1\.xlsx"/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const [sheet, lists] = workbook.worksheets;
    expect(sheet?.getRow(1).getCell(1).value).toBe('Soort activiteit');
    expect(sheet?.getCell('A2').dataValidation).toMatchObject({ type: 'list' });
    expect(sheet?.getCell('A500').dataValidation?.formulae).toEqual([
      expect.stringMatching(/^'Keuzes'!\$A\$2:\$A\$\d+$/),
    ]);
    expect(lists?.name).toBe('Keuzes');
    const codes = (lists?.getColumn(1).values ?? []).slice(2);
    expect(codes).toContain('internship');
    expect(codes).toContain('job-benefits');
  });

  it('is a CSV with English headers on request, and answers 404 to another supplier', async () => {
    const id = await newContract();
    const res = await t.app.request(`/api/v1/contracts/${id}/reports/2026-H2/template?format=csv&lang=en`, {
      headers: bearer(m.advisor.headers),
    });
    expect(res.status).toBe(200);
    expect(await withBom(res)).toMatch(/^\ufeffActivity type;Candidate;Target group;/);
    const other = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'supplier',
      supplierId: (await createSupplierRow(t.deps.db, m.tenant.id)).id,
    });
    const foreign = await t.app.request(`/api/v1/contracts/${id}/reports/2026-H1/template`, {
      headers: bearer(other.headers),
    });
    expect(foreign.status).toBe(404);
    const outside = await t.app.request(`/api/v1/contracts/${id}/reports/2030-H1/template`, {
      headers: bearer(m.advisor.headers),
    });
    expect(outside.status).toBe(400);
  });
});

describe('report import', () => {
  it('a dry run values every row and saves nothing', async () => {
    const id = await newContract();
    const before = await trace(id);
    const res = await upload(id, csv(header, 'job-benefits;KAND-1;1;6;;', 'internship;;;;1;Stage'), {
      dryRun: true,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      rows: 2,
      created: 0,
      valueCents: jobCents + internshipCents,
      errors: [],
    });
    expect(res.body.items.map((i: Json) => [i.row, i.valueCents])).toEqual([
      [2, jobCents],
      [3, internshipCents],
    ]);
    expect(await trace(id)).toEqual(before);
  });

  it('saves every row in one go, valued as the form values them; progress moves by exactly that', async () => {
    const id = await newContract();
    const before = await progress(id);
    const res = await upload(id, csv(header, 'job-benefits;KAND-2;1;6;;', 'internship;;;;1;Stage'));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      rows: 2,
      created: 2,
      replaced: 0,
      valueCents: jobCents + internshipCents,
    });
    expect((await progress(id)).realisedCents).toBe(before.realisedCents + jobCents + internshipCents);
    const listed = await api.get(`/contracts/${id}/activities?period=2026-H1`, m.advisor.headers);
    // in the file's order
    expect(listed.body.items.map((a: Json) => [a.typeCode, a.valueCents, a.candidate?.code ?? null])).toEqual(
      [
        ['job-benefits', jobCents, 'KAND-2'],
        ['internship', internshipCents, null],
      ],
    );
  });

  it('a refused file changes no row and no progress, and lists every error by row and column', async () => {
    const id = await newContract();
    const before = await trace(id);
    const res = await upload(
      id,
      csv(
        header,
        'job-benefits;KAND-3;1;6;;',
        'job-benefits;123456782;1;6;;',
        'teleport;;;;1;',
        'internship;;;;2,5;',
      ),
    );
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rows: 4, created: 0 });
    expect(res.body.errors).toEqual([
      { row: 3, column: 'Kandidaat', reason: 'looks like a BSN (9 digits): use a pseudonymous code instead' },
      { row: 4, column: 'Soort activiteit', reason: expect.stringMatching(/^is not in the catalogue/) },
      { row: 5, column: 'Aantal', reason: 'must be a whole number' },
    ]);
    expect(await trace(id)).toEqual(before);
  });

  it('a refusal after thousands of rows already sent to the database still saves nothing (decision 032)', async () => {
    const id = await newContract();
    const before = await trace(id);
    // some 300 kB of valid rows go out while the rest is checked; the last row is refused
    const rows = Array.from({ length: 3_000 }, (_, i) => `internship;;;;1;Stageplek ${i} ${'x'.repeat(60)}`);
    const refused = await upload(id, csv(header, ...rows, 'internship;;;;2,5;'));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ rows: 3_001, created: 0 });
    expect(refused.body.errors).toEqual([{ row: 3_002, column: 'Aantal', reason: 'must be a whole number' }]);
    expect(await trace(id)).toEqual(before);

    // the connection is free again: the same rows, corrected, are saved
    const saved = await upload(id, csv(header, ...rows, 'internship;;;;2;'));
    expect(saved.status, JSON.stringify(saved.body.errors?.slice(0, 3))).toBe(200);
    expect(saved.body).toMatchObject({ created: 3_001, valueCents: 3_002 * internshipCents });
    expect((await progress(id)).realisedCents).toBe(before.progress.realisedCents + 3_002 * internshipCents);
  });

  it('answers in Dutch by default', async () => {
    const id = await newContract();
    const res = await upload(id, csv(header, 'internship;;;;2,5;'), { lang: '' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ row: 2, column: 'Aantal', reason: 'moet een geheel getal zijn' }]);
  });

  it('one person counts once: a candidate over 1 FTE across rows is refused', async () => {
    const id = await newContract();
    const before = await trace(id);
    const res = await upload(id, csv(header, 'job-benefits;KAND-4;1;6;;a', 'job-benefits;KAND-4;0,5;6;;b'));
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ row: 3, column: 'FTE', reason: expect.any(String) }]);
    expect(await trace(id)).toEqual(before);
  });

  it('re-importing a corrected file replaces the imported rows, never the typed ones, never duplicates', async () => {
    const id = await newContract();
    const typed = await api.post(`/contracts/${id}/activities`, m.supplierUser.headers, {
      typeCode: 'internship',
      period: '2026-H1',
      units: 1,
    });
    expect(typed.status).toBe(201);
    const first = await upload(id, csv(header, 'internship;;;;1;a', 'internship;;;;1;b'));
    expect(first.body).toMatchObject({ created: 2, replaced: 0 });
    const afterFirst = await trace(id);
    const second = await upload(
      id,
      csv(header, 'internship;;;;1;a', 'internship;;;;2;b', 'internship;;;;1;c'),
    );
    expect(second.status, JSON.stringify(second.body)).toBe(200);
    expect(second.body).toMatchObject({ created: 3, replaced: 2, valueCents: 4 * internshipCents });
    const now = await trace(id);
    expect(now.rows.activities).toBe((afterFirst.rows.activities ?? 0) + 1);
    expect(now.progress.realisedCents).toBe(5 * internshipCents);
    const report = await api.get(`/contracts/${id}/activities?period=2026-H1`, m.advisor.headers);
    expect(report.body.items).toHaveLength(4);
  });

  it('imports 50 candidates from one XLSX upload', async () => {
    const id = await newContract();
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Activiteiten');
    sheet.addRow(['Soort activiteit', 'Kandidaat', 'FTE', 'Maanden', 'Begindatum']);
    for (let i = 1; i <= 50; i++)
      sheet.addRow(['job-benefits', `KAND-X${i}`, 0.5, 6, new Date(Date.UTC(2026, 0, 1))]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const before = await progress(id);
    const res = await upload(id, bytes, { type: xlsxType });
    expect(res.status, JSON.stringify(res.body.errors)).toBe(200);
    expect(res.body).toMatchObject({ rows: 50, created: 50, valueCents: 50 * (jobCents / 2) });
    expect((await progress(id)).realisedCents).toBe(before.realisedCents + 50 * (jobCents / 2));
  });

  it('refuses a file of another type by its content, a report that is not open, other suppliers and municipalities', async () => {
    const id = await newContract();
    const other = await createActor(t.deps.db, {
      tenantId: m.tenant.id,
      role: 'supplier',
      supplierId: (await createSupplierRow(t.deps.db, m.tenant.id)).id,
    });
    const elsewhere = await createMunicipality(t.deps.db);
    const before = await trace(id);
    const pdf = await upload(id, '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n', { type: 'text/csv' });
    expect(pdf.status).toBe(415);
    const large = await upload(id, `${header}\r\n${'x'.repeat(10 * 1024 * 1024)}`);
    expect(large.status).toBe(413);
    const empty = await upload(id, '');
    expect(empty.status).toBe(422);
    expect(empty.body.errors).toEqual([
      { row: 0, column: '', reason: 'the file is empty: fill in the template' },
    ]);
    expect((await upload(id, csv(header, 'internship;;;;1;'), { headers: other.headers })).status).toBe(404);
    expect(
      (await upload(id, csv(header, 'internship;;;;1;'), { headers: elsewhere.advisor.headers })).status,
    ).toBe(404);
    expect((await upload(id, csv(header, 'internship;;;;1;'), { headers: m.manager.headers })).status).toBe(
      403,
    );
    expect(await trace(id)).toEqual(before);
    // A submitted report takes no import.
    const reports = await api.get(`/contracts/${id}/reports`, m.advisor.headers);
    const h1 = reports.body.items.find((r: Json) => r.period === '2026-H1');
    expect((await api.post(`/reports/${h1.id}/submission`, m.supplierUser.headers)).status).toBe(200);
    const closed = await upload(id, csv(header, 'internship;;;;1;'));
    expect(closed.status).toBe(409);
  });
});

describe('plan import', () => {
  const planHeader = 'Halfjaar;Soort activiteit;FTE;Maanden;Aantal';

  async function uploadPlan(
    contractId: string,
    body: string,
    options: { dryRun?: boolean; headers?: Headers } = {},
  ) {
    const res = await t.app.request(
      `/api/v1/contracts/${contractId}/plan/imports?dryRun=${options.dryRun ?? false}`,
      {
        method: 'POST',
        headers: {
          ...bearer(options.headers ?? m.supplierUser.headers),
          'Content-Type': 'text/csv',
          'Accept-Language': 'en',
        },
        body,
      },
    );
    return { status: res.status, body: (await res.json()) as Json };
  }

  it('has a template with the half-year column', async () => {
    const id = await newContract();
    const res = await t.app.request(`/api/v1/contracts/${id}/plan/template?format=csv`, {
      headers: { ...bearer(m.supplierUser.headers), 'Accept-Language': 'nl' },
    });
    expect(res.status).toBe(200);
    expect(await withBom(res)).toMatch(/^\ufeffHalfjaar;Soort activiteit;Doelgroep;/);
  });

  it('values the rows like the plan form; a dry run and a refused file save nothing; a new file replaces the items', async () => {
    const id = await newContract();
    const before = await countRows(t.deps.db, m.tenant.id);
    const dry = await uploadPlan(id, csv(planHeader, '2026-H2;job-benefits;1;6;', '2027-H1;internship;;;4'), {
      dryRun: true,
    });
    expect(dry.status, JSON.stringify(dry.body)).toBe(200);
    expect(dry.body).toMatchObject({ rows: 2, created: 0, valueCents: jobCents + 4 * internshipCents });
    const refused = await uploadPlan(
      id,
      csv(planHeader, '2030-H1;job-benefits;1;6;', '2027-H1;internship;;;4'),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: Json) => [e.row, e.column])).toContainEqual([2, 'Halfjaar']);
    expect(new Set(refused.body.errors.map((e: Json) => e.row))).toEqual(new Set([2]));
    expect(await countRows(t.deps.db, m.tenant.id)).toEqual(before);

    const saved = await uploadPlan(
      id,
      csv(planHeader, '2026-H2;job-benefits;1;6;', '2027-H1;internship;;;4'),
    );
    expect(saved.body).toMatchObject({ created: 2, replaced: 0 });
    const again = await uploadPlan(id, csv(planHeader, '2027-H1;internship;;;2'));
    expect(again.body).toMatchObject({ created: 1, replaced: 2, valueCents: 2 * internshipCents });
    const plan = await api.get(`/contracts/${id}/plan`, m.supplierUser.headers);
    expect(plan.body).toMatchObject({ status: 'draft', plannedCents: 2 * internshipCents });
    expect(plan.body.items).toHaveLength(1);
    expect(
      (await uploadPlan(id, csv(planHeader, '2027-H1;internship;;;2'), { headers: m.advisor.headers }))
        .status,
    ).toBe(403);
  });
});
